import { foldForMatching } from './automaton.js';
import { TranscriptError, transcriptIssue, type TranscriptIssue } from './errors.js';
import { deepFreeze, phrasebookSchema, type Phrasebook, type PhrasebookInput } from './phrasebookSchema.js';
import { parseTemplatePattern } from './templatePattern.js';

/**
 * Validates a phrasebook and returns it ready to use: forbidden phrases with what to say instead,
 * required templates, slang particles and customer alert words, each with the seed it comes from.
 *
 * Beyond the shape, it checks what would make matching meaningless: every phrase and exception
 * must keep at least one letter or digit once punctuation and spaces are dropped, must be
 * well-formed UTF-16 (no lone surrogates), every template pattern must keep a fixed part, and
 * entry and template ids must be unique. All problems are reported at once.
 *
 * @param spec - the phrasebook as data
 * @returns the validated phrasebook, a new frozen object (`position` defaults to `anywhere`, `unless` to `[]`, `maxSpan` to 20)
 * @example
 * const book = definePhrasebook({
 *   id: 'acme', label: { zh: '顺达话术', en: 'Shunda phrasebook' }, merchantName: '顺达',
 *   entries: [{ id: 'forbidden.noIdea', rule: 'forbidden', phrases: ['没办法'], instead: '我帮您查询一下',
 *     label: { zh: '没办法', en: '"nothing I can do"' }, seeds: ['001'], severity: 'redLine', speakers: ['agent'] }],
 *   templates: [],
 * });
 * book.entries[0].position //=> 'anywhere'
 * @throws {TranscriptError} listing every problem, one line each: `✖ expected … → at entries[0].phrases[1]`
 */
export function definePhrasebook(spec: PhrasebookInput): Phrasebook {
  const parsed = phrasebookSchema.safeParse(spec, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // A misspelt field (insted for instead) would otherwise be dropped without a word.
      if (issue.code === 'unrecognized_keys') return transcriptIssue(path, 'only the documented fields', issue.keys.map((k) => JSON.stringify(k)).join(', '));
      return transcriptIssue(path, issue.message, issue.code === 'invalid_type' ? describe(issue.input) : undefined);
    });
    throw new TranscriptError('Invalid phrasebook', issues);
  }
  const book = parsed.data;
  const issues: TranscriptIssue[] = [];
  const phraseCheck = (value: string, path: (string | number)[]) => {
    if (!isWellFormed(value)) issues.push(transcriptIssue(path, 'well-formed text (no lone surrogate)', JSON.stringify(value)));
    else if (foldForMatching(value) === '')
      issues.push(transcriptIssue(path, 'a phrase with at least one letter or digit besides punctuation and spaces', JSON.stringify(value)));
  };
  const seen = new Set<string>();
  book.entries.forEach((entry, e) => {
    if (seen.has(entry.id)) issues.push(transcriptIssue(['entries', e, 'id'], 'an id used once', JSON.stringify(entry.id)));
    seen.add(entry.id);
    entry.phrases.forEach((phrase, p) => phraseCheck(phrase, ['entries', e, 'phrases', p]));
    entry.unless.forEach((phrase, p) => phraseCheck(phrase, ['entries', e, 'unless', p]));
  });
  const values = { merchantName: book.merchantName, agentNumber: book.agentNumber };
  book.templates.forEach((template, t) => {
    if (seen.has(template.id)) issues.push(transcriptIssue(['templates', t, 'id'], 'an id used once', JSON.stringify(template.id)));
    seen.add(template.id);
    template.patterns.forEach((pattern, p) => {
      const path = ['templates', t, 'patterns', p];
      if (!isWellFormed(pattern)) issues.push(transcriptIssue(path, 'well-formed text (no lone surrogate)', JSON.stringify(pattern)));
      else if (parseTemplatePattern(pattern, values) === null)
        issues.push(transcriptIssue(path, 'a pattern with at least one fixed part besides placeholders', JSON.stringify(pattern)));
    });
  });
  if (issues.length > 0) throw new TranscriptError('Invalid phrasebook', issues);
  // Frozen: its compiled automaton is cached per object and must never go stale.
  return deepFreeze(book);
}


/** No lone surrogates (String.prototype.isWellFormed is ES2024, past this package's target). */
function isWellFormed(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = value.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

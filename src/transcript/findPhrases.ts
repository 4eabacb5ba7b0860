import { compilePhrasebook } from './compilePhrasebook.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { matchText, type TextHit } from './matchText.js';
import type { Phrasebook, PhraseRule } from './phrasebookSchema.js';
import type { PhrasebookOptions, Speaker } from './types.js';

/** Options of {@link findPhrases}. */
export interface FindPhrasesOptions extends PhrasebookOptions {
  /** Apply each entry's `speakers` as if `speaker` wrote the text; every entry applies when absent. */
  readonly speaker?: Speaker;
  /** Keep only these rules (`forbidden`, `slang`, `alert`, `template`); all when absent. */
  readonly rules?: readonly (PhraseRule | 'template')[];
}

/**
 * Every phrase of a phrasebook found in one text: forbidden phrases, slang particles, alert words
 * and required templates, with UTF-16 offsets into the text as given.
 *
 * Matching is literal (no text ever becomes a regular expression) after folding both sides:
 * NFKC-equivalent characters are equal, full-width letters, digits and punctuation equal their
 * ASCII forms, Latin letters ignore case, and punctuation, spaces, controls and invisible
 * characters are skipped (so "不 清,楚" is "不清楚"). One Aho–Corasick pass over the text finds
 * every phrase, whatever their number.
 *
 * @param text - any string (lone surrogates and all); never throws on it
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - speaker, rules to keep, overlap policy
 * @returns the hits by start offset; `text.slice(hit.start, hit.end) === hit.text`
 * @example
 * findPhrases('这个我不 清楚!', defaultPhrasebook, { rules: ['forbidden'] })
 *   .map((h) => [h.entryId, h.start, h.end, h.instead])
 * //=> [['forbidden.notSure', 3, 7, '我帮您查询一下']]
 */
export function findPhrases(text: string, phrasebook: Phrasebook = defaultPhrasebook, options: FindPhrasesOptions = {}): TextHit[] {
  const hits = matchText(compilePhrasebook(phrasebook), text, { speaker: options.speaker, overlapping: options.overlapping });
  const rules = options.rules;
  return rules === undefined ? hits : hits.filter((hit) => rules.includes(hit.rule));
}

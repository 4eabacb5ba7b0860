import type { Evaluation } from '../records/index.js';
import { TranscriptError, transcriptIssue } from './errors.js';
import type { AutoQaResult, AutoQaSuggestion } from './autoQa.js';

/** Options of {@link mergeAutoQa}. */
export interface MergeAutoQaOptions {
  /** Suggestions below this confidence are left out (default 0: all). */
  readonly minConfidence?: number;
}

/** The parts of an evaluation the merge reads and writes; other fields pass through unchanged. */
export interface RaterEvaluation {
  readonly contactId: string;
  readonly raterId: string;
  readonly scores: Readonly<Record<string, number | 'na'>>;
  readonly bonuses?: readonly string[] | undefined;
  readonly deductions?: readonly string[] | undefined;
  readonly redLines?: readonly string[] | undefined;
}

/**
 * Merges machine suggestions into a rater's evaluation. The rater's choice always wins: an item
 * the rater scored (points or `"na"`) keeps the rater's value; only items the rater left empty
 * take the suggestion. The `forbiddenPhrase` red line is added only when the rater did not score
 * `politeWords` themselves (a rater who scored it has judged the phrase). Bonuses and deductions
 * are the rater's alone.
 *
 * @param suggestions - an `autoQa` result, or its suggestions
 * @param evaluation - the rater's (possibly partial) evaluation, e.g. an `Evaluation`
 * @param options - minimum confidence
 * @returns a new evaluation, the rater's fields kept
 * @example
 * mergeAutoQa([{ itemId: 'greeting', points: 1, confidence: 0.9, reason: '', evidence: [] },
 *   { itemId: 'closing', points: 2, confidence: 0.9, reason: '', evidence: [] }],
 *   { contactId: 'c1', raterId: 'r1', scores: { greeting: 2 } }).scores
 * //=> { greeting: 2, closing: 2 }
 * @throws {TranscriptError} when the suggestions were made for another contact
 */
export function mergeAutoQa<E extends RaterEvaluation = Evaluation>(
  suggestions: AutoQaResult | readonly AutoQaSuggestion[],
  evaluation: E,
  options: MergeAutoQaOptions = {},
): E {
  const result: AutoQaResult | undefined = isResult(suggestions) ? suggestions : undefined;
  const list: readonly AutoQaSuggestion[] = result === undefined ? (suggestions as readonly AutoQaSuggestion[]) : result.suggestions;
  if (result?.contactId !== undefined && result.contactId !== evaluation.contactId) {
    throw new TranscriptError('Cannot merge auto-QA suggestions', [
      transcriptIssue(['contactId'], `suggestions for contact ${JSON.stringify(evaluation.contactId)}`, JSON.stringify(result.contactId)),
    ]);
  }
  const min = options.minConfidence ?? 0;
  const scores: Record<string, number | 'na'> = {};
  for (const suggestion of list) if (suggestion.confidence >= min) scores[suggestion.itemId] = suggestion.points;
  Object.assign(scores, evaluation.scores);
  const raterScoredPoliteWords = Object.hasOwn(evaluation.scores, 'politeWords');
  const machineRedLines =
    result === undefined || raterScoredPoliteWords || !list.some((s) => s.itemId === 'politeWords' && s.confidence >= min) ? [] : result.redLines;
  const redLines = [...(evaluation.redLines ?? [])];
  for (const line of machineRedLines) if (!redLines.includes(line)) redLines.push(line);
  return { ...evaluation, scores, ...(redLines.length > 0 || evaluation.redLines !== undefined ? { redLines } : {}) };
}

function isResult(value: AutoQaResult | readonly AutoQaSuggestion[]): value is AutoQaResult {
  return !Array.isArray(value);
}

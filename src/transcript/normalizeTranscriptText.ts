import { normalizeUnits } from './automaton.js';

/** A text folded for matching, with the way back to the original. */
export interface NormalizedText {
  /** The folded text: NFKC-equivalent, half-width, lower-case, no punctuation or spaces. */
  readonly folded: string;
  /** For each folded code unit: the original UTF-16 offset of the character it came from. */
  readonly starts: readonly number[];
  /** For each folded code unit: the original UTF-16 offset just after that character. */
  readonly ends: readonly number[];
}

/**
 * The text exactly as the matcher sees it, and where each folded unit came from — to explain a
 * hit or to build your own checks on top. Folding: every character to its compatibility form
 * (NFKC-equivalent: full-width ＡＢＣ１２３ → abc123, ㈱ → 株), Latin letters lower-cased,
 * punctuation, spaces (incl. the ideographic space), controls and invisible characters dropped.
 * Emoji and other symbols are kept.
 *
 * @param text - any string; never throws
 * @returns the folded text and the offset maps
 * @example
 * normalizeTranscriptText('不 清,楚!').folded //=> '不清楚'
 * normalizeTranscriptText('不 清,楚!').starts //=> [0, 2, 4]
 */
export function normalizeTranscriptText(text: string): NormalizedText {
  return normalizeUnits(text);
}

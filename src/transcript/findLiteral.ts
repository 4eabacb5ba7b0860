import { normalizeUnits } from './automaton.js';

/**
 * The first occurrence of a phrase in a text after folding both (internal): the original
 * UTF-16 span, or `null`. For the few phrases built at check time (a customer's surname), where
 * compiling an automaton would not pay.
 */
export function findLiteral(text: string, phrase: string, from = 0): { start: number; end: number } | null {
  const { folded, starts, ends } = normalizeUnits(text);
  const needle = normalizeUnits(phrase).folded;
  if (needle === '') return null;
  let at = folded.indexOf(needle);
  while (at >= 0 && (starts[at] as number) < from) at = folded.indexOf(needle, at + 1);
  if (at < 0) return null;
  return { start: starts[at] as number, end: ends[at + needle.length - 1] as number };
}

/**
 * Mean, minimum, maximum and population standard deviation of a set of numbers.
 * All `null` (with `reason`) when the set is empty.
 */
export interface Spread {
  readonly count: number;
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /**
   * Population standard deviation, √(Σ (x − mean)² / count): the raters of a call are all
   * the raters there are for it, not a sample of a larger set. 0 for a single value.
   */
  readonly sd: number | null;
  readonly reason: string | null;
}

/**
 * Describes how a set of numbers spreads.
 *
 * @param values - the numbers (finite)
 * @param emptyReason - the reason given when there are none
 * @returns their spread
 * @example
 * spreadOf([80, 90, 100]) //=> { count: 3, mean: 90, min: 80, max: 100, sd: 8.1649…, reason: null }
 */
export function spreadOf(values: readonly number[], emptyReason = 'no values'): Spread {
  const count = values.length;
  if (count === 0) return { count, mean: null, min: null, max: null, sd: null, reason: emptyReason };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / count;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { count, mean, min, max, sd: Math.sqrt(ss / count), reason: null };
}

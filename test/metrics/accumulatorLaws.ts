import fc from 'fast-check';
import { expect } from 'vitest';
import type { Accumulator, KpiResult } from '../../src/metrics/index.js';

const run = <R, S, Res extends KpiResult>(acc: Accumulator<R, S, Res>, records: readonly R[]): Res => {
  let state = acc.empty();
  for (const r of records) state = acc.add(state, r);
  return acc.result(state);
};

/** Numbers to 12 significant digits, so float sums in another order compare equal. */
export const normalize = (result: unknown): unknown =>
  typeof result === 'number'
    ? Number(result.toPrecision(12))
    : result !== null && typeof result === 'object'
      ? Object.fromEntries(Object.entries(result).map(([k, v]) => [k, normalize(v)]))
      : result;

/** Splits a list at the given cut points (sorted, within bounds). */
const split = <T>(list: readonly T[], cuts: readonly number[]): T[][] => {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const p of points) {
    parts.push(list.slice(from, p));
    from = p;
  }
  parts.push(list.slice(from));
  return parts;
};

/**
 * The laws every KPI accumulator keeps, as fast-check properties:
 * 1. the value is null (with a reason) or finite and within `bounds`; numerator and denominator are finite;
 * 2. the result does not depend on record order;
 * 3. merging the states of any split (in any grouping) equals the state of the whole;
 * 4. states survive structured clone (worker threads) and still merge;
 * 5. `add` keeps no reference to the record: feeding one reused object gives the same result.
 */
export function checkAccumulatorLaws<R, S, Res extends KpiResult>(
  make: () => Accumulator<R, S, Res>,
  records: fc.Arbitrary<R>,
  bounds: readonly [number, number],
  numRuns = 150,
): void {
  const acc = make();
  fc.assert(
    fc.property(fc.array(records, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }), (list, cuts) => {
      const whole = run(acc, list);
      // 1. bounds and finiteness
      expect(Number.isFinite(whole.numerator)).toBe(true);
      expect(Number.isFinite(whole.denominator)).toBe(true);
      if (whole.value === null) {
        // No value: an empty denominator, or data that cannot measure the KPI (e.g. no record
        // carries the flag it counts); either way the reason says which.
        expect(typeof whole.reason).toBe('string');
      } else {
        expect(Number.isFinite(whole.value)).toBe(true);
        expect(whole.value).toBeGreaterThanOrEqual(bounds[0] - 1e-9);
        expect(whole.value).toBeLessThanOrEqual(bounds[1] + 1e-9);
      }
      // 2. order
      expect(normalize(run(acc, [...list].reverse()))).toEqual(normalize(whole));
      // 3. merge of any split, folded left and right
      const states = split(list, cuts).map((part) => {
        let s = acc.empty();
        for (const r of part) s = acc.add(s, r);
        return s;
      });
      const left = states.map((s) => structuredClone(s)).reduce((a, b) => acc.merge(a, b), acc.empty());
      const right = states.map((s) => structuredClone(s)).reduceRight((a, b) => acc.merge(b, a), acc.empty());
      expect(normalize(acc.result(left))).toEqual(normalize(whole));
      expect(normalize(acc.result(right))).toEqual(normalize(whole));
      // 4. structured clone of a merged state
      expect(normalize(acc.result(structuredClone(left)))).toEqual(normalize(whole));
      // 5. one reused object for every row
      const reused: Record<string, unknown> = {};
      let state = acc.empty();
      for (const r of list) {
        for (const key of Object.keys(reused)) delete reused[key];
        Object.assign(reused, structuredClone(r));
        state = acc.add(state, reused as R);
      }
      for (const key of Object.keys(reused)) delete reused[key];
      expect(normalize(acc.result(state))).toEqual(normalize(whole));
    }),
    { numRuns },
  );
}

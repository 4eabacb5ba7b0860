import type { Accumulator, KpiDefinition, KpiResult, KpiScopeOptions } from './types.js';
import { MetricsError, type MetricsIssue } from './errors.js';

/**
 * The state most KPIs share: a numerator, a denominator and the records that could not be
 * judged. For a rate the numerator counts hits; for an average it is the sum and the
 * denominator the count. Plain data: it crosses worker threads and merges by addition.
 */
export interface Tally {
  numerator: number;
  denominator: number;
  excluded: number;
}

/** A fresh {@link Tally}. */
export const emptyTally = (): Tally => ({ numerator: 0, denominator: 0, excluded: 0 });

/** Adds `b` into `a` and returns `a`. */
export const mergeTally = (a: Tally, b: Tally): Tally => {
  a.numerator += b.numerator;
  a.denominator += b.denominator;
  a.excluded += b.excluded;
  return a;
};

/**
 * The result of a tally: `numerator / denominator × scale`, or `null` with `reason` when the
 * denominator is 0.
 */
export function tallyResult(state: Tally, reason: string, scale = 1): KpiResult {
  const base =
    state.denominator === 0
      ? { value: null, numerator: state.numerator, denominator: 0, reason }
      : { value: (state.numerator / state.denominator) * scale, numerator: state.numerator, denominator: state.denominator };
  return state.excluded === 0 ? base : { ...base, excluded: state.excluded };
}

/** The accumulator parts every tally-based KPI shares. */
export const tallyParts = (reason: string, scale = 1) => ({
  empty: emptyTally,
  merge: mergeTally,
  result: (state: Tally) => tallyResult(state, reason, scale),
});

/** What `defineKpi` takes: the definition's metadata and the factory of the unscoped accumulator. */
export interface KpiSpec<R, O, S, Res extends KpiResult> extends Omit<KpiDefinition<R, O, S, Res>, 'accumulator'> {
  create(options: O): Accumulator<R, S, Res>;
}

/**
 * Builds a KPI definition; the returned `accumulator(options)` applies the common `where`
 * option around the KPI's own `add`, so each KPI only writes its formula.
 */
export function defineKpi<R, O extends KpiScopeOptions<R>, S, Res extends KpiResult = KpiResult>(
  spec: KpiSpec<R, O, S, Res>,
): KpiDefinition<R, O, S, Res> {
  const { create, ...meta } = spec;
  return {
    ...meta,
    accumulator(options?: O): Accumulator<R, S, Res> {
      const acc = create((options ?? {}) as O);
      const where = options?.where;
      if (where === undefined) return acc;
      const add = acc.add;
      return { empty: acc.empty, merge: acc.merge, result: acc.result, add: (s, r) => (where(r) ? add(s, r) : s) };
    },
  };
}

/**
 * Runs an accumulator over records: `result(add(…add(empty(), r1)…, rn))`.
 *
 * @param accumulator - any KPI accumulator (e.g. `answerRateKpi.accumulator({ … })`)
 * @param records - the records
 * @returns the KPI's result
 * @example
 * accumulate(answerRateKpi.accumulator(), calls) //=> { value: 0.95, numerator: 95, denominator: 100 }
 */
export function accumulate<R, S, Res extends KpiResult>(accumulator: Accumulator<R, S, Res>, records: Iterable<R>): Res {
  let state = accumulator.empty();
  for (const record of records) state = accumulator.add(state, record);
  return accumulator.result(state);
}

/** Collects option problems: a finite number ≥ 0 (or > 0). */
export function checkNonNegative(issues: MetricsIssue[], path: readonly (string | number)[], value: unknown, positive = false): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    issues.push({ path, message: `expected a finite number ${positive ? '> 0' : '≥ 0'}, got ${String(value)}` });
  }
}

/** Collects a problem when `value` is not one of `allowed`. */
export function checkOneOf(issues: MetricsIssue[], path: readonly (string | number)[], value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.push({ path, message: `expected one of ${allowed.map((a) => JSON.stringify(a)).join(' | ')}, got ${JSON.stringify(value)}` });
  }
}

/** Throws a {@link MetricsError} when any problem was collected. */
export function throwIfAny(issues: readonly MetricsIssue[]): void {
  if (issues.length > 0) throw new MetricsError(issues);
}

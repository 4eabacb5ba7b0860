/**
 * Shared types of the metrics room: what a KPI returns, the accumulator every KPI is defined
 * as, and the option types several KPIs share.
 */

/** A bilingual label. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * What every KPI returns.
 *
 * - A rate: `value = numerator / denominator`, a fraction in [0, 1].
 * - An average: `numerator` is the sum (e.g. seconds), `denominator` the count.
 * - NPS: `numerator` is promoters − detractors, `denominator` the responses, `value` in −100..100
 *   (see {@link NpsResult}).
 *
 * An empty denominator gives `value: null` with a `reason`; no KPI ever returns `NaN` or
 * `Infinity`. `excluded` counts records that were in the KPI's scope but could not be judged
 * (e.g. an answered call without any wait time when a threshold applies); they are in neither
 * the numerator nor the denominator, and are counted so nothing is dropped silently.
 */
export interface KpiResult {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** Why `value` is null (only present then). */
  readonly reason?: string;
  /** Records in scope that lacked the data to be judged; absent when 0. */
  readonly excluded?: number;
}

/** The NPS result: {@link KpiResult} plus the three groups of answers. */
export interface NpsResult extends KpiResult {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/**
 * A KPI as a mergeable accumulator. `State` is plain data (numbers, small objects, arrays of
 * numbers) so it crosses worker threads by structured clone and can be stored per group.
 *
 * - `empty()` a fresh state;
 * - `add(state, record)` may mutate `state` and returns it; it never keeps a reference to
 *   `record` (fast readers reuse one object for every row);
 * - `merge(a, b)` may mutate and return `a`; it never changes `b` nor keeps a reference to it
 *   (one state may be merged into several); `merge` is associative and commutative;
 * - `result(state)` does not change the state.
 */
export interface Accumulator<R, S = unknown, Res extends KpiResult = KpiResult> {
  empty(): S;
  add(state: S, record: R): S;
  merge(a: S, b: S): S;
  result(state: S): Res;
}

/**
 * What a KPI's accumulator reads:
 * - `contact`: {@link Contact} (calls and chats),
 * - `complaint`: {@link Complaint},
 * - `contactOrComplaint`: either (reply KPIs of seed 003 count consultations and complaints),
 * - `scoreReport`: `{ percent: number | null }` items (the rubrics room's score reports).
 */
export type KpiRecordType = 'contact' | 'complaint' | 'contactOrComplaint' | 'scoreReport';

/** How a KPI's value reads: a fraction, seconds, a 1–5 score, NPS points, a percentage. */
export type KpiUnit = 'rate' | 'seconds' | 'rating' | 'npsPoints' | 'percent';

/**
 * A KPI: its name (the public key), what it reads, its unit and bounds, and the factory of its
 * accumulator for a set of options (options are resolved once, here).
 */
export interface KpiDefinition<R, O, S, Res extends KpiResult = KpiResult> {
  readonly name: string;
  readonly recordType: KpiRecordType;
  readonly unit: KpiUnit;
  /** The smallest and largest `value` can be (`Infinity` when unbounded, e.g. repeat-complaint rate). */
  readonly bounds: readonly [number, number];
  readonly label: Label;
  /** The seed(s) and passage the formula comes from. */
  readonly source: string;
  accumulator(options?: O): Accumulator<R, S, Res>;
}

/** Options every KPI accepts. */
export interface KpiScopeOptions<R> {
  /**
   * Keep only the records this returns `true` for (e.g. one channel, one queue). Applied before
   * anything else; records it rejects are not counted anywhere.
   */
  readonly where?: (record: R) => boolean;
}

/**
 * Seed 000's "within working hours" (工作时间内, 9:00–18:00 on working days). Bind the calendar
 * room's `isWorkingTime(calendar, instant)`:
 *
 * @example
 * const inHours = (ms: number) => isWorkingTime(shanghaiCalendar, ms);
 * answerRate(calls, { isWorkingTime: inHours, answeredWithinSeconds: 5 });
 */
export interface WorkingTimeOptions {
  /** Keep only contacts offered when this returns `true` (tested on `offeredAt`). */
  readonly isWorkingTime?: (epochMs: number) => boolean;
}

/** The 1–5 rating read as the three-way satisfaction answer when no answer is recorded. */
export interface RatingScale {
  /** Ratings at or above this are `satisfied` (default 4). */
  readonly satisfiedFrom: number;
  /** Ratings at or below this are `unsatisfied` (default 2); between the two is `neutral`. */
  readonly unsatisfiedUpTo: number;
}

import type { Complaint } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkNonNegative, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link callbackTimeliness}. */
export interface CallbackTimelinessOptions extends KpiScopeOptions<Complaint> {
  /** Which complaints need a callback: `flagged` (default, `callbackRequired: true`) or `all`. */
  readonly required?: 'flagged' | 'all';
  /**
   * Which moment is the callback: `calledBackAt` (default; seed 001 电话回访) or `followedUpAt`
   * (seed 002 售后回访).
   */
  readonly doneAt?: 'calledBackAt' | 'followedUpAt';
  /**
   * Where the clock starts: `handled` (default: `resolvedAt`, else `closedAt` — seed 001 "处理完毕
   * 的客户, 24小时内" and seed 002 "处理完成后3个工作日内" both start when handling is done, as the
   * calendar room's follow-up rule does), `closedAt` (teams that count from closing the ticket) or
   * `filedAt`.
   */
  readonly from?: 'handled' | 'closedAt' | 'filedAt';
  /** Hours allowed after the start (default 24, seed 001). */
  readonly withinHours?: number;
  /**
   * The due instant (epoch ms) from the calendar room's SLA rules (e.g. 3 working days after
   * handling is done); when it returns `undefined`, `from` + `withinHours` apply.
   */
  readonly deadline?: (complaint: Complaint) => number | undefined;
  /** The report's moment: callbacks not done whose deadline is after it are pending (`excluded`). */
  readonly asOf?: number;
}

/**
 * Callback timeliness 回访及时率: complaints called back by their deadline ÷ complaints needing a
 * callback. Seed 001: "对投诉或复杂问题处理完毕的客户, 24小时内进行电话回访"; seed 002 §3.3.3: 3
 * working days after handling is done. Complaints whose start is unknown are `excluded`; a callback never
 * made is late.
 *
 * @example
 * const acc = callbackTimelinessKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no complaints needing a callback' }
 */
export const callbackTimelinessKpi = defineKpi({
  name: 'callbackTimeliness',
  recordType: 'complaint',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '回访及时率', en: 'Callback timeliness' },
  source: 'seed 001 §二 满意度回访 (24 h), §三 回访及时率; seed 002 §3.3.3 (3 个工作日)',
  create(options: CallbackTimelinessOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['callbackTimeliness', 'required'], options.required, ['flagged', 'all']);
    checkOneOf(issues, ['callbackTimeliness', 'doneAt'], options.doneAt, ['calledBackAt', 'followedUpAt']);
    checkOneOf(issues, ['callbackTimeliness', 'from'], options.from, ['handled', 'closedAt', 'filedAt']);
    checkNonNegative(issues, ['callbackTimeliness', 'withinHours'], options.withinHours);
    throwIfAny(issues);
    const all = options.required === 'all';
    const followUp = options.doneAt === 'followedUpAt';
    const from = options.from ?? 'handled';
    const withinMs = (options.withinHours ?? 24) * 3_600_000;
    const deadlineOf = options.deadline;
    const asOf = options.asOf;
    const startOf = (c: Complaint): number | undefined =>
      from === 'filedAt' ? c.filedAt : from === 'closedAt' ? c.closedAt : (c.resolvedAt ?? c.closedAt);
    return {
      ...tallyParts('no complaints needing a callback'),
      add(state: Tally, complaint: Complaint): Tally {
        if (!all && complaint.callbackRequired !== true) return state;
        let due = deadlineOf?.(complaint);
        if (due === undefined) {
          const start = startOf(complaint);
          if (start !== undefined) due = start + withinMs;
        }
        const done = followUp ? complaint.followedUpAt : complaint.calledBackAt;
        if (due === undefined || (done === undefined && asOf !== undefined && due > asOf)) {
          state.excluded++;
          return state;
        }
        state.denominator++;
        if (done !== undefined && done <= due) state.numerator++;
        return state;
      },
    };
  },
});

/**
 * Callback timeliness (see {@link callbackTimelinessKpi}).
 *
 * @param complaints - complaints
 * @param options - which need a callback, which moment, start, limit, `deadline`, `asOf`, `where`
 * @returns a fraction in [0, 1]; `null` when none needed a callback
 * @example
 * // resolved 10:00, called back next day 09:00 (23 h) ✓; another called back after 30 h ✗
 * callbackTimeliness([a, b]) //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when an option is not one of its words or `withinHours` < 0
 */
export function callbackTimeliness(complaints: Iterable<Complaint>, options?: CallbackTimelinessOptions): KpiResult {
  return accumulate(callbackTimelinessKpi.accumulator(options), complaints);
}

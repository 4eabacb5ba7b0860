import type { Complaint } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link repeatComplaintRate}. */
export interface RepeatComplaintRateOptions extends KpiScopeOptions<Complaint> {
  /**
   * - `nonRepeat` (default; seed 003 exactly): repeats ÷ (all complaints − repeats) — can exceed 1;
   * - `all` (the conventional rate): repeats ÷ all complaints.
   */
  readonly denominator?: 'nonRepeat' | 'all';
}

/**
 * Repeat-complaint rate 客户重复投诉率 (seed 003): 当月重复投诉事件总和 ÷ (当月投诉事件总和 −
 * 当月重复投诉事件总和). A repeat complaint is one about an issue already accepted or answered
 * (`repeatOf` set). Target ≤ 1 %. With the seed's denominator the value is unbounded above (two
 * repeats of one complaint give 2).
 *
 * @example
 * const acc = repeatComplaintRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no complaints that are not repeats' }
 */
export const repeatComplaintRateKpi = defineKpi({
  name: 'repeatComplaintRate',
  recordType: 'complaint',
  unit: 'rate',
  bounds: [0, Infinity],
  label: { zh: '客户重复投诉率', en: 'Repeat-complaint rate' },
  source: 'seed 003 §四.7 客户重复投诉率 ≤ 1%',
  create(options: RepeatComplaintRateOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['repeatComplaintRate', 'denominator'], options.denominator, ['nonRepeat', 'all']);
    throwIfAny(issues);
    const overAll = options.denominator === 'all';
    return {
      ...tallyParts(overAll ? 'no complaints' : 'no complaints that are not repeats'),
      add(state: Tally, complaint: Complaint): Tally {
        if (complaint.repeatOf !== undefined) {
          state.numerator++;
          if (overAll) state.denominator++;
        } else state.denominator++;
        return state;
      },
    };
  },
});

/**
 * Repeat-complaint rate (see {@link repeatComplaintRateKpi}).
 *
 * @param complaints - the month's complaints
 * @param options - denominator, `where`
 * @returns a rate ≥ 0; `null` when the denominator is 0
 * @example
 * // 101 complaints, 1 repeat → 1 ÷ (101 − 1)
 * repeatComplaintRate(complaints) //=> { value: 0.01, numerator: 1, denominator: 100 }
 * @throws {MetricsError} when `denominator` is unknown
 */
export function repeatComplaintRate(complaints: Iterable<Complaint>, options?: RepeatComplaintRateOptions): KpiResult {
  return accumulate(repeatComplaintRateKpi.accumulator(options), complaints);
}

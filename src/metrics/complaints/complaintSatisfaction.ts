import type { Complaint } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link complaintSatisfaction}. */
export interface ComplaintSatisfactionOptions extends KpiScopeOptions<Complaint> {
  /** Only key accounts 大客户 (seed 003's 大客户投诉满意率, target ≥ 95 %). */
  readonly keyAccountsOnly?: boolean;
  /**
   * Complaints without a `satisfied` answer: `notSatisfied` (default; seed 003 divides by every
   * complaint of the month) or `exclude` (left out, counted in `excluded`).
   */
  readonly unrated?: 'notSatisfied' | 'exclude';
}

/**
 * Complaint satisfaction 客户投诉满意率 (seed 003): 当月投诉客户对投诉处理感到满意的数量 ÷
 * 当月客户投诉的总数量. Target ≥ 90 %; key accounts ≥ 95 %.
 *
 * @example
 * const acc = complaintSatisfactionKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no complaints' }
 */
export const complaintSatisfactionKpi = defineKpi({
  name: 'complaintSatisfaction',
  recordType: 'complaint',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '客户投诉满意率', en: 'Complaint satisfaction' },
  source: 'seed 003 §四.9 客户投诉满意率 ≥ 90%, §四.10 大客户投诉满意率 ≥ 95%',
  create(options: ComplaintSatisfactionOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['complaintSatisfaction', 'unrated'], options.unrated, ['notSatisfied', 'exclude']);
    throwIfAny(issues);
    const keyOnly = options.keyAccountsOnly === true;
    const excludeUnrated = options.unrated === 'exclude';
    return {
      ...tallyParts(keyOnly ? 'no key-account complaints' : 'no complaints'),
      add(state: Tally, complaint: Complaint): Tally {
        if (keyOnly && complaint.keyAccount !== true) return state;
        const satisfied = complaint.satisfied;
        if (satisfied === undefined && excludeUnrated) state.excluded++;
        else {
          state.denominator++;
          if (satisfied === true) state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Complaint satisfaction (see {@link complaintSatisfactionKpi}).
 *
 * @param complaints - complaints
 * @param options - key accounts, unrated policy, `where`
 * @returns a fraction in [0, 1]; `null` when there are no complaints in scope
 * @example
 * complaintSatisfaction([{ …, satisfied: true }, { …, satisfied: false }, { … }])
 * //=> { value: 0.3333333333333333, numerator: 1, denominator: 3 }
 * @throws {MetricsError} when `unrated` is unknown
 */
export function complaintSatisfaction(complaints: Iterable<Complaint>, options?: ComplaintSatisfactionOptions): KpiResult {
  return accumulate(complaintSatisfactionKpi.accumulator(options), complaints);
}

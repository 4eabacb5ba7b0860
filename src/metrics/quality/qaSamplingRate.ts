import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';
import { MetricsError } from '../errors.js';

/** Options of {@link qaSamplingRate}: say which contacts were QA-scored, one way or the other. */
export interface QaSamplingRateOptions extends KpiScopeOptions<Contact> {
  /** Ids of the contacts that have an evaluation (e.g. `new Set(evaluations.map((e) => e.contactId))`). */
  readonly evaluatedIds?: ReadonlySet<string> | readonly string[];
  /** Or: whether a contact was QA-scored. */
  readonly isEvaluated?: (contact: Contact) => boolean;
}

/**
 * QA sampling rate 抽检率 (seed 002 §7.1): contacts QA-scored ÷ contacts. The accumulator reads
 * contacts, so it groups by agent, day or month and merges like every KPI; the set of evaluated
 * ids is bound once. Target ≥ 20 % daily (group by day to check it).
 *
 * @example
 * const acc = qaSamplingRateKpi.accumulator({ evaluatedIds: [] });
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts' }
 */
export const qaSamplingRateKpi = defineKpi({
  name: 'qaSamplingRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '抽检率', en: 'QA sampling rate' },
  source: 'seed 002 §7.1 抽检率不低于20% (每日)',
  create(options: QaSamplingRateOptions) {
    const ids = options.evaluatedIds;
    const judge = options.isEvaluated;
    if (ids === undefined && judge === undefined) {
      throw new MetricsError([{ path: ['qaSamplingRate'], message: 'expected `evaluatedIds` or `isEvaluated`, got neither' }]);
    }
    const set: ReadonlySet<string> | undefined = ids === undefined ? undefined : ids instanceof Set ? ids : new Set(ids as readonly string[]);
    return {
      ...tallyParts('no contacts'),
      add(state: Tally, contact: Contact): Tally {
        state.denominator++;
        if ((set !== undefined && set.has(contact.id)) || (judge !== undefined && judge(contact))) state.numerator++;
        return state;
      },
    };
  },
});

/**
 * QA sampling rate (see {@link qaSamplingRateKpi}).
 *
 * @param contacts - the contacts that could have been sampled
 * @param options - `evaluatedIds` or `isEvaluated`, `where`
 * @returns a fraction in [0, 1]; `null` when there are no contacts
 * @example
 * qaSamplingRate(tenContacts, { evaluatedIds: ['c1', 'c2'] }) //=> { value: 0.2, numerator: 2, denominator: 10 }
 * @throws {MetricsError} when neither `evaluatedIds` nor `isEvaluated` is given
 */
export function qaSamplingRate(contacts: Iterable<Contact>, options: QaSamplingRateOptions): KpiResult {
  return accumulate(qaSamplingRateKpi.accumulator(options), contacts);
}

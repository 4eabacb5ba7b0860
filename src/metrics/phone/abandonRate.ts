import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, WorkingTimeOptions } from '../types.js';
import { accumulate, checkNonNegative, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { waitSecondsOf } from './wait.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link abandonRate}. */
export interface AbandonRateOptions extends KpiScopeOptions<Contact>, WorkingTimeOptions {
  /**
   * Leave out "short abandons": unanswered contacts that gave up in less than this many seconds
   * (misdials, instant hang-ups) are in neither numerator nor denominator. Unanswered contacts
   * whose wait is unknown are then `excluded`. Default: none left out.
   */
  readonly shortAbandonSeconds?: number;
}

/**
 * Abandon rate 放弃率: contacts not answered ÷ contacts offered (optionally without short
 * abandons). The complement of the plain answer rate; the seeds set no target for it.
 *
 * @example
 * const acc = abandonRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts offered' }
 */
export const abandonRateKpi = defineKpi({
  name: 'abandonRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '放弃率', en: 'Abandon rate' },
  source: 'industry convention (complement of seed 000/003 接通率)',
  create(options: AbandonRateOptions) {
    const issues: MetricsIssue[] = [];
    checkNonNegative(issues, ['abandonRate', 'shortAbandonSeconds'], options.shortAbandonSeconds);
    throwIfAny(issues);
    const short = options.shortAbandonSeconds;
    const inHours = options.isWorkingTime;
    return {
      ...tallyParts('no contacts offered'),
      add(state: Tally, contact: Contact): Tally {
        if (inHours !== undefined && !inHours(contact.offeredAt)) return state;
        if (contact.answered) {
          state.denominator++;
        } else if (short === undefined) {
          state.numerator++;
          state.denominator++;
        } else {
          const wait = waitSecondsOf(contact);
          if (wait === undefined) state.excluded++;
          else if (wait >= short) {
            state.numerator++;
            state.denominator++;
          }
        }
        return state;
      },
    };
  },
});

/**
 * Abandon rate of the given contacts: not answered ÷ offered.
 *
 * @param contacts - contacts offered
 * @param options - short-abandon threshold, working hours, `where`
 * @returns a fraction in [0, 1]; `null` when nothing was offered
 * @example
 * abandonRate([answered, abandonedAfter2s, abandonedAfter40s], { shortAbandonSeconds: 5 })
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `shortAbandonSeconds` is not a finite number ≥ 0
 */
export function abandonRate(contacts: Iterable<Contact>, options?: AbandonRateOptions): KpiResult {
  return accumulate(abandonRateKpi.accumulator(options), contacts);
}

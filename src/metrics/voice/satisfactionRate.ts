import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, RatingScale } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';
import { checkRatingScale, satisfactionOf } from './ratingScale.js';

/** Options of {@link satisfactionRate}. */
export interface SatisfactionRateOptions extends KpiScopeOptions<Contact> {
  /** How a 1–5 rating reads when no three-way answer exists. Default 4–5 / 3 / 1–2. */
  readonly ratingScale?: RatingScale;
  /** Read the 1–5 rating when no three-way answer exists (default `true`). */
  readonly useRating?: boolean;
}

/**
 * Satisfaction rate 满意度: satisfied ÷ (satisfied + neutral + unsatisfied). Contacts with no
 * answer are left out (they are not in the denominator). Seed 000: "满意量/（满意+不满意+一般的总量）
 * 大于或等于97%", for phone and online alike.
 *
 * @example
 * const acc = satisfactionRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no satisfaction answers' }
 */
export const satisfactionRateKpi = defineKpi({
  name: 'satisfactionRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '满意度', en: 'Satisfaction rate' },
  source: 'seed 000 §一.2 / §一.3 满意度 ≥ 97%',
  create(options: SatisfactionRateOptions) {
    const scale = checkRatingScale(options.ratingScale, ['satisfactionRate', 'ratingScale']);
    const useRating = options.useRating ?? true;
    return {
      ...tallyParts('no satisfaction answers'),
      add(state: Tally, contact: Contact): Tally {
        const answer = satisfactionOf(contact, scale, useRating);
        if (answer !== undefined) {
          state.denominator++;
          if (answer === 'satisfied') state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Satisfaction rate of the given contacts (see {@link satisfactionRateKpi}).
 *
 * @param contacts - contacts, rated or not
 * @param options - rating scale, `useRating`, `where`
 * @returns a fraction in [0, 1]; `null` when nobody answered
 * @example
 * satisfactionRate([{ …, satisfaction: 'satisfied' }, { …, csat: 3 }, { …, csat: 5 }, { … }])
 * //=> { value: 0.6666666666666666, numerator: 2, denominator: 3 }
 * @throws {MetricsError} when the rating scale is not increasing
 */
export function satisfactionRate(contacts: Iterable<Contact>, options?: SatisfactionRateOptions): KpiResult {
  return accumulate(satisfactionRateKpi.accumulator(options), contacts);
}

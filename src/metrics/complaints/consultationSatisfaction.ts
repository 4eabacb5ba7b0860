import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, RatingScale } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { checkRatingScale, satisfactionOf } from '../voice/ratingScale.js';
import { isConsultation } from './consultations.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link consultationSatisfaction}. */
export interface ConsultationSatisfactionOptions extends KpiScopeOptions<Contact> {
  /** Which contacts are consultations (default `kind === 'consultation'`). */
  readonly consultation?: (contact: Contact) => boolean;
  /** How a 1–5 rating reads when no three-way answer exists. Default 4–5 / 3 / 1–2. */
  readonly ratingScale?: RatingScale;
  /**
   * Consultations with no answer: `notSatisfied` (default; seed 003 divides by every
   * consultation) or `exclude` (left out, counted in `excluded`).
   */
  readonly unrated?: 'notSatisfied' | 'exclude';
}

/**
 * Consultation satisfaction 客户咨询满意率 (seed 003): 当月咨询客户对答复感到满意的数量 ÷ 当月客户
 * 咨询的总数量. A consultation is satisfied when its answer is `satisfied` (or its 1–5 rating
 * reads so). Target ≥ 95 %.
 *
 * @example
 * const acc = consultationSatisfactionKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no consultations' }
 */
export const consultationSatisfactionKpi = defineKpi({
  name: 'consultationSatisfaction',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '客户咨询满意率', en: 'Consultation satisfaction' },
  source: 'seed 003 §四.8 客户咨询满意率 ≥ 95%',
  create(options: ConsultationSatisfactionOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['consultationSatisfaction', 'unrated'], options.unrated, ['notSatisfied', 'exclude']);
    throwIfAny(issues);
    const scale = checkRatingScale(options.ratingScale, ['consultationSatisfaction', 'ratingScale']);
    const consultation = options.consultation ?? isConsultation;
    const excludeUnrated = options.unrated === 'exclude';
    return {
      ...tallyParts('no consultations'),
      add(state: Tally, contact: Contact): Tally {
        if (!consultation(contact)) return state;
        const answer = satisfactionOf(contact, scale, true);
        if (answer === undefined && excludeUnrated) state.excluded++;
        else {
          state.denominator++;
          if (answer === 'satisfied') state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Consultation satisfaction (see {@link consultationSatisfactionKpi}).
 *
 * @param contacts - contacts (only consultations count)
 * @param options - which are consultations, rating scale, unrated policy, `where`
 * @returns a fraction in [0, 1]; `null` when there are no consultations
 * @example
 * consultationSatisfaction([{ …consultation, satisfaction: 'satisfied' }, { …consultation, csat: 3 }])
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `unrated` is unknown or the scale is not increasing
 */
export function consultationSatisfaction(contacts: Iterable<Contact>, options?: ConsultationSatisfactionOptions): KpiResult {
  return accumulate(consultationSatisfactionKpi.accumulator(options), contacts);
}

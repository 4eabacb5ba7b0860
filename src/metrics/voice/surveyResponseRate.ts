import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, emptyTally, mergeTally, tallyResult, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link surveyResponseRate}. */
export interface SurveyResponseRateOptions extends KpiScopeOptions<Contact> {
  /** Which answer counts as a response: `any` (default), `csat`, `satisfaction` or `nps`. */
  readonly answer?: 'any' | 'csat' | 'satisfaction' | 'nps';
}

/** A tally that also counts the contacts that say whether a survey was offered. */
export interface SurveyTally extends Tally {
  offerKnown: number;
}

/**
 * Survey response rate 回收率: contacts that answered ÷ contacts surveyed. A contact is surveyed
 * when `surveyed` is `true`, or when it answered (an answer implies the survey was offered, so
 * the rate never exceeds 1). Seed 002 §4.3: "通过服务结束后弹窗问卷收集，回收率≥80%".
 *
 * When no contact says whether a survey was offered (`surveyed` absent everywhere), the only
 * surveyed contacts known are those that answered, and the rate would be 100 % by construction:
 * the value is then `null` ("not measured").
 *
 * @example
 * const acc = surveyResponseRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts surveyed' }
 */
export const surveyResponseRateKpi = defineKpi({
  name: 'surveyResponseRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '问卷回收率', en: 'Survey response rate' },
  source: 'seed 002 §4.3 回收率 ≥ 80%',
  create(options: SurveyResponseRateOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['surveyResponseRate', 'answer'], options.answer, ['any', 'csat', 'satisfaction', 'nps']);
    throwIfAny(issues);
    const which = options.answer ?? 'any';
    const answered = (c: Contact): boolean =>
      which === 'csat'
        ? c.csat !== undefined
        : which === 'satisfaction'
          ? c.satisfaction !== undefined
          : which === 'nps'
            ? c.nps !== undefined
            : c.csat !== undefined || c.satisfaction !== undefined || c.nps !== undefined;
    return {
      empty: (): SurveyTally => ({ ...emptyTally(), offerKnown: 0 }),
      merge(a: SurveyTally, b: SurveyTally): SurveyTally {
        mergeTally(a, b);
        a.offerKnown += b.offerKnown;
        return a;
      },
      result(state: SurveyTally): KpiResult {
        if (state.offerKnown === 0 && state.denominator > 0) {
          return { ...tallyResult(state, ''), value: null, reason: 'no contact says whether a survey was offered (surveyed): the rate would be 100 % by construction' };
        }
        return tallyResult(state, 'no contacts surveyed');
      },
      add(state: SurveyTally, contact: Contact): SurveyTally {
        if (contact.surveyed !== undefined) state.offerKnown++;
        if (answered(contact)) {
          state.numerator++;
          state.denominator++;
        } else if (contact.surveyed === true) state.denominator++;
        return state;
      },
    };
  },
});

/**
 * Survey response rate (see {@link surveyResponseRateKpi}).
 *
 * @param contacts - contacts
 * @param options - which answer counts, `where`
 * @returns a fraction in [0, 1]; `null` when no survey was offered
 * @example
 * surveyResponseRate([{ …, surveyed: true, csat: 5 }, { …, surveyed: true }, { … }])
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `answer` is unknown
 */
export function surveyResponseRate(contacts: Iterable<Contact>, options?: SurveyResponseRateOptions): KpiResult {
  return accumulate(surveyResponseRateKpi.accumulator(options), contacts);
}

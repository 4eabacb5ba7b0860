import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, WorkingTimeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';
import { waitSecondsOf } from './wait.js';

/** Options of {@link averageSpeedOfAnswer}. */
export interface AverageSpeedOfAnswerOptions extends KpiScopeOptions<Contact>, WorkingTimeOptions {}

/**
 * Average speed of answer ASA 平均接听时长: Σ wait of answered contacts ÷ answered contacts, in
 * seconds. Unanswered contacts are not in it; answered ones without a known wait are `excluded`.
 * Seed 001's 考核要点 "平均接听时长" for 接听时效.
 *
 * @example
 * const acc = averageSpeedOfAnswerKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no answered contacts' }
 */
export const averageSpeedOfAnswerKpi = defineKpi({
  name: 'averageSpeedOfAnswer',
  recordType: 'contact',
  unit: 'seconds',
  bounds: [0, Infinity],
  label: { zh: '平均接听时长', en: 'Average speed of answer' },
  source: 'seed 001 §三 接听时效 (平均接听时长)',
  create(options: AverageSpeedOfAnswerOptions) {
    const inHours = options.isWorkingTime;
    return {
      ...tallyParts('no answered contacts'),
      add(state: Tally, contact: Contact): Tally {
        if (!contact.answered || (inHours !== undefined && !inHours(contact.offeredAt))) return state;
        const wait = waitSecondsOf(contact);
        if (wait === undefined) state.excluded++;
        else {
          state.numerator += wait;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Average speed of answer in seconds (see {@link averageSpeedOfAnswerKpi}).
 *
 * @param contacts - contacts offered (unanswered ones are skipped)
 * @param options - working hours, `where`
 * @returns mean wait in seconds: numerator = Σ wait, denominator = answered; `null` when none answered
 * @example
 * averageSpeedOfAnswer([answeredAfter3s, answeredAfter8s, abandoned]) //=> { value: 5.5, numerator: 11, denominator: 2 }
 */
export function averageSpeedOfAnswer(contacts: Iterable<Contact>, options?: AverageSpeedOfAnswerOptions): KpiResult {
  return accumulate(averageSpeedOfAnswerKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link averageHandleTime}. */
export interface AverageHandleTimeOptions extends KpiScopeOptions<Contact> {
  /**
   * - `handle` (default, industry AHT and the spec): talk + hold + wrap-up of answered contacts;
   *   a missing hold or wrap-up adds nothing; without a talk time, answer to end
   *   (`endedAt − answeredAt`, which already holds any hold) plus wrap-up; without either the
   *   contact is `excluded`.
   * - `resolution` (seed 002's words: 平均解决时长 "从客户发起咨询到问题解决的平均时长"):
   *   `endedAt − offeredAt` of answered contacts; without `endedAt` the contact is `excluded`.
   */
  readonly definition?: 'handle' | 'resolution';
}

/**
 * Average handle time AHT, in seconds: Σ handle time of answered contacts ÷ answered contacts.
 * Seed 002 §4.2 targets: phone ≤ 10 min, online ≤ 15 min.
 *
 * @example
 * const acc = averageHandleTimeKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no answered contacts' }
 */
export const averageHandleTimeKpi = defineKpi({
  name: 'averageHandleTime',
  recordType: 'contact',
  unit: 'seconds',
  bounds: [0, Infinity],
  label: { zh: '平均处理时长', en: 'Average handle time' },
  source: 'seed 002 §4.2 平均解决时长 AHT (在线 ≤ 15 min, 电话 ≤ 10 min)',
  create(options: AverageHandleTimeOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['averageHandleTime', 'definition'], options.definition, ['handle', 'resolution']);
    throwIfAny(issues);
    const resolution = options.definition === 'resolution';
    return {
      ...tallyParts('no answered contacts'),
      add(state: Tally, contact: Contact): Tally {
        if (!contact.answered) return state;
        let seconds: number | undefined;
        if (resolution) {
          const ended = contact.endedAt;
          seconds = ended === undefined ? undefined : (ended - contact.offeredAt) / 1000;
        } else {
          const talk = contact.talkSeconds;
          const answeredAt = contact.answeredAt;
          const ended = contact.endedAt;
          // Handle time = talk + hold + wrap-up. Without a talk time, answer → end is the connected
          // time, which already holds the hold: only the wrap-up is added to it.
          if (talk !== undefined) seconds = talk + (contact.holdSeconds ?? 0) + (contact.wrapUpSeconds ?? 0);
          else if (answeredAt !== undefined && ended !== undefined) seconds = (ended - answeredAt) / 1000 + (contact.wrapUpSeconds ?? 0);
        }
        if (seconds === undefined) state.excluded++;
        else {
          state.numerator += seconds;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Average handle time in seconds (see {@link averageHandleTimeKpi}).
 *
 * @param contacts - contacts (unanswered ones are skipped)
 * @param options - definition, `where`
 * @returns mean seconds: numerator = Σ handle time, denominator = answered contacts timed
 * @example
 * averageHandleTime([{ …answered, talkSeconds: 300, holdSeconds: 60, wrapUpSeconds: 60 }, { …answered, talkSeconds: 180 }])
 * //=> { value: 300, numerator: 600, denominator: 2 }
 * @throws {MetricsError} when `definition` is unknown
 */
export function averageHandleTime(contacts: Iterable<Contact>, options?: AverageHandleTimeOptions): KpiResult {
  return accumulate(averageHandleTimeKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, WorkingTimeOptions } from '../types.js';
import { accumulate, checkNonNegative, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { tallyAnsweredWithin } from './wait.js';
import type { MetricsIssue } from '../errors.js';

/** Seconds one ring lasts when not told otherwise (a common 6-second ring cadence). */
export const defaultRingSeconds = 6;

/** Options of {@link ringsToAnswer}. */
export interface RingsToAnswerOptions extends KpiScopeOptions<Contact>, WorkingTimeOptions {
  /** How many rings are allowed (seed 001: 3, "铃响3声内接听"). Default 3. */
  readonly maxRings?: number;
  /** Seconds one ring lasts. Default 6. */
  readonly ringSeconds?: number;
  /**
   * `answered` (default): share of answered contacts picked up within the rings (seed 001's
   * complement of 超时接听率); `offered`: share of all offered contacts.
   */
  readonly denominator?: 'answered' | 'offered';
}

/**
 * Answered within N rings 铃响N声内接听: contacts answered with wait ≤ maxRings × ringSeconds ÷
 * answered (or offered) contacts. Seed 001: "电话铃响3声内接听, 超过10声未接需记录原因并后续回访".
 *
 * @example
 * const acc = ringsToAnswerKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no answered contacts' }
 */
export const ringsToAnswerKpi = defineKpi({
  name: 'ringsToAnswer',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '三声内接听率', en: 'Answered within 3 rings' },
  source: 'seed 001 §二 接听与开场 (铃响3声内接听)',
  create(options: RingsToAnswerOptions) {
    const issues: MetricsIssue[] = [];
    checkNonNegative(issues, ['ringsToAnswer', 'maxRings'], options.maxRings);
    checkNonNegative(issues, ['ringsToAnswer', 'ringSeconds'], options.ringSeconds, true);
    checkOneOf(issues, ['ringsToAnswer', 'denominator'], options.denominator, ['answered', 'offered']);
    throwIfAny(issues);
    const limit = (options.maxRings ?? 3) * (options.ringSeconds ?? defaultRingSeconds);
    const countUnanswered = options.denominator === 'offered';
    const inHours = options.isWorkingTime;
    return {
      ...tallyParts(countUnanswered ? 'no contacts offered' : 'no answered contacts'),
      add(state: Tally, contact: Contact): Tally {
        if (inHours !== undefined && !inHours(contact.offeredAt)) return state;
        return tallyAnsweredWithin(state, contact, limit, countUnanswered);
      },
    };
  },
});

/**
 * Share of contacts answered within `maxRings` rings (see {@link ringsToAnswerKpi}).
 *
 * @param contacts - contacts offered
 * @param options - rings, ring length, denominator, working hours, `where`
 * @returns a fraction in [0, 1]; `null` when the denominator is empty
 * @example
 * ringsToAnswer([answeredAfter12s, answeredAfter20s], { maxRings: 3, ringSeconds: 6 })
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `maxRings` < 0 or `ringSeconds` ≤ 0
 */
export function ringsToAnswer(contacts: Iterable<Contact>, options?: RingsToAnswerOptions): KpiResult {
  return accumulate(ringsToAnswerKpi.accumulator(options), contacts);
}

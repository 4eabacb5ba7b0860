import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, WorkingTimeOptions } from '../types.js';
import { accumulate, checkNonNegative, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { waitSecondsOf } from './wait.js';
import type { MetricsIssue } from '../errors.js';

/** Which contacts form the service level's denominator. */
export type ServiceLevelDenominator = 'offered' | 'answered' | 'answeredAndAbandoned';

/** The service-level threshold when none is given: the industry's "80/20" convention. */
export const defaultServiceLevelSeconds = 20;

/** Options of {@link serviceLevel}. */
export interface ServiceLevelOptions extends KpiScopeOptions<Contact>, WorkingTimeOptions {
  /** Answered within this many seconds counts (seed 000: 5; seed 002: 15). Default 20. */
  readonly thresholdSeconds?: number;
  /**
   * Leave out unanswered contacts that gave up in less than this many seconds (short abandons).
   * Default: none left out.
   */
  readonly shortAbandonSeconds?: number;
  /**
   * The denominator:
   * - `offered` (default): every contact in scope — Amazon Connect's "Service level X" (contacts
   *   answered within X s ÷ contacts queued);
   * - `answeredAndAbandoned`: answered + inbound unanswered — Genesys Cloud's "Service Level %"
   *   with abandons included (usually with short abandons excluded); same as `offered` for
   *   inbound-only data, differs when unanswered outbound attempts are passed;
   * - `answered`: answered contacts only — the "abandons excluded" setting of Genesys Cloud and
   *   Twilio Flex Insights' SLA over handled tasks.
   * (Vendor names describe their usual configuration; check your platform's settings.)
   */
  readonly denominator?: ServiceLevelDenominator;
}

/**
 * Service level: contacts answered within T seconds ÷ the chosen denominator.
 *
 * Seed 000: "等候时候不能超过5s" (T = 5); seed 002 §4.1: phone first response ≤ 15 s (T = 15).
 * Answered contacts whose wait is unknown are `excluded`.
 *
 * @example
 * const acc = serviceLevelKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts in the denominator' }
 */
export const serviceLevelKpi = defineKpi({
  name: 'serviceLevel',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '服务水平', en: 'Service level' },
  source: 'seed 000 §一.2 (5 s); seed 002 §3.1.1/§4.1 (电话 15 s); Genesys / Amazon Connect / Twilio conventions',
  create(options: ServiceLevelOptions) {
    const issues: MetricsIssue[] = [];
    checkNonNegative(issues, ['serviceLevel', 'thresholdSeconds'], options.thresholdSeconds);
    checkNonNegative(issues, ['serviceLevel', 'shortAbandonSeconds'], options.shortAbandonSeconds);
    checkOneOf(issues, ['serviceLevel', 'denominator'], options.denominator, ['offered', 'answered', 'answeredAndAbandoned']);
    throwIfAny(issues);
    const threshold = options.thresholdSeconds ?? defaultServiceLevelSeconds;
    const short = options.shortAbandonSeconds;
    const inHours = options.isWorkingTime;
    const denominator = options.denominator ?? 'offered';
    const countUnanswered = denominator !== 'answered';
    const inboundOnly = denominator === 'answeredAndAbandoned';
    return {
      ...tallyParts('no contacts in the denominator'),
      add(state: Tally, contact: Contact): Tally {
        if (inHours !== undefined && !inHours(contact.offeredAt)) return state;
        if (contact.answered) {
          const wait = waitSecondsOf(contact);
          if (wait === undefined) state.excluded++;
          else {
            state.denominator++;
            if (wait <= threshold) state.numerator++;
          }
        } else if (countUnanswered && (!inboundOnly || contact.direction === 'inbound')) {
          if (short === undefined) state.denominator++;
          else {
            const wait = waitSecondsOf(contact);
            if (wait === undefined) state.excluded++;
            else if (wait >= short) state.denominator++;
          }
        }
        return state;
      },
    };
  },
});

/**
 * Service level of the given contacts (see {@link serviceLevelKpi}).
 *
 * @param contacts - contacts offered
 * @param options - threshold, short abandons, denominator, working hours, `where`
 * @returns a fraction in [0, 1]; `null` when the denominator is empty
 * @example
 * serviceLevel([answeredAfter3s, answeredAfter8s, abandonedAfter2s], { thresholdSeconds: 5, shortAbandonSeconds: 5 })
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when a threshold is not a finite number ≥ 0 or the denominator is unknown
 */
export function serviceLevel(contacts: Iterable<Contact>, options?: ServiceLevelOptions): KpiResult {
  return accumulate(serviceLevelKpi.accumulator(options), contacts);
}

import { analyseTranscript } from './analyseTranscript.js';
import { alertsOf, type CustomerAlert, type CustomerAlertsOptions } from './customerAlerts.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { holdsOf, type HoldEvent, type HoldEventsOptions } from './holdEvents.js';
import type { Phrasebook } from './phrasebookSchema.js';
import { responseTiming, type ResponseTiming, type ResponseTimingOptions } from './responseTiming.js';
import type { TranscriptContact } from './types.js';

/** Options of {@link transcriptTiming}: those of its three parts. */
export interface TranscriptTimingOptions extends ResponseTimingOptions, HoldEventsOptions, CustomerAlertsOptions {}

/** Everything timed in one contact. */
export interface TranscriptTiming {
  readonly responses: ResponseTiming;
  readonly holds: readonly HoldEvent[];
  /** Holds longer than the limit without a callback offer. */
  readonly holdViolations: number;
  readonly alerts: readonly CustomerAlert[];
}

/**
 * The timing of a transcript in one call: response times (`responseTiming`), holds
 * (`holdEvents`) and customer alerts with their supervisor deadline (`customerAlerts`), the
 * messages read and scanned once.
 *
 * @param contact - any contact with `messages`
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - targets, hold limit, supervisor deadline
 * @returns responses, holds, the count of hold violations, alerts
 * @example
 * transcriptTiming({ offeredAt: 0, messages: [{ from: 'customer', at: 0, text: '不解决我就投诉' },
 *   { from: 'agent', at: 20_000, text: '非常抱歉' }] }).alerts[0]?.dueAt
 * //=> 300000
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function transcriptTiming(
  contact: TranscriptContact,
  phrasebook: Phrasebook = defaultPhrasebook,
  options: TranscriptTimingOptions = {},
): TranscriptTiming {
  const analysis = analyseTranscript(contact, phrasebook);
  const holds = holdsOf(analysis, options);
  return {
    responses: responseTiming(contact, options),
    holds,
    holdViolations: holds.filter((hold) => hold.violation).length,
    alerts: alertsOf(analysis, options),
  };
}

import { analyseTranscript, type TranscriptAnalysis } from './analyseTranscript.js';
import { alertsOf } from './customerAlerts.js';
import { scriptChecksOf, type ScriptCheckId } from './checkScript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { holdsOf, type HoldEventsOptions } from './holdEvents.js';
import type { Phrasebook } from './phrasebookSchema.js';
import type { TranscriptContact } from './types.js';

/**
 * The checks a contact must pass to count as script-compliant by default: the standard greeting
 * first, "anything else?" (seed 000 lists it as the 结束语), the standard closing last, and no
 * forbidden phrase — seed 002's 话术合规率 (问候语、解答逻辑、结束语; the answer logic is a
 * rater's judgement and is not checked).
 */
export const defaultScriptRequirements: readonly ScriptCheckId[] = ['greeting', 'anythingElse', 'closing', 'forbiddenPhrases'];

/** Options of {@link transcriptSummary} and `scriptCompliant`. */
export interface TranscriptSummaryOptions extends HoldEventsOptions {
  /** The checks that must not fail (default {@link defaultScriptRequirements}). */
  readonly require?: readonly ScriptCheckId[];
}

/** The per-contact numbers the KPIs read. */
export interface TranscriptSummary {
  /** `null` when nothing could be checked (no messages, no agent message, every required check not applicable). */
  readonly scriptCompliant: boolean | null;
  /** Why `scriptCompliant` is null (only then). */
  readonly reason?: string;
  /** Required checks that failed. */
  readonly failedChecks: readonly ScriptCheckId[];
  readonly forbiddenHits: number;
  readonly slangHits: number;
  /** Customer alert words (seed 002): each one a supervisor must answer within 5 minutes. */
  readonly alerts: number;
  /** Holds over the limit without a callback offer. */
  readonly holdViolations: number;
}

/** The summary of an analysed transcript (internal). */
export function summaryOf(analysis: TranscriptAnalysis, options: TranscriptSummaryOptions = {}): TranscriptSummary {
  const require = options.require ?? defaultScriptRequirements;
  const { checks, reason } = scriptChecksOf(analysis, options);
  const agentHits = analysis.byMessage.flat().filter((hit) => hit.speaker === 'agent');
  const counts = {
    forbiddenHits: agentHits.filter((hit) => hit.rule === 'forbidden').length,
    slangHits: agentHits.filter((hit) => hit.rule === 'slang').length,
    alerts: alertsOf(analysis).length,
    holdViolations: holdsOf(analysis, options).filter((hold) => hold.violation).length,
  };
  const applicable = require.filter((id) => checks[id].status !== 'notApplicable');
  if (applicable.length === 0) {
    const why = reason ?? checks.greeting.reason;
    return { scriptCompliant: null, reason: why, failedChecks: [], ...counts };
  }
  const failedChecks = applicable.filter((id) => checks[id].status === 'fail');
  return { scriptCompliant: failedChecks.length === 0, failedChecks, ...counts };
}

/**
 * What the KPIs need from one transcript: script compliance, forbidden and slang hits, customer
 * alerts and hold violations, the messages scanned once.
 *
 * @param contact - any contact with `messages`
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - which checks script compliance requires, hold limit
 * @returns the summary
 * @example
 * transcriptSummary({ messages: [{ from: 'customer', at: 0, text: '态度差' }] }).alerts
 * //=> 1
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function transcriptSummary(contact: TranscriptContact, phrasebook: Phrasebook = defaultPhrasebook, options: TranscriptSummaryOptions = {}): TranscriptSummary {
  return summaryOf(analyseTranscript(contact, phrasebook), options);
}

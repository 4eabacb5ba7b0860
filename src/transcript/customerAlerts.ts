import { analyseTranscript, type TranscriptAnalysis } from './analyseTranscript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { evidenceOf } from './evidence.js';
import type { Phrasebook } from './phrasebookSchema.js';
import type { Evidence, Label, TranscriptContact } from './types.js';

/** Seed 002, 7.1: a supervisor must step in within 5 minutes of an alert. */
export const supervisorDeadlineMinutes = 5;

/** Options of {@link customerAlerts}. */
export interface CustomerAlertsOptions {
  /** Minutes a supervisor has to step in (default 5, seed 002). */
  readonly supervisorDeadlineMinutes?: number;
}

/** One alert raised by a customer's words. */
export interface CustomerAlert extends Evidence {
  readonly entryId: string;
  readonly label: Label;
  /** When it was raised: the message's time, epoch ms. */
  readonly raisedAt: number;
  /** When a supervisor must have stepped in: `raisedAt` + the deadline, epoch ms. */
  readonly dueAt: number;
}

/** The alerts of an analysed transcript (internal). */
export function alertsOf(analysis: TranscriptAnalysis, options: CustomerAlertsOptions = {}): CustomerAlert[] {
  const messages = analysis.messages;
  if (messages === null) return [];
  const deadlineMs = (options.supervisorDeadlineMinutes ?? supervisorDeadlineMinutes) * 60_000;
  const alerts: CustomerAlert[] = [];
  analysis.byMessage.forEach((hits, i) => {
    const at = (messages[i] as { at: number }).at;
    for (const hit of hits) {
      if (hit.rule !== 'alert') continue;
      alerts.push({ ...evidenceOf(hit), entryId: hit.entryId, label: hit.label, raisedAt: at, dueAt: at + deadlineMs });
    }
  });
  return alerts;
}

/**
 * Alert words in the customer's messages (seed 002, 7.1 实时预警: 客户投诉关键词如"态度差""不解决",
 * 自动触发预警通知主管,主管需在5分钟内介入处理): each hit raises an alert at the message's time,
 * due `supervisorDeadlineMinutes` later. The words are the phrasebook's `alert` entries (extend
 * them with `extendPhrasebook`).
 *
 * @param contact - any contact with `messages`
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - the supervisor's deadline
 * @returns every alert, in message order
 * @example
 * customerAlerts({ messages: [{ from: 'customer', at: 0, text: '你们客服态度差!' }] })
 *   .map((a) => [a.entryId, a.start, a.dueAt])
 * //=> [['alert.badAttitude', 4, 300000]]
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function customerAlerts(contact: TranscriptContact, phrasebook: Phrasebook = defaultPhrasebook, options: CustomerAlertsOptions = {}): CustomerAlert[] {
  return alertsOf(analyseTranscript(contact, phrasebook), options);
}

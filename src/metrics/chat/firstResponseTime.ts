import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link firstResponseTime}. */
export interface FirstResponseTimeOptions extends KpiScopeOptions<Contact> {
  /**
   * Where the clock starts:
   * - `firstCustomerMessage` (default; the spec): the customer's first message;
   * - `offered`: when the chat reached the center (`offeredAt`) — seed 000's "客户发起对话" read as
   *   the opening of the conversation.
   */
  readonly from?: 'firstCustomerMessage' | 'offered';
}

/**
 * First response time 首次人工响应时效, in seconds: mean over chats of (first human agent
 * message at or after the start − the start). Bot messages never count as a response (seed 000:
 * 商户客服首次人工响应). Only chats are read (calls are skipped); a chat with no customer message
 * (when starting from it) or no agent answer is `excluded`.
 *
 * Seed 000: ≤ 60 s; seed 002 §4.1: online ≤ 30 s (pre-sales ≤ 10 s, §3.1.1).
 *
 * @example
 * const acc = firstResponseTimeKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no chats with a human response' }
 */
export const firstResponseTimeKpi = defineKpi({
  name: 'firstResponseTime',
  recordType: 'contact',
  unit: 'seconds',
  bounds: [0, Infinity],
  label: { zh: '首次人工响应时效', en: 'First response time' },
  source: 'seed 000 §一.3 在线客服服务指标 (≤ 60 s); seed 002 §4.1 FRT (在线 ≤ 30 s), §3.1.1 (售前 10 s)',
  create(options: FirstResponseTimeOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['firstResponseTime', 'from'], options.from, ['firstCustomerMessage', 'offered']);
    throwIfAny(issues);
    const fromOffer = options.from === 'offered';
    return {
      ...tallyParts('no chats with a human response'),
      add(state: Tally, contact: Contact): Tally {
        if (contact.channel !== 'chat') return state;
        const messages = contact.messages;
        let start = fromOffer ? contact.offeredAt : Infinity;
        if (!fromOffer) for (const m of messages) if (m.from === 'customer' && m.at < start) start = m.at;
        let response = Infinity;
        if (start !== Infinity) for (const m of messages) if (m.from === 'agent' && m.at >= start && m.at < response) response = m.at;
        if (response === Infinity) state.excluded++;
        else {
          state.numerator += (response - start) / 1000;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Mean first human response time of chats, in seconds (see {@link firstResponseTimeKpi}).
 *
 * @param contacts - contacts (only chats are read)
 * @param options - clock start, `where`
 * @returns mean seconds: numerator = Σ seconds, denominator = chats answered by a person
 * @example
 * // customer 10:00:00, bot 10:00:01, agent 10:00:40 → 40 s; another chat answered after 20 s
 * firstResponseTime([chatA, chatB]) //=> { value: 30, numerator: 60, denominator: 2 }
 * @throws {MetricsError} when `from` is unknown
 */
export function firstResponseTime(contacts: Iterable<Contact>, options?: FirstResponseTimeOptions): KpiResult {
  return accumulate(firstResponseTimeKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link averageResponseTime}. */
export interface AverageResponseTimeOptions extends KpiScopeOptions<Contact> {
  /**
   * What is averaged:
   * - `turn` (default; seed 000 平均对话响应时间 "商户客服每次回答客户问题的响应时间"): every customer
   *   turn an agent answers, from the turn to the agent's next message;
   * - `contactMean`: each chat's mean response time, averaged over chats;
   * - `contactTotal` (seed 002 ART "单个客户咨询全程响应时长": the whole consultation's response
   *   time): each chat's summed response time, averaged over chats.
   */
  readonly per?: 'turn' | 'contactMean' | 'contactTotal';
  /** Where a customer turn starts: its `first` message (default) or its `last` one. */
  readonly turnStart?: 'first' | 'last';
}

/**
 * Average response time 平均对话响应时间, in seconds. Messages are read in the order given (the
 * records' order of sending). A customer turn is one or more customer messages; the first agent
 * message after it answers it. Bot messages neither start nor answer a turn (seed 000: human
 * responses only). Turns no agent answered are counted in `excluded` (per `turn`), and chats
 * with no answered turn are `excluded` (per contact). Calls are skipped.
 *
 * Seed 000: ≤ 30 s (per turn); seed 002 §4.1: ART online ≤ 5 min (per consultation).
 *
 * @example
 * const acc = averageResponseTimeKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no customer turns answered by an agent' }
 */
export const averageResponseTimeKpi = defineKpi({
  name: 'averageResponseTime',
  recordType: 'contact',
  unit: 'seconds',
  bounds: [0, Infinity],
  label: { zh: '平均对话响应时间', en: 'Average response time' },
  source: 'seed 000 §一.3 平均对话响应时间 (≤ 30 s); seed 002 §4.1 ART (在线 ≤ 5 min, 电话 ≤ 3 min)',
  create(options: AverageResponseTimeOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['averageResponseTime', 'per'], options.per, ['turn', 'contactMean', 'contactTotal']);
    checkOneOf(issues, ['averageResponseTime', 'turnStart'], options.turnStart, ['first', 'last']);
    throwIfAny(issues);
    const per = options.per ?? 'turn';
    const fromLast = options.turnStart === 'last';
    return {
      ...tallyParts(per === 'turn' ? 'no customer turns answered by an agent' : 'no chats with an answered turn'),
      add(state: Tally, contact: Contact): Tally {
        if (contact.channel !== 'chat') return state;
        let turnAt = -1;
        let open = false;
        let sum = 0;
        let turns = 0;
        let unanswered = 0;
        for (const m of contact.messages) {
          if (m.from === 'customer') {
            if (!open || fromLast) turnAt = m.at;
            open = true;
          } else if (m.from === 'agent' && open) {
            sum += Math.max(0, m.at - turnAt) / 1000;
            turns++;
            open = false;
          }
        }
        if (open) unanswered++;
        if (per === 'turn') {
          state.numerator += sum;
          state.denominator += turns;
          state.excluded += unanswered;
        } else if (turns === 0) {
          state.excluded++;
        } else {
          state.numerator += per === 'contactTotal' ? sum : sum / turns;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Average response time of chats, in seconds (see {@link averageResponseTimeKpi}).
 *
 * @param contacts - contacts (only chats are read)
 * @param options - `per`, `turnStart`, `where`
 * @returns mean seconds: numerator = Σ seconds, denominator = turns (or chats)
 * @example
 * // customer 0 s, agent 20 s, customer 60 s, bot 61 s, agent 100 s → turns of 20 s and 40 s
 * averageResponseTime([chat]) //=> { value: 30, numerator: 60, denominator: 2 }
 * @throws {MetricsError} when `per` or `turnStart` is unknown
 */
export function averageResponseTime(contacts: Iterable<Contact>, options?: AverageResponseTimeOptions): KpiResult {
  return accumulate(averageResponseTimeKpi.accumulator(options), contacts);
}

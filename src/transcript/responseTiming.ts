import { readMessages } from './analyseTranscript.js';
import type { TranscriptContact } from './types.js';

/** Seed 000, 在线客服服务指标: first human response within 60 s. */
export const firstResponseTargetSeconds = 60;
/** Seed 000, 在线客服服务指标: average response within 30 s. */
export const averageResponseTargetSeconds = 30;

/** Options of {@link responseTiming}. */
export interface ResponseTimingOptions {
  /** Target for the first human response, seconds (default 60, seed 000; seed 002 asks 30 or less). */
  readonly firstResponseTargetSeconds?: number;
  /** Target for the average response, seconds (default 30, seed 000). */
  readonly averageResponseTargetSeconds?: number;
}

/** One answer to the customer: from their first unanswered message to the agent's next message. */
export interface ResponseGap {
  readonly customerMessageIndex: number;
  readonly agentMessageIndex: number;
  readonly seconds: number;
}

/** How fast people answered in one contact. */
export interface ResponseTiming {
  /** `false` when there are no messages; `reason` says so. */
  readonly checked: boolean;
  readonly reason?: string;
  readonly firstResponse: {
    /** `null` with a reason when there is no human response, or the contact is outbound. */
    readonly seconds: number | null;
    readonly reason?: string;
    readonly messageIndex?: number;
    readonly targetSeconds: number;
    readonly withinTarget: boolean | null;
  };
  /** Every answer, in order; bot messages never answer. */
  readonly gaps: readonly ResponseGap[];
  readonly averageResponse: {
    readonly seconds: number | null;
    readonly reason?: string;
    /** How many gaps the average is over. */
    readonly count: number;
    readonly targetSeconds: number;
    readonly withinTarget: boolean | null;
  };
  /** Customer messages left without any later agent message (the last, unanswered run). */
  readonly unansweredCustomerMessages: number;
}

/**
 * Response times from chat timestamps (seed 000, 在线客服处理规范):
 *
 * - first human response = first agent message `at` − `offeredAt` (首次响应时间:客户发起对话到商户
 *   客服首次人工响应); without `offeredAt`, from the first customer message. Bot messages never
 *   count. Outbound contacts have none (the agent opened them).
 * - each response gap = agent message `at` − the first customer message since the agent last
 *   wrote (每次回答客户问题的响应时间); consecutive customer messages wait together; the answer
 *   that is also the first response counts as a gap too.
 * - average response = sum of gaps ÷ number of gaps; `null` with a reason when there is none.
 *
 * Times that run backwards (clock skew between systems) count as 0 s, never negative.
 *
 * @param contact - any contact with `messages`
 * @param options - targets
 * @returns first response, gaps, average, and whether each meets its target
 * @example
 * responseTiming({ direction: 'inbound', offeredAt: 0, messages: [
 *   { from: 'customer', at: 0, text: '在吗' }, { from: 'bot', at: 1_000, text: '您好,请稍候' },
 *   { from: 'agent', at: 45_000, text: '您好,请问有什么可以帮您?' }] }).firstResponse.seconds
 * //=> 45
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function responseTiming(contact: TranscriptContact, options: ResponseTimingOptions = {}): ResponseTiming {
  const firstTarget = options.firstResponseTargetSeconds ?? firstResponseTargetSeconds;
  const averageTarget = options.averageResponseTargetSeconds ?? averageResponseTargetSeconds;
  const { messages, reason } = readMessages(contact);
  if (messages === null) {
    const why = reason ?? 'nothing to check';
    return {
      checked: false,
      reason: why,
      firstResponse: { seconds: null, reason: why, targetSeconds: firstTarget, withinTarget: null },
      gaps: [],
      averageResponse: { seconds: null, reason: why, count: 0, targetSeconds: averageTarget, withinTarget: null },
      unansweredCustomerMessages: 0,
    };
  }
  const gaps: ResponseGap[] = [];
  let waitingSince: number | null = null;
  let waitingIndex = -1;
  let unanswered = 0;
  messages.forEach((message, i) => {
    if (message.from === 'customer') {
      unanswered++;
      if (waitingSince === null) {
        waitingSince = message.at;
        waitingIndex = i;
      }
    } else if (message.from === 'agent') {
      unanswered = 0;
      if (waitingSince !== null) {
        gaps.push({ customerMessageIndex: waitingIndex, agentMessageIndex: i, seconds: Math.max(0, message.at - waitingSince) / 1000 });
        waitingSince = null;
      }
    }
  });

  const firstAgent = messages.findIndex((m) => m.from === 'agent');
  const firstCustomer = messages.find((m) => m.from === 'customer');
  const start = contact.offeredAt ?? firstCustomer?.at;
  let firstResponse: ResponseTiming['firstResponse'];
  if (contact.direction === 'outbound') {
    firstResponse = { seconds: null, reason: 'an outbound contact: the agent opened it', targetSeconds: firstTarget, withinTarget: null };
  } else if (firstAgent < 0) {
    firstResponse = { seconds: null, reason: 'no agent message: nobody answered', targetSeconds: firstTarget, withinTarget: null };
  } else if (start === undefined) {
    firstResponse = { seconds: null, reason: 'no offeredAt and no customer message to start the clock', targetSeconds: firstTarget, withinTarget: null };
  } else {
    const seconds = Math.max(0, (messages[firstAgent] as { at: number }).at - start) / 1000;
    firstResponse = { seconds, messageIndex: firstAgent, targetSeconds: firstTarget, withinTarget: seconds <= firstTarget };
  }
  const total = gaps.reduce((sum, gap) => sum + gap.seconds, 0);
  const averageResponse: ResponseTiming['averageResponse'] =
    gaps.length === 0
      ? { seconds: null, reason: 'no customer message was answered by an agent', count: 0, targetSeconds: averageTarget, withinTarget: null }
      : { seconds: total / gaps.length, count: gaps.length, targetSeconds: averageTarget, withinTarget: total / gaps.length <= averageTarget };
  return { checked: true, firstResponse, gaps, averageResponse, unansweredCustomerMessages: unanswered };
}

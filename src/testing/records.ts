import fc from 'fast-check';
import type { CallRecord, ChatMessage, ChatRecord, Complaint, Contact } from '../records/index.js';
import { contactKinds, satisfactionAnswers } from '../records/index.js';

/** Options for the record arbitraries. */
export interface ArbitraryContactOptions {
  /** Earliest `offeredAt`, epoch ms. Default 2026-01-01T00:00:00Z. */
  readonly from?: number;
  /** Latest `offeredAt`, epoch ms. Default 2026-12-31T23:59:59Z. */
  readonly to?: number;
  /** Agent ids to draw from. Default `A01`…`A08`. */
  readonly agentIds?: readonly string[];
}

const defaults = {
  from: Date.UTC(2026, 0, 1),
  to: Date.UTC(2026, 11, 31, 23, 59, 59),
  agentIds: ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08'],
};

const seconds = (max: number) => fc.integer({ min: 0, max });

// Optional fields are either present with a valid value or absent (never `undefined`), as the
// parsed records are under `exactOptionalPropertyTypes`.
const optionalFields = (options: ArbitraryContactOptions) =>
  fc.record(
    {
      agentId: fc.constantFrom(...(options.agentIds ?? defaults.agentIds)),
      customerId: fc.integer({ min: 1, max: 5000 }).map((n) => `U${n}`),
      queue: fc.constantFrom('general', 'billing', 'repair'),
      topic: fc.constantFrom('账单查询', 'Technical Support', '报修'),
      kind: fc.constantFrom(...contactKinds),
      talkSeconds: seconds(3600),
      holdSeconds: seconds(600),
      wrapUpSeconds: seconds(600),
      resolvedAtFirstContact: fc.boolean(),
      escalated: fc.boolean(),
      surveyed: fc.boolean(),
      satisfaction: fc.constantFrom(...satisfactionAnswers),
      csat: fc.integer({ min: 1, max: 5 }),
      nps: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: [] },
  );

/**
 * Valid phone calls, as `parseContact` returns them: answered ones with an answer time and the
 * matching wait, unanswered ones with the wait before the caller gave up.
 *
 * @param options - time range and agent ids
 * @returns a fast-check arbitrary of `CallRecord`s
 * @example
 * fc.assert(fc.property(arbitraryCall(), (call) => answerRate([call]).value !== null))
 */
export function arbitraryCall(options: ArbitraryContactOptions = {}): fc.Arbitrary<CallRecord> {
  const from = options.from ?? defaults.from;
  const to = options.to ?? defaults.to;
  return fc
    .record({
      id: fc.uuid(),
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      offeredAt: fc.integer({ min: from, max: to }),
      answered: fc.boolean(),
      waitSeconds: seconds(900),
      extra: optionalFields(options),
    })
    .map(({ extra, ...call }): CallRecord => {
      const base: CallRecord = { channel: 'phone', ...call, ...extra };
      if (call.answered) base.answeredAt = call.offeredAt + call.waitSeconds * 1000;
      return base;
    });
}

/**
 * Valid chats with messages in time order, at or after the chat began.
 *
 * @param options - time range and agent ids
 * @returns a fast-check arbitrary of `ChatRecord`s
 */
export function arbitraryChat(options: ArbitraryContactOptions = {}): fc.Arbitrary<ChatRecord> {
  const from = options.from ?? defaults.from;
  const to = options.to ?? defaults.to;
  const message = fc.record({
    from: fc.constantFrom('customer' as const, 'agent' as const, 'bot' as const),
    afterSeconds: seconds(300),
    text: fc.constantFrom('你好', '您好,很高兴为您服务!', '请问还有其他需求需要咨询吗?', 'ok', '稍等'),
  });
  return fc
    .record({
      id: fc.uuid(),
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      offeredAt: fc.integer({ min: from, max: to }),
      answered: fc.boolean(),
      waitSeconds: seconds(300),
      messages: fc.array(message, { maxLength: 12 }),
      extra: optionalFields(options),
    })
    .map(({ extra, messages, ...chat }): ChatRecord => {
      let at = chat.offeredAt;
      const timed: ChatMessage[] = messages.map((m) => {
        at += m.afterSeconds * 1000;
        return { from: m.from, at, text: m.text };
      });
      const record: ChatRecord = { channel: 'chat', ...chat, ...extra, messages: timed };
      if (chat.answered) record.answeredAt = chat.offeredAt + chat.waitSeconds * 1000;
      return record;
    });
}

/**
 * Valid calls and chats.
 *
 * @param options - time range and agent ids
 * @returns a fast-check arbitrary of `Contact`s
 */
export function arbitraryContact(options: ArbitraryContactOptions = {}): fc.Arbitrary<Contact> {
  return fc.oneof(arbitraryCall(options), arbitraryChat(options));
}

/**
 * Valid complaints: every handling moment at or after the filing, levels 1–4.
 *
 * @param options - time range
 * @returns a fast-check arbitrary of `Complaint`s
 */
export function arbitraryComplaint(options: Pick<ArbitraryContactOptions, 'from' | 'to'> = {}): fc.Arbitrary<Complaint> {
  const from = options.from ?? defaults.from;
  const to = options.to ?? defaults.to;
  const later = fc.integer({ min: 0, max: 14 * 24 * 3600 * 1000 });
  return fc
    .record({
      id: fc.uuid(),
      filedAt: fc.integer({ min: from, max: to }),
      extra: fc.record(
        {
          level: fc.integer({ min: 1, max: 4 }),
          customerId: fc.integer({ min: 1, max: 5000 }).map((n) => `U${n}`),
          acceptedAt: later,
          repliedAt: later,
          resolvedAt: later,
          calledBackAt: later,
          callbackRequired: fc.boolean(),
          satisfied: fc.boolean(),
          keyAccount: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ id, filedAt, extra }): Complaint => {
      const complaint: Complaint = { id, filedAt };
      for (const [key, value] of Object.entries(extra)) {
        const at = key.endsWith('At') && typeof value === 'number' ? filedAt + value : value;
        Object.assign(complaint, { [key]: at });
      }
      return complaint;
    });
}

import { z } from 'zod';
import { epochMs, flag, nonEmptyText, oneOf, seconds } from './fields.js';

/** Channels a contact can come through. */
export const channels = ['phone', 'chat'] as const;
/** Who started the contact. */
export const directions = ['inbound', 'outbound'] as const;
/** What the customer came for; seed 003 counts consultations and complaints separately. */
export const contactKinds = ['consultation', 'complaint', 'suggestion', 'repair', 'other'] as const;
/** The three-way satisfaction answer of seed 000 (满意 / 一般 / 不满意). */
export const satisfactionAnswers = ['satisfied', 'neutral', 'unsatisfied'] as const;
/** Who wrote a chat message. Bot messages never count as a human response (seed 000). */
export const messageAuthors = ['customer', 'agent', 'bot'] as const;

const contactFields = {
  /** The contact's id in the exporting system; unique within an export. */
  id: nonEmptyText('a non-empty id'),
  /** Who started the contact: the customer (`inbound`) or the center (`outbound`). */
  direction: oneOf(directions),
  /** The agent who handled it; absent when nobody answered. */
  agentId: nonEmptyText().optional(),
  /** The customer, for repeat and NPS analysis. Masked in rendered reports. */
  customerId: nonEmptyText().optional(),
  /** The queue, skill group or hotline number the contact arrived on. */
  queue: nonEmptyText().optional(),
  /** Free-text topic as the export names it ("Technical Support", "账单查询"). */
  topic: nonEmptyText().optional(),
  /** What the customer came for, when the export classifies it. */
  kind: oneOf(contactKinds).optional(),
  /** When the contact reached the center (call offered to the queue, chat opened); epoch ms. */
  offeredAt: epochMs(),
  /** Whether a person answered it. */
  answered: flag(),
  /** When a person answered; epoch ms. */
  answeredAt: epochMs().optional(),
  /** When the contact ended; epoch ms. */
  endedAt: epochMs().optional(),
  /**
   * Seconds the customer waited: until answered, or until they gave up when unanswered.
   * Derived from `answeredAt − offeredAt` when absent.
   */
  waitSeconds: seconds().optional(),
  /** Seconds of conversation. */
  talkSeconds: seconds().optional(),
  /** Seconds the customer was on hold. */
  holdSeconds: seconds().optional(),
  /** Seconds of after-contact work (wrap-up). */
  wrapUpSeconds: seconds().optional(),
  /** Whether the issue was resolved in this first contact; absent when unknown. */
  resolvedAtFirstContact: flag().optional(),
  /** Whether the contact was escalated to a supervisor or another department. */
  escalated: flag().optional(),
  /**
   * Whether the contact used the standard greeting, answer logic and closing (seed 002 话术合规率),
   * as judged by QA or the transcript room's `scriptCompliant`; absent when not checked.
   * Read by the metrics room's `scriptCompliance`.
   */
  scriptCompliant: flag().optional(),
  /** Whether a satisfaction survey was offered (the base of the survey response rate). */
  surveyed: flag().optional(),
  /** The three-way satisfaction answer, when the survey asks it that way. */
  satisfaction: oneOf(satisfactionAnswers).optional(),
  /** A 1–5 satisfaction rating (5 best). */
  csat: z
    .number({ error: 'a rating from 1 to 5' })
    .min(1, { error: 'a rating from 1 to 5' })
    .max(5, { error: 'a rating from 1 to 5' })
    .optional(),
  /** A 0–10 likelihood-to-recommend answer. */
  nps: z
    .number({ error: 'a whole number from 0 to 10' })
    .int({ error: 'a whole number from 0 to 10' })
    .min(0, { error: 'a whole number from 0 to 10' })
    .max(10, { error: 'a whole number from 0 to 10' })
    .optional(),
};

/** One message of a chat (or one turn of a call transcript). */
export const chatMessageSchema = z.object({
  /** Who wrote it. */
  from: oneOf(messageAuthors),
  /** When it was sent; epoch ms. */
  at: epochMs(),
  /** What it said, as written. */
  text: z.string({ error: 'a string' }),
});

/** A phone call, after reading: timestamps are epoch milliseconds. */
export const callSchema = z.object({
  /** `phone` for calls. */
  channel: z.literal('phone'),
  ...contactFields,
});

/** A chat, after reading, with its messages. */
export const chatSchema = z.object({
  /** `chat` for online conversations. */
  channel: z.literal('chat'),
  ...contactFields,
  /** The messages in the order they were sent. */
  messages: z.array(chatMessageSchema, { error: 'a list of messages' }),
});

/** A call or a chat, told apart by `channel`. */
export const contactSchema = z.discriminatedUnion('channel', [callSchema, chatSchema], {
  error: 'a channel of "phone" | "chat"',
});

/** A phone call. */
export type CallRecord = z.output<typeof callSchema>;
/** An online chat. */
export type ChatRecord = z.output<typeof chatSchema>;
/** A chat message. */
export type ChatMessage = z.output<typeof chatMessageSchema>;
/** A call or a chat. */
export type Contact = z.output<typeof contactSchema>;
/** The channel of a contact. */
export type Channel = Contact['channel'];
/** What the customer came for. */
export type ContactKind = (typeof contactKinds)[number];
/** The three-way satisfaction answer. */
export type Satisfaction = (typeof satisfactionAnswers)[number];

/** Fields of a contact that hold instants. */
export const contactInstantFields = ['offeredAt', 'answeredAt', 'endedAt'] as const;

import type { CallRecord, ChatMessage, ChatRecord, Complaint } from '../../src/records/index.js';

/** 2026-03-02 10:00 +08:00 (a Monday), the origin of every example. */
export const t0 = Date.parse('2026-03-02T10:00:00+08:00');
export const sec = 1000;
export const hour = 3_600_000;

let n = 0;
/** A call; `answered` defaults to true. */
export const call = (fields: Partial<CallRecord> = {}): CallRecord => ({
  id: `call-${++n}`,
  channel: 'phone',
  direction: 'inbound',
  offeredAt: t0,
  answered: true,
  ...fields,
});

/** A chat with messages given as [from, seconds after t0]. */
export const chat = (messages: readonly [ChatMessage['from'], number][], fields: Partial<ChatRecord> = {}): ChatRecord => ({
  id: `chat-${++n}`,
  channel: 'chat',
  direction: 'inbound',
  offeredAt: t0,
  answered: true,
  messages: messages.map(([from, s]) => ({ from, at: t0 + s * sec, text: '…' })),
  ...fields,
});

/** A complaint filed at t0. */
export const complaint = (fields: Partial<Complaint> = {}): Complaint => ({ id: `cmp-${++n}`, filedAt: t0, ...fields });

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordError, parseContact, safeParseContact, toEpochMs } from '../../src/records/index.js';

const call = {
  id: 'C-1',
  channel: 'phone',
  direction: 'inbound',
  agentId: 'A07',
  offeredAt: '2026-03-02T09:00:00+08:00',
  answered: true,
  answeredAt: '2026-03-02T09:00:04+08:00',
  endedAt: '2026-03-02T09:05:04+08:00',
  talkSeconds: 280,
  holdSeconds: 20,
  wrapUpSeconds: 30,
  csat: 5,
  nps: 9,
} as const;

const chat = {
  id: 'T-1',
  channel: 'chat',
  direction: 'inbound',
  offeredAt: '2026-03-02T10:00:00+08:00',
  answered: true,
  messages: [
    { from: 'customer', at: '2026-03-02T10:00:00+08:00', text: '你好' },
    { from: 'bot', at: '2026-03-02T10:00:01+08:00', text: '您好,请问有什么可以帮到您?' },
    { from: 'agent', at: '2026-03-02T10:00:20+08:00', text: '您好,很高兴为您服务!' },
  ],
} as const;

/** The one-line-per-problem rendering of a rejected contact. */
function problems(input: unknown, options?: Parameters<typeof safeParseContact>[1]): string {
  const result = safeParseContact(input, options);
  if (result.success) throw new Error('expected a rejection');
  return result.error.format();
}

describe('parseContact accepts what real exports contain', () => {
  it('reads timestamps into epoch milliseconds', () => {
    const contact = parseContact(call);
    // 2026-03-02T09:00:00+08:00 = 2026-03-02T01:00:00Z
    expect(contact.offeredAt).toBe(Date.UTC(2026, 2, 2, 1, 0, 0));
    expect(contact.answeredAt).toBe(Date.UTC(2026, 2, 2, 1, 0, 4));
  });

  it('derives the wait from the answer time when the export has no wait', () => {
    // 09:00:04 − 09:00:00 = 4 s
    expect(parseContact(call).waitSeconds).toBe(4);
  });

  it('keeps a given wait rather than deriving one', () => {
    expect(parseContact({ ...call, waitSeconds: 3.5 }).waitSeconds).toBe(3.5);
  });

  it('accepts an answered flag with a wait and no answer time', () => {
    const { answeredAt: _a, endedAt: _e, ...flat } = call;
    const contact = parseContact({ ...flat, waitSeconds: 12 });
    expect(contact.answeredAt).toBeUndefined();
    expect(contact.waitSeconds).toBe(12);
  });

  it('treats empty strings and null in optional fields as absent', () => {
    const contact = parseContact({ ...call, agentId: '', csat: '', nps: null, topic: '', queue: null });
    expect(contact.agentId).toBeUndefined();
    expect(contact.csat).toBeUndefined();
    expect(contact.nps).toBeUndefined();
    expect('topic' in contact).toBe(false);
  });

  it('accepts whole-number ids and reads them as text', () => {
    expect(parseContact({ ...call, id: 1042 }).id).toBe('1042');
  });

  it('reads offset-less timestamps as wall-clock time in a given time zone', () => {
    const contact = parseContact(
      { ...call, offeredAt: '2026-03-02 09:00:00', answeredAt: '2026-03-02 09:00:04', endedAt: '' },
      { timeZone: 'Asia/Shanghai' },
    );
    expect(contact.offeredAt).toBe(Date.UTC(2026, 2, 2, 1, 0, 0));
  });

  it('accepts Dates and epoch milliseconds', () => {
    const at = Date.UTC(2026, 2, 2, 1, 0, 0);
    const contact = parseContact({ ...call, offeredAt: new Date(at), answeredAt: at + 4000, endedAt: undefined });
    expect(contact.offeredAt).toBe(at);
    expect(contact.waitSeconds).toBe(4);
  });

  it('reads a chat with its messages', () => {
    const contact = parseContact(chat);
    expect(contact.channel).toBe('chat');
    if (contact.channel !== 'chat') return;
    expect(contact.messages.map((m) => m.from)).toEqual(['customer', 'bot', 'agent']);
    expect(contact.messages[2]?.at).toBe(Date.UTC(2026, 2, 2, 2, 0, 20));
  });

  it('drops unknown keys, and never lets __proto__ reach a prototype', () => {
    const input = JSON.parse(
      '{"id":"C-9","channel":"phone","direction":"inbound","offeredAt":"2026-03-02T09:00:00Z","answered":false,' +
        '"__proto__":{"polluted":true},"extra":1}',
    ) as unknown;
    const contact = parseContact(input) as Record<string, unknown>;
    expect(Object.keys(contact).sort()).toEqual(['answered', 'channel', 'direction', 'id', 'offeredAt']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(contact)).toBe(Object.prototype);
  });
});

describe('parseContact rejects what a careful QA analyst would reject', () => {
  it('a timestamp without an offset, unless a time zone is given', () => {
    expect(problems({ ...call, offeredAt: '2026-03-02 09:00:00', answeredAt: undefined, endedAt: undefined })).toBe(
      '✖ offeredAt: expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00); ' +
        'this one has no offset and no time zone was given, got "2026-03-02 09:00:00"',
    );
  });

  it('a date that does not exist', () => {
    expect(problems({ ...call, offeredAt: '2026-04-31T09:00:00+08:00', answeredAt: undefined, endedAt: undefined })).toBe(
      '✖ offeredAt: expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00) naming a real date and time, got "2026-04-31T09:00:00+08:00"',
    );
  });

  it('an answer before the contact was offered', () => {
    expect(problems({ ...call, answeredAt: '2026-03-02T08:59:59+08:00' })).toBe(
      '✖ answeredAt: expected a time at or after offeredAt (2026-03-02T01:00:00.000Z), got "2026-03-02T08:59:59+08:00"',
    );
  });

  it('an end before the answer', () => {
    expect(problems({ ...call, endedAt: '2026-03-02T09:00:02+08:00' })).toBe(
      '✖ endedAt: expected a time at or after answeredAt (2026-03-02T01:00:04.000Z), got "2026-03-02T09:00:02+08:00"',
    );
  });

  it('an answer time on an unanswered contact', () => {
    expect(problems({ ...call, answered: false })).toBe(
      '✖ answeredAt: expected no answer time on an unanswered contact (answered is false), got "2026-03-02T09:00:04+08:00"',
    );
  });

  it('negative and non-finite durations', () => {
    expect(problems({ ...call, waitSeconds: -3 })).toBe('✖ waitSeconds: expected a number ≥ 0, got -3');
    expect(problems({ ...call, talkSeconds: Number.POSITIVE_INFINITY })).toBe('✖ talkSeconds: expected a number ≥ 0, got Infinity');
    expect(problems({ ...call, holdSeconds: Number.NaN })).toBe('✖ holdSeconds: expected a number ≥ 0, got NaN');
    expect(problems({ ...call, wrapUpSeconds: '30' })).toBe('✖ wrapUpSeconds: expected a number ≥ 0, got "30"');
  });

  it('csat outside 1–5', () => {
    expect(problems({ ...call, csat: 0 })).toBe('✖ csat: expected a rating from 1 to 5, got 0');
    expect(problems({ ...call, csat: 5.5 })).toBe('✖ csat: expected a rating from 1 to 5, got 5.5');
  });

  it('nps outside the whole numbers 0–10', () => {
    expect(problems({ ...call, nps: 11 })).toBe('✖ nps: expected a whole number from 0 to 10, got 11');
    expect(problems({ ...call, nps: 7.5 })).toBe('✖ nps: expected a whole number from 0 to 10, got 7.5');
    expect(problems({ ...call, nps: -1 })).toBe('✖ nps: expected a whole number from 0 to 10, got -1');
  });

  it('a chat message before the chat began', () => {
    const early = { ...chat, messages: [{ from: 'customer', at: '2026-03-02T09:59:59+08:00', text: '在吗' }] };
    expect(problems(early)).toBe(
      '✖ messages[0].at: expected a time at or after the chat began (offeredAt 2026-03-02T02:00:00.000Z), got "2026-03-02T09:59:59+08:00"',
    );
  });

  it('unknown enum values', () => {
    expect(problems({ ...call, channel: 'email' })).toBe('✖ channel: expected a channel of "phone" | "chat", got "email"');
    expect(problems({ ...call, direction: 'sideways' })).toBe(
      '✖ direction: expected one of "inbound" | "outbound", got "sideways"',
    );
    expect(problems({ ...call, kind: 'praise' })).toBe(
      '✖ kind: expected one of "consultation" | "complaint" | "suggestion" | "repair" | "other", got "praise"',
    );
    expect(problems({ ...call, satisfaction: 'happy' })).toBe(
      '✖ satisfaction: expected one of "satisfied" | "neutral" | "unsatisfied", got "happy"',
    );
    expect(problems({ ...chat, messages: [{ from: 'system', at: chat.offeredAt, text: '' }] })).toBe(
      '✖ messages[0].from: expected one of "customer" | "agent" | "bot", got "system"',
    );
  });

  it('a missing required field, and every problem at once', () => {
    expect(problems({ channel: 'phone', direction: 'inbound', answered: 'yes', waitSeconds: -1 })).toBe(
      [
        '✖ id: expected a non-empty id, got nothing',
        '✖ offeredAt: expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00), got nothing',
        '✖ answered: expected true or false, got "yes"',
        '✖ waitSeconds: expected a number ≥ 0, got -1',
      ].join('\n'),
    );
  });

  it('something that is not an object', () => {
    expect(problems('C-1,phone')).toBe('✖ (record): expected an object, got "C-1,phone"');
    expect(problems([call])).toBe('✖ (record): expected an object, got an array of 1');
  });

  it('names the record and where it came from', () => {
    const result = safeParseContact({ ...call, csat: 9 }, { source: { file: 'calls.csv', line: 12 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(RecordError);
    expect(result.error.recordId).toBe('C-1');
    expect(result.error.issues).toEqual([
      { path: ['csat'], expected: 'a rating from 1 to 5', received: '9', message: 'expected a rating from 1 to 5, got 9' },
    ]);
    expect(result.error.message).toBe('Invalid contact "C-1" (calls.csv:12): 1 problem\n✖ csat: expected a rating from 1 to 5, got 9');
  });

  it('parseContact throws the same error', () => {
    expect(() => parseContact({ ...call, waitSeconds: -3 })).toThrow('✖ waitSeconds: expected a number ≥ 0, got -3');
  });

  it('an unknown time zone is a usage error, not a record problem', () => {
    expect(() => safeParseContact(call, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('instants outside the years 1000–9999', () => {
  it('are refused with a reason, never thrown: 1e16 ms, a year 0025 (which Date.UTC reads as 1925)', () => {
    const huge = safeParseContact({ ...call, offeredAt: 1e16, answeredAt: 0 });
    expect(huge.success).toBe(false);
    if (!huge.success) expect(huge.error.format()).toContain('✖ offeredAt: expected an instant between the years 1000 and 9999, got 10000000000000000');
    expect(safeParseContact({ ...call, offeredAt: '0025-01-01T00:00:00Z', answeredAt: undefined }).success).toBe(false);
    expect(() => toEpochMs('0025-01-01T00:00:00Z')).toThrow(/between the years 1000 and 9999/);
    expect(toEpochMs('1000-01-01T00:00:00Z')).toBe(-30_610_224_000_000);
  });

  it('never make the parser throw, whatever the epoch numbers (property)', () => {
    const ms = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constantFrom(1e16, -1e16, 8.64e15, 8.64e15 + 1));
    fc.assert(
      fc.property(ms, ms, ms, (offeredAt, answeredAt, endedAt) => {
        expect(() => safeParseContact({ ...call, offeredAt, answeredAt, endedAt })).not.toThrow();
      }),
    );
  });
});

describe('toEpochMs', () => {
  it('reads offsets with and without a colon, and Z', () => {
    const utc = Date.UTC(2026, 2, 1, 1, 15);
    expect(toEpochMs('2026-03-01T09:15:00+08:00')).toBe(utc);
    expect(toEpochMs('2026-03-01T09:15:00+0800')).toBe(utc);
    expect(toEpochMs('2026-03-01T01:15:00Z')).toBe(utc);
    expect(toEpochMs('2026-02-28T20:15:00-05:00')).toBe(utc);
    expect(toEpochMs('2026-03-01T01:15:00.250Z')).toBe(utc + 250);
  });

  it('reads wall-clock time across a daylight-saving change in the given zone', () => {
    // 2026-03-08 03:30 in New York is after the spring-forward jump: EDT, UTC−4.
    expect(toEpochMs('2026-03-08 03:30:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 2026-03-07 03:30 is still EST, UTC−5.
    expect(toEpochMs('2026-03-07 03:30:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 7, 8, 30));
  });

  it('throws a RangeError naming what was expected', () => {
    expect(() => toEpochMs('yesterday')).toThrow(
      'expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00), got "yesterday"',
    );
  });
});

describe('properties', () => {
  it('safeParseContact never throws on arbitrary JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        safeParseContact(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('safeParseContact never throws on contact-shaped objects with arbitrary field values', () => {
    const anything = fc.oneof(fc.jsonValue(), fc.double(), fc.date({ noInvalidDate: false }), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.record(
          {
            id: anything,
            channel: fc.oneof(fc.constantFrom('phone', 'chat'), anything),
            direction: anything,
            offeredAt: anything,
            answered: anything,
            answeredAt: anything,
            waitSeconds: anything,
            csat: anything,
            nps: anything,
            messages: fc.oneof(fc.array(fc.record({ from: anything, at: anything, text: anything })), anything),
          },
          { requiredKeys: [] },
        ),
        (value) => {
          const result = safeParseContact(value);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a valid call with any wait and durations ≥ 0 is accepted and keeps its numbers', () => {
    const duration = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(duration, duration, duration, (wait, talk, hold) => {
        const { answeredAt: _a, endedAt: _e, ...flat } = call;
        const contact = parseContact({ ...flat, waitSeconds: wait, talkSeconds: talk, holdSeconds: hold });
        expect([contact.waitSeconds, contact.talkSeconds, contact.holdSeconds]).toEqual([wait, talk, hold]);
      }),
    );
  });
});

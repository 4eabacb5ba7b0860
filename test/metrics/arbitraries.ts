import fc from 'fast-check';
import type { ChatMessage, Complaint, Contact } from '../../src/records/index.js';
import type { QaScoreInput } from '../../src/metrics/index.js';

// Record arbitraries for the metrics properties. Durations are whole seconds and instants whole
// seconds apart, so sums are exact and order independence can be asserted with `toEqual`.

const t0 = Date.UTC(2026, 2, 1, 0, 0, 0);
const second = 1000;

const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const messageArb: fc.Arbitrary<Omit<ChatMessage, 'at'> & { gap: number }> = fc.record({
  from: fc.constantFrom('customer', 'agent', 'bot') as fc.Arbitrary<ChatMessage['from']>,
  gap: fc.integer({ min: 0, max: 120 }),
  text: fc.constant('…'),
});

/** A call or a chat with any combination of optional fields. */
export const contactArb: fc.Arbitrary<Contact> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    channel: fc.constantFrom('phone', 'chat') as fc.Arbitrary<'phone' | 'chat'>,
    direction: fc.constantFrom('inbound', 'outbound') as fc.Arbitrary<'inbound' | 'outbound'>,
    agentId: maybe(fc.constantFrom('a1', 'a2', 'a3')),
    kind: maybe(fc.constantFrom('consultation', 'complaint', 'repair') as fc.Arbitrary<'consultation' | 'complaint' | 'repair'>),
    topic: maybe(fc.constantFrom('billing', 'repair')),
    offset: fc.integer({ min: 0, max: 30 * 86_400 }),
    answered: fc.boolean(),
    wait: maybe(fc.integer({ min: 0, max: 200 })),
    recordWait: fc.boolean(),
    talk: maybe(fc.integer({ min: 0, max: 1800 })),
    hold: maybe(fc.integer({ min: 0, max: 300 })),
    wrap: maybe(fc.integer({ min: 0, max: 300 })),
    duration: maybe(fc.integer({ min: 0, max: 3600 })),
    resolvedAtFirstContact: maybe(fc.boolean()),
    escalated: maybe(fc.boolean()),
    surveyed: maybe(fc.boolean()),
    satisfaction: maybe(fc.constantFrom('satisfied', 'neutral', 'unsatisfied') as fc.Arbitrary<'satisfied' | 'neutral' | 'unsatisfied'>),
    csat: maybe(fc.integer({ min: 1, max: 5 })),
    nps: maybe(fc.integer({ min: 0, max: 10 })),
    scriptCompliant: maybe(fc.boolean()),
    messages: fc.array(messageArb, { maxLength: 8 }),
  })
  .map((r): Contact => {
    const offeredAt = t0 + r.offset * second;
    const answeredAt = r.answered && r.wait !== undefined ? offeredAt + r.wait * second : undefined;
    const base = strip({
      id: r.id,
      direction: r.direction,
      agentId: r.answered ? r.agentId : undefined,
      kind: r.kind,
      topic: r.topic,
      offeredAt,
      answered: r.answered,
      answeredAt,
      // A valid record ends at or after its answer (parseContact rejects endedAt < answeredAt).
      endedAt: r.duration === undefined ? undefined : (answeredAt ?? offeredAt) + r.duration * second,
      waitSeconds: r.recordWait ? r.wait : undefined,
      talkSeconds: r.talk,
      holdSeconds: r.hold,
      wrapUpSeconds: r.wrap,
      resolvedAtFirstContact: r.resolvedAtFirstContact,
      escalated: r.escalated,
      surveyed: r.surveyed,
      satisfaction: r.satisfaction,
      csat: r.csat,
      nps: r.nps,
      scriptCompliant: r.scriptCompliant,
    });
    if (r.channel === 'phone') return { channel: 'phone', ...base };
    let at = offeredAt;
    const messages = r.messages.map((m) => ({ from: m.from, text: m.text, at: (at += m.gap * second) }));
    return { channel: 'chat', ...base, messages };
  });

/** A complaint with any combination of handling moments, each whole hours after filing. */
export const complaintArb: fc.Arbitrary<Complaint> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    level: maybe(fc.integer({ min: 1, max: 5 })),
    offset: fc.integer({ min: 0, max: 30 * 24 }),
    accepted: maybe(fc.integer({ min: 0, max: 5 })),
    replied: maybe(fc.integer({ min: 0, max: 200 })),
    resolved: maybe(fc.integer({ min: 0, max: 200 })),
    closed: maybe(fc.integer({ min: 0, max: 300 })),
    callbackRequired: maybe(fc.boolean()),
    calledBack: maybe(fc.integer({ min: 0, max: 400 })),
    followedUp: maybe(fc.integer({ min: 0, max: 400 })),
    repeatOf: maybe(fc.constantFrom('x1', 'x2')),
    satisfied: maybe(fc.boolean()),
    keyAccount: maybe(fc.boolean()),
  })
  .map((r): Complaint => {
    const filedAt = t0 + r.offset * 3_600_000;
    const h = (n: number | undefined) => (n === undefined ? undefined : filedAt + n * 3_600_000);
    return strip({
      id: r.id,
      level: r.level,
      filedAt,
      acceptedAt: h(r.accepted),
      repliedAt: h(r.replied),
      resolvedAt: h(r.resolved),
      closedAt: h(r.closed),
      callbackRequired: r.callbackRequired,
      calledBackAt: h(r.calledBack),
      followedUpAt: h(r.followedUp),
      repeatOf: r.repeatOf,
      satisfied: r.satisfied,
      keyAccount: r.keyAccount,
    });
  });

/** A score report: a whole percentage or null. */
export const scoreReportArb: fc.Arbitrary<QaScoreInput> = fc.record({
  percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 5 }),
});

import { describe, expect, it } from 'vitest';
import { parseContact, type Contact, type Evaluation } from '../../src/records/index.js';
import { createReportBuilder, type ReportBuilderOptions } from '../../src/report/index.js';

// The builder adds a contact once, to its month × agent × channel × topic cell, and merges the
// cells into their groups when read; past 50,000 cells holding under two contacts each it adds
// the later contacts to their four groups directly. Every path must give the same report.
// 60,000 contacts, each in a cell of its own (293 agents × 250 topics × 2 channels never repeat
// below 73,250): the first 50,000 fill the cells, the rest go straight to their groups.
// Every number is a whole number of seconds, so sums are exact in any order: reports are equal.
const rows = 60_000;
const start = Date.parse('2026-03-01T00:00:00+08:00');
const contacts: Contact[] = Array.from({ length: rows }, (_, i) =>
  parseContact({
    id: `C${i}`,
    channel: i % 2 === 0 ? 'phone' : 'chat',
    direction: 'inbound',
    agentId: `A${i % 293}`,
    ...(i % 7 === 0 ? {} : { topic: `T${Math.floor(i / 293) % 250}` }),
    offeredAt: start + i * 40_000,
    answered: i % 5 !== 0,
    waitSeconds: i % 37,
    ...(i % 5 === 0 ? {} : { talkSeconds: 60 + (i % 300), wrapUpSeconds: i % 50, csat: 1 + (i % 5), nps: i % 11 }),
    ...(i % 2 === 0 ? {} : { messages: [] }),
  }),
);
const evaluations: Evaluation[] = contacts.filter((_, i) => i % 97 === 0).map((c, j) => ({ contactId: c.id, raterId: 'QA1', scores: { total: 60 + (j % 41) } }));
const options: ReportBuilderOptions = {
  timeZone: 'Asia/Shanghai',
  preset: 'ecommerce-manual',
  scoreEvaluation: (e) => ({ percent: e.scores['total'] as number }),
};

describe('cells', () => {
  it('one builder past the cell limit gives the report of a split merged (each part below it)', () => {
    const whole = createReportBuilder(options);
    for (const e of evaluations) whole.addEvaluation(e);
    for (const c of contacts) whole.addContact(c);
    const parts = [0, 1, 2].map((p) => {
      const b = createReportBuilder(options);
      for (const e of evaluations) if (Number(e.contactId.slice(1)) % 3 === p) b.addEvaluation(e);
      contacts.forEach((c, i) => i % 3 === p && b.addContact(c));
      return b;
    });
    const [first, ...rest] = parts;
    for (const b of rest) first?.merge(structuredClone(b.state()));
    const report = whole.finish();
    expect(report.input.contacts).toBe(rows);
    expect(report.byAgent['A0']?.contacts).toBe(Math.ceil(rows / 293));
    expect(report.qa.unmatched).toBe(0);
    expect(first?.finish()).toEqual(report);
  });

  it('state() in the middle of a stream changes nothing: the cells are merged and new ones begin', () => {
    const a = createReportBuilder(options);
    const b = createReportBuilder(options);
    const some = contacts.slice(0, 5_000);
    some.forEach((c, i) => {
      a.addContact(c);
      b.addContact(c);
      if (i % 1_000 === 999) b.state();
    });
    expect(b.finish()).toEqual(a.finish());
    expect(JSON.stringify(b.state())).toBe(JSON.stringify(a.state()));
  });
});

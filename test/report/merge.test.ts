import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseComplaint, parseContact, parseEvaluation } from '../../src/records/index.js';
import { createReportBuilder, type ReportBuilder, type ReportBuilderOptions } from '../../src/report/index.js';
import { generateSampleMonth } from '../../src/scripts/sample/index.js';

// A small sample (about 2 % of a month) is enough to exercise every group and KPI.
const sample = generateSampleMonth({ seed: 11, month: '2026-03', scale: 0.02 });
const contacts = sample.contacts.map((c) => parseContact(c));
const complaints = sample.complaints.map((c) => parseComplaint(c));
const evaluations = sample.evaluations.map((e) => parseEvaluation(e));
const options: ReportBuilderOptions = { timeZone: 'Asia/Shanghai', preset: 'ecommerce-manual', now: Date.parse('2026-04-05T00:00:00+08:00') };

/** Numbers equal up to floating-point summation order (sums of seconds added in another order). */
function expectClose(a: unknown, b: unknown, path = 'report'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) throw new Error(`${path}: ${a} ≠ ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    a.forEach((x, i) => expectClose(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

/** Feeds a builder the records whose partition is `part`; evaluations go where their contact goes. */
function feed(builder: ReportBuilder, part: (i: number) => number, which: number): void {
  const contactPart = new Map(contacts.map((c, i) => [c.id, part(i)]));
  for (const e of evaluations) if ((contactPart.get(e.contactId) ?? 0) === which) builder.addEvaluation(e);
  contacts.forEach((c, i) => part(i) === which && builder.addContact(c));
  complaints.forEach((c, i) => part(i + contacts.length) === which && builder.addComplaint(c));
}

describe('merge', () => {
  const whole = createReportBuilder(options);
  feed(whole, () => 0, 0);
  const expected = whole.finish();

  it('of any split into partitions equals one builder over all (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer(), (parts, seed) => {
        // A deterministic pseudo-random partition of every record.
        const part = (i: number): number => Math.abs(Math.imul(i + 1, 2654435761) ^ seed) % parts;
        const builders = Array.from({ length: parts }, (_, p) => {
          const b = createReportBuilder(options);
          feed(b, part, p);
          return b;
        });
        const [first, ...rest] = builders;
        // Merge through plain states (what a worker would post), in reverse order.
        for (const b of rest.reverse()) first?.merge(structuredClone(b.state()));
        expectClose(first?.finish(), expected);
      }),
      { numRuns: 8 },
    );
  });

  it('refuses states built with other options', () => {
    const a = createReportBuilder(options);
    const b = createReportBuilder({ ...options, timeZone: 'UTC' });
    expect(() => a.merge(b)).toThrow(/expected Asia\/Shanghai, got UTC → at timeZone/);
  });

  it('leaves the merged-in builder unchanged, and finish() does not change the builder', () => {
    const a = createReportBuilder(options);
    const b = createReportBuilder(options);
    feed(a, (i) => i % 2, 0);
    feed(b, (i) => i % 2, 1);
    const before = JSON.stringify(b.state());
    const first = JSON.stringify(a.finish());
    expect(JSON.stringify(a.finish())).toBe(first);
    a.merge(b);
    expect(JSON.stringify(b.state())).toBe(before);
    expectClose(a.finish(), expected);
  });
});

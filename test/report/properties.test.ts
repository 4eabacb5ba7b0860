import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qcRubricV31 } from '../../src/rubrics/index.js';
import { createReportBuilder, renderCsv, renderHtml, renderJson, renderMarkdown, type MonthlyReport } from '../../src/report/index.js';
import { arbitraryComplaint, arbitraryContact, arbitraryEvaluation } from '../../src/testing/index.js';

const finite = (report: MonthlyReport): boolean => {
  let ok = true;
  JSON.stringify(report, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) ok = false;
    return v;
  });
  return ok;
};

describe('report properties over arbitrary records', () => {
  const records = fc.record({
    contacts: fc.array(arbitraryContact({ from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 3, 15) }), { maxLength: 40 }),
    complaints: fc.array(arbitraryComplaint({ from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 3, 15) }), { maxLength: 10 }),
    evaluations: fc.array(arbitraryEvaluation(qcRubricV31), { maxLength: 10 }),
    preset: fc.constantFrom(undefined, 'platform-service-provider', 'ecommerce-manual', 'gas-utility-hotline'),
  });

  it('never throws, never lets NaN or Infinity out, and every renderer works', () => {
    fc.assert(
      fc.property(records, ({ contacts, complaints, evaluations, preset }) => {
        const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', now: Date.parse('2026-05-01T00:00:00Z'), ...(preset === undefined ? {} : { preset }) });
        for (const e of evaluations) builder.addEvaluation(e);
        for (const c of contacts) builder.addContact(c);
        for (const k of complaints) builder.addComplaint(k);
        const report = builder.finish();
        expect(finite(report)).toBe(true);
        expect(report.input.contacts).toBe(contacts.length);
        // Every contact is in exactly one month, one channel, one agent group and one topic group.
        const sum = (groups: Readonly<Record<string, { contacts: number }>>) => Object.values(groups).reduce((s, g) => s + g.contacts, 0);
        expect(sum(report.byMonth)).toBe(contacts.length);
        expect(sum(report.byChannel)).toBe(contacts.length);
        expect(sum(report.byAgent)).toBe(contacts.length);
        expect(sum(report.byTopic)).toBe(contacts.length);
        for (const lang of ['zh', 'en'] as const) {
          expect(renderHtml(report, { lang })).toMatch(/^<!doctype html>/);
          expect(renderMarkdown(report, { lang })).toMatch(/^# /);
          expect(renderCsv(report, { lang })).toMatch(/^group,key,kpi/);
        }
        expect(JSON.parse(renderJson(report)).schema).toBe('callcenter-qa/monthly-report@1');
      }),
      { numRuns: 40 },
    );
  });
});

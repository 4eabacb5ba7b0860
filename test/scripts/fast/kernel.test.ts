import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseContact, type Contact } from '../../../src/records/index.js';
import {
  createReportBuilder,
  type MonthlyReport,
  type ReportBuilder,
  type ReportBuilderOptions,
  type ReportState,
} from '../../../src/report/index.js';
import { cellPlan, type CellSink } from '../../../src/report/cellInput.js';
import { ContactKernel, kernelKpis } from '../../../src/scripts/fast/contactKernel.js';
import type { ScannedContact } from '../../../src/scripts/fast/contactScanner.js';
import { fastIngestContacts } from '../../../src/scripts/fast/index.js';
import { ingestContacts } from '../../../src/scripts/ingest/ingest.js';
import { arbitraryContact } from '../../../src/testing/index.js';

// The fused kernel must give the report the builder gives when each contact is added one by one
// (every KPI's accumulator, default options), for any flat contacts: a chat's messages are the
// empty list in a flat export, which is all the fast path reads.

const fields = [
  'id',
  'channel',
  'direction',
  'agentId',
  'customerId',
  'queue',
  'topic',
  'kind',
  'offeredAt',
  'answered',
  'answeredAt',
  'endedAt',
  'waitSeconds',
  'talkSeconds',
  'holdSeconds',
  'wrapUpSeconds',
  'resolvedAtFirstContact',
  'escalated',
  'surveyed',
  'satisfaction',
  'csat',
  'nps',
  'messages',
] as const;

/** A contact as the scanner's reused row holds it: every key present, absent ones undefined. */
const asRow = (c: Contact): ScannedContact => {
  const row: Record<string, unknown> = {};
  for (const f of fields) row[f] = (c as unknown as Record<string, unknown>)[f];
  if (c.channel === 'chat') row['messages'] = [];
  return row as unknown as ScannedContact;
};
const flat = (c: Contact): Contact => (c.channel === 'chat' ? { ...c, messages: [] } : c);

/** Numbers within 1e-9 (relative): the kernel sums a cell's seconds in the same order, groups may merge cells in another. */
function expectSameReport(actual: MonthlyReport, expected: MonthlyReport): void {
  const walk = (a: unknown, e: unknown, path: string): void => {
    if (typeof a === 'number' && typeof e === 'number') {
      expect(Math.abs(a - e), `${path}: ${a} vs ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
      return;
    }
    if (a !== null && e !== null && typeof a === 'object' && typeof e === 'object') {
      expect(Object.keys(a as object).sort(), path).toEqual(Object.keys(e as object).sort());
      for (const k of Object.keys(e as object)) walk((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    expect(a, path).toEqual(e);
  };
  walk(actual, expected, 'report');
}

function viaKernel(contacts: readonly Contact[], options: ReportBuilderOptions, maxCells?: number): MonthlyReport {
  const builder = createReportBuilder(options);
  const kernel = ContactKernel.for(builder, maxCells);
  if (kernel === undefined) throw new Error('the kernel declined a default builder');
  const texts: string[] = [];
  const numberOf = (text: string | undefined): number => {
    if (text === undefined) return -1;
    const at = texts.indexOf(text);
    return at >= 0 ? at : texts.push(text) - 1;
  };
  for (const c of contacts) kernel.add(asRow(c), numberOf(c.agentId), numberOf(c.topic));
  kernel.flushInto(builder as unknown as CellSink, {
    stringAt: (i: number) => texts[i]!,
  });
  return builder.finish();
}

function oneByOne(contacts: readonly Contact[], options: ReportBuilderOptions): MonthlyReport {
  const builder = createReportBuilder(options);
  for (const c of contacts) builder.addContact(flat(c));
  return builder.finish();
}

const contact = arbitraryContact({
  from: Date.parse('2026-02-20T00:00:00Z'),
  to: Date.parse('2026-04-10T00:00:00Z'),
}).map(flat);

describe('ContactKernel', () => {
  it('computes every contact KPI of a default report', () => {
    const plan = (createReportBuilder() as unknown as CellSink)[cellPlan]();
    expect(plan?.contactKpis.map((k) => k.kpi).sort()).toEqual([...kernelKpis].sort());
  });

  it('takes a report whose kpiOptions set nothing, and leaves one that sets an option to the accumulators', () => {
    const planOf = (kpiOptions: object) => (createReportBuilder({ kpiOptions } as never) as unknown as CellSink)[cellPlan]();
    expect(planOf({})).not.toBeNull();
    expect(planOf({ serviceLevel: undefined })).not.toBeNull();
    expect(planOf({ serviceLevel: {} })).toBeNull(); // an options object, even empty: not assumed to be the defaults
    expect(planOf({ serviceLevel: { thresholdSeconds: 30 } })).toBeNull();
  });

  it('gives the report of adding each contact one by one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(contact, { maxLength: 60 }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
        fc.constantFrom(undefined, '2026-03'),
        fc.constantFrom(undefined, 1, 3), // few cells kept: summed into their groups along the way
        (contacts, timeZone, month, maxCells) => {
          const options = {
            timeZone,
            ...(month === undefined ? {} : { month }),
          };
          expectSameReport(viaKernel(contacts, options, maxCells), oneByOne(contacts, options));
        }
      ),
      { numRuns: 200 }
    );
  });

  it('counts a worked example by hand', () => {
    const base = {
      channel: 'phone',
      direction: 'inbound',
      agentId: 'A1',
      topic: 'Billing',
      kind: 'consultation',
    } as const;
    const contacts = [
      parseContact({
        ...base,
        id: 'P1',
        offeredAt: '2026-03-02T09:00:00+08:00',
        answered: true,
        waitSeconds: 10,
        talkSeconds: 100,
        holdSeconds: 20,
        resolvedAtFirstContact: true,
        csat: 5,
      }),
      parseContact({
        ...base,
        id: 'P2',
        offeredAt: '2026-03-02T09:05:00+08:00',
        answered: true,
        waitSeconds: 30,
        talkSeconds: 200,
        resolvedAtFirstContact: false,
        csat: 3,
      }),
      parseContact({
        ...base,
        id: 'P3',
        offeredAt: '2026-03-02T09:10:00+08:00',
        answered: false,
        waitSeconds: 45,
      }),
    ];
    const k = viaKernel(contacts, { timeZone: 'Asia/Shanghai' }).kpis;
    expect(k['answerRate']?.value).toBeCloseTo(2 / 3, 12);
    expect(k['serviceLevel']?.value).toBeCloseTo(1 / 3, 12); // 10 s within 20 s; 30 s late; the abandoned call counts
    expect(k['averageSpeedOfAnswer']?.value).toBe(20); // (10 + 30) / 2
    expect(k['averageHandleTime']?.value).toBe(160); // (100 + 20 + 200) / 2
    expect(k['firstContactResolution']?.value).toBe(0.5);
    expect(k['csat']?.value).toBe(4);
    expect(k['satisfactionRate']?.value).toBe(0.5); // 5 satisfied, 3 neutral
    expect(k['replyRate']?.value).toBeCloseTo(2 / 3, 12);
  });

  it('declines a builder under a preset, KPI options or evaluations (their rules are the accumulators’ alone)', () => {
    expect(ContactKernel.for(createReportBuilder({ preset: 'platform-service-provider' }))).toBeUndefined();
    expect(
      ContactKernel.for(
        createReportBuilder({
          kpiOptions: { serviceLevel: { thresholdSeconds: 15 } },
        })
      )
    ).toBeUndefined();
    const evaluated = createReportBuilder();
    evaluated.addEvaluation({
      id: 'E1',
      contactId: 'P1',
      rubricId: 'qc-v3.1',
      raterId: 'R1',
      scores: {},
    } as never);
    expect(ContactKernel.for(evaluated)).toBeUndefined();
    expect(ContactKernel.for({ addContact() {}, state: () => null })).toBeUndefined();
  });
});

const dir = mkdtempSync(join(tmpdir(), 'cc-kernel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the fast path with a report builder', () => {
  const header =
    'id,channel,direction,agentId,customerId,queue,topic,kind,offeredAt,answered,answeredAt,endedAt,waitSeconds,talkSeconds,holdSeconds,wrapUpSeconds,resolvedAtFirstContact,escalated,surveyed,satisfaction,csat,nps';
  const rows = [
    'P1,phone,inbound,A1,C1,q,Billing,consultation,2026-03-01T07:59:12+08:00,true,2026-03-01T07:59:20+08:00,2026-03-01T08:03:00+08:00,8,220,0,30,true,false,true,satisfied,5,9',
    'W2,chat,inbound,A2,,online,账单查询,,2026-03-02T10:00:00+08:00,true,,2026-03-02T10:10:00+08:00,12.5,300,0,,,false,false,,,',
    'P3,phone,outbound,,C3,q,,,2026-03-02T11:00:00Z,false,,2026-03-02T11:01:00Z,60,,,,,,,,,',
    'P4,phone,inbound,A1,C4,q,Billing,complaint,2026-03-03T09:00:00+08:00,true,2026-03-03T09:00:04+08:00,,,100,5,10,false,true,true,neutral,3,6',
    'P8,Phone,Inbound, A1 ,C8,q,Billing,Consultation,2026-03-01 09:00:00+08:00,yes,,,0:01:05,10,0,0,,,,,,', // the general path reads it
    'P6,phone,inbound,A1,C6,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,7,', // rejected
    'P1,phone,inbound,A9,C1,q,Billing,consultation,2026-03-05T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // duplicate
    'P9,chat,inbound,A3,C9,q,Billing,consultation,2026-02-28T23:59:59+08:00,false,,2026-03-01T00:10:00+08:00,,,,,,,,,,', // February
  ];

  it('gives the general path’s report, whatever the ranges', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const options = { timeZone: 'Asia/Shanghai' };
    const general = createReportBuilder(options);
    const counts = await ingestContacts([file], { timeZone: 'Asia/Shanghai' }, { onRecord: (c) => general.addContact(c) });
    general.noteInput(counts);
    for (const ranges of [1, 2, 3]) {
      const out = await fastIngestContacts([file], {
        timeZone: 'Asia/Shanghai',
        ranges,
        minSplitBytes: 0,
        createSink: () => createReportBuilder(options),
      });
      if (!out.ok) throw new Error(out.reason);
      const builder: ReportBuilder = createReportBuilder(options);
      for (const state of out.states) builder.merge(state as ReportState);
      builder.noteInput(out.counts);
      expectSameReport(builder.finish(), general.finish());
    }
  });
});

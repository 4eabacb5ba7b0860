import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseContact, type Contact, type Evaluation } from '../../src/records/index.js';
import type { TargetPreset } from '../../src/metrics/index.js';
import { createReportBuilder, monthOfIn, ReportError, reportKpis, type MonthlyReport, type ReportKpiEntry } from '../../src/report/index.js';
import { targetPresets } from '../../src/metrics/index.js';

// A tiny hand-made month in Asia/Shanghai. Handle time = talk + hold + wrap-up.
//   C1 phone A  账单 2026-03-02 09:00 answered  handle 200+40+60 = 300  csat 5
//   C2 phone A  账单 2026-03-02 10:00 answered  handle 100+0+20  = 120  csat 3
//   C3 phone –  报修 2026-03-03 11:00 abandoned
//   C4 chat  B  报修 2026-03-01 07:30+08:00 (= 2026-02-28 23:30 UTC: March in Shanghai) answered handle 400+0+80 = 480  csat 4
//   C5 phone B  账单 2026-02-27 15:00 answered  handle 240+0+60 = 300  csat 2
//   C6 phone A  –    2026-02-10 10:00 abandoned
const raw = [
  { id: 'C1', channel: 'phone', agentId: 'A', topic: '账单', offeredAt: '2026-03-02T09:00:00+08:00', answered: true, answeredAt: '2026-03-02T09:00:10+08:00', talkSeconds: 200, holdSeconds: 40, wrapUpSeconds: 60, csat: 5 },
  { id: 'C2', channel: 'phone', agentId: 'A', topic: '账单', offeredAt: '2026-03-02T10:00:00+08:00', answered: true, answeredAt: '2026-03-02T10:00:30+08:00', talkSeconds: 100, holdSeconds: 0, wrapUpSeconds: 20, csat: 3 },
  { id: 'C3', channel: 'phone', topic: '报修', offeredAt: '2026-03-03T11:00:00+08:00', answered: false, waitSeconds: 50 },
  { id: 'C4', channel: 'chat', agentId: 'B', topic: '报修', offeredAt: '2026-03-01T07:30:00+08:00', answered: true, answeredAt: '2026-03-01T07:30:20+08:00', talkSeconds: 400, holdSeconds: 0, wrapUpSeconds: 80, csat: 4, messages: [] },
  { id: 'C5', channel: 'phone', agentId: 'B', topic: '账单', offeredAt: '2026-02-27T15:00:00+08:00', answered: true, answeredAt: '2026-02-27T15:00:05+08:00', talkSeconds: 240, wrapUpSeconds: 60, csat: 2 },
  { id: 'C6', channel: 'phone', agentId: 'A', offeredAt: '2026-02-10T10:00:00+08:00', answered: false, waitSeconds: 20 },
].map((c) => parseContact({ direction: 'inbound', ...c }));

const preset: TargetPreset = {
  name: 'hand-made',
  label: { zh: '测试', en: 'Test' },
  source: 'test',
  targets: [
    { id: 'answerRate', kpi: 'answerRate', comparator: 'atLeast', threshold: 0.75, label: { zh: '接通率', en: 'Answer rate' }, source: 'test' },
    { id: 'averageHandleTime', kpi: 'averageHandleTime', comparator: 'atMost', threshold: 300, label: { zh: '平均处理时长', en: 'AHT' }, source: 'test' },
  ],
};

// The evaluation's "score" is read from a stub scorer: the percent is scores.total.
const evaluation = (contactId: string, percent: number): Evaluation => ({ contactId, raterId: 'QA1', scores: { total: percent } });
const stubScore = (e: Evaluation) => ({ percent: e.scores['total'] as number });

function build(contacts: readonly Contact[], evaluations: readonly Evaluation[] = []): MonthlyReport {
  const builder = createReportBuilder({
    timeZone: 'Asia/Shanghai',
    preset,
    kpis: ['answerRate', 'averageHandleTime', 'csat', 'qaScore'],
    scoreEvaluation: stubScore,
    slaRuleSets: [],
  });
  for (const e of evaluations) builder.addEvaluation(e);
  for (const c of contacts) builder.addContact(c);
  return builder.finish();
}

const kpi = (group: { kpis: Readonly<Record<string, ReportKpiEntry>> } | undefined, name: string): ReportKpiEntry => {
  const entry = group?.kpis[name];
  if (entry === undefined) throw new Error(`no ${name}`);
  return entry;
};

describe('createReportBuilder: a hand-worked month', () => {
  const report = build(raw, [evaluation('C1', 80), evaluation('C4', 90), evaluation('X9', 50)]);

  it('counts the input and the period', () => {
    // 6 contacts + 3 evaluations added; no reader counts given, so rows = accepted = 9.
    expect(report.input).toMatchObject({ rows: 9, accepted: 9, rejected: 0, duplicates: 0, contacts: 6, evaluations: 3 });
    expect(report.period).toEqual({ from: '2026-02', to: '2026-03', months: ['2026-02', '2026-03'], timeZone: 'Asia/Shanghai' });
  });

  it('computes the whole with targets, margins and the change from the previous month', () => {
    // answerRate: answered C1 C2 C4 C5 = 4 of 6 → 0.6667; target ≥ 0.75 → missed by 0.0833.
    const answer = kpi(report, 'answerRate');
    expect(answer).toMatchObject({ numerator: 4, denominator: 6, met: false, unit: 'rate' });
    expect(answer.value).toBeCloseTo(4 / 6, 12);
    expect(answer.margin).toBeCloseTo(4 / 6 - 0.75, 12);
    // change: March 3/4 = 0.75 against February 1/2 = 0.5 → +0.25.
    expect(answer.change).toMatchObject({ month: '2026-03', previousMonth: '2026-02', value: 0.75, previous: 0.5, delta: 0.25 });
    // AHT: (300 + 120 + 480 + 300) / 4 = 300; target ≤ 300 → met exactly, margin 0.
    expect(kpi(report, 'averageHandleTime')).toMatchObject({ value: 300, numerator: 1200, denominator: 4, met: true, margin: 0 });
    // CSAT: (5 + 3 + 4 + 2) / 4 = 3.5; no target → met null.
    expect(kpi(report, 'csat')).toMatchObject({ value: 3.5, target: null, met: null, margin: null });
    // qaScore over the whole: (80 + 90 + 50) / 3, the unmatched X9 included.
    expect(kpi(report, 'qaScore').value).toBeCloseTo(220 / 3, 12);
  });

  it('splits by month in the centre\'s time zone', () => {
    // March: C1 C2 C3 C4 (C4 is 07:30 on 1 March in Shanghai); February: C5 C6.
    expect(report.byMonth['2026-03']?.contacts).toBe(4);
    expect(report.byMonth['2026-02']?.contacts).toBe(2);
    expect(kpi(report.byMonth['2026-03'], 'answerRate')).toMatchObject({ value: 0.75, met: true, margin: 0 });
    // March AHT (300 + 120 + 480) / 3 = 300; CSAT (5 + 3 + 4) / 3 = 4; QA (80 + 90) / 2 = 85.
    expect(kpi(report.byMonth['2026-03'], 'averageHandleTime').value).toBe(300);
    expect(kpi(report.byMonth['2026-03'], 'csat').value).toBe(4);
    expect(kpi(report.byMonth['2026-03'], 'qaScore').value).toBe(85);
    expect(kpi(report.byMonth['2026-02'], 'answerRate').value).toBe(0.5);
    // February has no month before it in the data: change has no delta, with a reason.
    expect(kpi(report.byMonth['2026-02'], 'answerRate').change).toMatchObject({ delta: null, reason: 'no value for 2026-01' });
  });

  it('groups by agent, channel and topic, with (none) for missing values', () => {
    // A: C1 C2 C6 → 2/3 answered, AHT (300 + 120) / 2 = 210, CSAT (5 + 3) / 2 = 4, QA 80.
    expect(kpi(report.byAgent['A'], 'answerRate').value).toBeCloseTo(2 / 3, 12);
    expect(kpi(report.byAgent['A'], 'averageHandleTime').value).toBe(210);
    expect(kpi(report.byAgent['A'], 'qaScore').value).toBe(80);
    // A's change: March 2/2 = 1 against February 0/1 = 0 → +1.
    expect(kpi(report.byAgent['A'], 'answerRate').change?.delta).toBe(1);
    // B: C4 C5 → AHT (480 + 300) / 2 = 390, missing ≤ 300 by 90.
    expect(kpi(report.byAgent['B'], 'averageHandleTime')).toMatchObject({ value: 390, met: false, margin: -90 });
    // Nobody answered C3: it is kept under (none), answer rate 0/1, AHT null with a reason, never NaN.
    expect(kpi(report.byAgent['(none)'], 'answerRate')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(kpi(report.byAgent['(none)'], 'averageHandleTime')).toMatchObject({ value: null, denominator: 0, met: null });
    expect(kpi(report.byAgent['(none)'], 'averageHandleTime').reason).toEqual(expect.any(String));
    // Channels: phone C1 C2 C3 C5 C6 → 3/5; chat C4 → 1/1.
    expect(kpi(report.byChannel['phone'], 'answerRate').value).toBe(0.6);
    expect(kpi(report.byChannel['chat'], 'answerRate').value).toBe(1);
    // Topics: 账单 C1 C2 C5 → 3/3; 报修 C3 C4 → 1/2; C6 has none.
    expect(kpi(report.byTopic['账单'], 'answerRate').value).toBe(1);
    expect(kpi(report.byTopic['报修'], 'answerRate').value).toBe(0.5);
    expect(report.byTopic['(none)']?.contacts).toBe(1);
  });

  it('reports QA statistics with buckets and the unmatched evaluation', () => {
    // 80, 90, 50: mean 73.33, min 50, max 90; buckets [50,60) [80,90) [90,100].
    expect(report.qa).toMatchObject({ evaluations: 3, unscored: 0, unmatched: 1, min: 50, max: 90 });
    expect(report.qa.mean).toBeCloseTo(220 / 3, 12);
    expect(report.qa.distribution.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect(report.notes.some((n) => n.includes('1 evaluation(s) matched no contact'))).toBe(true);
  });

  it('never lets NaN or Infinity out', () => {
    const numbers: number[] = [];
    JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && numbers.push(v), v));
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it('with `month`, reports that month and keeps the month before only for the change', () => {
    const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', preset, month: '2026-03', kpis: ['answerRate'], slaRuleSets: [] });
    for (const c of raw) builder.addContact(c);
    builder.addContact(parseContact({ id: 'C7', channel: 'phone', direction: 'inbound', offeredAt: '2026-01-05T10:00:00+08:00', answered: true }));
    const r = builder.finish();
    // March only: 3 of 4; February kept for change (0.5); January outside → counted, left out.
    expect(r.period.months).toEqual(['2026-03']);
    expect(kpi(r, 'answerRate')).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(kpi(r, 'answerRate').change?.delta).toBe(0.25);
    expect(r.input.outsidePeriod).toBe(1);
    expect(Object.keys(r.byMonth)).toEqual(['2026-02', '2026-03']);
  });
});

describe('months in the centre\'s time zone', () => {
  it('puts 2026-03-01T07:30+08:00 in March in Asia/Shanghai although UTC still says February', () => {
    const at = Date.parse('2026-03-01T07:30:00+08:00');
    expect(new Date(at).toISOString().slice(0, 7)).toBe('2026-02');
    expect(monthOfIn('Asia/Shanghai')(at)).toBe('2026-03');
    // The last second of February in Shanghai is still February.
    expect(monthOfIn('Asia/Shanghai')(Date.parse('2026-02-28T23:59:59+08:00'))).toBe('2026-02');
    // The same instant is February in New York.
    expect(monthOfIn('America/New_York')(at)).toBe('2026-02');
  });

  it('assigns a contact at the boundary to the right byMonth group', () => {
    const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', kpis: ['answerRate'], slaRuleSets: [] });
    builder.addContact(parseContact({ id: 'B1', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-01T07:30:00+08:00', answered: true }));
    builder.addContact(parseContact({ id: 'B2', channel: 'phone', direction: 'inbound', offeredAt: '2026-02-28T23:59:59+08:00', answered: false }));
    const r = builder.finish();
    expect(r.byMonth['2026-03']?.contacts).toBe(1);
    expect(r.byMonth['2026-02']?.contacts).toBe(1);
  });
});

describe('options', () => {
  it('lists every bad option at once', () => {
    const make = () => createReportBuilder({ timeZone: 'Mars/Olympus', month: '2026-3', preset: 'nope' as never });
    expect(make).toThrow(ReportError);
    try {
      make();
    } catch (error) {
      expect((error as ReportError).issues.map((i) => i.path)).toEqual(['timeZone', 'month', 'preset']);
      expect((error as ReportError).format()).toContain('✖ expected YYYY-MM, got "2026-3" → at month');
    }
  });

  it('names the KPIs it cannot compute instead of dropping them silently', () => {
    const builder = createReportBuilder({ kpis: ['answerRate', 'noSuchKpi'], slaRuleSets: [] });
    expect(builder.finish().notes).toContain('Not computed: noSuchKpi: not a KPI of the metrics room.');
  });

  it('has the documented types', () => {
    expectTypeOf(build(raw).kpis).toEqualTypeOf<Readonly<Record<string, ReportKpiEntry>>>();
    expectTypeOf<ReportKpiEntry['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<MonthlyReport['schema']>().toEqualTypeOf<'callcenter-qa/monthly-report@1'>();
  });
});

describe('SLA compliance', () => {
  it('counts met, missed and pending per rule and lists the misses', () => {
    const builder = createReportBuilder({
      kpis: ['repeatComplaintRate'],
      checkComplaint: (c) => [
        { rule: 'firstContact', met: c.id !== 'K2' },
        { rule: 'resolve', met: c.id === 'K3' ? null : true },
      ],
    });
    for (const id of ['K1', 'K2', 'K3']) builder.addComplaint({ id, filedAt: Date.parse('2026-03-05T10:00:00+08:00'), customerId: '13812345678' });
    const sla = builder.finish().sla;
    // Checks due: firstContact 2 met + 1 missed, resolve 2 met (K3 pending) → 4 / 5 = 0.8.
    expect(sla?.compliance).toBe(0.8);
    expect(sla?.rules['firstContact']).toMatchObject({ met: 2, missed: 1, pending: 0 });
    expect(sla?.rules['resolve']).toMatchObject({ met: 2, missed: 0, pending: 1, rate: 1 });
    expect(sla?.missed).toEqual([{ id: 'K2', customerId: '13812345678', level: null, rules: ['firstContact'] }]);
  });

  it('says "no SLA checker" only when there is none, not when the month simply has no complaint to check', () => {
    const february = { id: 'K0', filedAt: Date.parse('2026-02-20T10:00:00+08:00') };
    const checked = createReportBuilder({ month: '2026-03' });
    checked.addComplaint(february); // the month before: counted, not checked
    expect(checked.finish().notes.some((n) => n.startsWith('No SLA checker'))).toBe(false);
    const unchecked = createReportBuilder({ month: '2026-03', slaRuleSets: [] });
    unchecked.addComplaint(february);
    expect(unchecked.finish().notes).toContain('No SLA checker was given: SLA compliance is not reported.');
  });
});

describe('reportKpis: a target left out', () => {
  it('is named as skipped and judged against nothing, even when a plain KPI has its name', () => {
    // platform-service-provider's answerRate target needs isWorkingTime; without it the target is
    // left out, and the plain answerRate (all hours) must not stand in for it.
    const { kpis, skipped, targetKeys } = reportKpis({ preset: targetPresets['platform-service-provider'] });
    expect(targetKeys.has('answerRate')).toBe(false);
    expect(skipped).toContain('answerRate (target of platform-service-provider): needs isWorkingTime');
    expect(kpis.find((k) => k.key === 'answerRate')?.label.en).toBe('Answer rate');
    // With the function bound, the target's own KPI replaces the plain one.
    const bound = reportKpis({ preset: targetPresets['platform-service-provider'], provide: { isWorkingTime: () => true } });
    expect(bound.targetKeys.has('answerRate')).toBe(true);
    expect(bound.skipped.some((s) => s.startsWith('answerRate '))).toBe(false);
  });

  it('is not judged in the report against the plain KPI of its name', () => {
    // A target whose rule needs a function nobody provides: the report keeps the plain answer rate,
    // with no target beside it (not 'missed' against a number its rule never measured).
    const needsMore: TargetPreset = { ...preset, targets: [{ ...preset.targets[0]!, requires: ['isVip'] }] };
    const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', preset: needsMore, kpis: ['answerRate'], slaRuleSets: [] });
    for (const c of raw) builder.addContact(c);
    const entry = kpi(builder.finish(), 'answerRate');
    expect(entry.target).toBeNull();
    expect(entry.met).toBeNull();
  });
});

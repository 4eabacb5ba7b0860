import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  computeKpis,
  defineTargets,
  kpiDefinitions,
  kpiRequestsFor,
  MetricsError,
  targetPresets,
  type KpiName,
} from '../../src/metrics/index.js';
import { call, chat, complaint, hour, t0 } from './builders.js';

describe('targetPresets', () => {
  it('ship the three seeds, each target valid and naming a known KPI (or external)', () => {
    expect(Object.keys(targetPresets)).toEqual(['platform-service-provider', 'ecommerce-manual', 'gas-utility-hotline']);
    for (const preset of Object.values(targetPresets)) {
      expect(defineTargets(preset)).toEqual(preset);
      for (const t of preset.targets) if (t.external !== true) expect(Object.keys(kpiDefinitions)).toContain(t.kpi as KpiName);
    }
  });

  it("carry each seed's thresholds", () => {
    const find = (p: keyof typeof targetPresets, id: string) => targetPresets[p].targets.find((t) => t.id === id);
    expect(find('platform-service-provider', 'answerRate')).toMatchObject({ threshold: 0.95, options: { answeredWithinSeconds: 5 } });
    expect(find('platform-service-provider', 'firstResponseTime')).toMatchObject({ comparator: 'atMost', threshold: 60 });
    expect(find('ecommerce-manual', 'nps')).toMatchObject({ threshold: 50 });
    expect(find('ecommerce-manual', 'averageHandleTime.phone')).toMatchObject({ threshold: 600 });
    expect(find('gas-utility-hotline', 'repeatComplaintRate')).toMatchObject({ comparator: 'atMost', threshold: 0.01 });
    expect(find('gas-utility-hotline', 'complaintSatisfaction.keyAccounts')).toMatchObject({ threshold: 0.95, options: { keyAccountsOnly: true } });
  });
});

describe('checkTargets', () => {
  const preset = targetPresets['gas-utility-hotline'];

  it('met / missed with the margin, notMeasured for null or absent', () => {
    const check = checkTargets(
      {
        answerRate: { value: 0.93, numerator: 93, denominator: 100 },
        repeatComplaintRate: { value: 0.02, numerator: 2, denominator: 100 },
        complaintSatisfaction: { value: null, numerator: 0, denominator: 0, reason: 'no complaints' },
      },
      preset,
    );
    const byId = Object.fromEntries(check.outcomes.map((o) => [o.id, o]));
    // 0.93 − 0.90 = +0.03
    expect(byId['answerRate']).toMatchObject({ status: 'met', value: 0.93 });
    expect(byId['answerRate']!.margin).toBeCloseTo(0.03, 12);
    // 0.01 − 0.02 = −0.01
    expect(byId['repeatComplaintRate']).toMatchObject({ status: 'missed' });
    expect(byId['repeatComplaintRate']!.margin).toBeCloseTo(-0.01, 12);
    expect(byId['complaintSatisfaction']).toMatchObject({ status: 'notMeasured', margin: null, reason: 'no complaints' });
    expect(byId['consultationReplyRate']).toMatchObject({ status: 'notMeasured', reason: 'no result under "consultationReplyRate"' });
    // 1 met of 2 measured
    expect(check).toMatchObject({ met: 1, missed: 1, notMeasured: preset.targets.length - 2, attainment: { value: 0.5, numerator: 1, denominator: 2 } });
  });

  it('a value exactly at the threshold meets it', () => {
    const check = checkTargets({ answerRate: { value: 90 / 100, numerator: 90, denominator: 100 } }, preset);
    expect(check.outcomes[0]).toMatchObject({ status: 'met', margin: 0 });
  });
});

describe('kpiRequestsFor', () => {
  it('measures a preset end to end over contacts and over complaints', () => {
    const preset = targetPresets['gas-utility-hotline'];
    const contacts = [
      call({ kind: 'consultation', waitSeconds: 10, satisfaction: 'satisfied' }),
      call({ kind: 'consultation', waitSeconds: 70, satisfaction: 'satisfied' }),
      chat([['customer', 0]], { kind: 'consultation', answered: false }),
    ];
    const complaints = [complaint({ level: 1, repliedAt: t0 + hour, satisfied: true }), complaint({ level: 2, repeatOf: 'x' })];
    const fromContacts = computeKpis(contacts, kpiRequestsFor(preset));
    const fromComplaints = computeKpis(complaints, kpiRequestsFor(preset, { recordType: 'complaint' }));
    const check = checkTargets({ ...fromContacts, ...fromComplaints }, preset);
    const byId = Object.fromEntries(check.outcomes.map((o) => [o.id, o]));
    // phone only, 60 s: 1 ÷ 2
    expect(byId['answerRate']).toMatchObject({ value: 0.5, status: 'missed' });
    // consultations answered: 2 ÷ 3
    expect(byId['consultationReplyRate']!.value).toBeCloseTo(2 / 3, 12);
    // complaints replied: 1 ÷ 2; repeat: 1 ÷ (2 − 1) = 1
    expect(byId['complaintReplyRate']).toMatchObject({ value: 0.5 });
    expect(byId['repeatComplaintRate']).toMatchObject({ value: 1, status: 'missed' });
    expect(byId['complaintSatisfaction.keyAccounts']).toMatchObject({ status: 'notMeasured' });
  });

  it('answer rates count the calls customers make: outbound calls are left out (seed 000 人工接起量, seed 003 客户拨打热线)', () => {
    // 2 inbound calls answered within 60 s, and 3 outbound calls nobody picked up.
    const contacts = [call({ waitSeconds: 3 }), call({ waitSeconds: 30 }), ...[1, 2, 3].map(() => call({ direction: 'outbound', answered: false }))];
    const gas = computeKpis(contacts, kpiRequestsFor(targetPresets['gas-utility-hotline']));
    expect(gas['answerRate']).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    const platform = computeKpis(contacts, kpiRequestsFor(targetPresets['platform-service-provider'], { provide: { isWorkingTime: () => true } }));
    expect(platform['answerRate']).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 }); // within 5 s: the 3 s call only
    expect(() => defineTargets({ name: 'x', label: { zh: 'x', en: 'x' }, source: 's', targets: [{ id: 'a', kpi: 'answerRate', comparator: 'atLeast', threshold: 1, scope: { direction: 'sideways' }, label: { zh: 'a', en: 'a' }, source: 's' }] })).toThrow(/one of "inbound" \| "outbound"/);
  });

  it('binds functions and segments; unbound segments are left out', () => {
    const preset = targetPresets['ecommerce-manual'];
    const ids = (r: ReturnType<typeof kpiRequestsFor>) => r.map((q) => (typeof q === 'string' ? q : (q.key ?? q.kpi)));
    expect(ids(kpiRequestsFor(preset))).not.toContain('firstResponseTime.presales');
    expect(ids(kpiRequestsFor(preset, { segments: { 'pre-sales': (c) => c.queue === 'presales' }, bind: { qaSamplingRate: { evaluatedIds: [] } } }))).toContain(
      'firstResponseTime.presales',
    );
    expect(ids(kpiRequestsFor(preset))).not.toContain('repurchaseRate');
    // Targets whose required functions nobody binds are left out (measuring them without would be another rule).
    expect(ids(kpiRequestsFor(preset, { period: 'day' }))).toEqual(['responseRate']);
    const bind = { scriptCompliance: { isCompliant: () => true }, qaSamplingRate: { isEvaluated: () => false } };
    expect(ids(kpiRequestsFor(preset, { period: 'day', bind }))).toEqual(['responseRate', 'scriptCompliance', 'qaSamplingRate']);
    expect(ids(kpiRequestsFor(preset, { period: 'day', bind: { qaSamplingRate: { evaluatedIds: [] } } }))).toEqual(['responseRate', 'qaSamplingRate']);
  });

  it('gives a required function only to the targets that require it, and leaves out a target without it', () => {
    const platform = targetPresets['platform-service-provider'];
    expect(kpiRequestsFor(platform).some((q) => typeof q !== 'string' && q.key === 'answerRate')).toBe(false);
    const isWorkingTime = (ms: number) => ms >= t0;
    const answer = kpiRequestsFor(platform, { provide: { isWorkingTime } }).find((q) => typeof q !== 'string' && q.key === 'answerRate');
    expect(answer !== undefined && typeof answer !== 'string' && (answer.options as Record<string, unknown>)['isWorkingTime']).toBe(isWorkingTime);
    const gas = kpiRequestsFor(targetPresets['gas-utility-hotline'], { recordType: 'complaint' });
    expect(gas.some((q) => typeof q !== 'string' && q.key === 'complaintReplyTimeliness')).toBe(false);
  });
});

describe('defineTargets', () => {
  it('validates a user preset and lists every problem with its path', () => {
    try {
      defineTargets({
        name: 'ours',
        label: { zh: '我们', en: 'Ours' },
        source: 'policy',
        targets: [
          { id: 'a', kpi: 'answerRate', comparator: 'atLeast', threshold: 'high', label: { zh: 'a', en: 'a' }, source: 's' },
          { id: 'b', kpi: 'answerRate', comparator: 'above', threshold: 1, label: { zh: 'a', en: 'a' }, source: 's' },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricsError);
      expect((error as MetricsError).format()).toBe(
        ['✖ expected a finite number → at targets[0].threshold', '✖ expected one of "atLeast" | "atMost" → at targets[1].comparator'].join('\n'),
      );
    }
  });

  it('refuses unknown KPIs unless external, and duplicate ids', () => {
    const t = { comparator: 'atLeast', threshold: 1, label: { zh: 'x', en: 'x' }, source: 's' };
    expect(() =>
      defineTargets({ name: 'n', label: { zh: 'n', en: 'n' }, source: 's', targets: [{ ...t, id: 'x', kpi: 'made-up' }, { ...t, id: 'x', kpi: 'csat' }] }),
    ).toThrowError(/expected a KPI name .*\n.*expected a unique id/s);
    expect(defineTargets({ name: 'n', label: { zh: 'n', en: 'n' }, source: 's', targets: [{ ...t, id: 'x', kpi: 'made-up', external: true }] }).targets).toHaveLength(1);
  });
});

describe('checkTargets properties', () => {
  it('met iff the margin is ≥ 0 (within 1e-9); notMeasured iff there is no value', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: -200, max: 200, noNaN: true }), { nil: null }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.constantFrom<('atLeast' | 'atMost')[]>('atLeast', 'atMost'),
        (value, threshold, comparator) => {
          const preset = defineTargets({
            name: 'p',
            label: { zh: 'p', en: 'p' },
            source: 's',
            targets: [{ id: 't', kpi: 'nps', comparator, threshold, label: { zh: 't', en: 't' }, source: 's' }],
          });
          const [o] = checkTargets({ t: { value, numerator: 0, denominator: value === null ? 0 : 1 } }, preset).outcomes;
          if (value === null) expect(o).toMatchObject({ status: 'notMeasured', margin: null });
          else {
            expect(o!.margin).toBe(comparator === 'atLeast' ? value - threshold : threshold - value);
            expect(o!.status).toBe(o!.margin! >= -1e-9 ? 'met' : 'missed');
          }
        },
      ),
    );
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  computeKpis,
  createKpiSet,
  kpiDefinitions,
  MetricsError,
  type KpiResult,
  type NpsResult,
} from '../../src/metrics/index.js';
import { call, complaint } from './builders.js';

const calls = [call({ waitSeconds: 3, csat: 5 }), call({ waitSeconds: 80, csat: 3 }), call({ answered: false, waitSeconds: 20 })];

describe('computeKpis', () => {
  it('evaluates many KPIs in one pass, keyed by name or key', () => {
    const out = computeKpis(calls, [
      'answerRate',
      { kpi: 'answerRate', key: 'utilityAnswerRate', options: { answeredWithinSeconds: 60 } },
      'averageSpeedOfAnswer',
      'nps',
    ]);
    // 2 ÷ 3; utility: only the 3 s call → 1 ÷ 3; ASA (3 + 80) ÷ 2 = 41.5
    expect(out.answerRate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(out.utilityAnswerRate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(out.averageSpeedOfAnswer.value).toBe(41.5);
    expect(out.nps.value).toBeNull();
    expectTypeOf(out.nps).toEqualTypeOf<NpsResult>();
    expectTypeOf(out.answerRate).toEqualTypeOf<KpiResult>();
  });

  it('takes options by name, a request’s own options win', () => {
    const out = computeKpis(calls, ['answerRate', { kpi: 'serviceLevel', options: { thresholdSeconds: 90 } }], {
      answerRate: { answeredWithinSeconds: 5 },
      serviceLevel: { thresholdSeconds: 1 },
    });
    expect(out.answerRate.numerator).toBe(1);
    expect(out.serviceLevel.numerator).toBe(2);
  });

  it('reads generators and async iterables', async () => {
    function* gen() {
      yield* calls;
    }
    async function* agen() {
      yield* calls;
    }
    expect(computeKpis(gen(), ['answerRate']).answerRate.numerator).toBe(2);
    const promised = computeKpis(agen(), ['answerRate']);
    expect(promised).toBeInstanceOf(Promise);
    expect((await promised).answerRate.numerator).toBe(2);
  });

  it('reads complaints in a complaint set; reply KPIs join either', () => {
    const out = computeKpis([complaint({ repeatOf: 'x' }), complaint(), complaint()], ['repeatComplaintRate', 'replyRate']);
    expect(out.repeatComplaintRate.value).toBe(0.5); // 1 ÷ (3 − 1)
    expect(out.replyRate.value).toBe(0); // none replied
  });

  it('refuses unknown names, duplicate keys and mixed record types, all at once', () => {
    try {
      createKpiSet(['answerRate', 'answerRate', 'nope' as never, 'repeatComplaintRate', 'qaScore']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricsError);
      const lines = (error as MetricsError).format().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^✖ expected unique keys, got "answerRate" twice .* → at kpis\[1\]$/);
      expect(lines[1]).toMatch(/^✖ expected a KPI name .* got "nope" → at kpis\[2\]$/);
      expect(lines[2]).toMatch(/reads complaint → at kpis\[3\]$/);
    }
  });

  it('puts option errors under the request path', () => {
    expect(() => createKpiSet([{ kpi: 'answerRate', options: { answeredWithinSeconds: -5 } }])).toThrowError(
      /→ at kpis\[0\]\.answerRate\.answeredWithinSeconds/,
    );
  });
});

describe('createKpiSet', () => {
  it('one state per group, merged across partitions and structured clone', () => {
    const set = createKpiSet(['answerRate', 'csat']);
    const byAgent = new Map<string, ReturnType<typeof set.empty>>();
    const list = [call({ agentId: 'a' }), call({ agentId: 'b', csat: 4 }), call({ agentId: 'a', answered: false })];
    for (const c of list) {
      const key = c.agentId ?? '-';
      byAgent.set(key, set.add(byAgent.get(key) ?? set.empty(), c));
    }
    expect(set.result(byAgent.get('a')!).answerRate.value).toBe(0.5);
    const whole = set.merge(structuredClone(byAgent.get('a')!), structuredClone(byAgent.get('b')!));
    // 2 ÷ 3 answered; CSAT 4 ÷ 1
    expect(set.result(whole)).toEqual({
      answerRate: { value: 2 / 3, numerator: 2, denominator: 3 },
      csat: { value: 4, numerator: 4, denominator: 1 },
    });
    expect(set.keys).toEqual(['answerRate', 'csat']);
    expect(set.recordType).toBe('contact');
  });

  it('every KPI name in the registry has a definition with its name, label and bounds', () => {
    for (const [name, def] of Object.entries(kpiDefinitions)) {
      expect(def.name).toBe(name);
      expect(def.label.zh.length).toBeGreaterThan(0);
      expect(def.bounds[0]).toBeLessThan(def.bounds[1]);
    }
  });
});

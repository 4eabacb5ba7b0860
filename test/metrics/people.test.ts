import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentPerformance, agentScore, MetricsError, sampleForQa, supervisorScore, type AgentMonth } from '../../src/metrics/index.js';
import { contactArb } from './arbitraries.js';
import { call, hour, t0 } from './builders.js';

const month = (agentId: string, m: string, score: number, extra: Partial<AgentMonth> = {}): AgentMonth => ({
  agentId,
  month: m,
  kpiAttainment: score,
  customerFeedback: score,
  training: score,
  ...extra,
});

describe('agentScore / supervisorScore', () => {
  it('seed 002: 60 / 20 / 20 and 50 / 30 / 20', () => {
    // 0.6 × 0.9 + 0.2 × 0.8 + 0.2 × 1 = 0.54 + 0.16 + 0.2 = 0.9
    expect(agentScore({ kpiAttainment: 0.9, customerFeedback: 0.8, training: 1 })).toBeCloseTo(0.9, 12);
    // 0.5 × 0.8 + 0.3 × 0.9 + 0.2 × 0.5 = 0.4 + 0.27 + 0.1 = 0.77
    expect(supervisorScore({ teamKpiAttainment: 0.8, qaPassRate: 0.9, improvementDelivery: 0.5 })).toBeCloseTo(0.77, 12);
    expect(agentScore({ kpiAttainment: null, customerFeedback: 1, training: 1 })).toBeNull();
  });
});

describe('agentPerformance', () => {
  it('ranks, flags the bottom 10 % (ceil), and gives the awards', () => {
    const rows = [
      month('a', '2026-03', 0.9, { csat: 4.8, fcr: 0.8 }),
      month('b', '2026-03', 0.8, { csat: 4.9, fcr: 0.95 }),
      month('c', '2026-03', 0.8, { csat: 4.2, fcr: 0.95 }),
      month('d', '2026-03', 0.7, { csat: 4.0 }),
      month('e', '2026-03', 0.6, { csat: null }),
    ];
    const r = agentPerformance(rows);
    expect(r.month).toBe('2026-03');
    // ranks with ties: a 1, b 2, c 2, d 4, e 5
    expect(r.agents.map((s) => [s.agentId, s.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4], ['e', 5]]);
    // ceil(5 × 10 %) = 1 → e
    expect(r.retraining).toEqual(['e']);
    // highest CSAT 4.9 → b; highest FCR 0.95 shared by b and c
    expect(r.awards).toEqual({ highestCsat: ['b'], highestFcr: ['b', 'c'] });
    // floor(5 × 10 %) = 0 → nobody
    expect(agentPerformance(rows, { rounding: 'floor' }).retraining).toEqual([]);
  });

  it('ties at the retraining cut are all flagged', () => {
    const rows = ['a', 'b', 'c', 'd'].map((id, i) => month(id, '2026-03', i < 2 ? 0.5 : 0.9));
    // ceil(4 × 10 %) = 1 → cut 0.5, shared by a and b
    expect(agentPerformance(rows).retraining).toEqual(['a', 'b']);
  });

  it('a single agent is not "the bottom 10 %"', () => {
    expect(agentPerformance([month('solo', '2026-03', 0.1)]).retraining).toEqual([]);
  });

  it('promotion: on target three months running AND top 20 % by CSAT', () => {
    const rows = [
      ...['2026-01', '2026-02', '2026-03'].map((m) => month('a', m, 1, { csat: 4.9 })),
      ...['2026-01', '2026-02', '2026-03'].map((m) => month('b', m, 1, { csat: 4.1 })),
      ...['2025-12', '2026-02', '2026-03'].map((m) => month('c', m, 1, { csat: 5 })), // January missing: streak 2
      ...['2026-03'].map((m) => month('d', m, 0.5, { csat: 3 })),
      ...['2026-03'].map((m) => month('e', m, 0.5, { csat: 3 })),
    ];
    const r = agentPerformance(rows);
    // top 20 % by CSAT of 5 = ceil(1) = 1 → c (5.0); c has a 2-month streak → no promotion
    expect(r.promotion).toEqual([]);
    // with top 40 %: a (4.9) and c → a promoted (3 months)
    const r40 = agentPerformance(rows, { promotionShare: 0.4 });
    expect(r40.promotion).toEqual(['a']);
    expect(r40.agents.find((s) => s.agentId === 'c')).toMatchObject({ monthsOnTarget: 2, topByCsat: true, promotion: false });
  });

  it('agents missing a part are unscored, unranked and say why', () => {
    const r = agentPerformance([month('a', '2026-03', 0.9), { ...month('b', '2026-03', 0.9), training: null }]);
    expect(r.agents[1]).toMatchObject({ agentId: 'b', score: null, rank: null, retraining: false });
    expect(r.agents[1]!.reason).toMatch(/missing/);
  });

  it('refuses bad input with every problem', () => {
    expect(() => agentPerformance([month('a', '2026-3', 1.2), month('a', '2026-3', 1)])).toThrowError(MetricsError);
    // Caught and asserted outside a catch block, so the test fails if nothing is thrown.
    const error = (() => {
      try {
        agentPerformance([month('a', '2026-3', 1.2)]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MetricsError);
    expect((error as MetricsError).issues.map((i) => i.path.join('.'))).toEqual([
      'months.0.month',
      'months.0.kpiAttainment',
      'months.0.customerFeedback',
      'months.0.training',
    ]);
  });

  it('refuses options that would pass silently: a NaN weight, a bad streak length, an unknown rounding', () => {
    const error = (() => {
      try {
        agentPerformance([month('a', '2026-03', 0.9)], {
          weights: { kpi: Number.NaN, feedback: 0.2, training: 0.2 },
          promotionMonths: 0,
          rounding: 'ceiling' as never,
          month: '2026-3',
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MetricsError);
    expect((error as MetricsError).issues.map((i) => i.path.join('.'))).toEqual([
      'options.weights.kpi',
      'options.promotionMonths',
      'options.rounding',
      'options.month',
    ]);
  });
});

describe('sampleForQa', () => {
  it('stratifies by agent and day, at least minPerAgent', () => {
    const contacts = [
      ...Array.from({ length: 10 }, (_, i) => call({ id: `a${i}`, agentId: 'a' })),
      ...Array.from({ length: 3 }, (_, i) => call({ id: `b${i}`, agentId: 'b' })),
      ...Array.from({ length: 4 }, (_, i) => call({ id: `n${i}`, agentId: 'a', offeredAt: t0 + 24 * hour })),
    ];
    const s = sampleForQa(contacts, { rate: 0.2, minPerAgent: 2, seed: 'x', timeZone: 'Asia/Shanghai' });
    // a day 1: ceil(10 × 0.2) = 2; a day 2: max(ceil(0.8), 2) = 2; b: max(ceil(0.6), 2) = 2
    expect(s.strata).toEqual([
      { agentId: 'a', day: '2026-03-02', size: 10, sampled: 2 },
      { agentId: 'a', day: '2026-03-03', size: 4, sampled: 2 },
      { agentId: 'b', day: '2026-03-02', size: 3, sampled: 2 },
    ]);
    expect(s.contacts).toHaveLength(6);
  });

  it('is deterministic for a seed regardless of input order, and differs by seed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 60 }), fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), (list, seed, rate) => {
        const a = sampleForQa(list, { rate, minPerAgent: 1, seed });
        const b = sampleForQa([...list].reverse(), { rate, minPerAgent: 1, seed });
        expect(b.contacts.map((c) => c.id)).toEqual(a.contacts.map((c) => c.id));
        for (const st of a.strata) {
          expect(st.sampled).toBe(Math.min(st.size, Math.max(Math.ceil(rate * st.size - 1e-9), 1)));
        }
        expect(a.strata.reduce((n, st) => n + st.sampled, 0)).toBe(a.contacts.length);
      }),
      { numRuns: 150 },
    );
    const many = Array.from({ length: 200 }, (_, i) => call({ id: `c${i}`, agentId: 'a' }));
    expect(sampleForQa(many, { rate: 0.2, seed: 1 }).contacts).not.toEqual(sampleForQa(many, { rate: 0.2, seed: 2 }).contacts);
  });

  it('refuses a rate outside [0, 1] and an unknown zone', () => {
    expect(() => sampleForQa([], { rate: 1.5, seed: 1, timeZone: 'Mars/Base' })).toThrowError(/rate[\s\S]*timeZone|timeZone[\s\S]*rate/);
  });
});

describe('agentPerformance properties', () => {
  const agentMonthArb = fc.record({
    agentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'),
    month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    kpiAttainment: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { nil: null, freq: 8 }),
    customerFeedback: fc.constantFrom(0, 0.5, 1),
    training: fc.constantFrom(0, 0.5, 1),
    csat: fc.option(fc.constantFrom(1, 3, 4.5, 5), { nil: null }),
    fcr: fc.option(fc.constantFrom(0.5, 0.9), { nil: null }),
  });

  it('retrained agents score no higher than anyone kept; at least ceil(10 %); promotion needs top CSAT and 3 months', () => {
    fc.assert(
      fc.property(fc.uniqueArray(agentMonthArb, { selector: (r) => `${r.agentId}|${r.month}`, maxLength: 36 }), (rows) => {
        const r = agentPerformance(rows);
        const scored = r.agents.filter((s) => s.score !== null);
        const kept = scored.filter((s) => !s.retraining);
        for (const s of scored.filter((x) => x.retraining)) for (const k of kept) expect(s.score!).toBeLessThan(k.score!);
        const team = r.agents.length;
        if (team >= 2) expect(r.retraining.length).toBeGreaterThanOrEqual(Math.ceil(scored.length * 0.1 - 1e-9));
        for (const s of r.agents) if (s.promotion) expect(s.topByCsat && s.monthsOnTarget >= 3).toBe(true);
        for (const s of r.agents) expect(s.monthsOnTarget).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });
});

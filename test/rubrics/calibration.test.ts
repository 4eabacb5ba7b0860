import { describe, expect, it } from 'vitest';
import { combineRaters, krippendorffAlpha, qcRubricV31, raterAgreement, scoreEvaluation, ScoringError, spreadOf } from '../../src/rubrics/index.js';
import { qcEvaluation } from './fixtures.js';

const rated = (contactId: string, raterId: string, changes: Record<string, number | 'na'> = {}) => ({ ...qcEvaluation(changes), contactId, raterId });

describe('combineRaters (seed 003: several raters a call, averaged)', () => {
  it('gives mean, min, max and population sd of totals and items', () => {
    // Totals 109, 105 (enthusiasm 6), 102 (enthusiasm 3): mean 316 / 3 = 105.333…,
    // population sd √(((109 − 105.33)² + (105 − 105.33)² + (102 − 105.33)²) / 3) = √(24.667 / 3) = 2.8674…
    const reports = [rated('C1', 'R1'), rated('C1', 'R2', { enthusiasm: 6 }), rated('C1', 'R3', { enthusiasm: 3 })].map((e) => scoreEvaluation(qcRubricV31, e));
    const combined = combineRaters(reports);
    expect(combined.raterIds).toEqual(['R1', 'R2', 'R3']);
    expect(combined.total).toMatchObject({ count: 3, min: 102, max: 109, reason: null });
    expect(combined.total.mean).toBeCloseTo(316 / 3, 10);
    expect(combined.total.sd).toBeCloseTo(Math.sqrt(74 / 9), 10);
    const enthusiasm = combined.items.find((i) => i.id === 'enthusiasm');
    // 10, 6, 3: mean 19 / 3, sd √((13.44 + 0.11 + 11.11) / 3) = √(74 / 9)
    expect(enthusiasm?.mean).toBeCloseTo(19 / 3, 10);
    expect(enthusiasm?.sd).toBeCloseTo(Math.sqrt(74 / 9), 10);
    expect(combined.items.find((i) => i.id === 'greeting')).toMatchObject({ mean: 2, sd: 0 });
  });

  it('empty input is a documented null, never NaN', () => {
    expect(combineRaters([]).total).toEqual({ count: 0, mean: null, min: null, max: null, sd: null, reason: 'no reports to combine' });
    expect(spreadOf([80, 90, 100]).sd).toBeCloseTo(Math.sqrt(200 / 3), 10);
  });

  it('refuses reports of different contacts or a rater twice', () => {
    const a = scoreEvaluation(qcRubricV31, rated('C1', 'R1'));
    const b = scoreEvaluation(qcRubricV31, rated('C2', 'R1'));
    expect(() => combineRaters([a, b])).toThrow(ScoringError);
    expect(() => combineRaters([a, b])).toThrow('✖ expected the same contact as the first report, "C1", got "C2" → at [1].contactId');
  });
});

describe('krippendorffAlpha (interval)', () => {
  it('reproduces Krippendorff (2011), 4 observers × 12 units with missing values: α = 0.849', () => {
    const _ = null;
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = observers[0]!.map((_, u) => observers.map((o) => o[u]));
    const result = krippendorffAlpha(units);
    // By hand: unit 12 has one value and drops out; n = 40 pairable values.
    // Within units, Σ_{i≠j} (v_i − v_j)² / (m − 1): unit 2 (2,2,3,2) → 2·4·0.75 / 3 = 2;
    // unit 6 (1,2,3,4) → 2·4·5 / 3 = 13.33; unit 8 (1,1,2,1) → 2; others 0. D_o = 17.33 / 40 = 0.4333.
    // All 40 values: Σv = 100, Σv² = 306, Σ (v − 2.5)² = 306 − 250 = 56; D_e = 2·56 / 39 = 2.8718.
    // α = 1 − 0.4333 / 2.8718 = 0.8491 (Krippendorff reports 0.849).
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
    expect(result.observedDisagreement).toBeCloseTo(52 / 120, 10);
    expect(result.expectedDisagreement).toBeCloseTo(112 / 39, 10);
    expect(result.alpha).toBeCloseTo(0.849, 3);
  });

  it('is null with a reason when undefined', () => {
    expect(krippendorffAlpha([[1], [2, null]]).alpha).toBeNull();
    expect(krippendorffAlpha([[3, 3], [3, 3]])).toMatchObject({ alpha: null, reason: 'every rating is the same: alpha is undefined without variation' });
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]]).alpha).toBe(1);
  });
});

describe('raterAgreement', () => {
  // C1: R1 perfect 109, R2 enthusiasm 6 → 105, R3 enthusiasm 3 → 102.
  // C2: R1 109, R2 109, R3 solution 3 → 107.  C3: R1 only (skipped under consensus).
  const evaluations = [
    rated('C1', 'R1'),
    rated('C1', 'R2', { enthusiasm: 6 }),
    rated('C1', 'R3', { enthusiasm: 3 }),
    rated('C2', 'R1'),
    rated('C2', 'R2'),
    rated('C2', 'R3', { solution: 3 }),
    rated('C3', 'R1'),
  ];

  it('against the consensus: leniency, weighted alignment, alpha', () => {
    const result = raterAgreement(evaluations, { rubric: qcRubricV31 });
    expect(result.contacts).toBe(3);
    expect(result.skipped).toEqual([{ contactId: 'C3', reason: 'a single rater: no consensus to compare with' }]);
    const r = Object.fromEntries(result.raters.map((s) => [s.raterId, s]));
    // Consensus totals: C1 316 / 3 = 105.33, C2 325 / 3 = 108.33.
    // R1: (109 − 105.33 + 109 − 108.33) / 2 = 2.1667; R2: (−0.33 + 0.67) / 2 = 0.1667; R3: (−3.33 − 1.33) / 2 = −2.3333.
    expect(r['R1']?.leniency).toBeCloseTo(13 / 6, 10);
    expect(r['R2']?.leniency).toBeCloseTo(1 / 6, 10);
    expect(r['R3']?.leniency).toBeCloseTo(-7 / 3, 10);
    // R1 alignment: |10 − 19/3| = 11/3 on enthusiasm (C1) + |5 − 13/3| = 2/3 on solution (C2) = 13/3,
    // out of Σ item max over 2 contacts = 218: 1 − (13/3) / 218 = 0.98012.
    expect(r['R1']?.alignment).toBeCloseTo(1 - 13 / 3 / 218, 10);
    // R1 enthusiasm alone: 1 − (11/3 + 0) / (2 · 10) = 0.81667.
    expect(r['R1']?.items.find((i) => i.id === 'enthusiasm')?.alignment).toBeCloseTo(1 - 11 / 60, 10);
    // Alpha of totals: units C1 (109, 105, 102), C2 (109, 109, 107), C3 (109) unpairable; n = 6.
    // D_o = (2·3·(222/9) / 2 + 2·3·(24/9) / 2) / 6 = (74 + 8) / 6 = 41/3;
    // all six: mean 641/6, Σ (v − mean)² = 245/6, D_e = 2·(245/6) / 5 = 49/3; α = 1 − 41/49 = 8/49.
    expect(result.reliability.alpha).toBeCloseTo(8 / 49, 10);
    expect(result.itemReliability.find((i) => i.id === 'greeting')?.alpha).toBeNull(); // all 2: no variation
  });

  it('against a named expert: the expert is the reference and not listed', () => {
    const result = raterAgreement(evaluations, { rubric: qcRubricV31, reference: 'R1' });
    expect(result.raters.map((s) => s.raterId)).toEqual(['R2', 'R3']);
    // R2: (105 − 109 + 0) / 2 = −2; R3: (102 − 109 + 107 − 109) / 2 = −4.5.
    expect(result.raters.map((s) => s.leniency)).toEqual([-2, -4.5]);
    // R3 alignment: 1 − (7 + 2) / 218.
    expect(result.raters[1]?.alignment).toBeCloseTo(1 - 9 / 218, 10);
    expect(result.skipped).toEqual([]);
  });

  it('collects every invalid evaluation into one ScoringError', () => {
    expect(() => raterAgreement([rated('C1', 'R1', { greeting: 9 }), rated('C1', 'R1')], { rubric: qcRubricV31 })).toThrow(
      /✖ expected one of 2, 1, 0 points, got 9 → at \[0\]\.scores\.greeting/,
    );
    expect(() => raterAgreement([rated('C1', 'R1'), rated('C1', 'R1')], { rubric: qcRubricV31 })).toThrow(/one evaluation per rater and contact/);
    expect(() => raterAgreement([rated('C1', 'R1')], { rubric: qcRubricV31, reference: 'QA-lead' })).toThrow(/at reference/);
  });
});

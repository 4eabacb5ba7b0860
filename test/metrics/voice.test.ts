import { describe, expect, it } from 'vitest';
import { csat, nps, npsResult, satisfactionRate, surveyResponseRate } from '../../src/metrics/index.js';
import { call } from './builders.js';

describe('satisfactionRate', () => {
  it('seed 000: satisfied ÷ (satisfied + neutral + unsatisfied); unrated left out', () => {
    // satisfied, neutral, unsatisfied, satisfied, (none) → 2 ÷ 4
    const calls = [
      call({ satisfaction: 'satisfied' }),
      call({ satisfaction: 'neutral' }),
      call({ satisfaction: 'unsatisfied' }),
      call({ satisfaction: 'satisfied' }),
      call(),
    ];
    expect(satisfactionRate(calls)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('reads a 1–5 rating as 4–5 / 3 / 1–2 when no answer exists, configurable', () => {
    // 5 ✓, 4 ✓, 3 neutral, 1 ✗ → 2 ÷ 4; with satisfiedFrom 5: 1 ÷ 4
    const calls = [5, 4, 3, 1].map((r) => call({ csat: r }));
    expect(satisfactionRate(calls).value).toBe(0.5);
    expect(satisfactionRate(calls, { ratingScale: { satisfiedFrom: 5, unsatisfiedUpTo: 2 } }).value).toBe(0.25);
    expect(satisfactionRate(calls, { useRating: false }).value).toBeNull();
  });

  it('zero denominator', () => {
    expect(satisfactionRate([call()])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no satisfaction answers' });
  });
});

describe('csat', () => {
  it('mean of 1–5 ratings', () => {
    // (5 + 4 + 3) ÷ 3 = 4
    expect(csat([call({ csat: 5 }), call({ csat: 4 }), call({ csat: 3 }), call()])).toEqual({ value: 4, numerator: 12, denominator: 3 });
  });
  it('zero denominator', () => {
    expect(csat([]).value).toBeNull();
  });
});

describe('surveyResponseRate', () => {
  it('answered ÷ surveyed (an answer implies a survey)', () => {
    // surveyed+answered, surveyed, answered without flag, not surveyed → 2 ÷ 3
    const calls = [call({ surveyed: true, csat: 5 }), call({ surveyed: true }), call({ nps: 9 }), call()];
    expect(surveyResponseRate(calls)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // counting only CSAT answers: 1 ÷ 2
    expect(surveyResponseRate(calls, { answer: 'csat' })).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('zero denominator', () => {
    expect(surveyResponseRate([call()]).reason).toBe('no contacts surveyed');
  });
});

describe('nps', () => {
  it('% promoters − % detractors, −100..100', () => {
    // 10, 9, 9 promoters; 8 passive; 3 detractor → (3 − 1) ÷ 5 × 100 = 40
    expect(nps([10, 9, 9, 8, 3].map((s) => call({ nps: s })))).toEqual({
      value: 40,
      numerator: 2,
      denominator: 5,
      promoters: 3,
      passives: 1,
      detractors: 1,
    });
  });
  it('bounds: all detractors = −100', () => {
    expect(npsResult({ promoters: 0, passives: 0, detractors: 4 }).value).toBe(-100);
  });
  it('zero denominator', () => {
    expect(nps([call()])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no 0–10 answers', promoters: 0, passives: 0, detractors: 0 });
  });
});

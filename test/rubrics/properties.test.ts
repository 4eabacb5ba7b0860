import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseEvaluation } from '../../src/records/index.js';
import { qcRubricV31, scoreEvaluation, scoreTotal } from '../../src/rubrics/index.js';
import { arbitraryEvaluation } from '../../src/testing/index.js';

const rubric = qcRubricV31;
const withoutRedLines = arbitraryEvaluation(rubric, { redLines: false });

describe('scoreEvaluation properties over arbitraryEvaluation(qcRubricV31)', () => {
  it('bounds: 0 ≤ total ≤ 109, 0 ≤ percent ≤ 100, each section within [0, max]; never NaN', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(rubric), (evaluation) => {
        const report = scoreEvaluation(rubric, evaluation);
        expect(report.total).toBeGreaterThanOrEqual(0);
        expect(report.total).toBeLessThanOrEqual(report.max);
        expect(report.max).toBe(109); // QC v3.1 has no `exclude` item
        expect(report.percent).not.toBeNull();
        expect(report.percent).toBeGreaterThanOrEqual(0);
        expect(report.percent).toBeLessThanOrEqual(100);
        for (const section of report.sections) {
          expect(section.score).toBeGreaterThanOrEqual(0);
          expect(section.score).toBeLessThanOrEqual(section.max);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('monotonicity: raising any one item by a level never lowers the total (no red lines)', () => {
    fc.assert(
      fc.property(withoutRedLines, fc.nat(), (evaluation, pick) => {
        const item = rubric.items[pick % rubric.items.length]!;
        const current = evaluation.scores[item.id];
        if (typeof current !== 'number') return;
        const higher = item.levels.filter((l) => l.points > current).at(-1);
        if (higher === undefined) return;
        const before = scoreEvaluation(rubric, evaluation).total;
        const after = scoreEvaluation(rubric, { ...evaluation, scores: { ...evaluation.scores, [item.id]: higher.points } }).total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('red line ⇒ 0: noAgent zeroes the total, forbiddenPhrase zeroes politeWords', () => {
    fc.assert(
      fc.property(withoutRedLines, (evaluation) => {
        const plain = scoreEvaluation(rubric, evaluation);
        const noAgent = scoreEvaluation(rubric, { ...evaluation, redLines: ['noAgent'] });
        expect([noAgent.total, noAgent.percent]).toEqual([0, 0]);
        expect(noAgent.beforeRedLines).toEqual({ total: plain.total, percent: plain.percent });
        const forbidden = scoreEvaluation(rubric, { ...evaluation, redLines: ['forbiddenPhrase'] });
        expect(forbidden.items.find((i) => i.id === 'politeWords')?.points).toBe(0);
        expect(forbidden.total).toBeLessThanOrEqual(plain.total);
        expect(forbidden.beforeRedLines.total).toBe(plain.total);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of scores keys is irrelevant', () => {
    fc.assert(
      fc.property(
        arbitraryEvaluation(rubric).chain((evaluation) => {
          const entries = Object.entries(evaluation.scores);
          return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }).map((shuffled) => [evaluation, shuffled] as const);
        }),
        ([evaluation, shuffled]) => {
          const a = scoreEvaluation(rubric, evaluation);
          const b = scoreEvaluation(rubric, { ...evaluation, scores: Object.fromEntries(shuffled) });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without a total-scope red line, the total is the sum of the sections', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(rubric), (evaluation) => {
        const report = scoreEvaluation(rubric, evaluation);
        if (report.redLines.some((r) => r.scope === 'evaluation')) return;
        expect(report.total).toBe(report.sections.reduce((sum, s) => sum + s.score, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('scoreTotal gives the same numbers as scoreEvaluation', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(rubric), (evaluation) => {
        const { total, max, percent } = scoreEvaluation(rubric, evaluation);
        expect(scoreTotal(rubric, evaluation)).toEqual({ total, max, percent });
      }),
      { numRuns: 500 },
    );
  });

  it('every generated evaluation is a valid record for the records room', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(rubric), (evaluation) => {
        const read = safeParseEvaluation(evaluation);
        expect(read.success ? '' : read.error.message).toBe('');
        if (read.success) expect(scoreEvaluation(rubric, read.data)).toEqual(scoreEvaluation(rubric, evaluation));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a ScoringError on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.record({
          contactId: fc.string(),
          raterId: fc.string(),
          scores: fc.dictionary(fc.oneof(fc.constantFrom(...rubric.items.map((i) => i.id)), fc.string()), fc.oneof(fc.integer({ min: -2, max: 16 }), fc.constant('na' as const), fc.double())),
          bonuses: fc.array(fc.oneof(fc.constantFrom('greeting', 'holdHandling'), fc.string())),
          redLines: fc.array(fc.constantFrom('noAgent', 'forbiddenPhrase', 'other')),
        }),
        (evaluation) => {
          try {
            const report = scoreEvaluation(rubric, evaluation);
            expect(Number.isFinite(report.total)).toBe(true);
          } catch (error) {
            expect((error as Error).name).toBe('ScoringError');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qcRubricV31, scoreEvaluation } from '../../src/rubrics/index.js';
import { arbitraryEvaluation } from '../../src/testing/index.js';

describe('arbitraryEvaluation', () => {
  it('draws evaluations the rubric scores, with N/A, bonuses, deductions and red lines', () => {
    const seen = { na: 0, bonuses: 0, deductions: 0, redLines: 0 };
    fc.assert(
      fc.property(arbitraryEvaluation(qcRubricV31), (evaluation) => {
        expect(() => scoreEvaluation(qcRubricV31, evaluation)).not.toThrow();
        expect(Object.keys(evaluation.scores)).toEqual(qcRubricV31.items.map((i) => i.id));
        // Checked against the rubric itself, not against what scoreEvaluation tolerates.
        for (const item of qcRubricV31.items) {
          const points = evaluation.scores[item.id];
          if (points === 'na') expect(item.notApplicable, item.id).not.toBe('forbidden');
          else expect(item.levels.map((l) => l.points), item.id).toContain(points);
        }
        for (const id of evaluation.bonuses ?? []) {
          expect(qcRubricV31.items.find((i) => i.id === id)?.bonus, id).toBeDefined();
          expect(evaluation.scores[id], id).not.toBe('na');
        }
        for (const id of evaluation.deductions ?? []) {
          expect(qcRubricV31.items.find((i) => i.id === id)?.deduction, id).toBeDefined();
          expect(evaluation.scores[id], id).not.toBe('na');
        }
        for (const id of evaluation.redLines ?? []) expect(qcRubricV31.redLines.map((r) => r.id)).toContain(id);
        for (const list of [evaluation.bonuses, evaluation.deductions, evaluation.redLines]) if (list !== undefined) expect(list.length).toBeGreaterThan(0);
        if (Object.values(evaluation.scores).includes('na')) seen.na++;
        if (evaluation.bonuses !== undefined) seen.bonuses++;
        if (evaluation.deductions !== undefined) seen.deductions++;
        if (evaluation.redLines !== undefined) seen.redLines++;
      }),
      { numRuns: 300, seed: 42 },
    );
    // Every feature turns up in 300 draws (fixed seed, so this never flickers).
    expect(Math.min(seen.na, seen.bonuses, seen.deductions, seen.redLines)).toBeGreaterThan(0);
  });

  it('leaves out what the options turn off', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(qcRubricV31, { notApplicable: false, adjustments: false, redLines: false, raterIds: ['QA'] }), (evaluation) => {
        expect(Object.values(evaluation.scores)).not.toContain('na');
        expect([evaluation.bonuses, evaluation.deductions, evaluation.redLines, evaluation.raterId]).toEqual([undefined, undefined, undefined, 'QA']);
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { defineRubric, qcRubricV31, type RubricSpec } from '../../src/rubrics/index.js';
import { checkRubric, RubricCheckError, rubricProperties } from '../../src/testing/index.js';

const label = (en: string) => ({ zh: en, en });
const levels = (...points: number[]) => points.map((p) => ({ points: p, descriptor: label(`${p}`) }));
const spec = (items: RubricSpec['items'], extra: Partial<RubricSpec> = {}): RubricSpec => ({
  id: 'probe',
  version: '1',
  label: label('Probe'),
  sections: [{ id: 's', label: label('S'), max: items.reduce((sum, i) => sum + (i.levels[0]?.points ?? 0), 0) }],
  items,
  ...extra,
});

describe('checkRubric', () => {
  it('passes QC v3.1 and names the properties it checked', () => {
    expect(checkRubric(qcRubricV31, { numRuns: 50 })).toEqual({ rubricId: 'qc-v3.1', properties: rubricProperties });
  });

  it('passes a rubric with exclude, zero and an uncapped bonus', () => {
    const rubric = defineRubric(
      spec(
        [
          { id: 'a', section: 's', label: label('A'), levels: levels(4, 2, 0), notApplicable: 'exclude', bonus: { points: 2, label: label('Plus') } },
          { id: 'b', section: 's', label: label('B'), levels: levels(6, 3), notApplicable: 'zero' },
        ],
        { bonusCap: 'none' },
      ),
    );
    expect(checkRubric(rubric, { numRuns: 100 }).properties).toHaveLength(7);
  });

  it('names the failing property and the counterexample: a floor makes 0 unreachable', () => {
    const rubric = defineRubric(spec([{ id: 'a', section: 's', label: label('A'), levels: levels(5, 3, 1) }]));
    let caught: unknown;
    try {
      checkRubric(rubric);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RubricCheckError);
    const error = caught as RubricCheckError;
    expect(error.property).toBe('0 is reachable');
    expect(error.counterexample).toEqual({ contactId: 'check', raterId: 'check', scores: { a: 1 }, deductions: [] });
    expect(error.message).toBe(
      'Rubric "probe" fails "0 is reachable": the lowest score without red lines is 1\ncounterexample: {"contactId":"check","raterId":"check","scores":{"a":1},"deductions":[]}',
    );
  });
});

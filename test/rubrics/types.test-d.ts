import { describe, expectTypeOf, it } from 'vitest';
import type { Evaluation } from '../../src/records/index.js';
import {
  combineRaters,
  qcRubricV31,
  raterAgreement,
  rubricOutline,
  scoreEvaluation,
  scoreTotal,
  type CombinedScore,
  type ItemScore,
  type RaterAgreement,
  type Rubric,
  type RubricLabel,
  type ScoreReport,
  type ScoreTotal,
} from '../../src/rubrics/index.js';
import { arbitraryEvaluation, checkRubric, type RubricCheck } from '../../src/testing/index.js';

describe('rubrics types', () => {
  it('scores the records room\'s Evaluation', () => {
    expectTypeOf(scoreEvaluation).toBeCallableWith(qcRubricV31, {} as Evaluation);
    expectTypeOf(scoreTotal).toBeCallableWith(qcRubricV31, {} as Evaluation);
    expectTypeOf(scoreEvaluation).returns.toEqualTypeOf<ScoreReport>();
    expectTypeOf(scoreTotal).returns.toEqualTypeOf<ScoreTotal>();
  });

  it('never types a percentage as a bare number', () => {
    expectTypeOf<ScoreReport['percent']>().toEqualTypeOf<number | null>();
    expectTypeOf<ScoreReport['beforeRedLines']['percent']>().toEqualTypeOf<number | null>();
    expectTypeOf<ItemScore['descriptor']>().toEqualTypeOf<RubricLabel | null>();
  });

  it('keeps rubrics and reports read-only', () => {
    expectTypeOf(qcRubricV31).toEqualTypeOf<Rubric>();
    // @ts-expect-error a rubric is frozen data
    qcRubricV31.items[0]!.levels[0]!.points = 3;
    const report = scoreEvaluation(qcRubricV31, {} as Evaluation);
    // @ts-expect-error a report is read-only
    report.total = 3;
  });

  it('calibration and testing helpers', () => {
    expectTypeOf(combineRaters).returns.toEqualTypeOf<CombinedScore>();
    expectTypeOf(raterAgreement).returns.toEqualTypeOf<RaterAgreement>();
    expectTypeOf(raterAgreement).toBeCallableWith([] as Evaluation[], { rubric: qcRubricV31, reference: 'QA-lead' });
    expectTypeOf(rubricOutline(qcRubricV31).itemIds).toEqualTypeOf<readonly string[]>();
    expectTypeOf(checkRubric).returns.toEqualTypeOf<RubricCheck>();
    expectTypeOf(arbitraryEvaluation(qcRubricV31)).toExtend<import('fast-check').Arbitrary<Evaluation>>();
  });
});

import fc from 'fast-check';
import type { Rubric, ScorableEvaluation } from '../rubrics/index.js';

/** Options of `arbitraryEvaluation`. */
export interface ArbitraryEvaluationOptions {
  /** Draw `"na"` on items whose policy allows it (about one time in five). Default true. */
  readonly notApplicable?: boolean;
  /** Draw bonuses and deductions. Default true. */
  readonly adjustments?: boolean;
  /** Draw broken red lines (about one evaluation in five). Default true. */
  readonly redLines?: boolean;
  /** Contact ids to draw from. Default `C001`…`C050`. */
  readonly contactIds?: readonly string[];
  /** Rater ids to draw from. Default `R1`…`R5`. */
  readonly raterIds?: readonly string[];
}

/** A generated evaluation: plain data with the records room's `Evaluation` shape. */
export interface GeneratedEvaluation extends ScorableEvaluation {
  readonly scores: Record<string, number | 'na'>;
  readonly bonuses?: string[];
  readonly deductions?: string[];
  readonly redLines?: string[];
}

const defaultContactIds = Array.from({ length: 50 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
const defaultRaterIds = ['R1', 'R2', 'R3', 'R4', 'R5'];

/**
 * Valid evaluations of a rubric: every item scored at one of its levels, or `"na"` where its
 * policy allows; bonuses and deductions only on items that have them and were not N/A; red
 * lines from the rubric's rules. `scoreEvaluation` accepts every one of them. Scores keys are
 * in form order; optional lists are present only when not empty.
 *
 * @param rubric - the rubric the evaluations are for
 * @param options - what to draw
 * @returns a fast-check arbitrary of evaluations
 * @example
 * fc.assert(fc.property(arbitraryEvaluation(qcRubricV31), (e) => scoreEvaluation(qcRubricV31, e).total >= 0))
 */
export function arbitraryEvaluation(rubric: Rubric, options: ArbitraryEvaluationOptions = {}): fc.Arbitrary<GeneratedEvaluation> {
  const withNa = options.notApplicable ?? true;
  const withAdjustments = options.adjustments ?? true;
  const withRedLines = options.redLines ?? true;
  const items = rubric.items;
  const itemScores = items.map((item): fc.Arbitrary<number | 'na'> => {
    const level = fc.constantFrom(...item.levels.map((l) => l.points));
    return withNa && item.notApplicable !== 'forbidden'
      ? fc.oneof({ arbitrary: level, weight: 4 }, { arbitrary: fc.constant('na' as const), weight: 1 })
      : level;
  });
  const bonusIds = withAdjustments ? items.filter((i) => i.bonus !== undefined).map((i) => i.id) : [];
  const deductionIds = withAdjustments ? items.filter((i) => i.deduction !== undefined).map((i) => i.id) : [];
  const ruleIds = withRedLines ? rubric.redLines.map((r) => r.id) : [];
  const broken =
    ruleIds.length === 0
      ? fc.constant<string[]>([])
      : fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 4 }, { arbitrary: fc.subarray(ruleIds, { minLength: 1 }), weight: 1 });
  return fc
    .record({
      contactId: fc.constantFrom(...(options.contactIds ?? defaultContactIds)),
      raterId: fc.constantFrom(...(options.raterIds ?? defaultRaterIds)),
      points: fc.tuple(...itemScores),
      bonuses: fc.subarray(bonusIds),
      deductions: fc.subarray(deductionIds),
      redLines: broken,
    })
    .map(({ contactId, raterId, points, bonuses, deductions, redLines }) => {
      // Item ids are identifiers (never `__proto__`): plain assignment is safe.
      const scores: Record<string, number | 'na'> = {};
      items.forEach((item, i) => {
        scores[item.id] = points[i] as number | 'na';
      });
      const applicable = (id: string) => scores[id] !== 'na';
      const evaluation: { -readonly [K in keyof GeneratedEvaluation]: GeneratedEvaluation[K] } = { contactId, raterId, rubricId: rubric.id, scores };
      const earned = bonuses.filter(applicable);
      const taken = deductions.filter(applicable);
      if (earned.length > 0) evaluation.bonuses = earned;
      if (taken.length > 0) evaluation.deductions = taken;
      if (redLines.length > 0) evaluation.redLines = redLines;
      return evaluation;
    });
}

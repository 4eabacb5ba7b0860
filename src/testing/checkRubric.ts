import fc from 'fast-check';
import { compileRubric, scoreEvaluation, type Rubric, type ScorableEvaluation, type ScoreReport } from '../rubrics/index.js';
import { arbitraryEvaluation } from './evaluations.js';

/** Options of `checkRubric`. */
export interface CheckRubricOptions {
  /** Runs of each generated property. Default 200. */
  readonly numRuns?: number;
  /** fast-check seed, to replay a failure. */
  readonly seed?: number;
}

/** The properties `checkRubric` checks, in the order it checks them. */
export const rubricProperties = [
  'the maximum is reachable',
  '0 is reachable',
  'every level is reachable',
  'every score lies in [0, max] under the cap policy',
  'raising one item never lowers the total',
  'a red line never raises the total',
  'the order of scores keys does not matter',
] as const;

/** One of `rubricProperties`. */
export type RubricProperty = (typeof rubricProperties)[number];

/** What `checkRubric` verified. */
export interface RubricCheck {
  readonly rubricId: string;
  readonly properties: readonly RubricProperty[];
}

/** A rubric property that does not hold, with the evaluation that shows it. */
export class RubricCheckError extends Error {
  override readonly name = 'RubricCheckError';
  readonly rubricId: string;
  readonly property: RubricProperty;
  /** The evaluation that breaks the property (shrunk by fast-check where generated). */
  readonly counterexample: unknown;

  constructor(rubricId: string, property: RubricProperty, detail: string, counterexample: unknown) {
    super(`Rubric ${JSON.stringify(rubricId)} fails "${property}": ${detail}\ncounterexample: ${JSON.stringify(counterexample)}`);
    this.rubricId = rubricId;
    this.property = property;
    this.counterexample = counterexample;
  }
}

class Broken extends Error {}

function evaluationWith(rubric: Rubric, choose: (itemIndex: number) => number | 'na', extra: Partial<ScorableEvaluation> = {}): ScorableEvaluation {
  const scores: Record<string, number | 'na'> = {};
  rubric.items.forEach((item, i) => {
    scores[item.id] = choose(i);
  });
  return { contactId: 'check', raterId: 'check', scores, ...extra };
}

function upperBound(rubric: Rubric, report: ScoreReport): number {
  if (rubric.bonusCap !== 'none') return report.max;
  return report.max + report.items.reduce((sum, item) => sum + item.bonus, 0);
}

/**
 * Checks the properties any rubric must have, with hand-built and generated evaluations
 * (`arbitraryEvaluation`): the maximum is reachable (every top level scores `max`, 100 %);
 * 0 is reachable without red lines (lowest levels, N/A where it scores 0, every deduction);
 * every level of every item can be chosen and is reported with its descriptor; every score lies
 * in [0, max] (plus the bonuses under the `none` cap), never NaN; raising one item by a level
 * never lowers the total (without red lines); a red line never raises it; the order of
 * `scores` keys does not matter.
 *
 * @param rubric - a rubric from `defineRubric`
 * @param options - runs and seed of the generated properties
 * @returns the properties checked
 * @example
 * checkRubric(qcRubricV31) //=> { rubricId: 'qc-v3.1', properties: [...7 names] }
 * @throws {RubricCheckError} naming the first failing property and its counterexample
 * @throws {RubricError} when the rubric itself is invalid
 */
export function checkRubric(rubric: Rubric, options: CheckRubricOptions = {}): RubricCheck {
  const compiled = compileRubric(rubric);
  const fail = (property: RubricProperty, detail: string, counterexample: unknown): never => {
    throw new RubricCheckError(rubric.id, property, detail, counterexample);
  };
  const runs = { numRuns: options.numRuns ?? 200, ...(options.seed === undefined ? {} : { seed: options.seed }) };

  const top = evaluationWith(rubric, (i) => compiled.itemTop[i] as number);
  const best = scoreEvaluation(rubric, top);
  if (best.total !== compiled.max || (compiled.max > 0 && best.percent !== 100)) {
    fail('the maximum is reachable', `every top level scores ${best.total} (${best.percent} %), not ${compiled.max}`, top);
  }

  const lowest = evaluationWith(
    rubric,
    (i) => {
      const item = rubric.items[i];
      const low = item?.levels[item.levels.length - 1]?.points ?? 0;
      return low > 0 && item?.notApplicable === 'zero' ? 'na' : low;
    },
    { deductions: rubric.items.filter((item) => item.deduction !== undefined).map((item) => item.id) },
  );
  const worst = scoreEvaluation(rubric, lowest);
  if (worst.total !== 0) fail('0 is reachable', `the lowest score without red lines is ${worst.total}`, lowest);

  rubric.items.forEach((item, i) => {
    item.levels.forEach((level) => {
      const evaluation = evaluationWith(rubric, (k) => (k === i ? level.points : (compiled.itemTop[k] as number)));
      const scored = scoreEvaluation(rubric, evaluation).items[i];
      if (scored?.level !== level.points || scored.points !== level.points || scored.descriptor !== level.descriptor) {
        fail('every level is reachable', `item ${item.id} at ${level.points} points is reported as ${JSON.stringify(scored)}`, evaluation);
      }
    });
  });

  const generated = <T,>(property: RubricProperty, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, shown: (value: T) => unknown = (value) => value) => {
    const result = fc.check(
      fc.property(arbitrary, (value) => {
        predicate(value);
      }),
      runs,
    );
    if (result.failed) {
      const error = result.errorInstance;
      const detail = error instanceof Broken ? error.message : error instanceof Error ? `it threw ${error.name}: ${error.message}` : String(error);
      const counterexample = result.counterexample?.[0];
      fail(property, `${detail} (fast-check seed ${result.seed}, path "${result.counterexamplePath}")`, counterexample === undefined ? undefined : shown(counterexample));
    }
  };

  generated('every score lies in [0, max] under the cap policy', arbitraryEvaluation(rubric), (evaluation) => {
    const report = scoreEvaluation(rubric, evaluation);
    const upper = upperBound(rubric, report);
    if (!Number.isFinite(report.total) || report.total < 0 || report.total > upper) {
      throw new Broken(`the total ${report.total} is outside [0, ${upper}]`);
    }
    if (report.percent !== null && (!Number.isFinite(report.percent) || report.percent < 0 || (rubric.bonusCap !== 'none' && report.percent > 100))) {
      throw new Broken(`the percentage ${report.percent} is outside [0, 100]`);
    }
    if (report.percent === null && report.max !== 0) throw new Broken(`the percentage is null with a maximum of ${report.max}`);
  });

  generated(
    'raising one item never lowers the total',
    fc.tuple(arbitraryEvaluation(rubric, { redLines: false }), fc.nat()),
    ([evaluation, pick]) => {
      const raisable = rubric.items.flatMap((item, i) => {
        const points = evaluation.scores[item.id];
        return typeof points === 'number' && points < (compiled.itemTop[i] as number) ? [i] : [];
      });
      const item = rubric.items[raisable[pick % Math.max(raisable.length, 1)] ?? -1];
      if (item === undefined) return;
      const current = evaluation.scores[item.id] as number;
      const higher = item.levels.filter((l) => l.points > current).at(-1)?.points ?? current;
      const before = scoreEvaluation(rubric, evaluation).total;
      const after = scoreEvaluation(rubric, { ...evaluation, scores: { ...evaluation.scores, [item.id]: higher } }).total;
      if (after < before) throw new Broken(`raising ${item.id} from ${current} to ${higher} lowers the total from ${before} to ${after}`);
    },
    ([evaluation]) => evaluation,
  );

  generated('a red line never raises the total', arbitraryEvaluation(rubric), (evaluation) => {
    const report = scoreEvaluation(rubric, evaluation);
    if (report.total > report.beforeRedLines.total) {
      throw new Broken(`red lines ${report.redLines.map((r) => r.id).join(', ')} raise the total from ${report.beforeRedLines.total} to ${report.total}`);
    }
  });

  generated('the order of scores keys does not matter', arbitraryEvaluation(rubric), (evaluation) => {
    const reversed = Object.fromEntries(Object.entries(evaluation.scores).reverse());
    const a = scoreEvaluation(rubric, evaluation);
    const b = scoreEvaluation(rubric, { ...evaluation, scores: reversed });
    if (a.total !== b.total || a.percent !== b.percent || a.sections.some((s, k) => s.score !== b.sections[k]?.score)) {
      throw new Broken(`reversing the keys changes the score from ${a.total} to ${b.total}`);
    }
  });

  return { rubricId: rubric.id, properties: rubricProperties };
}

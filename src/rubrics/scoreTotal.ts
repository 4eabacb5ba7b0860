import { compileRubric } from './compileRubric.js';
import { capSection, capTotal, naExclude, naForbidden, naFull } from './compiledTables.js';
import { scoreEvaluation } from './scoreEvaluation.js';
import type { Rubric, ScorableEvaluation, ScoreTotal } from './types.js';

/**
 * The lean path of `scoreEvaluation`: the same rules and the same numbers (`total`, `max`,
 * `percent`), without building the explanation. For bulk scoring where only totals are kept.
 * An evaluation with red lines, or with anything to report, is handed to `scoreEvaluation`,
 * so the errors (and red-line results) are exactly the full path's.
 *
 * @param rubric - a rubric from `defineRubric`
 * @param evaluation - one rater's evaluation of one contact
 * @returns `{ total, max, percent }`; `percent` is `null` when every item was excluded as N/A
 * @example
 * scoreTotal(qcRubricV31, perfectEvaluation) //=> { total: 109, max: 109, percent: 100 }
 * @throws {ScoringError} as `scoreEvaluation` does
 */
export function scoreTotal(rubric: Rubric, evaluation: ScorableEvaluation): ScoreTotal {
  const c = compileRubric(rubric);
  const scores = evaluation.scores as Readonly<Record<string, unknown>>;
  const { bonuses, deductions, redLines } = evaluation;
  if (
    scores === null ||
    typeof scores !== 'object' ||
    (evaluation.rubricId !== undefined && evaluation.rubricId !== rubric.id) ||
    (redLines !== undefined && !(Array.isArray(redLines) && redLines.length === 0))
  ) {
    return full(rubric, evaluation);
  }
  const n = c.itemCount;
  // Section sums in a plain array: one small allocation per call, no shared scratch state.
  const raw: number[] = [];
  const sectionMax: number[] = [];
  for (let s = 0; s < c.sectionCount; s++) {
    raw.push(0);
    sectionMax.push(0);
  }
  // `for…in` over the evaluation's keys, as in `scoreEvaluation` (see there for why).
  const ids = c.itemIds;
  let seen = 0;
  let k = 0;
  for (const key in scores) {
    const i = key === ids[k] ? k : c.itemIndex.get(key);
    k++;
    if (i === undefined) return full(rubric, evaluation);
    const value = scores[key];
    const s = c.itemSection[i] as number;
    const top = c.itemTop[i] as number;
    if (typeof value === 'number') {
      const table = c.levelTables[i];
      const at = table != null ? (table[value] ?? 0) - 1 : (c.levelMaps[i]?.get(value) ?? -1);
      if (at < 0) return full(rubric, evaluation);
      raw[s] = (raw[s] as number) + value;
      sectionMax[s] = (sectionMax[s] as number) + top;
    } else if (value === 'na') {
      const policy = c.itemNa[i];
      if (policy === naForbidden) return full(rubric, evaluation);
      if (policy !== naExclude) sectionMax[s] = (sectionMax[s] as number) + top;
      if (policy === naFull) raw[s] = (raw[s] as number) + top;
    } else {
      return full(rubric, evaluation);
    }
    seen++;
  }
  if (seen !== n) return full(rubric, evaluation);
  if (bonuses !== undefined && !adjust(c.itemIndex, c.itemBonus, c.itemSection, scores, bonuses, raw, 1)) return full(rubric, evaluation);
  if (deductions !== undefined && !adjust(c.itemIndex, c.itemDeduction, c.itemSection, scores, deductions, raw, -1)) return full(rubric, evaluation);
  let total = 0;
  let max = 0;
  const capBySection = c.bonusCap === capSection;
  for (let s = 0; s < c.sectionCount; s++) {
    const sum = raw[s] as number;
    const top = sectionMax[s] as number;
    total += sum < 0 ? 0 : capBySection && sum > top ? top : sum;
    max += top;
  }
  if (c.bonusCap === capTotal && total > max) total = max;
  return { total, max, percent: max > 0 ? (total * 100) / max : null };
}

/** Adds (sign 1) or takes away (sign −1) each listed item's adjustment; false when any is off. */
function adjust(
  index: ReadonlyMap<string, number>,
  points: Float64Array,
  section: Int32Array,
  scores: Readonly<Record<string, unknown>>,
  list: readonly string[],
  raw: number[],
  sign: number,
): boolean {
  if (!Array.isArray(list)) return false;
  for (let k = 0; k < list.length; k++) {
    const id = list[k] as string;
    const i = index.get(id);
    if (i === undefined || points[i] === 0 || scores[id] === 'na' || list.indexOf(id) !== k) return false;
    const s = section[i] as number;
    raw[s] = (raw[s] as number) + sign * (points[i] as number);
  }
  return true;
}

function full(rubric: Rubric, evaluation: ScorableEvaluation): ScoreTotal {
  const { total, max, percent } = scoreEvaluation(rubric, evaluation);
  return { total, max, percent };
}

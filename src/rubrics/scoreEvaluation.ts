import { compileRubric } from './compileRubric.js';
import {
  capSection,
  capTotal,
  naExclude,
  naForbidden,
  naFull,
  scopeEvaluation,
  scopeItem,
  scopeSection,
  type CompiledRubric,
} from './compiledTables.js';
import { rubricIssue, ScoringError, type RubricIssue } from './errors.js';
import type { AppliedRedLine, RubricLabel, ItemScore, Rubric, ScorableEvaluation, ScoreReport, SectionScore } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Why `percent` is null: the only way the maximum can be 0. */
export const nothingApplicableReason = 'no applicable item: every item was N/A under the "exclude" policy, so the maximum is 0';

const policyNames = ['forbidden', 'full', 'exclude', 'zero'] as const;

function naNotAllowed(c: CompiledRubric, i: number): string {
  return `${c.levelsText[i] ?? 'a level'} ("na" is forbidden for this item)`;
}

function idList(ids: readonly string[]): string {
  return ids.length === 0 ? '(none in this rubric)' : ids.join(', ');
}

/**
 * Reads the bonus, deduction or red-line list of an evaluation: checks each id, reports
 * unknown, inapplicable and repeated ones, and calls `apply` with the position of each good one.
 */
function readList(
  list: unknown,
  field: 'bonuses' | 'deductions' | 'redLines',
  positionOf: (id: string) => number | undefined,
  problemWith: (position: number) => string | null,
  expectedIds: () => string,
  apply: (position: number) => void,
  issues: RubricIssue[],
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    issues.push(rubricIssue([field], 'a list of ids', list));
    return;
  }
  for (let k = 0; k < list.length; k++) {
    const id: unknown = list[k];
    const position = typeof id === 'string' ? positionOf(id) : undefined;
    if (position === undefined) {
      issues.push(rubricIssue([field, k], `one of ${expectedIds()}`, id));
      continue;
    }
    if (list.indexOf(id) !== k) {
      issues.push(rubricIssue([field, k], `each id once (already listed at ${field}[${list.indexOf(id)}])`, id));
      continue;
    }
    const problem = problemWith(position);
    if (problem !== null) {
      issues.push(rubricIssue([field, k], problem, id));
      continue;
    }
    apply(position);
  }
}

/** Absent and empty lists need no reading; anything else (even a non-list, to report it) does. */
function needsReading(list: unknown): boolean {
  return list !== undefined && !(Array.isArray(list) && list.length === 0);
}

/**
 * Scores one item from the value the evaluation gave it (`undefined`: missing): the shared,
 * frozen entry of its level (or of "na"), or a placeholder after reporting the problem.
 */
function scoreItem(c: CompiledRubric, i: number, value: unknown, issues: RubricIssue[]): ItemScore {
  if (typeof value === 'number') {
    const table = c.levelTables[i];
    // A typed array read at a non-integer or out-of-range index is undefined: not a level.
    const at = table != null ? (table[value] ?? 0) - 1 : (c.levelMaps[i]?.get(value) ?? -1);
    const scored = c.levelScores[i]?.[at];
    if (scored !== undefined) return scored;
  } else if (value === 'na') {
    const scored = c.naScores[i];
    if (scored != null) return scored;
  }
  const id = c.itemIds[i] as string;
  const policy = c.itemNa[i] ?? naForbidden;
  const expected =
    value === 'na'
      ? naNotAllowed(c, i)
      : policy === naForbidden
        ? (c.levelsText[i] as string)
        : typeof value === 'number'
          ? `${c.levelsText[i]} or "na"`
          : `${c.levelsText[i]} or "na" (not applicable: ${policyNames[policy]})`;
  issues.push(rubricIssue(['scores', id], expected, value));
  return { id, label: c.itemLabels[i] as RubricLabel, section: c.itemSectionIds[i] as string, points: 0, max: c.itemTop[i] as number, level: null, descriptor: null, na: false, bonus: 0, deduction: 0, redLine: null };
}

/** A copy of an item entry with its bonus, deduction or red line (shared entries are frozen). */
function changed(item: ItemScore, change: { bonus?: number; deduction?: number; redLine?: string }): ItemScore {
  const bonus = change.bonus ?? item.bonus;
  const deduction = change.deduction ?? item.deduction;
  const redLine = change.redLine ?? item.redLine;
  const adjusted = item.points + (bonus - item.bonus) - (deduction - item.deduction);
  // A red line takes away what the item earned; it never lifts a deduction below 0 back up.
  const points = redLine !== null ? Math.min(adjusted, 0) : adjusted;
  return { id: item.id, label: item.label, section: item.section, points, max: item.max, level: item.level, descriptor: item.descriptor, na: item.na, bonus, deduction, redLine };
}

/**
 * Scores every item, in form order. The fast path walks the evaluation's keys with `for…in`
 * (V8 reads the values through its enumeration cache, far cheaper than looking each item id
 * up) while they come in form order, as exports and `arbitraryEvaluation` give them. Any
 * other order, an unknown key or a missing item takes the general path, which looks every key
 * up by id: key order never changes the result, only the speed.
 */
function scoreItems(c: CompiledRubric, scores: Readonly<Record<string, unknown>>, issues: RubricIssue[]): ItemScore[] {
  const n = c.itemCount;
  const ids = c.itemIds;
  const items: ItemScore[] = [];
  const issuesBefore = issues.length;
  let k = 0;
  for (const key in scores) {
    if (k === n || key !== ids[k]) {
      k = -1;
      break;
    }
    items.push(scoreItem(c, k, scores[key], issues));
    k++;
  }
  if (k === n) return items;

  issues.length = issuesBefore;
  items.length = 0;
  const values: unknown[] = [];
  for (let i = 0; i < n; i++) values.push(undefined);
  const unknown: RubricIssue[] = [];
  // Own keys only: an inherited enumerable key (a polluted prototype) is not the evaluation's.
  for (const key of Object.keys(scores)) {
    const i = c.itemIndex.get(key);
    if (i === undefined) unknown.push(rubricIssue(['scores', key], `an item id of rubric ${c.rubric.id} (${idList(ids)})`, scores[key]));
    else values[i] = scores[key];
  }
  for (let i = 0; i < n; i++) items.push(scoreItem(c, i, values[i], issues));
  issues.push(...unknown);
  return items;
}

/**
 * Scores one evaluation against a rubric and explains every number.
 *
 * Rules (QC v3.1, seed 004, and the rubric's own settings):
 * - an item scores the level the rater chose; `"na"` scores by the item's policy (`full`: its
 *   top level; `exclude`: out of the maximum; `zero`: 0; `forbidden`: an error);
 * - a bonus adds its points to its item, a deduction takes its points away;
 * - a section scores the sum of its items, never below 0 and, under the `section` cap policy,
 *   never above its maximum (so a bonus only wins back points lost in the same section);
 *   under `total` the total is capped at the maximum; under `none` nothing is capped;
 * - red lines zero their target: an item (and so its section's sum), a section, or the total;
 *   `beforeRedLines` gives the score as if none applied;
 * - `percent = 100 × total / max`, `max` being the maximum after N/A exclusions; when that is
 *   0 (every item excluded) `percent` is `null` and `reason` says why. Never NaN.
 *
 * @param rubric - a rubric from `defineRubric` (e.g. `qcRubricV31`)
 * @param evaluation - one rater's evaluation of one contact (the records room's `Evaluation`)
 * @returns the score report
 * @example
 * const perfect = Object.fromEntries(rubricOutline(qcRubricV31).items.map((i) => [i.id, i.max]));
 * scoreEvaluation(qcRubricV31, { contactId: 'c1', raterId: 'r1', scores: perfect }).percent //=> 100
 * @throws {ScoringError} listing every problem with its path: a `rubricId` naming another rubric, unknown or missing items, points
 *   that are not a level, `"na"` where forbidden, a bonus or deduction on an item without one
 *   (or on an N/A item), an unknown red line, an id listed twice
 */
export function scoreEvaluation(rubric: Rubric, evaluation: ScorableEvaluation): ScoreReport {
  const c = compileRubric(rubric);
  const issues: RubricIssue[] = [];
  const scores: unknown = evaluation?.scores;
  if (scores === null || typeof scores !== 'object' || Array.isArray(scores)) {
    throw new ScoringError(rubric.id, [rubricIssue(['scores'], 'an object of item id → points or "na"', scores)], evaluation?.contactId);
  }
  const items = scoreItems(c, scores as Readonly<Record<string, unknown>>, issues);
  // An evaluation made on another form may share item ids but not its rules (N/A, caps): never score it by these.
  if (evaluation.rubricId !== undefined && evaluation.rubricId !== rubric.id) {
    issues.push(rubricIssue(['rubricId'], `${JSON.stringify(rubric.id)}, the rubric scoring it`, evaluation.rubricId));
  }

  const { bonuses, deductions, redLines } = evaluation;
  // Most evaluations carry no lists: skip them without building the readers' closures.
  if (needsReading(bonuses)) readList(
    bonuses,
    'bonuses',
    (id) => c.itemIndex.get(id),
    (i) => (c.itemBonus[i] === 0 ? `an item with a bonus (${idList(c.itemIds.filter((_, k) => c.itemBonus[k] !== 0))})` : items[i]?.na ? 'a bonus on an item that was scored, not "na"' : null),
    () => `the items with a bonus (${idList(c.itemIds.filter((_, k) => c.itemBonus[k] !== 0))})`,
    (i) => {
      items[i] = changed(items[i] as ItemScore, { bonus: c.itemBonus[i] as number });
    },
    issues,
  );
  if (needsReading(deductions)) readList(
    deductions,
    'deductions',
    (id) => c.itemIndex.get(id),
    (i) => (c.itemDeduction[i] === 0 ? `an item with a deduction (${idList(c.itemIds.filter((_, k) => c.itemDeduction[k] !== 0))})` : items[i]?.na ? 'a deduction on an item that was scored, not "na"' : null),
    () => `the items with a deduction (${idList(c.itemIds.filter((_, k) => c.itemDeduction[k] !== 0))})`,
    (i) => {
      items[i] = changed(items[i] as ItemScore, { deduction: c.itemDeduction[i] as number });
    },
    issues,
  );
  const broken: number[] = [];
  if (needsReading(redLines)) readList(
    redLines,
    'redLines',
    (id) => c.redLineIndex.get(id),
    () => null,
    () => `the red-line rules of rubric ${c.rubric.id} (${idList(c.redLines.map((r) => r.id))})`,
    (r) => broken.push(r),
    issues,
  );
  if (issues.length > 0) throw new ScoringError(rubric.id, issues, evaluation.contactId);

  // Section sums and maxima, before any red line.
  const sections: Mutable<SectionScore>[] = [];
  for (let s = 0; s < c.sectionCount; s++) {
    const section = c.sections[s] as { id: string; label: RubricLabel };
    sections.push({ id: section.id, label: section.label, score: 0, max: 0, raw: 0, redLine: null });
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ItemScore;
    const section = sections[c.itemSection[i] as number] as Mutable<SectionScore>;
    section.raw += item.points;
    section.max += item.max;
  }
  let max = 0;
  let total = 0;
  const capBySection = c.bonusCap === capSection;
  for (const section of sections) {
    const raw = section.raw;
    section.score = raw < 0 ? 0 : capBySection && raw > section.max ? section.max : raw;
    total += section.score;
    max += section.max;
  }
  if (c.bonusCap === capTotal && total > max) total = max;
  const percent = max > 0 ? (total * 100) / max : null;
  const reason = max > 0 ? null : nothingApplicableReason;
  const unstruck = { total, percent };
  if (broken.length === 0) {
    return { rubricId: c.rubric.id, rubricVersion: c.rubric.version, contactId: evaluation.contactId, raterId: evaluation.raterId, total, max, percent, reason, beforeRedLines: unstruck, sections, items, redLines: [] };
  }

  // Red lines, narrowest scope first, so that what each one zeroed is what it found.
  const applied: AppliedRedLine[] = [];
  const rule = (r: number, target: string | null, pointsZeroed: number): AppliedRedLine => {
    const { id, label, scope } = c.redLines[r] as AppliedRedLine;
    return { id, label, scope, target, pointsZeroed };
  };
  for (const r of broken) {
    if (c.redLineScope[r] !== scopeItem) continue;
    const target = c.redLineTarget[r] as number;
    const item = items[target] as ItemScore;
    const earned = item.points > 0 ? item.points : 0;
    applied.push(rule(r, item.id, earned));
    const section = sections[c.itemSection[target] as number] as Mutable<SectionScore>;
    section.raw -= earned;
    if (item.redLine === null) items[target] = changed(item, { redLine: c.redLines[r]?.id ?? '' });
  }
  total = 0;
  for (const section of sections) {
    const raw = section.raw;
    section.score = raw < 0 ? 0 : capBySection && raw > section.max ? section.max : raw;
  }
  for (const r of broken) {
    if (c.redLineScope[r] !== scopeSection) continue;
    const section = sections[c.redLineTarget[r] as number] as Mutable<SectionScore>;
    applied.push(rule(r, section.id, section.score));
    section.score = 0;
    section.redLine ??= c.redLines[r]?.id ?? null;
  }
  for (const section of sections) total += section.score;
  if (c.bonusCap === capTotal && total > max) total = max;
  for (const r of broken) {
    if (c.redLineScope[r] !== scopeEvaluation) continue;
    applied.push(rule(r, null, total));
    total = 0;
  }
  return {
    rubricId: c.rubric.id,
    rubricVersion: c.rubric.version,
    contactId: evaluation.contactId,
    raterId: evaluation.raterId,
    total,
    max,
    percent: max > 0 ? (total * 100) / max : null,
    reason,
    beforeRedLines: unstruck,
    sections,
    items,
    redLines: applied,
  };
}

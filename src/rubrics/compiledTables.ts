import type { ItemScore, RubricLabel, Rubric, RubricItem, RubricRedLine, RubricSection } from './types.js';

/** N/A policies as small integers, for the scoring loop. */
export const naForbidden = 0;
export const naFull = 1;
export const naExclude = 2;
export const naZero = 3;

/** Red-line scopes as small integers. */
export const scopeItem = 0;
export const scopeSection = 1;
export const scopeEvaluation = 2;

/** Bonus caps as small integers. */
export const capSection = 0;
export const capTotal = 1;
export const capNone = 2;

// Integer levels up to this many points are looked up in an array instead of a Map.
const largestTabledLevel = 1000;

/**
 * A rubric compiled into lookup tables, arrays indexed by item / section position, so that
 * scoring is a few array reads per item. Built once per rubric by `defineRubric`.
 */
export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly itemCount: number;
  readonly items: readonly RubricItem[];
  readonly itemIds: readonly string[];
  /** Label of each item (kept apart: items differ in shape, so reading `.label` off them is slow). */
  readonly itemLabels: readonly RubricLabel[];
  /** Section id of each item. */
  readonly itemSectionIds: readonly string[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Section position of each item. */
  readonly itemSection: Int32Array;
  /** Top level of each item. */
  readonly itemTop: Float64Array;
  /** N/A policy of each item (`naForbidden` …). */
  readonly itemNa: Uint8Array;
  /** Bonus points of each item, 0 when it has none. */
  readonly itemBonus: Float64Array;
  /** Deduction points of each item, 0 when it has none. */
  readonly itemDeduction: Float64Array;
  /** For integer levels: `points` → level position + 1 (0: not a level); `null` otherwise. */
  readonly levelTables: readonly (Int16Array | null)[];
  /** `points` → level position, for every item (the fallback of `levelTables`). */
  readonly levelMaps: readonly ReadonlyMap<number, number>[];
  /** Descriptors of each item's levels, by level position. */
  readonly levelDescriptors: readonly (readonly RubricLabel[])[];
  /**
   * The report entry of each item at each level (no bonus, deduction or red line), built once
   * and frozen: a score report shares them instead of allocating one object an item.
   */
  readonly levelScores: readonly (readonly ItemScore[])[];
  /** The report entry of each item marked "na" (`null` where "na" is forbidden). */
  readonly naScores: readonly (ItemScore | null)[];
  /** "one of 10, 6, 3, 0 points" for each item, for error messages. */
  readonly levelsText: readonly string[];
  readonly sectionCount: number;
  readonly sections: readonly RubricSection[];
  readonly sectionMax: Float64Array;
  readonly redLines: readonly RubricRedLine[];
  readonly redLineIndex: ReadonlyMap<string, number>;
  readonly redLineScope: Uint8Array;
  /** Item or section position of each red line's target; -1 for the whole evaluation. */
  readonly redLineTarget: Int32Array;
  readonly bonusCap: number;
  /** The rubric's maximum with every item applicable. */
  readonly max: number;
}

const compiledKey: unique symbol = Symbol('callcenter-qa.compiledRubric');

/**
 * Builds the lookup tables of a rubric already checked by `defineRubric`.
 *
 * @param rubric - a checked rubric
 * @returns its tables
 */
export function compileChecked(rubric: Rubric): CompiledRubric {
  const items = rubric.items;
  const sections = rubric.sections;
  const sectionPosition = new Map(sections.map((s, i) => [s.id, i]));
  const itemIndex = new Map(items.map((item, i) => [item.id, i]));
  const n = items.length;
  const itemSection = new Int32Array(n);
  const itemTop = new Float64Array(n);
  const itemNa = new Uint8Array(n);
  const itemBonus = new Float64Array(n);
  const itemDeduction = new Float64Array(n);
  const levelTables: (Int16Array | null)[] = [];
  const levelMaps: Map<number, number>[] = [];
  items.forEach((item, i) => {
    itemSection[i] = sectionPosition.get(item.section) ?? 0;
    itemTop[i] = item.levels[0]?.points ?? 0;
    itemNa[i] = { forbidden: naForbidden, full: naFull, exclude: naExclude, zero: naZero }[item.notApplicable];
    itemBonus[i] = item.bonus?.points ?? 0;
    itemDeduction[i] = item.deduction?.points ?? 0;
    const byPoints = new Map(item.levels.map((level, at) => [level.points, at]));
    levelMaps.push(byPoints);
    const top = itemTop[i] ?? 0;
    if (item.levels.every((l) => Number.isInteger(l.points)) && top <= largestTabledLevel) {
      const table = new Int16Array(top + 1);
      item.levels.forEach((level, at) => {
        table[level.points] = at + 1;
      });
      levelTables.push(table);
    } else {
      levelTables.push(null);
    }
  });
  const redLines = rubric.redLines;
  const redLineScope = new Uint8Array(redLines.length);
  const redLineTarget = new Int32Array(redLines.length);
  redLines.forEach((rule, r) => {
    redLineScope[r] = rule.scope === 'item' ? scopeItem : rule.scope === 'section' ? scopeSection : scopeEvaluation;
    redLineTarget[r] =
      rule.scope === 'item'
        ? (itemIndex.get(rule.target ?? '') ?? -1)
        : rule.scope === 'section'
          ? (sectionPosition.get(rule.target ?? '') ?? -1)
          : -1;
  });
  return {
    rubric,
    itemCount: n,
    items,
    itemIds: items.map((item) => item.id),
    itemLabels: items.map((item) => item.label),
    itemSectionIds: items.map((item) => item.section),
    itemIndex,
    itemSection,
    itemTop,
    itemNa,
    itemBonus,
    itemDeduction,
    levelTables,
    levelMaps,
    levelDescriptors: items.map((item) => item.levels.map((level) => level.descriptor)),
    levelScores: items.map((item) =>
      item.levels.map((level) =>
        Object.freeze({ id: item.id, label: item.label, section: item.section, points: level.points, max: item.levels[0]?.points ?? 0, level: level.points, descriptor: level.descriptor, na: false, bonus: 0, deduction: 0, redLine: null }),
      ),
    ),
    naScores: items.map((item) => {
      const top = item.levels[0]?.points ?? 0;
      if (item.notApplicable === 'forbidden') return null;
      const points = item.notApplicable === 'full' ? top : 0;
      const max = item.notApplicable === 'exclude' ? 0 : top;
      return Object.freeze({ id: item.id, label: item.label, section: item.section, points, max, level: null, descriptor: null, na: true, bonus: 0, deduction: 0, redLine: null });
    }),
    levelsText: items.map((item) => `one of ${item.levels.map((l) => l.points).join(', ')} points`),
    sectionCount: sections.length,
    sections,
    sectionMax: Float64Array.from(sections, (s) => s.max),
    redLines,
    redLineIndex: new Map(redLines.map((rule, r) => [rule.id, r])),
    redLineScope,
    redLineTarget,
    bonusCap: rubric.bonusCap === 'section' ? capSection : rubric.bonusCap === 'total' ? capTotal : capNone,
    max: sections.reduce((sum, s) => sum + s.max, 0),
  };
}

/**
 * Keeps the tables on the rubric itself (a non-enumerable symbol property, set before the
 * rubric is frozen), so no module-level cache is needed and they live as long as the rubric.
 */
export function attachCompiled(rubric: Rubric, compiled: CompiledRubric): void {
  Object.defineProperty(rubric, compiledKey, { value: compiled, enumerable: false, writable: false, configurable: false });
}

/** The tables attached by `defineRubric`, if this rubric came from it. */
export function attachedCompiled(rubric: Rubric): CompiledRubric | undefined {
  return (rubric as { [compiledKey]?: CompiledRubric })[compiledKey];
}

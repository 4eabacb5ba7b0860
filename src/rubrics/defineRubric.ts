import { rubricIssue, RubricError, type RubricIssue } from './errors.js';
import { rubricSchema } from './schema.js';
import { attachCompiled, compileChecked } from './compiledTables.js';
import type { Rubric, RubricSpec } from './types.js';

// Section maxima are sums of level points; allow for binary fractions (0.1 + 0.2).
const sumTolerance = 1e-9;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function duplicates(ids: readonly string[], path: string, what: string, issues: RubricIssue[]): void {
  const seen = new Set<string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) issues.push(rubricIssue([path, index, 'id'], `${what} id not used before`, value));
    seen.add(value);
  });
}

/** The checks zod's shapes cannot express: ids, references, sums and order. */
function consistencyIssues(rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  duplicates(rubric.sections.map((s) => s.id), 'sections', 'a section', issues);
  duplicates(rubric.groups.map((g) => g.id), 'groups', 'a group', issues);
  duplicates(rubric.items.map((i) => i.id), 'items', 'an item', issues);
  duplicates(rubric.redLines.map((r) => r.id), 'redLines', 'a red-line', issues);

  const sectionIds = new Set(rubric.sections.map((s) => s.id));
  const groupIds = new Set(rubric.groups.map((g) => g.id));
  const itemIds = new Set(rubric.items.map((i) => i.id));
  const sectionSums = new Map<string, number>();
  const sectionItems = new Map<string, number>();

  rubric.items.forEach((item, index) => {
    if (!sectionIds.has(item.section)) {
      issues.push(rubricIssue(['items', index, 'section'], `one of the section ids ${[...sectionIds].join(', ')}`, item.section));
    }
    if (item.group !== undefined && !groupIds.has(item.group)) {
      issues.push(rubricIssue(['items', index, 'group'], groupIds.size === 0 ? 'a group declared in `groups`' : `one of the group ids ${[...groupIds].join(', ')}`, item.group));
    }
    item.levels.forEach((level, at) => {
      const previous = item.levels[at - 1];
      if (previous !== undefined && !(level.points < previous.points)) {
        issues.push(rubricIssue(['items', index, 'levels', at, 'points'], `distinct levels, highest first: fewer than ${previous.points} points`, level.points));
      }
    });
    const levelPoints = item.levels.map((l) => l.points);
    item.roleNotes?.forEach((note, at) => {
      if (note.points !== undefined && !levelPoints.includes(note.points)) {
        issues.push(rubricIssue(['items', index, 'roleNotes', at, 'points'], `one of the item's levels ${levelPoints.join(', ')}`, note.points));
      }
    });
    const top = item.levels[0]?.points ?? 0;
    sectionSums.set(item.section, (sectionSums.get(item.section) ?? 0) + top);
    sectionItems.set(item.section, (sectionItems.get(item.section) ?? 0) + 1);
  });

  rubric.sections.forEach((section, index) => {
    const sum = sectionSums.get(section.id) ?? 0;
    if ((sectionItems.get(section.id) ?? 0) === 0) {
      issues.push(rubricIssue(['sections', index, 'id'], 'a section with at least one item', section.id));
    } else if (Math.abs(sum - section.max) > sumTolerance) {
      issues.push(rubricIssue(['sections', index, 'max'], `the sum of its items' top levels, ${sum}`, section.max));
    }
  });

  rubric.redLines.forEach((rule, index) => {
    if (rule.scope === 'evaluation') {
      if (rule.target !== undefined) issues.push(rubricIssue(['redLines', index, 'target'], 'no target for an evaluation-scope red line', rule.target));
      return;
    }
    const known = rule.scope === 'item' ? itemIds : sectionIds;
    if (rule.target === undefined || !known.has(rule.target)) {
      issues.push(rubricIssue(['redLines', index, 'target'], `an existing ${rule.scope} id`, rule.target));
    }
  });
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks a rubric written as data and returns it frozen, with its scoring tables compiled.
 *
 * Checks (all of them, then one error): the shape of every field, and no unknown (misspelt)
 * field; unique section, group,
 * item and red-line ids; every item in an existing section (and group); levels distinct and
 * highest first; each section's `max` equal to the sum of its items' top levels; role notes on
 * existing levels; red-line targets that exist (an item for scope `item`, a section for
 * `section`, none for `evaluation`); bonuses and deductions of more than 0 points.
 * Defaults: `notApplicable: 'forbidden'`, `groups: []`, `redLines: []`, `bonusCap: 'section'`.
 *
 * @param spec - the rubric as written (JSON-compatible data)
 * @returns the checked rubric, deeply frozen
 * @example
 * const rubric = defineRubric({
 *   id: 'mini', version: '1', label: { zh: '迷你', en: 'Mini' },
 *   sections: [{ id: 'manners', label: { zh: '礼貌', en: 'Manners' }, max: 2 }],
 *   items: [{ id: 'greeting', section: 'manners', label: { zh: '问候语', en: 'Greeting' },
 *     levels: [{ points: 2, descriptor: { zh: '清晰', en: 'Clear' } }, { points: 0, descriptor: { zh: '没有', en: 'None' } }] }],
 * });
 * rubric.items[0].notApplicable //=> 'forbidden'
 * @throws {RubricError} listing every problem with its path, e.g.
 *   `✖ expected the sum of its items' top levels, 37, got 36 → at sections[0].max`
 */
export function defineRubric(spec: RubricSpec): Rubric {
  const parsed = rubricSchema.safeParse(spec);
  const rawId = valueAt(spec, ['id']);
  const id = typeof rawId === 'string' ? rawId : undefined;
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      // A field the model does not have is most likely a typo (`notApplicible`): name each one.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => rubricIssue([...path, key], 'no such field (a misspelt one?)', valueAt(spec, [...issue.path, key])));
      }
      return [rubricIssue(path, issue.message, valueAt(spec, issue.path))];
    });
    throw new RubricError(issues, id);
  }
  const rubric: Rubric = parsed.data;
  const issues = consistencyIssues(rubric);
  if (issues.length > 0) throw new RubricError(issues, id);
  const compiled = compileChecked(rubric);
  attachCompiled(rubric, compiled);
  return deepFreeze(rubric);
}

import { attachedCompiled, type CompiledRubric } from './compiledTables.js';
import { defineRubric } from './defineRubric.js';
import type { Rubric, RubricSpec } from './types.js';

export type { CompiledRubric } from './compiledTables.js';

/**
 * The lookup tables the scoring functions use: arrays indexed by item position (section,
 * top level, N/A policy, bonus, deduction), level → descriptor maps, red-line targets.
 * A rubric from `defineRubric` carries them already (compiled once, when it was defined);
 * any other object is checked and compiled on each call, so define rubrics once and reuse them.
 *
 * @param rubric - a rubric, ideally the one `defineRubric` returned
 * @returns the compiled tables
 * @example
 * compileRubric(qcRubricV31).max //=> 109
 * @throws {RubricError} when `rubric` did not come from `defineRubric` and is invalid
 */
export function compileRubric(rubric: Rubric): CompiledRubric {
  const attached = attachedCompiled(rubric);
  if (attached !== undefined) return attached;
  const checked = attachedCompiled(defineRubric(rubric as RubricSpec));
  if (checked === undefined) throw new Error('defineRubric did not compile the rubric');
  return checked;
}

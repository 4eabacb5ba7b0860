import type { NotApplicablePolicy, Rubric, RubricLabel, RedLineScope } from './types.js';

/** A rubric's shape at a glance, for other rooms (reports, transcripts, CLI). */
export interface RubricOutline {
  readonly id: string;
  readonly version: string;
  readonly label: RubricLabel;
  readonly max: number;
  /** Every item id, in form order. */
  readonly itemIds: readonly string[];
  readonly sections: readonly {
    readonly id: string;
    readonly label: RubricLabel;
    readonly max: number;
    readonly itemIds: readonly string[];
  }[];
  readonly items: readonly {
    readonly id: string;
    readonly section: string;
    readonly group: string | null;
    readonly label: RubricLabel;
    /** The top level. */
    readonly max: number;
    /** The allowed points, highest first. */
    readonly levels: readonly number[];
    readonly notApplicable: NotApplicablePolicy;
    readonly bonus: number;
    readonly deduction: number;
  }[];
  readonly redLines: readonly { readonly id: string; readonly scope: RedLineScope; readonly target: string | null }[];
}

/**
 * Lists a rubric's item ids and sections (with their items and maxima), flat and plain, for
 * code that needs the form's shape without walking the rubric: a report's columns, a CSV
 * mapping, a transcript checker pointing at an item.
 *
 * @param rubric - a rubric
 * @returns its outline
 * @example
 * rubricOutline(qcRubricV31).sections.map((s) => `${s.id} ${s.max}`)
 * //=> ['serviceAwareness 37', 'professionalism 30', 'businessRequirements 14', 'voiceAndTone 10', 'etiquette 18']
 */
export function rubricOutline(rubric: Rubric): RubricOutline {
  return {
    id: rubric.id,
    version: rubric.version,
    label: rubric.label,
    max: rubric.sections.reduce((sum, s) => sum + s.max, 0),
    itemIds: rubric.items.map((item) => item.id),
    sections: rubric.sections.map((section) => ({
      id: section.id,
      label: section.label,
      max: section.max,
      itemIds: rubric.items.filter((item) => item.section === section.id).map((item) => item.id),
    })),
    items: rubric.items.map((item) => ({
      id: item.id,
      section: item.section,
      group: item.group ?? null,
      label: item.label,
      max: item.levels[0]?.points ?? 0,
      levels: item.levels.map((level) => level.points),
      notApplicable: item.notApplicable,
      bonus: item.bonus?.points ?? 0,
      deduction: item.deduction?.points ?? 0,
    })),
    redLines: rubric.redLines.map((rule) => ({ id: rule.id, scope: rule.scope, target: rule.target ?? null })),
  };
}

import type { z } from 'zod';
import type {
  rubricAdjustmentSchema,
  rubricLabelSchema,
  bonusCapSchema,
  rubricGroupSchema,
  rubricItemSchema,
  rubricLevelSchema,
  notApplicablePolicySchema,
  rubricRedLineSchema,
  redLineScopeSchema,
  rubricRoleNoteSchema,
  rubricSchema,
  rubricSectionSchema,
} from './schema.js';

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A label in both languages: `{ zh: '问候语', en: 'Greeting' }`. */
export type RubricLabel = DeepReadonly<z.output<typeof rubricLabelSchema>>;
/** What "na" does to an item: `full` | `exclude` | `zero` | `forbidden`. */
export type NotApplicablePolicy = z.output<typeof notApplicablePolicySchema>;
/** How far bonuses may lift a score: `section` | `total` | `none`. */
export type BonusCap = z.output<typeof bonusCapSchema>;
/** Where a red line strikes: `item` | `section` | `evaluation`. */
export type RedLineScope = z.output<typeof redLineScopeSchema>;
export type RubricLevel = DeepReadonly<z.output<typeof rubricLevelSchema>>;
export type RubricAdjustment = DeepReadonly<z.output<typeof rubricAdjustmentSchema>>;
export type RubricRoleNote = DeepReadonly<z.output<typeof rubricRoleNoteSchema>>;
export type RubricSection = DeepReadonly<z.output<typeof rubricSectionSchema>>;
export type RubricGroup = DeepReadonly<z.output<typeof rubricGroupSchema>>;
export type RubricItem = DeepReadonly<z.output<typeof rubricItemSchema>>;
export type RubricRedLine = DeepReadonly<z.output<typeof rubricRedLineSchema>>;

/** A checked, frozen rubric, as `defineRubric` returns it. */
export type Rubric = DeepReadonly<z.output<typeof rubricSchema>>;
/** A rubric as its authors write it (defaults may be left out). */
export type RubricSpec = z.input<typeof rubricSchema>;

/**
 * What the scoring engine reads from an evaluation: structurally the records room's
 * `Evaluation` (which is accepted as is), with every list optional.
 */
export interface ScorableEvaluation {
  readonly contactId: string;
  readonly raterId: string;
  readonly rubricId?: string | undefined;
  /** Item id → points (one of the item's levels) or `"na"`. */
  readonly scores: Readonly<Record<string, number | 'na'>>;
  /** Items whose bonus was earned. */
  readonly bonuses?: readonly string[] | undefined;
  /** Items whose deduction applies. */
  readonly deductions?: readonly string[] | undefined;
  /** Red-line rules that were broken. */
  readonly redLines?: readonly string[] | undefined;
}

/** One item of a score report. */
export interface ItemScore {
  readonly id: string;
  readonly label: RubricLabel;
  readonly section: string;
  /**
   * What the item contributes: the level (or what N/A gives under its policy), plus its bonus,
   * minus its deduction; 0 when an item-scope red line struck it (a deduction below 0 stays). May exceed `max` by a
   * bonus or fall below 0 by a deduction: the section is where caps and floors apply.
   */
  readonly points: number;
  /** The item's top level; 0 when it was N/A under the `exclude` policy. */
  readonly max: number;
  /** The level the rater chose, or `null` for N/A. */
  readonly level: number | null;
  /** The descriptor of that level, or `null` for N/A. */
  readonly descriptor: RubricLabel | null;
  readonly na: boolean;
  /** Bonus points earned on this item (0 when none). */
  readonly bonus: number;
  /** Deduction points taken on this item (0 when none). */
  readonly deduction: number;
  /** The red line that zeroed this item, or `null`. */
  readonly redLine: string | null;
}

/** One section of a score report. */
export interface SectionScore {
  readonly id: string;
  readonly label: RubricLabel;
  /** Sum of its items' points, floored at 0 and (cap policy `section`) capped at `max`. */
  readonly score: number;
  /** Sum of its items' maxima (N/A-excluded items count 0). */
  readonly max: number;
  /** Sum of its items' points before the floor, the cap and section red lines. */
  readonly raw: number;
  /** The red line that zeroed this section, or `null`. */
  readonly redLine: string | null;
}

/** A red line that applied, and what it cost. */
export interface AppliedRedLine {
  readonly id: string;
  readonly label: RubricLabel;
  readonly scope: RedLineScope;
  /** The item or section it zeroed; `null` for the whole evaluation. */
  readonly target: string | null;
  /** Points its target held just before it struck (what it zeroed). */
  readonly pointsZeroed: number;
}

/**
 * Everything about one scored evaluation; every number can be traced to the items.
 * `percent` is `null` (with `reason`) only when nothing is left to score: every item was N/A
 * under the `exclude` policy, so the maximum is 0.
 */
export interface ScoreReport {
  readonly rubricId: string;
  readonly rubricVersion: string;
  readonly contactId: string;
  readonly raterId: string;
  readonly total: number;
  /** The maximum after N/A exclusions (109 for a full QC v3.1 form). */
  readonly max: number;
  /** `100 × total / max`, 0–100 under a `section` or `total` cap; `null` when `max` is 0. */
  readonly percent: number | null;
  /** Why `percent` is `null`; `null` otherwise. */
  readonly reason: string | null;
  /** The score as if no red line applied. */
  readonly beforeRedLines: { readonly total: number; readonly percent: number | null };
  readonly sections: readonly SectionScore[];
  readonly items: readonly ItemScore[];
  readonly redLines: readonly AppliedRedLine[];
}

/** The lean result of `scoreTotal`. */
export interface ScoreTotal {
  readonly total: number;
  readonly max: number;
  readonly percent: number | null;
}

import { z } from 'zod';

// Every schema's error text is the "expected" half of the sentence people read
// ("expected a number ≥ 0, got -3"), as in the records room.

const text = (expected: string) => z.string({ error: expected }).min(1, { error: expected });

/**
 * Ids are written into evaluations as object keys (`scores.greeting`), so they are plain
 * identifiers: no `__proto__`, no spaces, nothing that needs quoting.
 */
const id = (what: string) =>
  z
    .string({ error: `${what} id` })
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: `${what} id: a letter, then letters, digits, "_" or "-"` });

const points = (expected = 'a number of points ≥ 0') =>
  z.number({ error: expected }).min(0, { error: expected }).refine(Number.isFinite, { error: expected });

/** A label in both languages of the seeds: `{ zh: '问候语', en: 'Greeting' }`. */
export const rubricLabelSchema = z.strictObject(
  { zh: text('a non-empty Chinese text'), en: text('a non-empty English text') },
  { error: 'a label { zh, en }' },
);

/** One point level of an item, with the descriptor a rater chooses it by. */
export const rubricLevelSchema = z.strictObject(
  { points: points(), descriptor: rubricLabelSchema },
  { error: 'a level { points, descriptor }' },
);

/**
 * What "not applicable" does to an item:
 * - `full`: it scores its top level (the seed: 不涉及该项默认为满分);
 * - `exclude`: it leaves the maximum, and the percentage is taken of what remains;
 * - `zero`: it scores 0 out of its top level;
 * - `forbidden`: "na" is an input error (the default).
 */
export const notApplicablePolicySchema = z.enum(['full', 'exclude', 'zero', 'forbidden'], {
  error: 'one of "full" | "exclude" | "zero" | "forbidden"',
});

/** A bonus (加分) or deduction (减分) an item can carry: how many points, and when. */
export const rubricAdjustmentSchema = z.strictObject(
  {
    points: z
      .number({ error: 'a number of points > 0' })
      .positive({ error: 'a number of points > 0 (a bonus adds it, a deduction takes it away)' })
      .refine(Number.isFinite, { error: 'a finite number of points' }),
    label: rubricLabelSchema,
  },
  { error: 'an adjustment { points, label }' },
);

/** A criterion the seed adds for one role (关怀岗, 软加密), optionally at one level. */
export const rubricRoleNoteSchema = z.strictObject(
  { role: rubricLabelSchema, points: points().optional(), note: rubricLabelSchema },
  { error: 'a role note { role, points?, note }' },
);

/** A section of the form (服务意识 37分…). */
export const rubricSectionSchema = z.strictObject(
  { id: id('a section'), label: rubricLabelSchema, max: points('the section maximum, a number ≥ 0') },
  { error: 'a section { id, label, max }' },
);

/** A named group of items inside a section (规范用语, 礼貌用语). */
export const rubricGroupSchema = z.strictObject({ id: id('a group'), label: rubricLabelSchema }, { error: 'a group { id, label }' });

/** One scored item of the form. */
export const rubricItemSchema = z.strictObject(
  {
    id: id('an item'),
    section: z.string({ error: 'a section id' }),
    label: rubricLabelSchema,
    /** What is looked for, when the form says more than the label (吐字清晰——语句清晰明了). */
    description: rubricLabelSchema.optional(),
    /** Allowed points, highest first, each with its descriptor. */
    levels: z.array(rubricLevelSchema, { error: 'a list of levels' }).min(1, { error: 'at least one level' }),
    group: z.string({ error: 'a group id' }).optional(),
    notApplicable: notApplicablePolicySchema.default('forbidden'),
    bonus: rubricAdjustmentSchema.optional(),
    deduction: rubricAdjustmentSchema.optional(),
    roleNotes: z.array(rubricRoleNoteSchema, { error: 'a list of role notes' }).optional(),
  },
  { error: 'an item { id, section, label, levels, … }' },
);

/** Where a red line strikes: one item, one section, or the whole evaluation. */
export const redLineScopeSchema = z.enum(['item', 'section', 'evaluation'], {
  error: 'one of "item" | "section" | "evaluation"',
});

/** A rule whose breach zeroes its target whatever else was scored (服务禁语, 无人接线). */
export const rubricRedLineSchema = z.strictObject(
  {
    id: id('a red-line'),
    label: rubricLabelSchema,
    scope: redLineScopeSchema,
    /** The item id (scope `item`) or section id (scope `section`); absent for `evaluation`. */
    target: z.string({ error: 'an item or section id' }).optional(),
  },
  { error: 'a red line { id, label, scope, target? }' },
);

/**
 * How far bonuses may lift a score: `section` (a section never exceeds its maximum: the
 * interpretation of QC v3.1), `total` (sections may, the total may not), `none`.
 */
export const bonusCapSchema = z.enum(['section', 'total', 'none'], { error: 'one of "section" | "total" | "none"' });

/** A rubric as written by its authors; `defineRubric` checks it and returns a frozen `Rubric`. */
export const rubricSchema = z.strictObject(
  {
    id: text('a non-empty rubric id, e.g. "qc-v3.1"'),
    version: text('a version, e.g. "3.1"'),
    label: rubricLabelSchema,
    sections: z.array(rubricSectionSchema, { error: 'a list of sections' }).min(1, { error: 'at least one section' }),
    groups: z.array(rubricGroupSchema, { error: 'a list of groups' }).default([]),
    items: z.array(rubricItemSchema, { error: 'a list of items' }).min(1, { error: 'at least one item' }),
    redLines: z.array(rubricRedLineSchema, { error: 'a list of red lines' }).default([]),
    bonusCap: bonusCapSchema.default('section'),
  },
  { error: 'a rubric { id, version, label, sections, items, … }' },
);

import { z } from 'zod';
import { CalendarError, type CalendarIssue } from './errors.js';
import type { CalendarText } from './types.js';

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const expectedClock = 'a clock time "HH:mm" (e.g. "18:00")';

const textSchema = z.object({ zh: z.string({ error: 'a string' }), en: z.string({ error: 'a string' }) }, { error: 'a label { zh, en }' }).strict();
const fieldName = z.string({ error: 'a record field name such as "filedAt"' }).min(1, { error: 'a record field name such as "filedAt"' });
const fieldList = z.array(fieldName, { error: 'a list of record field names' }).min(1, { error: 'a list of at least one field name' });
const clockTime = z.string({ error: expectedClock }).regex(clockPattern, { error: (iss) => `expected ${expectedClock}, got ${JSON.stringify(iss.input)}` });

/** Units a deadline can be counted in. */
export const slaUnits = ['minutes', 'hours', 'days', 'workingMinutes', 'workingHours', 'workingDays'] as const;

const overnightSchema = z
  .object({
    /** The evening time the night window opens (seed 000: 18:00). */
    from: clockTime,
    /** The morning time it closes (seed 000: 09:00). */
    to: clockTime,
    /** The clock time on the next day the step is due by (seed 000: 10:00). */
    dueBy: clockTime,
    /** `calendarDay`: the literal next day (seed 000's "次日"); `workingDay`: the next working day. */
    nextDay: z.enum(['calendarDay', 'workingDay'], { error: 'one of "calendarDay" | "workingDay"' }).default('calendarDay'),
  })
  .strict()
  .refine((o) => !clockPattern.test(o.from) || !clockPattern.test(o.to) || o.from > o.to, {
    error: 'expected a night window that crosses midnight (`from` later than `to`, e.g. 18:00 → 09:00)',
  });

/** The longest deadline in each unit: a year of 366 days (working units counted as if every hour worked). */
const maxAmount: Readonly<Record<(typeof slaUnits)[number], number>> = {
  minutes: 366 * 24 * 60,
  hours: 366 * 24,
  days: 366,
  workingMinutes: 366 * 24 * 60,
  workingHours: 366 * 24,
  workingDays: 366,
};

const deadlineSchema = z
  .object({
    /** How many units; working days must be whole. */
    amount: z.number({ error: 'a number > 0' }).positive({ error: 'a number > 0' }).finite({ error: 'a number > 0' }),
    unit: z.enum(slaUnits, { error: `one of ${slaUnits.map((u) => JSON.stringify(u)).join(' | ')}` }),
    /** A start inside the night window is due by `dueBy` on the next day instead. */
    overnight: overnightSchema.optional(),
  })
  .strict()
  .refine((d) => !(d.unit === 'workingDays' || d.unit === 'days') || Number.isInteger(d.amount), {
    error: 'expected a whole number of days',
    path: ['amount'],
  })
  .superRefine((d, ctx) => {
    // A deadline longer than a year is a slip of the keyboard (1e9 working days would walk the
    // calendar day by day for hours; 1e12 hours is past the last representable date).
    const max = maxAmount[d.unit];
    if (d.amount > max) ctx.addIssue({ code: 'custom', path: ['amount'], message: `expected at most a year: ${max} ${d.unit}` });
  });

const ruleSchema = z
  .object({
    /** Unique within the rule set, e.g. `complaintReview`. */
    id: z.string({ error: 'a rule id' }).min(1, { error: 'a rule id' }),
    label: textSchema,
    /** The field whose instant starts the clock; a list means the first one present. */
    start: z.union([fieldName, fieldList], { error: 'a field name or a list of them (the first present starts the clock)' }),
    /** The field whose instant stops it; `{ allOf }` = when all are present (the latest), `{ anyOf }` = the earliest present. */
    stop: z.union([fieldName, z.object({ allOf: fieldList }).strict(), z.object({ anyOf: fieldList }).strict()], {
      error: 'a field name, { allOf: [...] } or { anyOf: [...] }',
    }),
    within: deadlineSchema,
    /** Complaint levels the rule applies to (read from the rule set's `levelField`); all when absent. */
    levels: z
      .array(z.number({ error: 'a whole number ≥ 1' }).int({ error: 'a whole number ≥ 1' }).min(1, { error: 'a whole number ≥ 1' }), { error: 'a list of whole numbers ≥ 1' })
      .min(1, { error: 'a list of at least one level' })
      .optional(),
    /** Boolean fields that must be `true` for the rule to apply (seed 001: `callbackRequired`). */
    requires: fieldList.optional(),
    /** What happens when the step is missed. */
    onMiss: z.object({ code: z.string({ error: 'a consequence code' }).min(1, { error: 'a consequence code' }), label: textSchema }, { error: 'a consequence { code, label }' }).strict().optional(),
    /** Where the rule comes from, e.g. `seed 000 §四.1`. */
    source: z.string({ error: 'a string' }).optional(),
  })
  .strict();

/** The zod schema of a rule set (what `defineSlaRuleSet` accepts). */
export const slaRuleSetSchema = z
  .object({
    id: z.string({ error: 'a rule set id' }).min(1, { error: 'a rule set id' }),
    label: textSchema,
    /** The record field holding the complaint level; default `level`. */
    levelField: fieldName.default('level'),
    rules: z.array(ruleSchema, { error: 'a list of rules' }).min(1, { error: 'at least one rule' }),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `expected a unique rule id, got ${JSON.stringify(r.id)} twice` });
      seen.add(r.id);
    });
  });

/** What `defineSlaRuleSet` accepts. */
export type SlaRuleSetDefinition = z.input<typeof slaRuleSetSchema>;

/** A unit a deadline is counted in. */
export type SlaUnit = (typeof slaUnits)[number];

/** The seed 000 night rule: a start between `from` and `to` is due by `dueBy` the next day. */
export interface SlaOvernight {
  readonly from: string;
  readonly to: string;
  readonly dueBy: string;
  readonly nextDay: 'calendarDay' | 'workingDay';
}

/** How long a step may take. */
export interface SlaDeadline {
  readonly amount: number;
  readonly unit: SlaUnit;
  readonly overnight?: SlaOvernight;
}

/** What happens when a step is missed (seed 000: the platform decides; deemed valid and refunded). */
export interface SlaConsequence {
  readonly code: string;
  readonly label: CalendarText;
}

/** A deadline rule, normalised. */
export interface SlaRule {
  readonly id: string;
  readonly label: CalendarText;
  /** Fields tried in order; the first present starts the clock. */
  readonly start: readonly string[];
  /** Fields that stop it: `any` = the earliest present, `all` = the latest once all are present. */
  readonly stop: { readonly fields: readonly string[]; readonly when: 'any' | 'all' };
  readonly within: SlaDeadline;
  readonly levels?: readonly number[];
  readonly requires?: readonly string[];
  readonly onMiss?: SlaConsequence;
  readonly source?: string;
}

/** A validated, frozen rule set. */
export interface SlaRuleSet {
  readonly id: string;
  readonly label: CalendarText;
  readonly levelField: string;
  readonly rules: readonly SlaRule[];
}

type RuleOutput = z.output<typeof ruleSchema>;

const normalise = (r: RuleOutput): SlaRule => {
  const stop =
    typeof r.stop === 'string'
      ? { fields: [r.stop], when: 'any' as const }
      : 'allOf' in r.stop
        ? { fields: r.stop.allOf, when: 'all' as const }
        : { fields: r.stop.anyOf, when: 'any' as const };
  const within: SlaDeadline = r.within.overnight === undefined ? { amount: r.within.amount, unit: r.within.unit } : { ...r.within, overnight: Object.freeze({ ...r.within.overnight }) };
  return Object.freeze({
    id: r.id,
    label: Object.freeze({ ...r.label }),
    start: Object.freeze(typeof r.start === 'string' ? [r.start] : [...r.start]),
    stop: Object.freeze({ fields: Object.freeze([...stop.fields]), when: stop.when }),
    within: Object.freeze(within),
    ...(r.levels === undefined ? {} : { levels: Object.freeze([...r.levels]) }),
    ...(r.requires === undefined ? {} : { requires: Object.freeze([...r.requires]) }),
    ...(r.onMiss === undefined ? {} : { onMiss: Object.freeze({ code: r.onMiss.code, label: Object.freeze({ ...r.onMiss.label }) }) }),
    ...(r.source === undefined ? {} : { source: r.source }),
  });
};

/**
 * Defines a set of deadline rules as data: for each step, which record field starts the clock,
 * how long it may take (minutes, hours, calendar days, working minutes/hours/days, with seed
 * 000's night rule "filed 18:00–09:00: reviewed by 10:00 the next day"), which field stops it,
 * which complaint levels it applies to, and what happens when it is missed.
 *
 * @param definition - `{ id, label, levelField?, rules: [{ id, label, start, stop, within, levels?, requires?, onMiss?, source? }] }`
 * @returns a frozen rule set for `checkSla` and `slaCompliance`
 * @throws {CalendarError} listing every problem with its path (unknown unit, fractional working
 *   days, a night window that does not cross midnight, duplicate rule ids…)
 * @example
 * const set = defineSlaRuleSet({ id: 'reply', label: { zh: '回复', en: 'Reply' }, rules: [
 *   { id: 'reply', label: { zh: '2小时内回复', en: 'Reply within 2 h' }, start: 'filedAt', stop: 'repliedAt',
 *     within: { amount: 2, unit: 'hours' } }] });
 * set.rules[0].stop //=> { fields: ['repliedAt'], when: 'any' }
 */
export function defineSlaRuleSet(definition: SlaRuleSetDefinition): SlaRuleSet {
  const parsed = slaRuleSetSchema.safeParse(definition);
  if (!parsed.success) {
    throw new CalendarError(
      'ruleSet',
      parsed.error.issues.map((i): CalendarIssue => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message.startsWith('expected') || i.code === 'unrecognized_keys' ? i.message : `expected ${i.message}`,
      })),
    );
  }
  const set = parsed.data;
  return Object.freeze({
    id: set.id,
    label: Object.freeze({ ...set.label }),
    levelField: set.levelField,
    rules: Object.freeze(set.rules.map(normalise)),
  });
}

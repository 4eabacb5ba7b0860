import type { BusinessCalendar } from './defineCalendar.js';
import type { SlaRuleSet } from './defineSlaRuleSet.js';
import { readCalendarInstant } from './instant.js';
import { evaluateStep, ruleApplies, type SlaStep } from './slaStep.js';
import type { CalendarInstant } from './types.js';

/** Options of `checkSla`. */
export interface CheckSlaOptions {
  /** The moment open steps are judged against (pending or overdue); default: the current time. */
  readonly now?: CalendarInstant;
}

/**
 * Checks one record against a rule set: for each rule that applies (its `levels` include the
 * record's level, its `requires` flags are true), when the step was due, when it was done,
 * whether it was met or missed and by how much, and what the standard says follows a miss.
 * Steps not done yet are `pending` or `overdue` against `now`; a step whose start field is absent
 * is `notStarted`. Rules that do not apply give no step.
 *
 * Works on any record with instant fields (epoch ms, `Date`, or ISO strings with an offset) read
 * by name: complaints (`filedAt`, `reviewedAt`, …), orders (`paidAt`, `confirmedAt`), your own.
 * Due rule: `met` when `doneAt ≤ dueAt`.
 *
 * @param record - a complaint, an order, any object with the rule set's fields
 * @param ruleSet - from `defineSlaRuleSet` or `slaRuleSets`
 * @param calendar - the calendar deadlines run on (its zone also places seed 000's night window)
 * @param options - `{ now? }`
 * @returns one step a rule that applies, in the rule set's order
 * @throws {CalendarError} when a field named by a rule holds something that is not an instant
 * @example
 * // Seed 000: a complaint filed Friday 19:30 is reviewed by 10:00 the next day (Saturday)
 * checkSla({ filedAt: Date.parse('2026-03-06T19:30:00+08:00'), reviewedAt: Date.parse('2026-03-07T09:40:00+08:00') },
 *   slaRuleSets.platformServiceProvider, calendars.platformWeekdays)[1].status //=> 'met'
 */
export function checkSla<R extends object>(record: R, ruleSet: SlaRuleSet, calendar: BusinessCalendar, options: CheckSlaOptions = {}): SlaStep[] {
  const now = options.now === undefined ? Date.now() : readCalendarInstant(options.now, 'now');
  const rec = record as Readonly<Record<string, unknown>>;
  const steps: SlaStep[] = [];
  for (const rule of ruleSet.rules) {
    if (ruleApplies(rule, rec, ruleSet.levelField)) steps.push(evaluateStep(calendar.clock, rule, rec, now));
  }
  return steps;
}

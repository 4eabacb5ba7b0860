import type { BusinessCalendar } from './defineCalendar.js';
import type { SlaRuleSet } from './defineSlaRuleSet.js';
import { CalendarError } from './errors.js';
import { dueAtMs } from './ruleDeadline.js';
import { readRecordInstant, ruleApplies } from './slaStep.js';

/** Options of `slaDeadlineFor`. */
export interface SlaDeadlineForOptions {
  /** Only this rule (e.g. `callback`); default: the first rule of the set that applies to the record. */
  readonly ruleId?: string;
}

/**
 * Binds a rule set and a calendar into a function giving a record's due instant (epoch ms), or
 * `undefined` when no rule applies or its start field is absent. This is the shape the metrics
 * room's timeliness KPIs take as their `deadline` option, so their on-time counts use the exact
 * working-day rules (seed 003 levels 3–4: 4 and 7 working days) instead of fixed hours.
 *
 * @param ruleSet - from `defineSlaRuleSet` or `slaRuleSets`
 * @param calendar - the calendar deadlines run on
 * @param options - `{ ruleId? }`
 * @returns `(record) => dueAt | undefined`
 * @throws {CalendarError} at once when `ruleId` names no rule of the set; later, when a record's field holds no instant
 * @example
 * const deadline = slaDeadlineFor(slaRuleSets.gasUtilityComplaintLevels, calendars.chinaMainland);
 * deadline({ level: 3, filedAt: Date.parse('2025-09-30T10:00:00+08:00') }) //=> Date.parse('2025-10-13T10:00:00+08:00')
 */
export function slaDeadlineFor(ruleSet: SlaRuleSet, calendar: BusinessCalendar, options: SlaDeadlineForOptions = {}): (record: object) => number | undefined {
  const rules = options.ruleId === undefined ? ruleSet.rules : ruleSet.rules.filter((r) => r.id === options.ruleId);
  if (rules.length === 0) {
    throw new CalendarError('options', [
      { path: ['ruleId'], message: `expected one of ${ruleSet.rules.map((r) => JSON.stringify(r.id)).join(' | ')}, got ${JSON.stringify(options.ruleId)}` },
    ]);
  }
  const clock = calendar.clock;
  return (record) => {
    const rec = record as Readonly<Record<string, unknown>>;
    for (const rule of rules) {
      if (!ruleApplies(rule, rec, ruleSet.levelField)) continue;
      for (const field of rule.start) {
        const start = readRecordInstant(rec, field);
        if (start !== undefined) return dueAtMs(clock, rule.within, start);
      }
      return undefined;
    }
    return undefined;
  };
}

import type { Duration } from 'date-fns';
import { describeValue } from '../records/index.js';
import { CalendarError, type CalendarIssue } from './errors.js';
import { msInHour, msInMinute } from './types.js';

const clockUnits = { hours: msInHour, minutes: msInMinute, seconds: 1000 } as const;
const dayUnits = ['years', 'months', 'weeks', 'days'] as const;
/**
 * The most working time (and, in `addWorkingDays`, the most working days) that can be added: a
 * hundred years. The clock walks the calendar a day at a time, so more would run for minutes (a
 * million working days took 44 s) and end past the last date the records room reads.
 */
export const maxWorkingDays = 36_600;
export const maxWorkingHours = 36_600 * 24;

/**
 * Reads a date-fns `Duration` of working time into milliseconds.
 *
 * Only clock units count (`hours`, `minutes`, `seconds`, fractions allowed): "a working day" or
 * "a working month" has no single length (a day may have 8 h or a split shift; a holiday week has
 * none), so `years`, `months`, `weeks` and `days` other than 0 are refused; count days with
 * `addWorkingDays`.
 *
 * @throws {CalendarError} for a calendar unit, a negative or non-finite amount, an unknown key, or
 *   more than {@link maxWorkingHours} hours in all
 */
export function workingDurationMs(duration: Duration): number {
  const issues: CalendarIssue[] = [];
  let ms = 0;
  if (typeof duration !== 'object' || duration === null) {
    throw new CalendarError('duration', [{ path: ['duration'], message: `expected a Duration such as { hours: 1 }, got ${describeValue(duration)}` }]);
  }
  for (const [key, value] of Object.entries(duration) as [string, unknown][]) {
    if (value === undefined) continue;
    if ((dayUnits as readonly string[]).includes(key)) {
      if (value !== 0) {
        issues.push({
          path: ['duration', key],
          message: `expected working time in hours, minutes or seconds (count working days with addWorkingDays), got ${key}: ${describeValue(value)}`,
        });
      }
      continue;
    }
    const unit = clockUnits[key as keyof typeof clockUnits];
    if (unit === undefined) {
      issues.push({ path: ['duration', key], message: `expected one of hours, minutes, seconds, got the key ${JSON.stringify(key)}` });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      issues.push({ path: ['duration', key], message: `expected a finite number ≥ 0, got ${describeValue(value)}` });
    } else {
      ms += value * unit;
    }
  }
  if (issues.length === 0 && ms > maxWorkingHours * msInHour) {
    issues.push({ path: ['duration'], message: `expected at most a hundred years of working time (${maxWorkingHours} hours), got ${Math.round(ms / msInHour)} hours` });
  }
  if (issues.length > 0) throw new CalendarError('duration', issues);
  return Math.round(ms);
}

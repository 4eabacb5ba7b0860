import { describeValue } from '../records/index.js';
import type { BusinessCalendar } from './defineCalendar.js';
import { CalendarError } from './errors.js';
import { readCalendarInstant } from './instant.js';
import type { CalendarInstant } from './types.js';
import { maxWorkingDays } from './workingDuration.js';

/**
 * Adds working days. A working day is a local date with working hours of its own: a weekday
 * with hours that is not a holiday, or an extra working day (调休).
 *
 * Rule: start from the first working instant at or after `instant` (a complaint filed at night
 * or on a holiday starts counting when the office opens); the result is the same wall-clock time
 * `days` working days later, moved to the next working time if that clock time is outside the
 * day's hours. So 7 working days from Monday 10:00 is the Wednesday after next at 10:00, and
 * 1 working day from Friday 19:30 is Tuesday 09:00 (Friday 19:30 → Monday 09:00 → Tuesday 09:00).
 * Wall-clock time is kept across daylight-saving changes. `days: 0` gives `nextWorkingTime`.
 *
 * @param calendar - a calendar from `defineCalendar` or `calendars`
 * @param instant - a `Date`, epoch ms, or an ISO 8601 string with an offset
 * @param days - a whole number of working days, 0 to 36,600 (a hundred years)
 * @returns the deadline, as a `Date`
 * @throws {CalendarError} when the instant cannot be read or `days` is not a whole number from 0 to 36,600
 * @example
 * // Seed 003 level 3 (4 working days), filed Tue 2025-09-30 10:00, the day before National Day:
 * addWorkingDays(calendars.chinaMainland, '2025-09-30T10:00:00+08:00', 4)
 * //=> 2025-10-13T10:00:00+08:00 (Oct 1–8 off; Oct 9 Thu, 10 Fri, 11 Sat worked in exchange, 13 Mon)
 */
export function addWorkingDays(calendar: BusinessCalendar, instant: CalendarInstant, days: number): Date {
  const t = readCalendarInstant(instant);
  if (!Number.isInteger(days) || days < 0 || days > maxWorkingDays) {
    throw new CalendarError('days', [{ path: ['days'], message: `expected a whole number of working days from 0 to ${maxWorkingDays} (a hundred years), got ${describeValue(days)}` }]);
  }
  return new Date(calendar.clock.addDays(t, days));
}

import type { BusinessCalendar } from './defineCalendar.js';
import { readCalendarInstant } from './instant.js';
import type { CalendarInstant } from './types.js';

/**
 * Working time between two instants, in milliseconds: the length of `[a, b)` that lies inside
 * working hours. Negative when `b` is before `a` (`between(b, a) = −between(a, b)`), so it adds up
 * like a signed duration. The inverse of `addWorkingTime`: `workingTimeBetween(a, addWorkingTime(a, d))`
 * equals `d` in milliseconds.
 *
 * @param calendar - a calendar from `defineCalendar` or `calendars`
 * @param a - the earlier instant
 * @param b - the later instant
 * @returns working milliseconds
 * @throws {CalendarError} when an instant cannot be read
 * @example
 * // Friday 17:00 to Monday 10:00 on a 09:00–18:00 weekday calendar: 1 h + 1 h
 * workingTimeBetween(calendars.platformWeekdays, '2026-03-06T17:00:00+08:00', '2026-03-09T10:00:00+08:00') //=> 7200000
 */
export function workingTimeBetween(calendar: BusinessCalendar, a: CalendarInstant, b: CalendarInstant): number {
  return calendar.clock.between(readCalendarInstant(a, 'a'), readCalendarInstant(b, 'b'));
}

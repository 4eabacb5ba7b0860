import type { Duration } from 'date-fns';
import type { BusinessCalendar } from './defineCalendar.js';
import { readCalendarInstant } from './instant.js';
import type { CalendarInstant } from './types.js';
import { workingDurationMs } from './workingDuration.js';

/**
 * Adds working time to an instant: the clock only runs inside working hours, so 2 working hours
 * from Friday 17:00 on a 09:00–18:00 weekday calendar end Monday 10:00. The result is the
 * instant the duration is used up, so a deadline may fall exactly at closing time (18:00), not
 * the next opening. Adding 0 returns the instant itself.
 *
 * Durations: `hours`, `minutes`, `seconds` (fractions allowed). `days`, `weeks`, `months` and
 * `years` are refused, because a working day has no fixed length; use `addWorkingDays`.
 *
 * @param calendar - a calendar from `defineCalendar` or `calendars`
 * @param instant - a `Date`, epoch ms, or an ISO 8601 string with an offset
 * @param duration - working time, a date-fns `Duration` such as `{ hours: 4 }`
 * @returns the instant the working time runs out, as a `Date`
 * @throws {CalendarError} when the instant cannot be read or the duration holds a day unit or a negative amount
 * @example
 * addWorkingTime(calendars.platformWeekdays, '2026-03-06T17:00:00+08:00', { hours: 2 })
 * //=> 2026-03-09T10:00:00+08:00 (Friday 17:00 → 1 h Friday + 1 h Monday)
 */
export function addWorkingTime(calendar: BusinessCalendar, instant: CalendarInstant, duration: Duration): Date {
  const t = readCalendarInstant(instant);
  return new Date(calendar.clock.add(t, workingDurationMs(duration)));
}

import type { BusinessCalendar } from './defineCalendar.js';
import { readCalendarInstant } from './instant.js';
import type { CalendarInstant } from './types.js';

/**
 * Tells whether an instant falls inside the calendar's working hours: on a working range of its
 * local date (or the overnight tail of the day before), not on a holiday. A range includes its
 * start and excludes its end, so 18:00 is outside `09:00-18:00`.
 *
 * @param calendar - a calendar from `defineCalendar` or `calendars`
 * @param instant - a `Date`, epoch ms, or an ISO 8601 string with an offset
 * @returns whether it is working time
 * @throws {CalendarError} when the instant cannot be read
 * @example
 * isWorkingTime(calendars.platformWeekdays, '2026-03-02T09:00:00+08:00') //=> true (a Monday)
 * isWorkingTime(calendars.platformWeekdays, '2026-03-02T18:00:00+08:00') //=> false
 */
export function isWorkingTime(calendar: BusinessCalendar, instant: CalendarInstant): boolean {
  return calendar.clock.isWorking(readCalendarInstant(instant));
}

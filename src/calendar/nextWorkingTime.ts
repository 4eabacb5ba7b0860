import type { BusinessCalendar } from './defineCalendar.js';
import { readCalendarInstant } from './instant.js';
import type { CalendarInstant } from './types.js';

/**
 * The first working instant at or after the given one: the instant itself inside working hours,
 * otherwise the start of the next working range (skipping nights, weekends and holidays, and
 * taking in extra working days).
 *
 * @param calendar - a calendar from `defineCalendar` or `calendars`
 * @param instant - a `Date`, epoch ms, or an ISO 8601 string with an offset
 * @returns the next working instant, as a `Date`
 * @throws {CalendarError} when the instant cannot be read, or no working time follows within ten years
 * @example
 * nextWorkingTime(calendars.chinaMainland, '2025-09-30T18:30:00+08:00')
 * //=> 2025-10-09T09:00:00+08:00 (National Day and Mid-Autumn holiday, Oct 1–8)
 */
export function nextWorkingTime(calendar: BusinessCalendar, instant: CalendarInstant): Date {
  return new Date(calendar.clock.next(readCalendarInstant(instant)));
}

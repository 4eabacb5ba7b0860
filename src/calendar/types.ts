import { maxInstantMs, minInstantMs, type InstantInput } from '../records/index.js';

/** Milliseconds in a minute. */
export const msInMinute = 60_000;
/** Milliseconds in an hour. */
export const msInHour = 3_600_000;
/** Milliseconds in a 24-hour day (a local date can have 23 or 25 h across a daylight-saving change). */
export const msInDay = 86_400_000;

/** The earliest instant the calendar functions accept (1000-01-01T00:00Z): the records room's bound. */
export const minCalendarMs = minInstantMs;
/** The latest instant the calendar functions accept (9999-12-31T23:59:59.999Z). */
export const maxCalendarMs = maxInstantMs;

/**
 * How many consecutive days without any working time a search walks before giving up
 * (ten years): a calendar whose holidays blank out every weekday would otherwise loop forever.
 */
export const maxDaysWithoutWork = 3660;

/** A text in both languages of the standards. */
export interface CalendarText {
  readonly zh: string;
  readonly en: string;
}

/** An instant as the calendar functions accept it: a `Date`, epoch ms, or an ISO 8601 string with an offset. */
export type CalendarInstant = InstantInput;

/** Days of the week, as keys of `workingHours`. */
export const calendarWeekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A day of the week. */
export type CalendarWeekday = (typeof calendarWeekdays)[number];

/**
 * One working range of a day, in local wall-clock time: `from` inclusive, `to` exclusive.
 * `to` earlier than `from` runs overnight into the next day; `00:00`–`24:00` is the whole day.
 */
export interface WorkingRange {
  readonly from: string;
  readonly to: string;
}

import type { WorkingClock } from './clock.js';
import type { BusinessCalendar } from './defineCalendar.js';
import type { SlaDeadline } from './defineSlaRuleSet.js';
import { readCalendarInstant } from './instant.js';
import { msInHour, msInMinute, type CalendarInstant } from './types.js';

const clockMs = (hhmm: string): number => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * msInMinute;

/**
 * The due instant of a deadline started at `start`, in epoch ms (the hot path of `checkSla`).
 * Elapsed units (`minutes`, `hours`) ignore the calendar; `days` keeps the wall-clock time in the
 * calendar's zone; working units run only inside working hours. A start inside an `overnight`
 * window is due by `dueBy` on the next day instead.
 */
export function dueAtMs(clock: WorkingClock, within: SlaDeadline, start: number): number {
  const night = within.overnight;
  if (night !== undefined) {
    const day = clock.dayAt(start);
    const wall = clock.wallTimeOfDay(start, day);
    const from = clockMs(night.from);
    if (wall >= from || wall < clockMs(night.to)) {
      // The evening the night began: today when filed after `from`, yesterday when before `to`.
      const evening = wall >= from ? day.index : day.index - 1;
      const dueDay = night.nextDay === 'calendarDay' ? clock.day(evening + 1) : clock.nextWorkingDay(evening);
      return clock.atWallTime(dueDay, clockMs(night.dueBy));
    }
  }
  const n = within.amount;
  switch (within.unit) {
    case 'minutes':
      return start + n * msInMinute;
    case 'hours':
      return start + n * msInHour;
    case 'days': {
      const day = clock.dayAt(start);
      const wall = clock.wallTimeOfDay(start, day);
      return clock.atWallTime(clock.day(day.index + n), wall);
    }
    case 'workingMinutes':
      return clock.add(start, Math.round(n * msInMinute));
    case 'workingHours':
      return clock.add(start, Math.round(n * msInHour));
    case 'workingDays':
      return clock.addDays(start, n);
  }
}

/**
 * When a step started at `start` is due under a deadline rule, on a calendar.
 *
 * Units: `minutes` and `hours` are elapsed time (seed 000's "30分钟内", "1小时内", "24小时内");
 * `days` are calendar days at the same wall-clock time; `workingMinutes` and `workingHours` run
 * only in working hours (see `addWorkingTime`); `workingDays` follow `addWorkingDays` (seed 002/003
 * "个工作日"). With `overnight` (seed 000: "当日18:00-次日9:00提交的投诉单，必须在次日10点前审核完成"),
 * a start from `from` to `to` is due by `dueBy` on the next day (calendar day, or next working
 * day with `nextDay: 'workingDay'`); a start at 02:00 belongs to the night that began the
 * evening before, so it is due at 10:00 the same date.
 *
 * @param calendar - the calendar the deadline runs on
 * @param within - the rule's deadline, e.g. `{ amount: 1, unit: 'hours' }`
 * @param start - the instant the clock starts
 * @returns the due instant, as a `Date`
 * @throws {CalendarError} when the instant cannot be read
 * @example
 * ruleDeadline(calendars.platformWeekdays, { amount: 1, unit: 'hours',
 *   overnight: { from: '18:00', to: '09:00', dueBy: '10:00', nextDay: 'calendarDay' } }, '2026-03-06T19:30:00+08:00')
 * //=> 2026-03-07T10:00:00+08:00 (Friday 19:30 → Saturday 10:00)
 */
export function ruleDeadline(calendar: BusinessCalendar, within: SlaDeadline, start: CalendarInstant): Date {
  return new Date(dueAtMs(calendar.clock, within, readCalendarInstant(start, 'start')));
}

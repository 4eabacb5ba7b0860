import { TZDate, tzOffset } from '@date-fns/tz';
import { CalendarError } from './errors.js';
import { maxDaysWithoutWork, msInDay, msInMinute } from './types.js';

/**
 * The farthest a deadline may lie, in calendar days: a hundred years. The clock walks the
 * calendar a day at a time, so a sparse calendar (one working hour a week) would otherwise walk
 * for minutes and end past the last date the records room reads.
 */
const maxWalkDays = 36_600;

/** A working range in minutes after local midnight; `end` may pass 1440 for an overnight range. */
export interface MinuteRange {
  readonly start: number;
  readonly end: number;
}

/** What a calendar compiles to before any day is laid out. */
export interface ClockTemplate {
  readonly timeZone: string;
  /** Ranges per weekday, index 0 = Sunday. */
  readonly weekdays: readonly (readonly MinuteRange[])[];
  /** Local dates (`yyyy-MM-dd`) without working hours. */
  readonly holidays: ReadonlySet<string>;
  /** Local dates worked in exchange for a holiday, with the hours worked on each. */
  readonly extraWorkdays: ReadonlyMap<string, readonly MinuteRange[]>;
}

/**
 * One local date laid out in epoch milliseconds: where it starts and ends, and the working
 * intervals that fall inside it (its own ranges plus the overnight tail of the day before),
 * merged and sorted.
 */
export interface CalendarDay {
  /** The local date as whole days since 1970-01-01. */
  readonly index: number;
  /** The local date, `yyyy-MM-dd`. */
  readonly key: string;
  /** Epoch ms of local midnight. */
  readonly start: number;
  /** Epoch ms of the next local midnight (23 or 25 h later on a daylight-saving change). */
  readonly end: number;
  /** Working intervals as `[start0, end0, start1, end1, …]` in epoch ms, inside `[start, end)`. */
  readonly intervals: readonly number[];
  /** Total working milliseconds inside the day. */
  readonly workingMs: number;
  /** Whether the date has working hours of its own: a working day for `addWorkingDays`. */
  readonly isWorkingDay: boolean;
  /** Whether wall-clock time runs evenly through the day (no offset change). */
  readonly even: boolean;
}

const keyOfDay = (index: number): string => new Date(index * msInDay).toISOString().slice(0, 10);

/**
 * The engine behind every calendar function, in epoch milliseconds.
 *
 * Each local date is laid out once (its UTC start and end and its working intervals, found
 * with `TZDate`) and cached inside this object, so the inner loops of deadline checks only
 * compare numbers. Use it directly on hot paths: numbers in, numbers out, no `Date` objects.
 * The cache is the only state; it never changes an answer. Build one with `defineCalendar`.
 *
 * @example
 * const clock = calendars.chinaMainland.clock;
 * clock.add(Date.parse('2025-09-30T17:00:00+08:00'), 2 * msInHour) //=> Date.parse('2025-10-09T10:00:00+08:00')
 * clock.between(Date.parse('2025-09-30T17:00:00+08:00'), Date.parse('2025-10-09T10:00:00+08:00')) //=> 7200000
 */
export class WorkingClock {
  readonly timeZone: string;
  readonly #template: ClockTemplate;
  readonly #days = new Map<number, CalendarDay>();
  /** A typical offset of the zone, only used to guess the local date of an instant. */
  readonly #offsetGuess: number;

  constructor(template: ClockTemplate) {
    this.timeZone = template.timeZone;
    this.#template = template;
    this.#offsetGuess = tzOffset(template.timeZone, new Date(Date.UTC(2025, 0, 1))) * msInMinute;
  }

  /** Epoch ms of a local wall-clock time, given as ms since 1970-01-01 on the wall clock. */
  wallToEpoch(wallMs: number): number {
    const w = new Date(wallMs);
    return new TZDate(
      w.getUTCFullYear(),
      w.getUTCMonth(),
      w.getUTCDate(),
      w.getUTCHours(),
      w.getUTCMinutes(),
      w.getUTCSeconds(),
      w.getUTCMilliseconds(),
      this.timeZone,
    ).getTime();
  }

  /** Wall-clock ms since local midnight of `day` for an instant inside it. */
  wallTimeOfDay(t: number, day: CalendarDay): number {
    if (day.even) return t - day.start;
    return t + tzOffset(this.timeZone, new Date(t)) * msInMinute - day.index * msInDay;
  }

  /** The instant at a wall-clock time (ms after midnight) on a day. */
  atWallTime(day: CalendarDay, wallMs: number): number {
    return day.even ? day.start + wallMs : this.wallToEpoch(day.index * msInDay + wallMs);
  }

  /** The ranges a local date has of its own: none on a holiday, the exchange hours on an extra working day. */
  ownRanges(index: number): readonly MinuteRange[] {
    const t = this.#template;
    if (t.extraWorkdays.size > 0 || t.holidays.size > 0) {
      const key = keyOfDay(index);
      const extra = t.extraWorkdays.get(key);
      if (extra !== undefined) return extra;
      if (t.holidays.has(key)) return [];
    }
    // 1970-01-01 was a Thursday (weekday 4).
    return t.weekdays[(((index + 4) % 7) + 7) % 7] ?? [];
  }

  /** The local date with this index, laid out (cached). */
  day(index: number): CalendarDay {
    const cached = this.#days.get(index);
    if (cached !== undefined) return cached;
    const built = this.#layOut(index);
    this.#days.set(index, built);
    return built;
  }

  /** The local date an instant falls on. */
  dayAt(t: number): CalendarDay {
    let index = Math.floor((t + this.#offsetGuess) / msInDay);
    let d = this.day(index);
    while (t < d.start) d = this.day(--index);
    while (t >= d.end) d = this.day(++index);
    return d;
  }

  #layOut(index: number): CalendarDay {
    const start = this.wallToEpoch(index * msInDay);
    const end = this.wallToEpoch((index + 1) * msInDay);
    const raw: [number, number][] = [];
    const own = this.ownRanges(index);
    for (const r of own) raw.push([this.wallToEpoch(index * msInDay + r.start * msInMinute), this.wallToEpoch(index * msInDay + r.end * msInMinute)]);
    // The overnight tail of yesterday's ranges belongs to yesterday's shift but falls in today.
    for (const r of this.ownRanges(index - 1)) {
      if (r.end > 1440) raw.push([start, this.wallToEpoch((index - 1) * msInDay + r.end * msInMinute)]);
    }
    const clipped = raw
      .map(([s, e]): [number, number] => [Math.max(s, start), Math.min(e, end)])
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    const intervals: number[] = [];
    let workingMs = 0;
    for (const [s, e] of clipped) {
      const last = intervals.length - 1;
      if (last > 0 && s <= intervals[last]!) {
        if (e > intervals[last]!) {
          workingMs += e - intervals[last]!;
          intervals[last] = e;
        }
      } else {
        intervals.push(s, e);
        workingMs += e - s;
      }
    }
    const offsetStart = tzOffset(this.timeZone, new Date(start));
    const offsetEnd = tzOffset(this.timeZone, new Date(end - 1));
    return Object.freeze({
      index,
      key: keyOfDay(index),
      start,
      end,
      intervals: Object.freeze(intervals),
      workingMs,
      isWorkingDay: own.length > 0,
      even: end - start === msInDay && offsetStart === offsetEnd,
    });
  }

  /** A deadline more than {@link maxWalkDays} calendar days away: refused, whatever the amount's unit. */
  #tooFar(from: number): never {
    throw new CalendarError('deadline', [
      {
        path: ['amount'],
        message: `expected a deadline within ${maxWalkDays} calendar days (a hundred years) of ${new Date(from).toISOString()} in ${this.timeZone}`,
      },
    ]);
  }

  #noWork(from: number): never {
    throw new CalendarError('calendar', [
      {
        path: ['timeZone'],
        message: `expected working time within ${maxDaysWithoutWork} days after ${new Date(from).toISOString()}, found none in ${this.timeZone}`,
      },
    ]);
  }

  /** Whether an instant is inside working hours (ranges include their start, exclude their end). */
  isWorking(t: number): boolean {
    const iv = this.dayAt(t).intervals;
    for (let i = 0; i < iv.length; i += 2) {
      if (t < iv[i]!) return false;
      if (t < iv[i + 1]!) return true;
    }
    return false;
  }

  /** The first working instant at or after `t`. */
  next(t: number): number {
    let d = this.dayAt(t);
    for (let n = 0; n <= maxDaysWithoutWork; n++) {
      const iv = d.intervals;
      for (let i = 0; i < iv.length; i += 2) {
        if (t < iv[i + 1]!) return t > iv[i]! ? t : iv[i]!;
      }
      d = this.day(d.index + 1);
    }
    return this.#noWork(t);
  }

  /** The instant when `ms` of working time after `t` have been used up (`t` itself for 0). */
  add(t: number, ms: number): number {
    if (ms <= 0) return t;
    let remaining = ms;
    let d = this.dayAt(t);
    const last = d.index + maxWalkDays;
    let idle = 0;
    for (;;) {
      if (d.index > last) return this.#tooFar(t);
      if (d.workingMs > 0) {
        idle = 0;
        if (d.start >= t && d.workingMs < remaining) {
          remaining -= d.workingMs;
        } else {
          const iv = d.intervals;
          for (let i = 0; i < iv.length; i += 2) {
            const e = iv[i + 1]!;
            if (e <= t) continue;
            const from = t > iv[i]! ? t : iv[i]!;
            const available = e - from;
            if (remaining <= available) return from + remaining;
            remaining -= available;
          }
        }
      } else if (++idle > maxDaysWithoutWork) {
        return this.#noWork(t);
      }
      d = this.day(d.index + 1);
    }
  }

  /** Working milliseconds in `[a, b)`; negative when `b` is before `a`. */
  between(a: number, b: number): number {
    if (b < a) {
      const forward = this.between(b, a);
      return forward === 0 ? 0 : -forward;
    }
    let total = 0;
    let d = this.dayAt(a);
    while (d.start < b) {
      if (d.workingMs > 0) {
        if (d.start >= a && d.end <= b) {
          total += d.workingMs;
        } else {
          const iv = d.intervals;
          for (let i = 0; i < iv.length; i += 2) {
            const s = iv[i]! > a ? iv[i]! : a;
            const e = iv[i + 1]! < b ? iv[i + 1]! : b;
            if (e > s) total += e - s;
          }
        }
      }
      d = this.day(d.index + 1);
    }
    return total;
  }

  /**
   * The same wall-clock time `n` working days after the first working instant at or after `t`,
   * moved to the next working time when that clock time is outside the day's hours.
   */
  addDays(t: number, n: number): number {
    const t0 = this.next(t);
    const d0 = this.dayAt(t0);
    if (n === 0) return t0;
    let wall = this.wallTimeOfDay(t0, d0);
    let index = d0.index;
    // After midnight in an overnight shift (22:00-06:00), the moment belongs to yesterday's shift:
    // count from yesterday, at its clock time past 24:00 (Sat 02:00 of Friday's shift + 1 working
    // day is Tue 02:00, in Monday's shift, not Mon 22:00).
    const minute = wall / msInMinute;
    const inOwn = this.ownRanges(index).some((r) => minute >= r.start && minute < r.end);
    if (!inOwn && this.ownRanges(index - 1).some((r) => r.end > 1440 && minute + 1440 >= r.start && minute + 1440 < r.end)) {
      index -= 1;
      wall += msInDay;
    }
    let counted = 0;
    let idle = 0;
    const last = index + maxWalkDays;
    while (counted < n) {
      if (++index > last) return this.#tooFar(t);
      if (this.day(index).isWorkingDay) {
        counted++;
        idle = 0;
      } else if (++idle > maxDaysWithoutWork) {
        return this.#noWork(t);
      }
    }
    // A clock time past 24:00 is read on the next date (its own offset, across a clock change).
    return this.next(wall >= msInDay ? this.atWallTime(this.day(index + 1), wall - msInDay) : this.atWallTime(this.day(index), wall));
  }

  /** The first working day (a date with hours of its own) strictly after the date with this index. */
  nextWorkingDay(index: number): CalendarDay {
    for (let n = 1; n <= maxDaysWithoutWork; n++) {
      const d = this.day(index + n);
      if (d.isWorkingDay) return d;
    }
    return this.#noWork(this.day(index).start);
  }
}

import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingTime,
  CalendarError,
  calendars,
  defineCalendar,
  isWorkingTime,
  msInHour,
  msInMinute,
  nextWorkingTime,
  workingTimeBetween,
} from '../../src/calendar/index.js';

const cn = (local: string) => Date.parse(`${local}+08:00`);
const { chinaMainland, platformWeekdays } = calendars;

describe('isWorkingTime and nextWorkingTime', () => {
  it('accepts Date, epoch ms and ISO strings with an offset', () => {
    expect(isWorkingTime(platformWeekdays, new Date(cn('2026-03-09T10:00:00')))).toBe(true);
    expect(isWorkingTime(platformWeekdays, cn('2026-03-09T10:00:00'))).toBe(true);
    expect(isWorkingTime(platformWeekdays, '2026-03-09T02:00:00Z')).toBe(true); // 10:00 in Shanghai
  });

  it('refuses a string without an offset rather than guessing its zone', () => {
    expect(() => isWorkingTime(platformWeekdays, '2026-03-09T10:00:00')).toThrow(CalendarError);
    expect(() => nextWorkingTime(platformWeekdays, Number.NaN)).toThrow(/→ at instant/);
  });

  it('moves to the next opening across nights, weekends and holidays', () => {
    expect(nextWorkingTime(platformWeekdays, cn('2026-03-06T19:30:00')).getTime()).toBe(cn('2026-03-09T09:00:00')); // Fri → Mon
    expect(nextWorkingTime(platformWeekdays, cn('2026-03-09T11:00:00')).getTime()).toBe(cn('2026-03-09T11:00:00')); // already working
    expect(nextWorkingTime(platformWeekdays, cn('2026-03-09T18:00:00')).getTime()).toBe(cn('2026-03-10T09:00:00')); // 18:00 is closed
    // 2025-09-30 evening → Oct 1–8 National Day and Mid-Autumn → Thu Oct 9 09:00
    expect(nextWorkingTime(chinaMainland, cn('2025-09-30T18:30:00')).getTime()).toBe(cn('2025-10-09T09:00:00'));
    // Friday 2026-02-13 evening → Saturday Feb 14 is worked in exchange
    expect(nextWorkingTime(chinaMainland, cn('2026-02-13T20:00:00')).getTime()).toBe(cn('2026-02-14T09:00:00'));
  });

  it('handles split shifts and overnight ranges; a holiday cancels the whole overnight shift', () => {
    const cal = defineCalendar({
      timeZone: 'Asia/Shanghai',
      workingHours: { monday: ['09:00-12:00', '13:00-18:00'], wednesday: '22:00-06:00' },
      holidays: ['2026-03-18'], // a Wednesday
    });
    expect(isWorkingTime(cal, cn('2026-03-09T12:30:00'))).toBe(false);
    expect(nextWorkingTime(cal, cn('2026-03-09T12:30:00')).getTime()).toBe(cn('2026-03-09T13:00:00'));
    // Wednesday 22:00 → Thursday 06:00
    expect(isWorkingTime(cal, cn('2026-03-11T23:00:00'))).toBe(true);
    expect(isWorkingTime(cal, cn('2026-03-12T05:59:00'))).toBe(true);
    expect(isWorkingTime(cal, cn('2026-03-12T06:00:00'))).toBe(false);
    expect(isWorkingTime(cal, cn('2026-03-19T05:00:00'))).toBe(false); // Wed 18th was a holiday
    // Mon 11:30 + 1 h 30 min: 30 min to 12:00, lunch does not count, 1 h from 13:00 → 14:00
    expect(addWorkingTime(cal, cn('2026-03-09T11:30:00'), { hours: 1.5 }).getTime()).toBe(cn('2026-03-09T14:00:00'));
    // Mon 17:00 + 2 h: 1 h Monday, then Wednesday 22:00 + 1 h = 23:00
    expect(addWorkingTime(cal, cn('2026-03-09T17:00:00'), { hours: 2 }).getTime()).toBe(cn('2026-03-11T23:00:00'));
    // Wed 23:00 → Thu 03:00 is 4 h, all on Wednesday's shift
    expect(workingTimeBetween(cal, cn('2026-03-11T23:00:00'), cn('2026-03-12T03:00:00'))).toBe(4 * msInHour);
  });
});

describe('extra working days', () => {
  it('use extraWorkdayHours when given', () => {
    const cal = defineCalendar({
      timeZone: 'Asia/Shanghai',
      workingHours: { monday: '09:00-18:00', friday: '09:00-18:00' },
      extraWorkdays: ['2026-03-07'], // a Saturday
      extraWorkdayHours: '10:00-15:00',
    });
    expect(isWorkingTime(cal, cn('2026-03-07T09:30:00'))).toBe(false);
    expect(isWorkingTime(cal, cn('2026-03-07T10:30:00'))).toBe(true);
    expect(isWorkingTime(cal, cn('2026-03-14T10:30:00'))).toBe(false); // the next Saturday is not worked
    // Fri 17:00 + 3 h: 1 h Friday, 2 h Saturday from 10:00 → Sat 12:00
    expect(addWorkingTime(cal, cn('2026-03-06T17:00:00'), { hours: 3 }).getTime()).toBe(cn('2026-03-07T12:00:00'));
  });
});

describe('addWorkingTime', () => {
  it('runs only in working hours and stops exactly when the time is used up', () => {
    // Fri 17:00 + 2 h = 1 h Friday + 1 h Monday → Mon 10:00
    expect(addWorkingTime(platformWeekdays, cn('2026-03-06T17:00:00'), { hours: 2 }).getTime()).toBe(cn('2026-03-09T10:00:00'));
    // Fri 17:00 + 1 h → Fri 18:00 (closing time, not Monday's opening)
    expect(addWorkingTime(platformWeekdays, cn('2026-03-06T17:00:00'), { hours: 1 }).getTime()).toBe(cn('2026-03-06T18:00:00'));
    // Adding 0 is the identity, even outside hours
    expect(addWorkingTime(platformWeekdays, cn('2026-03-07T03:00:00'), { minutes: 0 }).getTime()).toBe(cn('2026-03-07T03:00:00'));
    // Sat 03:00 + 30 min + 15 s → Mon 09:30:15
    expect(addWorkingTime(platformWeekdays, cn('2026-03-07T03:00:00'), { minutes: 30, seconds: 15 }).getTime()).toBe(cn('2026-03-09T09:30:15'));
  });

  it('skips holidays and counts exchanged working days', () => {
    // Tue 2025-09-30 17:00 + 2 working hours: 1 h on the 30th, Oct 1–8 off, 1 h on Oct 9 → 10:00
    expect(addWorkingTime(chinaMainland, cn('2025-09-30T17:00:00'), { hours: 2 }).getTime()).toBe(cn('2025-10-09T10:00:00'));
    // Fri 2026-05-08 17:00 + 4 h: 1 h Friday, 3 h on Sat May 9 (worked) → Sat 12:00
    expect(addWorkingTime(chinaMainland, cn('2026-05-08T17:00:00'), { hours: 4 }).getTime()).toBe(cn('2026-05-09T12:00:00'));
  });

  it('refuses day units, negative and unknown amounts, listing each', () => {
    let err: unknown;
    try {
      addWorkingTime(platformWeekdays, cn('2026-03-09T10:00:00'), { days: 1, months: 1, hours: -1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarError);
    expect((err as CalendarError).issues.map((i) => i.path.join('.'))).toEqual(['duration.days', 'duration.months', 'duration.hours']);
    expect((err as CalendarError).issues[0]?.message).toContain('count working days with addWorkingDays');
    // Zero day units are harmless.
    expect(addWorkingTime(platformWeekdays, cn('2026-03-09T10:00:00'), { days: 0, hours: 1 }).getTime()).toBe(cn('2026-03-09T11:00:00'));
  });

  it('refuses more than a hundred years of working time at once (the clock walks day by day: 1e9 hours never ends)', () => {
    expect(() => addWorkingTime(platformWeekdays, cn('2026-03-09T10:00:00'), { hours: 1e9 })).toThrow(
      'expected at most a hundred years of working time (878400 hours), got 1000000000 hours',
    );
    expect(() => addWorkingTime(platformWeekdays, cn('2026-03-09T10:00:00'), { hours: 878_400, minutes: 1 })).toThrow(CalendarError);
  });
});

describe('addWorkingDays', () => {
  it('refuses a deadline more than a hundred years of calendar away, on a sparse calendar too (it walked 143 s)', () => {
    const sparse = defineCalendar({ timeZone: 'UTC', workingHours: { monday: '09:00-10:00' } });
    // 100,000 working hours at one a week: about 1,900 years.
    expect(() => addWorkingTime(sparse, '2026-03-09T09:00:00Z', { hours: 100_000 })).toThrow('expected a deadline within 36600 calendar days (a hundred years)');
    // 36,600 working days of one a week: about 700 years.
    expect(() => addWorkingDays(sparse, '2026-03-09T09:00:00Z', 36_600)).toThrow('expected a deadline within 36600 calendar days (a hundred years)');
    // Within the bound it still answers: 52 working hours is a year of Mondays.
    expect(addWorkingTime(sparse, '2026-03-09T09:00:00Z', { hours: 52 }).toISOString()).toBe('2027-03-01T10:00:00.000Z');
  });

  it('refuses more than 36,600 working days (a hundred years; a million took 44 s)', () => {
    expect(() => addWorkingDays(platformWeekdays, cn('2026-03-09T10:00:00'), 1e6)).toThrow(
      'expected a whole number of working days from 0 to 36600 (a hundred years), got 1000000',
    );
  });

  it('keeps the clock time, N working days after the first working instant', () => {
    // Mon 2026-03-09 10:00 + 7 → Wed Mar 18 10:00 (10,11,12,13,16,17,18)
    expect(addWorkingDays(platformWeekdays, cn('2026-03-09T10:00:00'), 7).getTime()).toBe(cn('2026-03-18T10:00:00'));
    // Fri 19:30 → starts counting Mon 09:00 → +1 → Tue 09:00
    expect(addWorkingDays(platformWeekdays, cn('2026-03-06T19:30:00'), 1).getTime()).toBe(cn('2026-03-10T09:00:00'));
    // 0 working days = nextWorkingTime
    expect(addWorkingDays(platformWeekdays, cn('2026-03-07T12:00:00'), 0).getTime()).toBe(cn('2026-03-09T09:00:00'));
    expect(() => addWorkingDays(platformWeekdays, cn('2026-03-09T10:00:00'), 1.5)).toThrow(CalendarError);
  });

  it('moves to the next working time when the clock time is outside that day’s hours', () => {
    const cal = defineCalendar({ timeZone: 'Asia/Shanghai', workingHours: { monday: '09:00-18:00', tuesday: '09:00-12:00' } });
    // Mon 15:00 + 1 working day → Tue 15:00, after Tuesday's 12:00 closing → next Monday 09:00
    expect(addWorkingDays(cal, cn('2026-03-09T15:00:00'), 1).getTime()).toBe(cn('2026-03-16T09:00:00'));
  });

  it('counts an overnight shift from the day it started, even after midnight', () => {
    const nights = '22:00-06:00';
    const cal = defineCalendar({ timeZone: 'Asia/Shanghai', workingHours: { monday: nights, tuesday: nights, wednesday: nights, thursday: nights, friday: nights } });
    // Fri 2026-03-06 23:00 + 1 → Mon 23:00; Sat 02:00 is still Friday's shift → Tue 02:00 (Monday's shift), never earlier.
    expect(addWorkingDays(cal, cn('2026-03-06T23:00:00'), 1).getTime()).toBe(cn('2026-03-09T23:00:00'));
    expect(addWorkingDays(cal, cn('2026-03-07T02:00:00'), 1).getTime()).toBe(cn('2026-03-10T02:00:00'));
    expect(addWorkingDays(cal, cn('2026-03-07T02:00:00'), 2).getTime()).toBe(cn('2026-03-11T02:00:00'));
  });

  it('reads a night-shift clock time on its own date across a clock change (Berlin, spring forward)', () => {
    const nights = '22:00-06:00';
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const cal = defineCalendar({ timeZone: 'Europe/Berlin', workingHours: Object.fromEntries(days.map((d) => [d, nights])) });
    // Sat 2026-03-28 05:00 CET is Friday's shift; + 1 working day = Saturday's shift at the same
    // clock time, Sun 2026-03-29 05:00, which is CEST (UTC+2) after that night's 02:00 change.
    expect(addWorkingDays(cal, new Date('2026-03-28T05:00:00+01:00'), 1).toISOString()).toBe('2026-03-29T03:00:00.000Z');
    // Autumn: Sat 2026-10-24 05:00 CEST + 1 → Sun 2026-10-25 05:00 CET (UTC+1), not an hour early.
    expect(addWorkingDays(cal, new Date('2026-10-24T05:00:00+02:00'), 1).toISOString()).toBe('2026-10-25T04:00:00.000Z');
  });

  it('counts an exchanged Saturday as a working day and skips a holiday week', () => {
    // Fri 2025-10-10 15:00 + 4: Sat 11 (worked), Mon 13, Tue 14, Wed 15 → Oct 15 15:00
    expect(addWorkingDays(chinaMainland, cn('2025-10-10T15:00:00'), 4).getTime()).toBe(cn('2025-10-15T15:00:00'));
    // The same on the calendar without exchanges: 13, 14, 15, 16 → Oct 16 15:00
    expect(addWorkingDays(platformWeekdays, cn('2025-10-10T15:00:00'), 4).getTime()).toBe(cn('2025-10-16T15:00:00'));
  });
});

describe('workingTimeBetween', () => {
  it('sums working time in [a, b) and is signed', () => {
    // Fri 17:00 → Mon 10:00 = 1 h + 1 h
    expect(workingTimeBetween(platformWeekdays, cn('2026-03-06T17:00:00'), cn('2026-03-09T10:00:00'))).toBe(2 * msInHour);
    expect(workingTimeBetween(platformWeekdays, cn('2026-03-09T10:00:00'), cn('2026-03-06T17:00:00'))).toBe(-2 * msInHour);
    // A whole working week: 5 × 9 h = 45 h
    expect(workingTimeBetween(platformWeekdays, cn('2026-03-09T00:00:00'), cn('2026-03-16T00:00:00'))).toBe(45 * msInHour);
    // The 2025 National Day week on the China calendar: Sun Sep 28 worked (9 h), Mon 29, Tue 30 (18 h), Oct 1–8 off,
    // Thu 9, Fri 10 (18 h), Sat 11 worked (9 h) → 54 h between Sep 27 and Oct 12
    expect(workingTimeBetween(chinaMainland, cn('2025-09-27T00:00:00'), cn('2025-10-12T00:00:00'))).toBe(54 * msInHour);
  });
});

describe('daylight-saving changes', () => {
  const ny = (local: string, offset: '-05:00' | '-04:00') => Date.parse(`${local}${offset}`);
  const nightShift = defineCalendar({
    timeZone: 'America/New_York',
    workingHours: Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, '22:00-06:00'])),
  });
  const nyOffice = defineCalendar({
    timeZone: 'America/New_York',
    workingHours: { monday: '09:00-17:00', tuesday: '09:00-17:00', wednesday: '09:00-17:00', thursday: '09:00-17:00', friday: '09:00-17:00' },
  });

  it('New York spring-forward night (2026-03-08, 02:00 EST → 03:00 EDT) is one hour short', () => {
    // Sat Mar 7 22:00 EST → Sun Mar 8 06:00 EDT: 8 wall-clock hours, 7 real ones.
    expect(workingTimeBetween(nightShift, ny('2026-03-07T22:00:00', '-05:00'), ny('2026-03-08T06:00:00', '-04:00'))).toBe(7 * msInHour);
    // 8 working hours from Sat 22:00: 7 h that night, 1 h from Sun 22:00 EDT → Sun 23:00 EDT
    expect(addWorkingTime(nightShift, ny('2026-03-07T22:00:00', '-05:00'), { hours: 8 }).getTime()).toBe(ny('2026-03-08T23:00:00', '-04:00'));
    expect(isWorkingTime(nightShift, ny('2026-03-08T05:30:00', '-04:00'))).toBe(true);
    expect(isWorkingTime(nightShift, ny('2026-03-08T06:00:00', '-04:00'))).toBe(false);
  });

  it('keeps the wall-clock time of working days across the change', () => {
    // Fri Mar 6 10:00 EST + 1 working day → Mon Mar 9 10:00 EDT (71 h later, not 72)
    const due = addWorkingDays(nyOffice, ny('2026-03-06T10:00:00', '-05:00'), 1).getTime();
    expect(due).toBe(ny('2026-03-09T10:00:00', '-04:00'));
    expect(due - ny('2026-03-06T10:00:00', '-05:00')).toBe(71 * msInHour);
    // Fri 16:00 EST + 2 working hours → Mon 10:00 EDT
    expect(addWorkingTime(nyOffice, ny('2026-03-06T16:00:00', '-05:00'), { hours: 2 }).getTime()).toBe(ny('2026-03-09T10:00:00', '-04:00'));
  });

  it('Berlin fall-back day (2026-10-25, 03:00 CEST → 02:00 CET) has 25 hours', () => {
    const berlin = defineCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: { sunday: '00:00-24:00', monday: '08:00-16:00', friday: '08:00-16:00' },
    });
    // Sunday Oct 25 00:00 CEST (Sat 22:00Z) → Monday 00:00 CET (Sun 23:00Z): 25 h
    expect(workingTimeBetween(berlin, Date.parse('2026-10-25T00:00:00+02:00'), Date.parse('2026-10-26T00:00:00+01:00'))).toBe(25 * msInHour);
    // Fri Oct 23 15:00 CEST + 30 working hours: 1 h Fri, 25 h Sun, 4 h Mon from 08:00 CET → Mon 12:00 CET
    expect(addWorkingTime(berlin, Date.parse('2026-10-23T15:00:00+02:00'), { hours: 30 }).getTime()).toBe(Date.parse('2026-10-26T12:00:00+01:00'));
    // Monday 08:00 CET is 07:00Z; a wall-clock calendar, not a UTC one
    expect(nextWorkingTime(berlin, '2026-10-26T06:30:00Z').toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('works in minutes as well as hours', () => {
    expect(addWorkingTime(nyOffice, ny('2026-03-09T16:59:00', '-04:00'), { minutes: 2 }).getTime()).toBe(ny('2026-03-10T09:01:00', '-04:00'));
    expect(workingTimeBetween(nyOffice, ny('2026-03-09T16:59:00', '-04:00'), ny('2026-03-10T09:01:00', '-04:00'))).toBe(2 * msInMinute);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  calendars,
  defineCalendar,
  isWorkingTime,
  type BusinessCalendar,
  type CalendarDefinition,
} from '../../src/calendar/index.js';

const problems = (definition: unknown): CalendarError => {
  try {
    defineCalendar(definition as CalendarDefinition);
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
};

describe('defineCalendar', () => {
  it('normalises ranges, expands holiday spans and freezes the result', () => {
    const cal = defineCalendar({
      timeZone: 'Asia/Shanghai',
      workingHours: { monday: ['13:00-18:00', '9:00–12:00'], tuesday: { from: '22:00', to: '06:00' }, sunday: '00:00-24:00' },
      holidays: ['2026-05-01', { from: '2026-10-01', to: '2026-10-03', name: { zh: '国庆节', en: 'National Day' } }],
      extraWorkdays: ['2026-10-10'],
    });
    expect(cal.workingHours.monday).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '18:00' },
    ]);
    expect(cal.workingHours.tuesday).toEqual([{ from: '22:00', to: '06:00' }]);
    expect(cal.workingHours.sunday).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(cal.workingHours.saturday).toEqual([]);
    expect(cal.holidays.map((h) => h.date)).toEqual(['2026-05-01', '2026-10-01', '2026-10-02', '2026-10-03']);
    expect(cal.holidays[1]?.name).toEqual({ zh: '国庆节', en: 'National Day' });
    // Extra working days default to the first weekday from Monday that has hours: Monday's split shift.
    expect(cal.extraWorkdayHours).toEqual(cal.workingHours.monday);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.workingHours)).toBe(true);
    expect(Object.isFrozen(cal.holidays)).toBe(true);
  });

  it('lists every problem of a bad definition with its path, in one CalendarError', () => {
    const err = problems({
      timeZone: 'Mars/Olympus',
      workingHours: { monday: ['09:00-12:00', '11:30-18:00'], friday: '9:00-25:00', funday: '09:00-10:00' },
      holidays: ['2025-02-30', '2025/10/01', { from: '2025-10-08', to: '2025-10-01' }],
    });
    expect(err.subject).toBe('calendar');
    const paths = err.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['timeZone', 'workingHours.monday.1', 'workingHours.friday', 'workingHours', 'holidays.0', 'holidays.1', 'holidays.2']),
    );
    expect(err.issues).toHaveLength(7);
    expect(err.format()).toContain('✖ expected a known IANA time zone (e.g. "Asia/Shanghai"), got "Mars/Olympus" → at timeZone');
    expect(err.format()).toContain('✖ expected working ranges that do not overlap, got 11:30-18:00 overlapping 09:00-12:00 → at workingHours.monday[1]');
    expect(err.format()).toContain('naming a real date, got "2025-02-30" → at holidays[0]');
    expect(err.message.split('\n')[0]).toBe('Invalid calendar: 7 problems');
  });

  it('rejects an overnight range that runs into the next day’s hours', () => {
    const err = problems({ timeZone: 'UTC', workingHours: { monday: '20:00-08:00', tuesday: '07:00-15:00' } });
    expect(err.issues).toEqual([
      {
        path: ['workingHours', 'tuesday'],
        message: 'expected working ranges that do not overlap, got 07:00-15:00 overlapping the overnight range 20:00-08:00 of monday',
      },
    ]);
  });

  it('rejects empty ranges, a date both holiday and working day, and a calendar without hours', () => {
    expect(problems({ timeZone: 'UTC', workingHours: { monday: '09:00-09:00' } }).issues[0]?.message).toContain('use "00:00-24:00" for all day');
    expect(
      problems({ timeZone: 'UTC', workingHours: { monday: '09:00-18:00' }, holidays: ['2026-10-10'], extraWorkdays: ['2026-10-10'] }).issues,
    ).toEqual([{ path: ['extraWorkdays'], message: 'expected a date that is not also a holiday, got 2026-10-10 in both lists' }]);
    expect(problems({ timeZone: 'UTC', workingHours: {} }).issues[0]?.path).toEqual(['workingHours']);
    expect(problems({ timeZone: 42, workingHours: 'always' }).issues.map((i) => i.path[0])).toEqual(['timeZone', 'workingHours']);
  });
});

describe('calendars presets', () => {
  const shanghai = (local: string) => `${local}+08:00`;
  const works = (cal: BusinessCalendar, local: string) => isWorkingTime(cal, shanghai(local));

  it('platformWeekdays: seed 000, 09:00–18:00 Monday to Friday in Asia/Shanghai, no holidays', () => {
    expect(calendars.platformWeekdays.timeZone).toBe('Asia/Shanghai');
    expect(works(calendars.platformWeekdays, '2026-03-06T09:00:00')).toBe(true); // Friday opening
    expect(works(calendars.platformWeekdays, '2026-03-06T17:59:59')).toBe(true);
    expect(works(calendars.platformWeekdays, '2026-03-06T18:00:00')).toBe(false); // closing excluded
    expect(works(calendars.platformWeekdays, '2026-03-07T10:00:00')).toBe(false); // Saturday
    expect(works(calendars.platformWeekdays, '2025-10-01T10:00:00')).toBe(true); // no holidays in this preset
  });

  it('alwaysOpen: every instant is working time', () => {
    expect(isWorkingTime(calendars.alwaysOpen, '2026-01-01T00:00:00Z')).toBe(true);
    expect(isWorkingTime(calendars.alwaysOpen, '2026-03-08T23:59:59Z')).toBe(true);
  });

  // 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026).
  it.each([
    ['2025-01-01T10:00:00', false, 'New Year 2025 (Wed)'],
    ['2025-01-26T10:00:00', true, 'Sunday worked before Spring Festival'],
    ['2025-01-28T10:00:00', false, 'Spring Festival eve'],
    ['2025-02-04T10:00:00', false, 'last day of Spring Festival'],
    ['2025-02-05T10:00:00', true, 'back to work'],
    ['2025-02-08T10:00:00', true, 'Saturday worked after Spring Festival'],
    ['2025-04-04T10:00:00', false, 'Qingming (Fri)'],
    ['2025-04-27T10:00:00', true, 'Sunday worked before Labour Day'],
    ['2025-05-05T10:00:00', false, 'Labour Day (Mon)'],
    ['2025-06-02T10:00:00', false, 'Dragon Boat (Mon)'],
    ['2025-09-28T10:00:00', true, 'Sunday worked before National Day'],
    ['2025-10-08T10:00:00', false, 'National Day + Mid-Autumn, day 8'],
    ['2025-10-09T10:00:00', true, 'back to work'],
    ['2025-10-11T10:00:00', true, 'Saturday worked after National Day'],
    ['2026-01-02T10:00:00', false, 'New Year 2026 (Fri)'],
    ['2026-01-04T10:00:00', true, 'Sunday worked after New Year'],
    ['2026-02-14T10:00:00', true, 'Saturday worked before Spring Festival'],
    ['2026-02-16T10:00:00', false, 'Spring Festival (Mon)'],
    ['2026-02-23T10:00:00', false, 'last day of Spring Festival (Mon)'],
    ['2026-02-24T10:00:00', true, 'back to work'],
    ['2026-02-28T10:00:00', true, 'Saturday worked after Spring Festival'],
    ['2026-04-06T10:00:00', false, 'Qingming (Mon)'],
    ['2026-05-05T10:00:00', false, 'Labour Day (Tue)'],
    ['2026-05-09T10:00:00', true, 'Saturday worked after Labour Day'],
    ['2026-06-19T10:00:00', false, 'Dragon Boat (Fri)'],
    ['2026-09-20T10:00:00', true, 'Sunday worked before National Day'],
    ['2026-09-25T10:00:00', false, 'Mid-Autumn (Fri)'],
    ['2026-10-07T10:00:00', false, 'National Day, day 7 (Wed)'],
    ['2026-10-08T10:00:00', true, 'back to work (Thu)'],
    ['2026-10-10T10:00:00', true, 'Saturday worked after National Day'],
    ['2026-10-10T18:30:00', false, 'after hours on a worked Saturday'],
  ])('chinaMainland %s → working %s (%s)', (local, expected) => {
    expect(works(calendars.chinaMainland, local)).toBe(expected);
  });

  it('chinaMainland names its source and counts the published days', () => {
    const c = calendars.chinaMainland;
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 dates; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 dates.
    expect(c.holidays.filter((h) => h.date.startsWith('2025'))).toHaveLength(28);
    expect(c.holidays.filter((h) => h.date.startsWith('2026'))).toHaveLength(33);
    expect(c.extraWorkdays.map((d) => d.date)).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    expect(c.extraWorkdayHours).toEqual([{ from: '09:00', to: '18:00' }]);
  });
});

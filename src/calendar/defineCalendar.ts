import { z } from 'zod';
import { isKnownTimeZone } from '../records/index.js';
import { WorkingClock, type MinuteRange } from './clock.js';
import { CalendarError, type CalendarIssue } from './errors.js';
import { calendarWeekdays, msInDay, type CalendarText, type CalendarWeekday, type WorkingRange } from './types.js';

const rangePattern = /^\s*(\d{1,2}):(\d{2})\s*[-–—~]\s*(\d{1,2}):(\d{2})\s*$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const expectedRange = 'a working range "HH:mm-HH:mm" (e.g. "09:00-18:00"; "22:00-06:00" runs overnight; "00:00-24:00" is all day)';
const expectedDate = 'a date "yyyy-MM-dd" (e.g. "2025-10-01")';

const textSchema = z.object({ zh: z.string({ error: 'a string' }), en: z.string({ error: 'a string' }) }, { error: 'a label { zh, en }' });

/** Minutes after midnight of a `HH:mm` pair, or why it is not one. */
const clockMinutes = (h: string, m: string): number | undefined => {
  const hours = Number(h);
  const minutes = Number(m);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
};

/** Reads a range text into minutes; `end` past 1440 when it runs overnight. */
const readRange = (text: string): MinuteRange | string => {
  const m = rangePattern.exec(text);
  if (m === null) return `expected ${expectedRange}, got ${JSON.stringify(text)}`;
  const start = clockMinutes(m[1]!, m[2]!);
  const to = clockMinutes(m[3]!, m[4]!);
  if (start === undefined || to === undefined) return `expected clock times from 00:00 to 24:00, got ${JSON.stringify(text)}`;
  if (start === 1440) return `expected a range starting before 24:00, got ${JSON.stringify(text)}`;
  if (start === to) return `expected a range of some length (use "00:00-24:00" for all day), got ${JSON.stringify(text)}`;
  return { start, end: to > start ? to : to + 1440 };
};

const rangeSchema = z
  .union([z.string(), z.object({ from: z.string(), to: z.string() }).strict()], {
    error: expectedRange,
  })
  .superRefine((value, ctx) => {
    const read = readRange(typeof value === 'string' ? value : `${value.from}-${value.to}`);
    if (typeof read === 'string') ctx.addIssue({ code: 'custom', message: read });
  });

const rangesSchema = z.union([rangeSchema, z.array(rangeSchema)], { error: `${expectedRange}, or a list of them` }).superRefine((value, ctx) => {
  const list = Array.isArray(value) ? value : [value];
  const read = list
    .map((r, i) => ({ i, r: readRange(typeof r === 'string' ? r : `${r.from}-${r.to}`) }))
    .filter((x): x is { i: number; r: MinuteRange } => typeof x.r !== 'string')
    .sort((a, b) => a.r.start - b.r.start);
  for (let k = 1; k < read.length; k++) {
    const prev = read[k - 1]!;
    const cur = read[k]!;
    if (cur.r.start < prev.r.end) {
      ctx.addIssue({
        code: 'custom',
        path: Array.isArray(value) ? [cur.i] : [],
        message: `expected working ranges that do not overlap, got ${formatRange(cur.r)} overlapping ${formatRange(prev.r)}`,
      });
    }
  }
});

const isRealDate = (text: string): boolean => {
  const m = datePattern.exec(text);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
};

const dateText = z.string({ error: expectedDate }).refine(isRealDate, { error: (iss) => `expected ${expectedDate} naming a real date, got ${JSON.stringify(iss.input)}` });

const calendarDateSchema = z.union(
  [
    dateText,
    z.object({ date: dateText, name: textSchema.optional() }).strict(),
    z
      .object({ from: dateText, to: dateText, name: textSchema.optional() })
      .strict()
      .refine((r) => !isRealDate(r.from) || !isRealDate(r.to) || (r.from <= r.to && daysBetween(r.from, r.to) <= 366), {
        error: 'expected a date span with `from` on or before `to`, at most a year long',
      }),
  ],
  { error: `${expectedDate}, { date, name? } or { from, to, name? }` },
);

const workingHoursSchema = z
  .object(Object.fromEntries(calendarWeekdays.map((d) => [d, rangesSchema.optional()])) as Record<CalendarWeekday, z.ZodOptional<typeof rangesSchema>>, {
    error: 'working hours per weekday, e.g. { monday: "09:00-18:00" }',
  })
  .strict();

/**
 * The zod schema of a calendar definition (what `defineCalendar` accepts).
 */
export const calendarDefinitionSchema = z
  .object({
    /** IANA time zone of the contact center, e.g. `Asia/Shanghai`. */
    timeZone: z.string({ error: 'an IANA time zone name' }).refine(isKnownTimeZone, {
      error: (iss) => `expected a known IANA time zone (e.g. "Asia/Shanghai"), got ${JSON.stringify(iss.input)}`,
    }),
    /** Working ranges per weekday; a weekday left out is closed. */
    workingHours: workingHoursSchema,
    /** Dates without working hours (public holidays), single or as spans. */
    holidays: z.array(calendarDateSchema, { error: 'a list of dates' }).optional(),
    /** Dates worked in exchange for a holiday (调休), typically a Saturday or Sunday. */
    extraWorkdays: z.array(calendarDateSchema, { error: 'a list of dates' }).optional(),
    /** Hours on an extra working day; default: the hours of the first weekday from Monday that has any. */
    extraWorkdayHours: rangesSchema.optional(),
    /** A name for the calendar. */
    label: textSchema.optional(),
  })
  .strict();

/** What `defineCalendar` accepts. */
export type CalendarDefinition = z.input<typeof calendarDefinitionSchema>;

/** A dated entry of a calendar (a holiday or an extra working day). */
export interface CalendarDate {
  readonly date: string;
  readonly name?: CalendarText;
}

/**
 * A validated, compiled business calendar: frozen; the functions of this room read it.
 * `clock` is the epoch-millisecond engine, for hot loops.
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly label?: CalendarText;
  /** Working ranges per weekday, normalised to `HH:mm`. */
  readonly workingHours: Readonly<Record<CalendarWeekday, readonly WorkingRange[]>>;
  /** Holidays, one entry a date, sorted. */
  readonly holidays: readonly CalendarDate[];
  /** Extra working days, one entry a date, sorted. */
  readonly extraWorkdays: readonly CalendarDate[];
  /** The hours worked on an extra working day. */
  readonly extraWorkdayHours: readonly WorkingRange[];
  readonly clock: WorkingClock;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msInDay;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const formatMinutes = (m: number): string => `${pad(Math.floor((m % 1440 === 0 && m > 0 ? 1440 : m % 1440) / 60))}:${pad(m % 60)}`;
function formatRange(r: MinuteRange): string {
  return `${formatMinutes(r.start)}-${formatMinutes(r.end)}`;
}

type RangesInput = z.output<typeof rangesSchema>;
const toMinuteRanges = (value: RangesInput | undefined): MinuteRange[] =>
  (value === undefined ? [] : Array.isArray(value) ? value : [value])
    .map((r) => readRange(typeof r === 'string' ? r : `${r.from}-${r.to}`) as MinuteRange)
    .sort((a, b) => a.start - b.start);

const expandDates = (entries: readonly z.output<typeof calendarDateSchema>[]): CalendarDate[] => {
  const out = new Map<string, CalendarDate>();
  for (const entry of entries) {
    if (typeof entry === 'string') {
      out.set(entry, { date: entry });
    } else if ('date' in entry) {
      out.set(entry.date, entry.name === undefined ? { date: entry.date } : { date: entry.date, name: entry.name });
    } else {
      const n = daysBetween(entry.from, entry.to);
      for (let i = 0; i <= n; i++) {
        const date = new Date(Date.parse(`${entry.from}T00:00:00Z`) + i * msInDay).toISOString().slice(0, 10);
        out.set(date, entry.name === undefined ? { date } : { date, name: entry.name });
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};

/**
 * Defines a business calendar: a time zone, working hours per weekday (one or more ranges a day,
 * split shifts, overnight ranges, 24 h), public holidays and extra working days (a weekend day
 * worked in exchange for a holiday, 调休). Every deadline of the standards is computed on one
 * (seed 000: "工作时间为早9:00-18:00 … 暂定工作日").
 *
 * Rules: a range includes its start and excludes its end; `"22:00-06:00"` belongs to the day it
 * starts (a holiday cancels the whole shift, including its morning tail); a holiday has no hours;
 * an extra working day has `extraWorkdayHours` (by default the hours of the first weekday from
 * Monday that has any). A date may not be both.
 *
 * @param definition - `{ timeZone, workingHours, holidays?, extraWorkdays?, extraWorkdayHours?, label? }`
 * @returns a frozen, compiled calendar
 * @throws {CalendarError} listing every problem with its path: an unknown time zone, a malformed
 *   or overlapping range, a malformed date, a date both holiday and working day, no hours at all
 * @example
 * const cal = defineCalendar({ timeZone: 'Asia/Shanghai', workingHours: { monday: '09:00-18:00' } });
 * cal.workingHours.monday //=> [{ from: '09:00', to: '18:00' }]
 */
export function defineCalendar(definition: CalendarDefinition): BusinessCalendar {
  const parsed = calendarDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new CalendarError(
      'calendar',
      parsed.error.issues.map((i): CalendarIssue => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message.startsWith('expected') || i.code === 'unrecognized_keys' ? i.message : `expected ${i.message}` })),
    );
  }
  const def = parsed.data;
  const issues: CalendarIssue[] = [];

  const weekdays = calendarWeekdays.map((d) => toMinuteRanges(def.workingHours[d]));
  // An overnight range spills into the next weekday; it must not overlap that day's first ranges.
  weekdays.forEach((ranges, w) => {
    const next = (w + 1) % 7;
    for (const r of ranges) {
      if (r.end <= 1440) continue;
      const tail = r.end - 1440;
      const hit = weekdays[next]!.find((n) => n.start < tail);
      if (hit !== undefined) {
        issues.push({
          path: ['workingHours', calendarWeekdays[next]!],
          message: `expected working ranges that do not overlap, got ${formatRange(hit)} overlapping the overnight range ${formatRange(r)} of ${calendarWeekdays[w]}`,
        });
      }
    }
  });

  const holidays = expandDates(def.holidays ?? []);
  const extraWorkdays = expandDates(def.extraWorkdays ?? []);
  const holidaySet = new Set(holidays.map((h) => h.date));
  extraWorkdays.forEach((e) => {
    if (holidaySet.has(e.date)) {
      issues.push({ path: ['extraWorkdays'], message: `expected a date that is not also a holiday, got ${e.date} in both lists` });
    }
  });

  const firstWorked = [1, 2, 3, 4, 5, 6, 0].map((w) => weekdays[w]!).find((r) => r.length > 0);
  const extraHours = def.extraWorkdayHours !== undefined ? toMinuteRanges(def.extraWorkdayHours) : (firstWorked ?? []);
  if (firstWorked === undefined) {
    issues.push({ path: ['workingHours'], message: 'expected working hours on at least one weekday, got none' });
  }
  if (issues.length > 0) throw new CalendarError('calendar', issues);

  const toRanges = (ranges: readonly MinuteRange[]): readonly WorkingRange[] =>
    Object.freeze(ranges.map((r) => Object.freeze({ from: formatMinutes(r.start), to: formatMinutes(r.end) })));
  const clock = new WorkingClock({
    timeZone: def.timeZone,
    weekdays,
    holidays: holidaySet,
    extraWorkdays: new Map(extraWorkdays.map((e) => [e.date, extraHours])),
  });
  return Object.freeze({
    timeZone: def.timeZone,
    ...(def.label === undefined ? {} : { label: Object.freeze({ ...def.label }) }),
    workingHours: Object.freeze(Object.fromEntries(calendarWeekdays.map((d, w) => [d, toRanges(weekdays[w]!)])) as Record<CalendarWeekday, readonly WorkingRange[]>),
    holidays: Object.freeze(holidays.map((h) => Object.freeze(h))),
    extraWorkdays: Object.freeze(extraWorkdays.map((h) => Object.freeze(h))),
    extraWorkdayHours: toRanges(extraHours),
    clock,
  });
}

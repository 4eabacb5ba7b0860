import { TZDate } from '@date-fns/tz';

/** An instant as it may arrive at the boundary: an ISO 8601 string, a `Date`, or epoch milliseconds. */
export type InstantInput = string | number | Date;

/** Why an instant could not be read; the text completes "expected …, got …". */
export interface InstantProblem {
  readonly expected: string;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The expected-text for a timestamp field, shared by every record schema. */
export const expectedInstant = 'an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00)';

/** The earliest instant the library reads: 1000-01-01T00:00:00Z (time zone data means nothing before). */
export const minInstantMs = -30_610_224_000_000;
/** The latest instant the library reads: 9999-12-31T23:59:59.999Z (an ISO year has four digits). */
export const maxInstantMs = 253_402_300_799_999;
const outOfRange = { expected: 'an instant between the years 1000 and 9999' } as const;
const inRange = (ms: number): number | InstantProblem => (ms >= minInstantMs && ms <= maxInstantMs ? ms : outOfRange);

/**
 * Reads an instant into epoch milliseconds.
 *
 * A string must be ISO 8601 (`2026-03-01T09:15:00+08:00`, a space instead of `T` is accepted)
 * and carry an offset or `Z`; without one it is read as wall-clock time in `timeZone`, and
 * without a `timeZone` it is refused, because guessing the zone moves calls across days and
 * months. Calendar fields are checked (no 31 April, no hour 24), and any instant must fall in the
 * years 1000–9999: `1e16` ms, or a year `0025` that `Date.UTC` would read as 1925, is refused.
 *
 * @param value - the raw value
 * @param timeZone - IANA zone for strings that carry no offset
 * @returns epoch milliseconds, or the problem
 * @example
 * readInstant('2026-03-01T09:15:00+08:00') //=> 1772327700000
 */
export function readInstant(value: unknown, timeZone?: string): number | InstantProblem {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? inRange(value) : { expected: 'a finite epoch time in milliseconds' };
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? { expected: 'a valid Date' } : inRange(ms);
  }
  if (typeof value !== 'string') return { expected: expectedInstant };
  const m = isoPattern.exec(value.trim());
  if (m === null) return { expected: expectedInstant };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { expected: `${expectedInstant} naming a real date and time` };
  }
  const zone = m[8];
  if (zone === undefined) {
    if (timeZone === undefined) {
      return { expected: `${expectedInstant}; this one has no offset and no time zone was given` };
    }
    return year < 1000 ? outOfRange : inRange(new TZDate(year, month - 1, day, hour, minute, second, ms, timeZone).getTime());
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return { expected: `${expectedInstant} with an offset within ±18:00` };
    offsetMinutes = sign * (oh * 60 + om);
  }
  return year < 1000 ? outOfRange : inRange(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

/**
 * Converts an instant to epoch milliseconds, throwing on anything unreadable.
 *
 * @param instant - a `Date`, epoch milliseconds, or an ISO 8601 string with an offset
 * @param timeZone - IANA zone used only for strings without an offset
 * @returns epoch milliseconds
 * @throws {RangeError} when the instant cannot be read
 * @example
 * toEpochMs('2026-03-01T01:15:00Z') //=> 1772327700000
 */
export function toEpochMs(instant: InstantInput, timeZone?: string): number {
  const result = readInstant(instant, timeZone);
  if (typeof result === 'number') return result;
  throw new RangeError(`expected ${result.expected}, got ${describeValue(instant)}`);
}

/**
 * Says what a value is, for error messages: short values are shown, long ones summarised.
 *
 * @param value - anything
 * @returns e.g. `-3`, `"abc"`, `an object`, `nothing`
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') {
    return Number.isNaN(value) ? 'NaN' : String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks that a string names a time zone the runtime knows.
 *
 * @param timeZone - an IANA zone name such as `Asia/Shanghai`
 * @returns whether it is known
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

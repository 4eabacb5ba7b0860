import { maxInstantMs, minInstantMs } from '../../records/index.js';

// A non-digit is -100,000: whatever the other digits, the field it is in comes out negative and
// fails its range check (with -1,000, a year of 202O read as 2020 - 1,000 = 1020).
const digit = (b: number): number => (b >= 48 && b <= 57 ? b - 48 : -100_000);

const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Reads `YYYY-MM-DDTHH:MM:SS±HH:MM` or `YYYY-MM-DDTHH:MM:SSZ` from bytes into epoch ms, checking
 * the calendar exactly as the records room's `readInstant` does (no 31 April, no hour 24,
 * offsets within ±18:59). Any other spelling (fractions, a space, no offset, a year before
 * 1000) gives `NaN`: the row then goes to the exact general path, which reads the rest.
 *
 * @param src - the bytes
 * @param start - first byte of the timestamp
 * @param end - one past its last byte
 * @returns epoch milliseconds, or NaN when this form is not the plain one
 */
export function readIsoInstantBytes(src: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len !== 25 && len !== 20) return Number.NaN;
  const s = start;
  if (src[s + 4] !== 45 || src[s + 7] !== 45 || src[s + 10] !== 84 || src[s + 13] !== 58 || src[s + 16] !== 58) return Number.NaN;
  const year = digit(src[s]!) * 1000 + digit(src[s + 1]!) * 100 + digit(src[s + 2]!) * 10 + digit(src[s + 3]!);
  const month = digit(src[s + 5]!) * 10 + digit(src[s + 6]!);
  const day = digit(src[s + 8]!) * 10 + digit(src[s + 9]!);
  const hour = digit(src[s + 11]!) * 10 + digit(src[s + 12]!);
  const minute = digit(src[s + 14]!) * 10 + digit(src[s + 15]!);
  const second = digit(src[s + 17]!) * 10 + digit(src[s + 18]!);
  // Date.UTC reads years 0–99 as 1900–1999; leave such years to the general path.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  if (day > daysIn(year, month)) return Number.NaN;
  let offsetMinutes = 0;
  if (len === 25) {
    const sign = src[s + 19];
    if ((sign !== 43 && sign !== 45) || src[s + 22] !== 58) return Number.NaN;
    const oh = digit(src[s + 20]!) * 10 + digit(src[s + 21]!);
    const om = digit(src[s + 23]!) * 10 + digit(src[s + 24]!);
    if (oh < 0 || oh > 18 || om < 0 || om > 59) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else if (src[s + 19] !== 90) {
    return Number.NaN;
  }
  // (The scanner keeps the last `±HH:MM` timestamp's date and hour, so for those this runs about
  // once an hour of rows; a `Z` timestamp is read here every time.)
  const instant = (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 - offsetMinutes * 60_000;
  // The records room reads only the years 1000–9999 in UTC: an offset can step past either end.
  return instant >= minInstantMs && instant <= maxInstantMs ? instant : Number.NaN;
}

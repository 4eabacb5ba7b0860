import { createRequire } from 'node:module';
import type { parse as Parse } from 'date-fns/parse';
import { tz, TZDate } from '@date-fns/tz';

// date-fns's `parse` (with the locale it brings) takes longer to load than the rest of the
// command line, and only a mapping whose date format the hand-written reader below does not
// handle needs it: it is loaded then, once a process (hence a module-level slot, like the module
// cache it stands in for), not on every start nor in every fast-path worker.
let dateFnsParse: typeof Parse | undefined;
const parse: typeof Parse = (...args) => {
  dateFnsParse ??= (createRequire(import.meta.url)('date-fns/parse') as { parse: typeof Parse }).parse;
  return dateFnsParse(...args);
};

/** Reads the text of one date/time value into epoch ms, or says why it cannot. */
export type DateReader = (text: string) => number | { readonly expected: string };

// Tokens the hand-written reader understands; anything else goes to date-fns `parse`.
const simpleTokens = new Set(['yyyy', 'M', 'MM', 'd', 'dd', 'H', 'HH', 'm', 'mm', 's', 'ss']);

type Part =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'number'; readonly field: 'y' | 'M' | 'd' | 'H' | 'm' | 's'; readonly min: number; readonly max: number };

/**
 * Splits a date-fns format into parts when every token is a simple number token (`yyyy`, `M`,
 * `MM`, `d`, `dd`, `H`, `HH`, `m`, `mm`, `s`, `ss`) and the rest is punctuation, spaces or quoted
 * literals; `undefined` otherwise, so the caller falls back to date-fns.
 */
export function compileSimpleFormat(format: string): Part[] | undefined {
  const parts: Part[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < format.length && format[j] === ch) j += 1;
      const token = format.slice(i, j);
      if (!simpleTokens.has(token)) return undefined;
      const field = token[0] as 'y' | 'M' | 'd' | 'H' | 'm' | 's';
      // Single letters read one or two digits, as date-fns does; doubled letters exactly two.
      const width = token.length;
      parts.push(field === 'y' ? { kind: 'number', field, min: 4, max: 4 } : { kind: 'number', field, min: width === 1 ? 1 : 2, max: 2 });
      i = j;
    } else if (ch === "'") {
      const close = format.indexOf("'", i + 1);
      if (close === -1) return undefined;
      parts.push({ kind: 'literal', text: close === i + 1 ? "'" : format.slice(i + 1, close) });
      i = close + 1;
    } else {
      parts.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  return parts;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/**
 * Why date-fns refuses a format, or `undefined`: `YYYY`, or `T` beside other tokens, make its
 * `parse` throw (on some inputs only), so a mapping is checked once before any row is read.
 *
 * @param format - a date-fns format
 * @returns date-fns's message, or undefined when the format is usable
 */
export function dateFormatProblem(format: string): string | undefined {
  if (compileSimpleFormat(format) !== undefined) return undefined;
  // date-fns prints a warning before refusing these: name them first (quoted text aside).
  const tokens = format.replace(/'[^']*'/g, '');
  if (tokens.includes('Y')) return 'YYYY is the week-numbering year: write yyyy';
  if (tokens.includes('D')) return 'D is the day of the year: write d or dd for the day of the month';
  const reference = new Date(2000, 0, 1);
  for (const probe of ['', '0', '2000-01-01T00:00:00', '1/1/2000 0:00:00']) {
    try {
      parse(probe, format, reference);
    } catch (error) {
      return (error as Error).message.split(';')[0];
    }
  }
  return undefined;
}

/**
 * Compiles one date-fns format into a reader of wall-clock text in `timeZone`.
 *
 * Simple number formats (`M/d/yyyy H:mm:ss`, `yyyy-MM-dd HH:mm`, `dd.MM.yyyy`) get a small
 * hand-written reader: each part is read exactly as the pattern says (single letters one or two
 * digits, doubled letters exactly two, `yyyy` exactly four), the date must exist, and the wall
 * clock is turned into an instant with `TZDate` (cached per hour, as offsets change on the hour).
 * Every other format is read by date-fns `parse` in the zone (`{ in: tz(timeZone) }`).
 *
 * @param format - date-fns format tokens
 * @param timeZone - IANA zone the export's wall clock is in
 * @returns a reader
 * @example
 * compileDateFormat('M/d/yyyy H:mm:ss', 'Europe/Zurich')('1/1/2021 9:12:58') //=> 1609488778000
 */
export function compileDateFormat(format: string, timeZone: string): DateReader {
  const expected = `a date and time written as ${JSON.stringify(format)}`;
  const parts = compileSimpleFormat(format);
  if (parts === undefined) {
    const inZone = tz(timeZone);
    const reference = new TZDate(2000, 0, 1, timeZone);
    return (text) => {
      let date: Date;
      try {
        date = parse(text.trim(), format, reference, { in: inZone });
      } catch (error) {
        // A format date-fns refuses only on some inputs (checked up front on a few).
        return { expected: `${expected} (date-fns: ${(error as Error).message.split(';')[0]})` };
      }
      return Number.isNaN(date.getTime()) ? { expected } : date.getTime(); // date-fns's isValid
    };
  }
  const hourStart = new Map<number, number>();
  return (raw) => {
    const text = raw.trim();
    let y = 2000;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    let at = 0;
    for (const part of parts) {
      if (part.kind === 'literal') {
        if (!text.startsWith(part.text, at)) return { expected };
        at += part.text.length;
        continue;
      }
      let value = 0;
      let digits = 0;
      while (digits < part.max && at < text.length) {
        const c = text.charCodeAt(at) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
        digits += 1;
        at += 1;
      }
      if (digits < part.min) return { expected };
      switch (part.field) {
        case 'y': y = value; break;
        case 'M': mo = value; break;
        case 'd': d = value; break;
        case 'H': h = value; break;
        case 'm': mi = value; break;
        case 's': s = value; break;
      }
    }
    if (at !== text.length) return { expected };
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
      return { expected: `${expected} naming a real date and time` };
    }
    const key = ((y * 16 + mo) * 32 + d) * 24 + h;
    let start = hourStart.get(key);
    if (start === undefined) {
      start = new TZDate(y, mo - 1, d, h, 0, 0, 0, timeZone).getTime();
      if (hourStart.size > 100_000) hourStart.clear();
      hourStart.set(key, start);
    }
    return start + mi * 60_000 + s * 1000;
  };
}

/**
 * Compiles a format, or a list of alternative formats, into one reader. With alternatives, a
 * value is read by every one of them: if two read it as different instants it is ambiguous and
 * refused (e.g. `01/02/2021` under `["M/d/yyyy", "d/M/yyyy"]`: 2 January or 1 February?); if
 * they agree (`13/02/2021` can only be 13 February) it is accepted.
 *
 * @param format - one date-fns format or a list of alternatives
 * @param timeZone - IANA zone of the wall clock
 * @returns a reader
 */
export function compileDateFormats(format: string | readonly string[], timeZone: string): DateReader {
  if (typeof format === 'string') return compileDateFormat(format, timeZone);
  if (format.length === 1) return compileDateFormat(format[0]!, timeZone);
  const readers = format.map((f) => compileDateFormat(f, timeZone));
  const expected = `a date and time in one of the formats ${format.map((f) => JSON.stringify(f)).join(' | ')}`;
  return (text) => {
    let found: number | undefined;
    let foundIndex = -1;
    for (let i = 0; i < readers.length; i += 1) {
      const read = readers[i]!(text);
      if (typeof read !== 'number') continue;
      if (found === undefined) {
        found = read;
        foundIndex = i;
      } else if (found !== read) {
        return {
          expected: `an unambiguous date: it reads as ${new Date(found).toISOString()} under ${JSON.stringify(format[foundIndex])} and as ${new Date(read).toISOString()} under ${JSON.stringify(format[i])}`,
        };
      }
    }
    return found ?? { expected };
  };
}

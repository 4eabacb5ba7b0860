import { TZDate } from '@date-fns/tz';

/**
 * The month before a month.
 *
 * @param month - `YYYY-MM`
 * @returns `YYYY-MM` of the month before
 * @example
 * previousMonth('2026-01') //=> '2025-12'
 */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * A function giving the `YYYY-MM` of an instant in a time zone: a call at
 * 2026-03-01T07:30+08:00 is in March in Asia/Shanghai although it is still February in UTC.
 * It remembers the bounds of the last month it saw, so sorted input costs two comparisons a
 * record (the memory lives in the returned closure, never at module level).
 *
 * @param timeZone - an IANA zone
 * @returns `(epochMs) => 'YYYY-MM'`
 * @example
 * monthOfIn('Asia/Shanghai')(Date.parse('2026-03-01T07:30:00+08:00')) //=> '2026-03'
 */
export function monthOfIn(timeZone: string): (epochMs: number) => string {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let label = '';
  return (ms) => {
    if (ms >= from && ms < to) return label;
    const local = new TZDate(ms, timeZone);
    const year = local.getFullYear();
    const month = local.getMonth();
    from = new TZDate(year, month, 1, 0, 0, 0, 0, timeZone).getTime();
    to = new TZDate(year, month + 1, 1, 0, 0, 0, 0, timeZone).getTime();
    label = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
    return label;
  };
}

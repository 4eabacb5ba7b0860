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

interface MonthBounds {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/**
 * The local months of a time zone as numbers: `indexOf(ms)` is `year × 12 + month − 1` of the
 * instant's month in the zone, `label(index)` its `YYYY-MM`, `from(index)` the instant it begins.
 * The engine of {@link monthOfIn}, for callers that key tables by month (the CLI's fast path).
 *
 * @param timeZone - an IANA zone
 * @returns the month index of an instant, and the label and start of an index
 * @example
 * const months = monthIndexIn('Asia/Shanghai');
 * months.label(months.indexOf(Date.parse('2026-03-01T07:30:00+08:00'))) //=> '2026-03'
 */
export function monthIndexIn(timeZone: string): { indexOf(epochMs: number): number; label(index: number): string; from(index: number): number } {
  const known = new Map<number, MonthBounds>();
  const boundsOf = (index: number): MonthBounds => {
    let bounds = known.get(index);
    if (bounds === undefined) {
      const year = Math.floor(index / 12);
      const month = index - year * 12;
      bounds = {
        from: new TZDate(year, month, 1, 0, 0, 0, 0, timeZone).getTime(),
        to: new TZDate(year, month + 1, 1, 0, 0, 0, 0, timeZone).getTime(),
        label: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`,
      };
      known.set(index, bounds);
    }
    return bounds;
  };
  // Approximate UTC month index (years of 365.2425 days); the neighbour checks correct it.
  const msPerMonth = (365.2425 * 86_400_000) / 12;
  const epochIndex = 1970 * 12;
  return {
    indexOf(ms) {
      let index = epochIndex + Math.floor(ms / msPerMonth);
      for (let step = 0; step < 4; step += 1) {
        const bounds = boundsOf(index);
        if (ms < bounds.from) index -= 1;
        else if (ms >= bounds.to) index += 1;
        else return index;
      }
      return index;
    },
    label: (index) => boundsOf(index).label,
    from: (index) => boundsOf(index).from,
  };
}

/**
 * A function giving the `YYYY-MM` of an instant in a time zone: a call at
 * 2026-03-01T07:30+08:00 is in March in Asia/Shanghai although it is still February in UTC.
 *
 * A zone's offset is under a day, so an instant's local month is its UTC month or one of its
 * two neighbours. The bounds of each local month are worked out once (with `TZDate`, so
 * daylight-saving months are exact) and kept in the returned closure, never at module level:
 * after that a record costs a division and two comparisons, in any order of input.
 *
 * @param timeZone - an IANA zone
 * @returns `(epochMs) => 'YYYY-MM'`
 * @example
 * monthOfIn('Asia/Shanghai')(Date.parse('2026-03-01T07:30:00+08:00')) //=> '2026-03'
 */
export function monthOfIn(timeZone: string): (epochMs: number) => string {
  const months = monthIndexIn(timeZone);
  return (ms) => months.label(months.indexOf(ms));
}

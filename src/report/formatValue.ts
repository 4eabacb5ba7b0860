import type { KpiUnit } from '../metrics/index.js';

/**
 * Seconds as people read a duration: `m:ss`, or `h:mm:ss` from an hour; a negative duration
 * keeps its sign.
 *
 * @param seconds - a duration in seconds
 * @returns the text
 * @example
 * formatSeconds(283.4) //=> '4:43'
 */
export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m);
  return `${sign}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * A whole count with thousands separators.
 *
 * @param n - a count
 * @returns the text
 * @example
 * formatCount(36786) //=> '36,786'
 */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A KPI value as people read it: a rate as a percentage with 1 decimal (`95.2%`), seconds as
 * m:ss, a rating with 2 decimals, NPS points and QA percentages with 1 decimal.
 *
 * @param value - the value, or null
 * @param unit - the KPI's unit
 * @returns the text; `—` for null
 * @example
 * formatValue(0.95234, 'rate') //=> '95.2%'
 */
export function formatValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return formatSeconds(value);
    case 'rating':
      return value.toFixed(2);
    case 'npsPoints':
      return value.toFixed(1);
    case 'percent':
      return value.toFixed(1);
  }
}

/**
 * A difference in a KPI's unit, signed: `+2.3 pp` for rates, `−0:12` for seconds.
 *
 * @param delta - the difference, or null
 * @param unit - the KPI's unit
 * @returns the text; `—` for null
 * @example
 * formatDelta(-0.012, 'rate') //=> '−1.2 pp'
 */
export function formatDelta(delta: number | null, unit: KpiUnit): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  // The sign follows the figure as shown: a change that rounds to zero reads ±0.
  const shown = unit === 'rate' ? Math.round(delta * 1000) : unit === 'seconds' ? Math.round(delta) : unit === 'rating' ? Math.round(delta * 100) : Math.round(delta * 10);
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  const a = Math.abs(delta);
  switch (unit) {
    case 'rate':
      return `${sign}${(a * 100).toFixed(1)} pp`;
    case 'seconds':
      return `${sign}${formatSeconds(a)}`;
    case 'rating':
      return `${sign}${a.toFixed(2)}`;
    case 'npsPoints':
    case 'percent':
      return `${sign}${a.toFixed(1)}`;
  }
}

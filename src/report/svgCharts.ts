import { formatValue } from './formatValue.js';
import type { KpiUnit } from '../metrics/index.js';

// Inline SVG charts for the HTML report, drawn by hand: no library, no network, no script.
// Every text from the data passes through `escapeHtml`. Met/missed is told by a symbol and a
// pattern as well as a colour (the legend explains all three), so it reads in grey print and
// for colour-blind readers.

/**
 * Escapes text for HTML and SVG, in text and in attribute values (`&`, `<`, `>`, `"`, `'`).
 *
 * @param text - any text from the data
 * @returns the escaped text
 * @example
 * escapeHtml('<script>') //=> '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Whether a bar met its target, missed it, or has none. */
export type ChartStatus = 'met' | 'missed' | 'none';

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The `<defs>` every chart shares: the hatch pattern of a missed bar. */
const defs = (id: string): string =>
  `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  `<rect width="6" height="6" fill="#cf222e"/><rect width="2.5" height="6" fill="#ffffff" opacity=".45"/></pattern></defs>`;

const fill = (status: ChartStatus, hatch: string): string => (status === 'met' ? '#1a7f37' : status === 'missed' ? `url(#${hatch})` : '#8c959f');
const symbol = (status: ChartStatus): string => (status === 'met' ? '✓' : status === 'missed' ? '✗' : '—');

/** Roughly how wide text is at 13 px (CJK full width, Latin about half). */
const textWidth = (text: string): number => {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 13 : 7.2;
  return w;
};

/** Shortens text to fit `max` px, ending in `…` (the full text stays in the element's `<title>`). */
export function fitText(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > max - 10) break;
    out += ch;
  }
  return `${out}…`;
}

/** The value range a bar of this unit is drawn against. */
function domainOf(unit: KpiUnit, values: readonly number[]): [number, number] {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  switch (unit) {
    case 'rate':
      return [0, Math.max(1, max)];
    case 'percent':
      return [0, Math.max(100, max)];
    case 'rating':
      return [0, Math.max(5, max)];
    case 'npsPoints':
      return [Math.min(-100, min), Math.max(100, max)];
    case 'seconds':
      return [0, max === 0 ? 60 : max * 1.15];
  }
}

/** One row of the bullet chart. */
export interface BulletRow {
  readonly label: string;
  readonly value: number | null;
  readonly unit: KpiUnit;
  readonly target: number | null;
  readonly status: ChartStatus;
  readonly valueText: string;
}

/**
 * KPIs against targets: one bullet bar a KPI, scaled to its unit, with the target as a dark
 * vertical marker and the status as colour, pattern and a ✓/✗ symbol.
 */
export function bulletChart(rows: readonly BulletRow[], title: string, chart = 'kpi-targets'): string {
  const labelW = 300;
  const barW = 540;
  const textW = 220;
  const rowH = 34;
  const top = 8;
  const width = labelW + barW + textW;
  const height = top * 2 + rowH * rows.length;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const [lo, hi] = domainOf(row.unit, [row.value ?? 0, row.target ?? 0]);
    const x = (v: number): number => labelW + ((v - lo) / (hi - lo)) * barW;
    parts.push(
      `<g class="row"><text x="${labelW - 10}" y="${y + 21}" text-anchor="end" class="lbl">${escapeHtml(fitText(row.label, labelW - 16))}<title>${escapeHtml(row.label)}</title></text>`,
    );
    parts.push(`<rect x="${labelW}" y="${y + 7}" width="${barW}" height="20" rx="3" fill="#eef1f4"/>`);
    if (row.value !== null) {
      const x0 = x(Math.max(lo, Math.min(0, hi)));
      const x1 = x(row.value);
      parts.push(
        `<rect class="mark" x="${n(Math.min(x0, x1))}" y="${y + 10}" width="${n(Math.max(1.5, Math.abs(x1 - x0)))}" height="14" rx="2" fill="${fill(row.status, `hatch-${chart}`)}"><title>${escapeHtml(`${row.label}: ${row.valueText}`)}</title></rect>`,
      );
    }
    if (row.target !== null) {
      const tx = x(row.target);
      parts.push(`<line class="target" x1="${n(tx)}" x2="${n(tx)}" y1="${y + 3}" y2="${y + 31}" stroke="#1f2328" stroke-width="2.5"/>`);
    }
    parts.push(
      `<text x="${labelW + barW + 10}" y="${y + 21}" class="val ${row.status}">${symbol(row.status)} ${escapeHtml(row.valueText)}</text></g>`,
    );
  });
  return (
    `<svg data-chart="${escapeHtml(chart)}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${defs(`hatch-${chart}`)}${parts.join('')}</svg>`
  );
}

/** One small line chart of the trend. */
export interface TrendPanel {
  readonly label: string;
  readonly unit: KpiUnit;
  readonly points: readonly { readonly month: string; readonly value: number | null }[];
  readonly target: number | null;
}

/** The trend over months: small multiples, one line a KPI, the target dashed. */
export function trendChart(panels: readonly TrendPanel[], title: string): string {
  const cols = 3;
  const pw = 352;
  const ph = 160;
  const pad = { l: 54, r: 18, t: 28, b: 26 };
  const rows = Math.ceil(panels.length / cols);
  const width = cols * pw;
  const height = rows * ph;
  const parts: string[] = [];
  panels.forEach((p, i) => {
    const ox = (i % cols) * pw;
    const oy = Math.floor(i / cols) * ph;
    const values = p.points.flatMap((q) => (q.value === null ? [] : [q.value]));
    const all = p.target === null ? values : [...values, p.target];
    // A zoomed axis, but never narrower than a meaningful span (10 pp of a rate, half a CSAT
    // point…), so month-to-month noise does not look like a trend; kept inside the unit's bounds.
    const [floor, ceiling] = domainOf(p.unit, all);
    const minSpan = p.unit === 'rate' ? 0.1 : p.unit === 'percent' ? 10 : p.unit === 'rating' ? 0.5 : p.unit === 'npsPoints' ? 20 : Math.max(10, Math.max(...all) * 0.25);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    const grow = Math.max(0, minSpan - (hi - lo)) / 2 + (hi - lo) * 0.1;
    lo -= grow;
    hi += grow;
    if (lo < floor) [lo, hi] = [floor, Math.min(ceiling, hi + (floor - lo))];
    if (hi > ceiling) [lo, hi] = [Math.max(floor, lo - (hi - ceiling)), ceiling];
    const x = (j: number): number => ox + pad.l + (p.points.length === 1 ? 0 : (j / (p.points.length - 1)) * (pw - pad.l - pad.r));
    const y = (v: number): number => oy + ph - pad.b - ((v - lo) / (hi - lo)) * (ph - pad.t - pad.b);
    parts.push(`<g class="panel"><text x="${ox + 8}" y="${oy + 16}" class="ptitle">${escapeHtml(p.label)}</text>`);
    parts.push(`<rect x="${ox + pad.l}" y="${oy + pad.t}" width="${pw - pad.l - pad.r}" height="${ph - pad.t - pad.b}" fill="#f6f8fa"/>`);
    parts.push(`<text x="${ox + pad.l - 4}" y="${n(oy + pad.t + 9)}" text-anchor="end" class="tick">${escapeHtml(formatValue(hi, p.unit))}</text>`);
    parts.push(`<text x="${ox + pad.l - 4}" y="${n(oy + ph - pad.b)}" text-anchor="end" class="tick">${escapeHtml(formatValue(lo, p.unit))}</text>`);
    if (p.target !== null) {
      parts.push(`<line class="target" x1="${ox + pad.l}" x2="${ox + pw - pad.r}" y1="${n(y(p.target))}" y2="${n(y(p.target))}" stroke="#1f2328" stroke-dasharray="5 4" stroke-width="1.5"/>`);
    }
    const pts = p.points.flatMap((q, j) => (q.value === null ? [] : [`${n(x(j))},${n(y(q.value))}`]));
    parts.push(`<polyline class="mark" points="${pts.join(' ')}" fill="none" stroke="#0969da" stroke-width="2.5" stroke-linejoin="round"/>`);
    p.points.forEach((q, j) => {
      if (q.value === null) return;
      parts.push(
        `<circle class="mark" cx="${n(x(j))}" cy="${n(y(q.value))}" r="3.5" fill="#0969da"><title>${escapeHtml(`${q.month}: ${formatValue(q.value, p.unit)}`)}</title></circle>`,
      );
    });
    const first = p.points[0];
    const last = p.points[p.points.length - 1];
    if (first !== undefined) parts.push(`<text x="${n(x(0))}" y="${oy + ph - 8}" class="tick">${escapeHtml(first.month)}</text>`);
    if (last !== undefined && p.points.length > 1) {
      parts.push(`<text x="${n(x(p.points.length - 1))}" y="${oy + ph - 8}" text-anchor="end" class="tick">${escapeHtml(last.month)}</text>`);
    }
    parts.push('</g>');
  });
  return (
    `<svg data-chart="trend" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${parts.join('')}</svg>`
  );
}

/** One panel of the agents chart: every agent's value of one KPI. */
export interface AgentPanel {
  readonly label: string;
  readonly unit: KpiUnit;
  readonly target: number | null;
  /** Lower is better (a target of the `atMost` kind): sorted ascending. */
  readonly lowerIsBetter: boolean;
  readonly dots: readonly { readonly agent: string; readonly value: number; readonly status: ChartStatus }[];
}

/**
 * Agents side by side: small multiples, one panel a KPI, one dot an agent, best on the left,
 * the target dashed and the team median dotted. Dots, not bars, because the axis is zoomed to
 * the agents' spread (bars would imply a zero baseline). Met = filled green circle, missed =
 * red hatched diamond, no target = grey circle.
 */
export function agentsChart(panels: readonly AgentPanel[], title: string, medianLabel = 'median'): string {
  const cols = 2;
  const pw = 530;
  const ph = 190;
  const pad = { l: 58, r: 14, t: 30, b: 20 };
  const width = cols * pw;
  const height = Math.ceil(panels.length / cols) * ph;
  const parts: string[] = [];
  panels.forEach((p, i) => {
    const ox = (i % cols) * pw;
    const oy = Math.floor(i / cols) * ph;
    const dots = [...p.dots].sort((a, b) => (p.lowerIsBetter ? a.value - b.value : b.value - a.value));
    const values = dots.map((b) => b.value);
    const all = p.target === null ? values : [...values, p.target];
    const [floor, ceiling] = domainOf(p.unit, all);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    const grow = (hi - lo) * 0.08 + (hi - lo < 1e-9 ? Math.abs(hi) * 0.05 + 0.01 : 0);
    lo = Math.max(floor, lo - grow);
    hi = Math.min(ceiling, hi + grow);
    if (hi - lo < 1e-9) hi = lo + 1;
    const innerW = pw - pad.l - pad.r - 10;
    const innerH = ph - pad.t - pad.b;
    const step = dots.length <= 1 ? 0 : innerW / (dots.length - 1);
    const y = (v: number): number => oy + pad.t + innerH - ((v - lo) / (hi - lo)) * innerH;
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
    parts.push(`<g class="panel"><text x="${ox + 8}" y="${oy + 18}" class="ptitle">${escapeHtml(p.label)}</text>`);
    parts.push(`<rect x="${ox + pad.l}" y="${oy + pad.t}" width="${innerW + 10}" height="${innerH}" fill="#f6f8fa"/>`);
    parts.push(`<text x="${ox + pad.l - 5}" y="${oy + pad.t + 9}" text-anchor="end" class="tick">${escapeHtml(formatValue(hi, p.unit))}</text>`);
    parts.push(`<text x="${ox + pad.l - 5}" y="${oy + pad.t + innerH}" text-anchor="end" class="tick">${escapeHtml(formatValue(lo, p.unit))}</text>`);
    if (median !== null) {
      parts.push(`<line x1="${ox + pad.l}" x2="${ox + pad.l + innerW + 10}" y1="${n(y(median))}" y2="${n(y(median))}" stroke="#0969da" stroke-width="1" stroke-dasharray="1 3"/>`);
      parts.push(`<text x="${ox + pad.l + innerW + 8}" y="${n(y(median) - 4)}" text-anchor="end" class="tick">${escapeHtml(`${medianLabel} ${formatValue(median, p.unit)}`)}</text>`);
    }
    if (p.target !== null && p.target >= lo && p.target <= hi) {
      parts.push(`<line class="target" x1="${ox + pad.l}" x2="${ox + pad.l + innerW + 10}" y1="${n(y(p.target))}" y2="${n(y(p.target))}" stroke="#1f2328" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    }
    dots.forEach((d, j) => {
      const cx = ox + pad.l + 5 + j * step;
      const cy = y(d.value);
      const tip = `<title>${escapeHtml(`${d.agent}: ${formatValue(d.value, p.unit)} ${symbol(d.status)}`)}</title>`;
      parts.push(
        d.status === 'missed'
          ? `<path class="mark" d="M${n(cx)} ${n(cy - 5.5)}L${n(cx + 5.5)} ${n(cy)}L${n(cx)} ${n(cy + 5.5)}L${n(cx - 5.5)} ${n(cy)}Z" fill="url(#hatch-agents)" stroke="#cf222e">${tip}</path>`
          : `<circle class="mark" cx="${n(cx)}" cy="${n(cy)}" r="4.2" fill="${d.status === 'met' ? '#1a7f37' : '#8c959f'}">${tip}</circle>`,
      );
    });
    parts.push('</g>');
  });
  return (
    `<svg data-chart="agents" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${defs('hatch-agents')}${parts.join('')}</svg>`
  );
}

/** The distribution of QA scores: a histogram of ten 10-point buckets, the mean marked. */
export function histogramChart(
  buckets: readonly { readonly from: number; readonly to: number; readonly count: number }[],
  mean: number | null,
  title: string,
  meanLabel: string,
): string {
  const width = 1000;
  const height = 260;
  const pad = { l: 48, r: 14, t: 40, b: 34 };
  const innerW = width - pad.l - pad.r;
  const innerH = height - pad.t - pad.b;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bw = innerW / Math.max(1, buckets.length);
  const parts: string[] = [];
  parts.push(`<line x1="${pad.l}" x2="${width - pad.r}" y1="${pad.t + innerH}" y2="${pad.t + innerH}" stroke="#8c959f"/>`);
  parts.push(`<text x="${pad.l - 6}" y="${pad.t + 8}" text-anchor="end" class="tick">${max.toLocaleString('en-US')}</text>`);
  parts.push(`<text x="${pad.l - 6}" y="${pad.t + innerH}" text-anchor="end" class="tick">0</text>`);
  buckets.forEach((b, i) => {
    const h = (b.count / max) * innerH;
    const x = pad.l + i * bw;
    parts.push(
      `<rect class="mark" x="${n(x + 3)}" y="${n(pad.t + innerH - h)}" width="${n(bw - 6)}" height="${n(Math.max(b.count > 0 ? 1 : 0, h))}" fill="#8250df"><title>${b.from}–${b.to}: ${b.count}</title></rect>`,
    );
    if (b.count > 0) parts.push(`<text x="${n(x + bw / 2)}" y="${n(pad.t + innerH - h - 4)}" text-anchor="middle" class="tick">${b.count.toLocaleString('en-US')}</text>`);
    parts.push(`<text x="${n(x + bw / 2)}" y="${height - 14}" text-anchor="middle" class="tick">${b.from}–${b.to}</text>`);
  });
  if (mean !== null) {
    const x = pad.l + (mean / 100) * innerW;
    parts.push(`<line class="target" x1="${n(x)}" x2="${n(x)}" y1="${pad.t - 22}" y2="${pad.t + innerH}" stroke="#1f2328" stroke-width="2" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${n(x - 6)}" y="${pad.t - 26}" text-anchor="end" class="tick strong">${escapeHtml(meanLabel)} ${mean.toFixed(1)}</text>`);
  }
  return (
    `<svg data-chart="qa-distribution" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${parts.join('')}</svg>`
  );
}

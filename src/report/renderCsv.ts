import { maskReport } from './maskReport.js';
import type { MonthlyReport, RenderOptions, ReportGroup, ReportKpiEntry } from './types.js';

/** Options of {@link renderCsv}. */
export interface RenderCsvOptions extends RenderOptions {
  /** Field delimiter. Default `,`. */
  readonly delimiter?: ',' | ';' | '\t';
}

type Cell = string | number | boolean | null;

// Spreadsheets run a cell that starts with = + - @ (and tab or CR, which some strip first) as a
// formula (CSV injection). Text cells starting so get a leading apostrophe; numbers are written
// as numbers, so −3 stays a number.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell, RFC 4180: quoted when it holds the delimiter, a quote, CR or LF (quotes
 * doubled); text that a spreadsheet would run as a formula is prefixed with `'`.
 *
 * @param cell - a number, text, boolean or null (empty)
 * @param delimiter - the field delimiter
 * @returns the cell as written
 * @example
 * csvCell('=HYPERLINK("x")', ',') //=> `"'=HYPERLINK(""x"")"`
 * csvCell(-3, ',') //=> '-3'
 */
export function csvCell(cell: Cell, delimiter: string = ','): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = formulaStart.test(cell) ? `'${cell}` : cell;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV for spreadsheets: one row per group × KPI (the whole input, each month,
 * agent, channel and topic), CRLF line ends (RFC 4180), a header row, values as plain numbers
 * (a rate is a fraction: 0.952), personal data masked unless `showPii`, and formula injection
 * neutralised in text cells (see {@link csvCell}).
 *
 * Columns: `group, key, kpi, label, unit, value, numerator, denominator, comparator, target,
 * met, margin, previous, change, reason`.
 *
 * @param report - the report from `finish()`
 * @param options - label language, `showPii`, delimiter
 * @returns the CSV text
 * @example
 * renderCsv(report).split('\r\n')[1] //=> 'whole,,answerRate,Answer rate,rate,0.909,…'
 */
export function renderCsv(report: MonthlyReport, options: RenderCsvOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const d = options.delimiter ?? ',';
  const r = maskReport(report, options.showPii ?? false);
  const header = ['group', 'key', 'kpi', 'label', 'unit', 'value', 'numerator', 'denominator', 'comparator', 'target', 'met', 'margin', 'previous', 'change', 'reason'];
  const lines: string[] = [header.join(d)];
  const row = (group: string, key: string, name: string, e: ReportKpiEntry): void => {
    const cells: Cell[] = [
      group,
      key,
      name,
      e.label[lang],
      e.unit,
      e.value,
      e.numerator,
      e.denominator,
      e.target === null ? null : e.target.comparator === 'atLeast' ? '>=' : '<=',
      e.target?.threshold ?? null,
      e.met,
      e.margin,
      e.change?.previous ?? null,
      e.change?.delta ?? null,
      e.reason ?? null,
    ];
    lines.push(cells.map((c) => csvCell(c, d)).join(d));
  };
  const groups = (group: string, byKey: Readonly<Record<string, ReportGroup>>): void => {
    for (const [key, g] of Object.entries(byKey)) for (const [name, e] of Object.entries(g.kpis)) row(group, key, name, e);
  };
  for (const [name, e] of Object.entries(r.kpis)) row('whole', '', name, e);
  groups('month', r.byMonth);
  groups('agent', r.byAgent);
  groups('channel', r.byChannel);
  groups('topic', r.byTopic);
  return lines.join('\r\n') + '\r\n';
}

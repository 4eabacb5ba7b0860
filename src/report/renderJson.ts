import { maskReport } from './maskReport.js';
import type { MonthlyReport, RenderOptions } from './types.js';

/** Options of {@link renderJson}. */
export interface RenderJsonOptions extends Pick<RenderOptions, 'showPii'> {
  /** Spaces of indentation; 0 for one line. Default 2. */
  readonly indent?: number;
}

/**
 * The report as JSON text, in the documented schema (`callcenter-qa/monthly-report@1`,
 * docs/report.md), with personal data masked unless `showPii`.
 *
 * @param report - the report from `finish()`
 * @param options - indentation, `showPii`
 * @returns the JSON text, ending in a newline
 * @example
 * JSON.parse(renderJson(report)).kpis.answerRate.value //=> 0.909
 */
export function renderJson(report: MonthlyReport, options: RenderJsonOptions = {}): string {
  return JSON.stringify(maskReport(report, options.showPii ?? false), null, options.indent ?? 2) + '\n';
}

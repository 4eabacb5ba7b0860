import { isKpiName, kpiDefinitions, kpiRequestsFor, type KpiOptionsByName, type KpiRequest, type TargetPreset } from '../metrics/index.js';
import type { ReportKpi } from './types.js';

/** Options of {@link reportKpis}. */
export interface ReportKpisOptions {
  /** KPI names to compute besides the preset's targets; default every KPI that needs no bound function. */
  readonly names?: readonly string[];
  /** The target preset whose targets are computed too, each under its target id. */
  readonly preset?: TargetPreset | null;
  /** Functions and options by KPI name (`isEvaluated`, `isCompliant`…), for every KPI of that name. */
  readonly bind?: KpiOptionsByName;
  /**
   * Functions by the name a target's `requires` lists (`isWorkingTime`, `deadline`): given only
   * to the targets that require them, so seed 000's working-hours answer rate gets the calendar
   * while seed 003's 24-hour hotline answer rate does not.
   */
  readonly provide?: Readonly<Record<string, unknown>>;
}

/** What {@link reportKpis} gives: the KPIs in display order, and what it had to leave out. */
export interface ReportKpisResult {
  readonly kpis: ReportKpi[];
  /** One sentence for each KPI or target left out, and why. */
  readonly skipped: string[];
  /** The keys of the KPIs measured by a preset target's rule (a target whose key is not here has no KPI to be judged against). */
  readonly targetKeys: ReadonlySet<string>;
}

// A KPI that reads contacts or complaints (seed 003's reply KPIs) is fed contacts unless the
// target says complaints, so no record is counted twice.
const readsOf = (recordType: string, records: 'contact' | 'complaint' | undefined): ReportKpi['reads'] =>
  recordType === 'scoreReport' ? 'scoreReport' : recordType === 'complaint' ? 'complaint' : recordType === 'contactOrComplaint' ? (records ?? 'contact') : 'contact';

/**
 * The KPIs a report computes: every KPI of the metrics room by its function name (with `bind`
 * options), then each target of the preset under its target id (`satisfactionRate.phone`), with
 * the target's own options and scope. A target whose id is a KPI name (`answerRate`) replaces
 * that KPI: the preset says which variant of the KPI its standard means. KPIs that need a
 * function nobody bound (e.g. `qaSamplingRate` without `isEvaluated`) are left out and named in
 * `skipped`, never silently.
 *
 * @param options - names, preset, bound functions
 * @returns the KPIs in display order and what was skipped
 * @example
 * reportKpis({ names: ['answerRate', 'csat'] }).kpis.map((k) => k.key) //=> ['answerRate', 'csat']
 */
export function reportKpis(options: ReportKpisOptions = {}): ReportKpisResult {
  const skipped: string[] = [];
  const bind = options.bind ?? {};
  const out: ReportKpi[] = [];
  const names = options.names ?? Object.keys(kpiDefinitions);
  for (const name of names) {
    if (!isKpiName(name)) {
      skipped.push(`${name}: not a KPI of the metrics room`);
      continue;
    }
    const def = kpiDefinitions[name];
    try {
      const create = def.accumulator as (o?: unknown) => ReportKpi['accumulator'];
      out.push({ key: name, kpi: name, reads: readsOf(def.recordType, undefined), unit: def.unit, label: def.label, accumulator: create(bind[name]) });
    } catch (error) {
      skipped.push(`${name}: ${error instanceof Error ? (error.message.split('\n')[1] ?? error.message).replace(/^✖ /, '') : 'cannot be built'}`);
    }
  }
  const preset = options.preset;
  const targetKeys = new Set<string>();
  if (preset === null || preset === undefined) return { kpis: out, skipped, targetKeys };
  for (const recordType of ['contact', 'complaint', 'scoreReport'] as const) {
    let requests: KpiRequest[];
    try {
      requests = kpiRequestsFor(preset, { recordType, bind, ...(options.provide === undefined ? {} : { provide: options.provide }) });
    } catch (error) {
      skipped.push(`${preset.name} (${recordType}): ${error instanceof Error ? error.message : 'cannot be built'}`);
      continue;
    }
    for (const request of requests) {
      if (typeof request === 'string') continue;
      const target = preset.targets.find((t) => t.id === request.key);
      const def = kpiDefinitions[request.kpi];
      try {
        const create = def.accumulator as (o?: unknown) => ReportKpi['accumulator'];
        const kpi: ReportKpi = {
          key: request.key ?? request.kpi,
          kpi: request.kpi,
          reads: readsOf(def.recordType, recordType === 'scoreReport' ? undefined : recordType),
          unit: def.unit,
          label: target?.label ?? def.label,
          accumulator: create(request.options),
        };
        if (target !== undefined) targetKeys.add(kpi.key);
        const at = out.findIndex((k) => k.key === kpi.key);
        if (at >= 0) out[at] = kpi;
        else {
          // Keep a target next to its KPI's plain form.
          let last = -1;
          out.forEach((k, i) => {
            if (k.kpi === kpi.kpi) last = i;
          });
          if (last >= 0) out.splice(last + 1, 0, kpi);
          else out.push(kpi);
        }
      } catch (error) {
        skipped.push(`${request.key ?? request.kpi} (target of ${preset.name}): ${error instanceof Error ? (error.message.split('\n')[1] ?? error.message).replace(/^✖ /, '') : 'cannot be built'}`);
      }
    }
  }
  // Targets the library cannot compute (external, or needing a function nobody bound) are named,
  // also when a plain KPI of the same name is in the list (it is not measured by the target's rule).
  for (const t of preset.targets) {
    if (!targetKeys.has(t.id) && !skipped.some((s) => s.startsWith(`${t.id} `))) {
      skipped.push(`${t.id} (target of ${preset.name}): ${t.external === true ? 'computed outside this library' : `needs ${(t.requires ?? ['data']).map((r) => r.replaceAll('|', ' or ')).join(', ')}`}`);
    }
  }
  return { kpis: out, skipped, targetKeys };
}

import type { Complaint, Contact } from '../../records/index.js';
import type { KpiRequest } from '../createKpiSet.js';
import { isKpiName, kpiDefinitions, type KpiOptionsByName } from '../registry.js';
import type { KpiRecordType } from '../types.js';
import type { Target, TargetPreset } from './types.js';

/** Options of {@link kpiRequestsFor}. */
export interface KpiRequestsForOptions {
  /** Keep only targets computed over this record type (a KPI set reads one type). Default `contact`. */
  readonly recordType?: 'contact' | 'complaint' | 'scoreReport';
  /**
   * Functions and extra options by KPI name, added under each target's own options (the target's
   * data wins): `{ answerRate: { isWorkingTime }, replyTimeliness: { deadline } }`.
   */
  readonly bind?: KpiOptionsByName;
  /** Predicates for named segments (`scope.segment`); targets with an unbound segment are left out. */
  readonly segments?: Readonly<Record<string, (record: Contact) => boolean>>;
  /**
   * Functions by the name a target's `requires` lists (`isWorkingTime`, `deadline`), given only to
   * the targets that require them. A target whose requirement neither `bind` nor `provide`
   * fills is left out, as an unbound segment is: measuring it without would be another rule.
   */
  readonly provide?: Readonly<Record<string, unknown>>;
  /** Only targets of this period (`day` or `month`); default all. */
  readonly period?: 'day' | 'month';
}

const readsType = (target: Target, kpiType: KpiRecordType, wanted: 'contact' | 'complaint' | 'scoreReport'): boolean =>
  kpiType === 'contactOrComplaint' ? (target.scope?.records ?? 'contact') === wanted : kpiType === wanted;

/**
 * The `computeKpis` / `createKpiSet` requests that measure a preset's targets over one record
 * type: each keyed by the target's id, with the target's options, the caller's bound functions,
 * and a `where` built from the target's scope (channel, direction, kind, segment). External
 * targets, targets of other record types and targets whose `requires` nobody provides are left
 * out (they come out `notMeasured` unless you supply them).
 *
 * @param preset - a target preset
 * @param options - record type, bound functions, segments, period
 * @returns requests to pass to `computeKpis(records, requests)`
 * @example
 * const requests = kpiRequestsFor(targetPresets['platform-service-provider'], { bind: { answerRate: { isWorkingTime } } });
 * checkTargets(computeKpis(contacts, requests), targetPresets['platform-service-provider']);
 */
export function kpiRequestsFor(preset: TargetPreset, options: KpiRequestsForOptions = {}): KpiRequest[] {
  const wanted = options.recordType ?? 'contact';
  const requests: KpiRequest[] = [];
  for (const target of preset.targets) {
    if (target.external === true || !isKpiName(target.kpi)) continue;
    const kpi = target.kpi;
    if (!readsType(target, kpiDefinitions[kpi].recordType, wanted)) continue;
    if (options.period !== undefined && (target.scope?.period ?? 'month') !== options.period) continue;
    const conditions: ((record: Contact | Complaint) => boolean)[] = [];
    const scope = target.scope;
    if (scope?.channel !== undefined) {
      const channel = scope.channel;
      conditions.push((r) => 'channel' in r && r.channel === channel);
    }
    if (scope?.direction !== undefined) {
      const direction = scope.direction;
      conditions.push((r) => 'channel' in r && r.direction === direction);
    }
    if (scope?.kind !== undefined) {
      const kind = scope.kind;
      conditions.push((r) => 'channel' in r && r.kind === kind);
    }
    if (scope?.segment !== undefined) {
      const segment = options.segments?.[scope.segment];
      if (segment === undefined) continue;
      conditions.push((r) => 'channel' in r && segment(r));
    }
    const bound = options.bind?.[kpi] as Readonly<Record<string, unknown>> | undefined;
    const merged: Record<string, unknown> = { ...bound, ...target.options };
    // Each requirement names one option, or alternatives as `a|b` (`evaluatedIds|isEvaluated`).
    let unmet = false;
    for (const need of target.requires ?? []) {
      const names = need.split('|');
      const have = names.find((n) => merged[n] !== undefined) ?? names.find((n) => options.provide?.[n] !== undefined);
      if (have === undefined) unmet = true;
      else if (merged[have] === undefined) merged[have] = options.provide?.[have];
    }
    if (unmet) continue;
    if (conditions.length > 0) {
      const outer = bound?.['where'] as ((r: unknown) => boolean) | undefined;
      merged['where'] = (r: Contact | Complaint) => (outer === undefined || outer(r)) && conditions.every((c) => c(r));
    }
    // The options come from data checked by the KPI's own validation when the set is built.
    requests.push({ kpi, key: target.id, options: merged } as KpiRequest);
  }
  return requests;
}

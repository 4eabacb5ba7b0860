import { createKpiSet, type KpiRecordOfRequests, type KpiRequest, type KpiResults } from './createKpiSet.js';
import type { KpiOptionsByName } from './registry.js';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Evaluates many KPIs in one pass over the records: an array, any iterable, or an async iterable
 * (then the result is a promise). All KPIs must read the same record type: pass contacts to
 * contact KPIs and complaints to complaint KPIs in separate calls (the reply KPIs join either).
 * For groups, workers or days, use {@link createKpiSet} and merge its states.
 *
 * @param records - contacts, complaints or score reports
 * @param kpis - KPI names or `{ kpi, key?, options? }` requests
 * @param options - options by KPI name
 * @returns each KPI's result by key
 * @example
 * computeKpis(calls, ['answerRate', 'averageSpeedOfAnswer'])
 * //=> { answerRate: { value: 0.95, numerator: 95, denominator: 100 }, averageSpeedOfAnswer: { value: 4.2, numerator: 399, denominator: 95 } }
 * @throws {MetricsError} for unknown names, duplicate keys, mixed record types or invalid options
 */
export function computeKpis<const Q extends readonly KpiRequest[]>(
  records: Iterable<KpiRecordOfRequests<Q>>,
  kpis: Q,
  options?: KpiOptionsByName,
): KpiResults<Q>;
export function computeKpis<const Q extends readonly KpiRequest[]>(
  records: AsyncIterable<KpiRecordOfRequests<Q>>,
  kpis: Q,
  options?: KpiOptionsByName,
): Promise<KpiResults<Q>>;
export function computeKpis<const Q extends readonly KpiRequest[]>(
  records: Iterable<KpiRecordOfRequests<Q>> | AsyncIterable<KpiRecordOfRequests<Q>>,
  kpis: Q,
  options?: KpiOptionsByName,
): KpiResults<Q> | Promise<KpiResults<Q>> {
  const set = createKpiSet(kpis, options);
  let state = set.empty();
  if (Array.isArray(records)) {
    const list = records as readonly KpiRecordOfRequests<Q>[];
    for (let i = 0, n = list.length; i < n; i++) state = set.add(state, list[i]!);
    return set.result(state);
  }
  if (isAsyncIterable(records)) {
    return (async () => {
      for await (const record of records) state = set.add(state, record);
      return set.result(state);
    })();
  }
  for (const record of records) state = set.add(state, record);
  return set.result(state);
}

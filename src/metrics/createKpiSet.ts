import { MetricsError, type MetricsIssue } from './errors.js';
import { isKpiName, kpiDefinitions, type KpiName, type KpiOptions, type KpiOptionsByName, type KpiRecordOf, type KpiResultOf } from './registry.js';
import type { Accumulator, KpiRecordType, KpiResult } from './types.js';

/**
 * One KPI to compute: its name, or `{ kpi, key?, options? }` to give it options of its own or
 * compute the same KPI twice under different keys (e.g. the platform and the utility answer
 * rate side by side).
 */
export type KpiRequest =
  | KpiName
  | { [K in KpiName]: { readonly kpi: K; readonly key?: string; readonly options?: KpiOptions<K> } }[KpiName];

type NameOf<Q> = Q extends KpiName ? Q : Q extends { readonly kpi: infer K extends KpiName } ? K : never;
type KeyOf<Q> = Q extends KpiName ? Q : Q extends { readonly key: infer K extends string } ? K : NameOf<Q>;

/** The results of a list of requests, keyed by each request's key (its name by default). */
export type KpiResults<Q extends readonly KpiRequest[]> = { readonly [E in Q[number] as KeyOf<E>]: KpiResultOf<NameOf<E>> };
/** The record type a list of requests reads. */
export type KpiRecordOfRequests<Q extends readonly KpiRequest[]> = KpiRecordOf<NameOf<Q[number]>>;

/** The state of a KPI set: one plain state per KPI, in request order. Structured-clonable. */
export type KpiSetState = unknown[];

/**
 * Several KPIs as one accumulator, so a report keeps one state per group (month, agent,
 * channel, topic) and merges states across workers, days or shards.
 */
export interface KpiSet<R, Results> {
  /** The result keys, in request order. */
  readonly keys: readonly string[];
  /** What the set reads (`contact`, `complaint` or `scoreReport`). */
  readonly recordType: KpiRecordType;
  empty(): KpiSetState;
  add(state: KpiSetState, record: R): KpiSetState;
  merge(a: KpiSetState, b: KpiSetState): KpiSetState;
  /** Every KPI's result by key. */
  result(state: KpiSetState): Results;
}

const compatible = (a: KpiRecordType, b: KpiRecordType): KpiRecordType | undefined => {
  if (a === b) return a;
  if (a === 'contactOrComplaint' && (b === 'contact' || b === 'complaint')) return b;
  if (b === 'contactOrComplaint' && (a === 'contact' || a === 'complaint')) return a;
  return undefined;
};

/**
 * Builds one accumulator over several KPIs. Options are resolved here, once; `add` then runs
 * every KPI's `add` on the record without allocating. All KPIs of a set must read the same
 * record type (contacts, complaints or score reports); the reply KPIs read either contacts or
 * complaints and join a set of either.
 *
 * @param kpis - names or `{ kpi, key?, options? }` requests
 * @param options - options by KPI name, used where a request has none of its own
 * @returns `{ keys, recordType, empty, add, merge, result }`
 * @example
 * const set = createKpiSet(['answerRate', 'averageSpeedOfAnswer'], { answerRate: { answeredWithinSeconds: 60 } });
 * let state = set.empty();
 * for (const call of calls) state = set.add(state, call);
 * set.result(state).answerRate //=> { value: 0.9, numerator: 90, denominator: 100 }
 * @throws {MetricsError} for unknown names, duplicate keys, mixed record types or invalid options
 */
export function createKpiSet<const Q extends readonly KpiRequest[]>(
  kpis: Q,
  options?: KpiOptionsByName,
): KpiSet<KpiRecordOfRequests<Q>, KpiResults<Q>> {
  const issues: MetricsIssue[] = [];
  const keys: string[] = [];
  const accumulators: Accumulator<unknown, unknown, KpiResult>[] = [];
  let recordType: KpiRecordType | undefined;
  kpis.forEach((request, i) => {
    const name: unknown = typeof request === 'string' ? request : request?.kpi;
    if (!isKpiName(name)) {
      issues.push({ path: ['kpis', i], message: `expected a KPI name (${Object.keys(kpiDefinitions).join(', ')}), got ${JSON.stringify(name)}` });
      return;
    }
    const key = typeof request === 'string' ? request : (request.key ?? name);
    if (keys.includes(key)) {
      issues.push({ path: ['kpis', i], message: `expected unique keys, got "${key}" twice (give one a \`key\`)` });
      return;
    }
    const definition = kpiDefinitions[name];
    const joined = recordType === undefined ? definition.recordType : compatible(recordType, definition.recordType);
    if (joined === undefined) {
      issues.push({ path: ['kpis', i], message: `expected KPIs of one record type (${recordType}), got "${name}" which reads ${definition.recordType}` });
      return;
    }
    recordType = joined;
    const own = typeof request === 'string' ? undefined : request.options;
    try {
      // Each definition's accumulator takes its own options type; the request type pairs them.
      const create = definition.accumulator as (o?: unknown) => Accumulator<unknown, unknown, KpiResult>;
      accumulators.push(create(own ?? options?.[name]));
      keys.push(key);
    } catch (error) {
      if (error instanceof MetricsError) issues.push(...error.issues.map((issue) => ({ ...issue, path: ['kpis', i, ...issue.path] })));
      else throw error;
    }
  });
  if (issues.length > 0) throw new MetricsError(issues);
  const count = accumulators.length;
  const adds = accumulators.map((a) => a.add);
  const empties = accumulators.map((a) => a.empty);
  const merges = accumulators.map((a) => a.merge);
  const results = accumulators.map((a) => a.result);
  return {
    keys,
    recordType: recordType ?? 'contact',
    empty() {
      const state: unknown[] = new Array(count);
      for (let i = 0; i < count; i++) state[i] = empties[i]!();
      return state;
    },
    add(state, record) {
      for (let i = 0; i < count; i++) state[i] = adds[i]!(state[i], record);
      return state;
    },
    merge(a, b) {
      for (let i = 0; i < count; i++) a[i] = merges[i]!(a[i], b[i]);
      return a;
    },
    result(state) {
      const out: Record<string, KpiResult> = {};
      for (let i = 0; i < count; i++) out[keys[i]!] = results[i]!(state[i]);
      return out as unknown as KpiResults<Q>;
    },
  };
}

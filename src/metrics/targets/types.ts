import type { Label } from '../types.js';

/** `atLeast`: value ≥ threshold meets; `atMost`: value ≤ threshold meets. */
export type TargetComparator = 'atLeast' | 'atMost';

/** Which records a target's KPI is computed over. */
export interface TargetScope {
  /** Only contacts of this channel. */
  readonly channel?: 'phone' | 'chat';
  /** Only contacts in this direction: answer rates count the calls customers make (人工接起量, 客户拨打热线). */
  readonly direction?: 'inbound' | 'outbound';
  /** Only contacts of this kind. */
  readonly kind?: 'consultation' | 'complaint' | 'suggestion' | 'repair' | 'other';
  /** For KPIs that read contacts or complaints: which of the two this target reads. */
  readonly records?: 'contact' | 'complaint';
  /** How often the target is checked (seed 002's sampling rate is daily). Default `month`. */
  readonly period?: 'day' | 'month';
  /**
   * A named slice the records do not carry (e.g. `pre-sales`); the caller binds it with
   * `kpiRequestsFor(preset, { segments: { 'pre-sales': (c) => c.queue === 'presales' } })`,
   * else the target is not measured.
   */
  readonly segment?: string;
}

/** One target of a standard. Thresholds are in the KPI's unit (rates as fractions, times in seconds). */
export interface Target {
  /** Unique within its preset; the key its result is looked up by. */
  readonly id: string;
  /** The KPI's public name (`answerRate`…), or any name when `external`. */
  readonly kpi: string;
  readonly comparator: TargetComparator;
  readonly threshold: number;
  readonly scope?: TargetScope;
  /** The KPI options that select the seed's variant (plain data). */
  readonly options?: Readonly<Record<string, unknown>>;
  /**
   * Options the caller must bind for the seed's exact rule (`isWorkingTime`, `deadline`;
   * alternatives as `evaluatedIds|isEvaluated`): `kpiRequestsFor` leaves the target out without them.
   */
  readonly requires?: readonly string[];
  /** A KPI this library cannot compute from its records (e.g. repurchase rate from order data); supply its result yourself. */
  readonly external?: boolean;
  readonly label: Label;
  /** Seed and passage. */
  readonly source: string;
  /** Interpretation notes. */
  readonly note?: string;
}

/** A named set of targets, e.g. one standard's. */
export interface TargetPreset {
  readonly name: string;
  readonly label: Label;
  readonly source: string;
  readonly targets: readonly Target[];
}

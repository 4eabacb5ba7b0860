import type { KpiResult, Label } from '../types.js';
import type { Target, TargetComparator, TargetPreset } from './types.js';

/** Tolerance for comparing a value with its threshold (guards 0.1 + 0.2 style rounding). */
const tolerance = 1e-9;

/** One target checked. */
export interface TargetOutcome {
  readonly id: string;
  readonly kpi: string;
  readonly label: Label;
  readonly comparator: TargetComparator;
  readonly threshold: number;
  /** `notMeasured` when the result is absent or its value is `null`. */
  readonly status: 'met' | 'missed' | 'notMeasured';
  readonly value: number | null;
  /**
   * How far inside (+) or outside (−) the target the value is, in the KPI's unit:
   * `value − threshold` for `atLeast`, `threshold − value` for `atMost`; `null` when not measured.
   */
  readonly margin: number | null;
  /** Why it was not measured. */
  readonly reason?: string;
  readonly source: string;
}

/** Every target of a preset checked. */
export interface TargetCheck {
  readonly preset: string;
  readonly outcomes: readonly TargetOutcome[];
  readonly met: number;
  readonly missed: number;
  readonly notMeasured: number;
  /** Targets met ÷ targets measured: the "KPI attainment" of seed 002's performance formula. */
  readonly attainment: KpiResult;
}

/**
 * Checks results against a preset's targets. Each target's result is looked up by the target's
 * `id` (the key `kpiRequestsFor(preset)` gives it). A value within 1e-9 of the threshold meets it.
 *
 * @param results - KPI results by key (e.g. from `computeKpis(records, kpiRequestsFor(preset))`)
 * @param preset - a shipped preset or one from `defineTargets`
 * @returns each target met / missed / notMeasured with its margin, and the counts
 * @example
 * checkTargets({ answerRate: { value: 0.93, numerator: 93, denominator: 100 } }, targetPresets['gas-utility-hotline']).outcomes[0]
 * //=> { id: 'answerRate', status: 'met', value: 0.93, margin: 0.03, … }  (0.93 − 0.90)
 */
export function checkTargets(results: Readonly<Record<string, KpiResult | undefined>>, preset: TargetPreset): TargetCheck {
  const outcomes = preset.targets.map((target) => outcomeOf(target, Object.prototype.hasOwnProperty.call(results, target.id) ? results[target.id] : undefined));
  const met = outcomes.filter((o) => o.status === 'met').length;
  const missed = outcomes.filter((o) => o.status === 'missed').length;
  const measured = met + missed;
  return {
    preset: preset.name,
    outcomes,
    met,
    missed,
    notMeasured: outcomes.length - measured,
    attainment:
      measured === 0
        ? { value: null, numerator: 0, denominator: 0, reason: 'no target measured' }
        : { value: met / measured, numerator: met, denominator: measured },
  };
}

function outcomeOf(target: Target, result: KpiResult | undefined): TargetOutcome {
  const base = { id: target.id, kpi: target.kpi, label: target.label, comparator: target.comparator, threshold: target.threshold, source: target.source };
  const value = result?.value;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    const reason = result === undefined ? `no result under "${target.id}"` : (result.reason ?? 'no value');
    return { ...base, status: 'notMeasured', value: null, margin: null, reason };
  }
  const margin = target.comparator === 'atLeast' ? value - target.threshold : target.threshold - value;
  return { ...base, status: margin >= -tolerance ? 'met' : 'missed', value, margin };
}

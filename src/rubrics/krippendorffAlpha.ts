/** Krippendorff's alpha and the parts it is computed from. */
export interface AlphaResult {
  /** `1 − observedDisagreement / expectedDisagreement`; `null` when undefined (see `reason`). */
  readonly alpha: number | null;
  readonly reason: string | null;
  /** Units with at least two values (only they carry information about agreement). */
  readonly pairableUnits: number;
  /** Values in those units (Krippendorff's n). */
  readonly pairableValues: number;
  /** D_o: mean squared difference between values of the same unit. */
  readonly observedDisagreement: number | null;
  /** D_e: mean squared difference between any two pairable values. */
  readonly expectedDisagreement: number | null;
}

/**
 * Krippendorff's alpha for interval data, with missing values: the inter-rater reliability
 * of seed 003's "several raters per sampled call".
 *
 * Formula (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", interval metric
 * δ²(c, k) = (c − k)²): over the units with m_u ≥ 2 values, n = Σ m_u pairable values,
 * D_o = (1/n) Σ_u Σ_{i≠j} (v_ui − v_uj)² / (m_u − 1), D_e = Σ_{i≠j} (v_i − v_j)² / (n (n − 1))
 * over all pairable values, α = 1 − D_o / D_e. Computed from squared deviations from the means
 * (Σ_{i≠j} (v_i − v_j)² = 2 m Σ (v_i − v̄)²), which keeps large totals exact enough.
 * α = 1 is perfect agreement, 0 agreement by chance; it can be negative.
 *
 * @param units - one list of values a unit (e.g. a call), one value an observer; `null` /
 *   `undefined` for a missing rating
 * @returns alpha with its parts; `alpha: null` with a reason when fewer than two values are
 *   pairable or all pairable values are equal (no variation: alpha is undefined)
 * @example
 * krippendorffAlpha([[1, 1, null], [2, 3, 2], [3, 3, 3], [1, 2, 1]]).alpha //=> 0.7727… (D_o = 4/11, D_e = 1.6)
 */
export function krippendorffAlpha(units: readonly (readonly (number | null | undefined)[])[]): AlphaResult {
  let n = 0;
  let pairableUnits = 0;
  let sum = 0;
  let within = 0;
  for (const unit of units) {
    let m = 0;
    let unitSum = 0;
    for (const v of unit) {
      if (typeof v === 'number' && Number.isFinite(v)) {
        m++;
        unitSum += v;
      }
    }
    if (m < 2) continue;
    const mean = unitSum / m;
    let ss = 0;
    for (const v of unit) if (typeof v === 'number' && Number.isFinite(v)) ss += (v - mean) * (v - mean);
    within += (2 * m * ss) / (m - 1);
    pairableUnits++;
    n += m;
    sum += unitSum;
  }
  if (n < 2) {
    return { alpha: null, reason: 'no unit has two or more ratings: nothing to compare', pairableUnits, pairableValues: n, observedDisagreement: null, expectedDisagreement: null };
  }
  const mean = sum / n;
  let ss = 0;
  for (const unit of units) {
    let m = 0;
    for (const v of unit) if (typeof v === 'number' && Number.isFinite(v)) m++;
    if (m < 2) continue;
    for (const v of unit) if (typeof v === 'number' && Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const observed = within / n;
  const expected = (2 * ss) / (n - 1);
  if (expected === 0) {
    return { alpha: null, reason: 'every rating is the same: alpha is undefined without variation', pairableUnits, pairableValues: n, observedDisagreement: observed, expectedDisagreement: expected };
  }
  return { alpha: 1 - observed / expected, reason: null, pairableUnits, pairableValues: n, observedDisagreement: observed, expectedDisagreement: expected };
}

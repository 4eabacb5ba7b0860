import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';

/** What `qaScore` reads of a scored evaluation: the rubrics room's `ScoreReport` fits (`percent` 0–100, or `null`). */
export interface QaScoreInput {
  readonly percent: number | null;
}

/** Options of {@link qaScore}. */
export interface QaScoreOptions extends KpiScopeOptions<QaScoreInput> {}

/**
 * QA score 质检得分: the mean rubric percentage of scored evaluations (seed 004's QC rubric).
 * Reports with `percent: null` (could not be scored) or a value outside 0–100 are `excluded`.
 *
 * @example
 * const acc = qaScoreKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no scored evaluations' }
 */
export const qaScoreKpi = defineKpi({
  name: 'qaScore',
  recordType: 'scoreReport',
  unit: 'percent',
  bounds: [0, 100],
  label: { zh: '质检得分', en: 'QA score' },
  source: 'seed 004 QC rubric (percentage score); seed 002 §7.1 抽检',
  create(_options: QaScoreOptions) {
    return {
      ...tallyParts('no scored evaluations'),
      add(state: Tally, report: QaScoreInput): Tally {
        const percent = report.percent;
        if (percent === null || !(percent >= 0 && percent <= 100)) state.excluded++;
        else {
          state.numerator += percent;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Mean QA percentage (see {@link qaScoreKpi}).
 *
 * @param reports - score reports (`{ percent }`)
 * @param options - `where`
 * @returns the mean in [0, 100]; `null` when nothing was scored
 * @example
 * qaScore([{ percent: 90 }, { percent: 80 }, { percent: null }]) //=> { value: 85, numerator: 170, denominator: 2, excluded: 1 }
 */
export function qaScore(reports: Iterable<QaScoreInput>, options?: QaScoreOptions): KpiResult {
  return accumulate(qaScoreKpi.accumulator(options), reports);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';

/** Options of {@link csat}. */
export interface CsatOptions extends KpiScopeOptions<Contact> {}

/**
 * CSAT 服务满意度: the mean 1–5 rating of rated contacts (numerator Σ ratings, denominator
 * ratings). Seed 002 §4.3: "客户对单次服务的评分（1-5分），目标≥4.5分".
 *
 * @example
 * const acc = csatKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no ratings' }
 */
export const csatKpi = defineKpi({
  name: 'csat',
  recordType: 'contact',
  unit: 'rating',
  bounds: [1, 5],
  label: { zh: '服务满意度（CSAT）', en: 'CSAT' },
  source: 'seed 002 §4.3 CSAT ≥ 4.5',
  create(_options: CsatOptions) {
    return {
      ...tallyParts('no ratings'),
      add(state: Tally, contact: Contact): Tally {
        const rating = contact.csat;
        if (rating !== undefined) {
          state.numerator += rating;
          state.denominator++;
        }
        return state;
      },
    };
  },
});

/**
 * Mean 1–5 rating (see {@link csatKpi}).
 *
 * @param contacts - contacts, rated or not
 * @param options - `where`
 * @returns the mean rating in [1, 5]; `null` when none is rated
 * @example
 * csat([{ …, csat: 5 }, { …, csat: 4 }, { … }]) //=> { value: 4.5, numerator: 9, denominator: 2 }
 */
export function csat(contacts: Iterable<Contact>, options?: CsatOptions): KpiResult {
  return accumulate(csatKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiScopeOptions, NpsResult } from '../types.js';
import { accumulate, defineKpi } from '../tally.js';

/** Options of {@link nps}. */
export interface NpsOptions extends KpiScopeOptions<Contact> {}

/** The NPS state: how many answers fell in each group. */
export interface NpsState {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Net Promoter Score 净推荐值: % promoters (9–10) − % detractors (0–6) of all 0–10 answers, from
 * −100 to 100. The result's numerator is promoters − detractors and its denominator the answers.
 * Seed 002 §4.3: "NPS=推荐者比例-贬损者比例", target "≥50%" (read as NPS ≥ 50).
 *
 * @example
 * const acc = npsKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no 0–10 answers', promoters: 0, passives: 0, detractors: 0 }
 */
export const npsKpi = defineKpi({
  name: 'nps',
  recordType: 'contact',
  unit: 'npsPoints',
  bounds: [-100, 100],
  label: { zh: '净推荐值（NPS）', en: 'Net Promoter Score' },
  source: 'seed 002 §4.3 NPS ≥ 50',
  create(_options: NpsOptions) {
    return {
      empty: (): NpsState => ({ promoters: 0, passives: 0, detractors: 0 }),
      add(state: NpsState, contact: Contact): NpsState {
        const score = contact.nps;
        if (score !== undefined) {
          if (score >= 9) state.promoters++;
          else if (score >= 7) state.passives++;
          else state.detractors++;
        }
        return state;
      },
      merge(a: NpsState, b: NpsState): NpsState {
        a.promoters += b.promoters;
        a.passives += b.passives;
        a.detractors += b.detractors;
        return a;
      },
      result: npsResult,
    };
  },
});

/**
 * The NPS of counted answers.
 *
 * @param state - promoters, passives, detractors
 * @returns NPS in −100..100; `null` when there are no answers
 * @example
 * npsResult({ promoters: 6, passives: 2, detractors: 2 }).value //=> 40
 */
export function npsResult(state: NpsState): NpsResult {
  const { promoters, passives, detractors } = state;
  const responses = promoters + passives + detractors;
  const numerator = promoters - detractors;
  return responses === 0
    ? { value: null, numerator, denominator: 0, reason: 'no 0–10 answers', promoters, passives, detractors }
    : { value: (numerator / responses) * 100, numerator, denominator: responses, promoters, passives, detractors };
}

/**
 * NPS of the given contacts (see {@link npsKpi}).
 *
 * @param contacts - contacts with or without a 0–10 answer
 * @param options - `where`
 * @returns NPS in −100..100 with the three groups
 * @example
 * nps(contactsWithScores([10, 9, 9, 8, 3])) //=> { value: 40, numerator: 2, denominator: 5, promoters: 3, passives: 1, detractors: 1 }
 */
export function nps(contacts: Iterable<Contact>, options?: NpsOptions): NpsResult {
  return accumulate(npsKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link firstContactResolution}. */
export interface FirstContactResolutionOptions extends KpiScopeOptions<Contact> {
  /**
   * Handled contacts whose outcome (`resolvedAtFirstContact`) is unknown:
   * - `exclude` (default): left out of the denominator and counted in `excluded`;
   * - `unresolved`: counted as not resolved — seed 002's denominator is every inquiry
   *   ("FCR=首次解决的咨询量/总咨询量").
   */
  readonly unknownOutcome?: 'exclude' | 'unresolved';
}

/**
 * First contact resolution FCR 一次性解决率: handled (answered) contacts resolved at first
 * contact ÷ handled contacts with a known outcome. Unanswered contacts are not handled and not
 * counted. Seed 002 §4.2: target ≥ 90 %.
 *
 * @example
 * const acc = firstContactResolutionKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no handled contacts with a known outcome' }
 */
export const firstContactResolutionKpi = defineKpi({
  name: 'firstContactResolution',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '一次性解决率（FCR）', en: 'First contact resolution' },
  source: 'seed 002 §4.2 FCR ≥ 90%; seed 001 §三 问题一次性解决率',
  create(options: FirstContactResolutionOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['firstContactResolution', 'unknownOutcome'], options.unknownOutcome, ['exclude', 'unresolved']);
    throwIfAny(issues);
    const unknownIsUnresolved = options.unknownOutcome === 'unresolved';
    return {
      ...tallyParts('no handled contacts with a known outcome'),
      add(state: Tally, contact: Contact): Tally {
        if (!contact.answered) return state;
        const resolved = contact.resolvedAtFirstContact;
        if (resolved === undefined) {
          if (unknownIsUnresolved) state.denominator++;
          else state.excluded++;
        } else {
          state.denominator++;
          if (resolved) state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * First contact resolution of the given contacts (see {@link firstContactResolutionKpi}).
 *
 * @param contacts - contacts
 * @param options - `unknownOutcome`, `where`
 * @returns a fraction in [0, 1]; `null` when no handled contact has a known outcome
 * @example
 * firstContactResolution([{ …answered, resolvedAtFirstContact: true }, { …answered, resolvedAtFirstContact: false }, { …answered }])
 * //=> { value: 0.5, numerator: 1, denominator: 2, excluded: 1 }
 * @throws {MetricsError} when `unknownOutcome` is unknown
 */
export function firstContactResolution(contacts: Iterable<Contact>, options?: FirstContactResolutionOptions): KpiResult {
  return accumulate(firstContactResolutionKpi.accumulator(options), contacts);
}

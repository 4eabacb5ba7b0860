import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, emptyTally, mergeTally, tallyResult, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link escalationRate}. */
export interface EscalationRateOptions extends KpiScopeOptions<Contact> {
  /**
   * The base:
   * - `contacts` (default; the spec): every handled (answered) contact;
   * - `complaints` (seed 002's words "需转交主管或部门处理的客诉比例"): handled contacts of kind
   *   `complaint` only.
   */
  readonly base?: 'contacts' | 'complaints';
  /**
   * Handled contacts without an `escalated` flag: `notEscalated` (default; exports usually flag
   * only escalations) or `exclude` (left out and counted in `excluded`).
   */
  readonly unknown?: 'notEscalated' | 'exclude';
}

/** A tally that also counts the handled contacts carrying an `escalated` flag at all. */
export interface EscalationTally extends Tally {
  flagged: number;
}

/**
 * Escalation rate 升级率: handled contacts escalated to a supervisor or another department ÷
 * handled contacts. Seed 002 §4.2: target ≤ 5 %.
 *
 * An export that never records escalations is not an export without any: when no handled contact
 * carries the flag, the value is `null` ("not measured"), not 0 %.
 *
 * @example
 * const acc = escalationRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no handled contacts' }
 */
export const escalationRateKpi = defineKpi({
  name: 'escalationRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '升级率', en: 'Escalation rate' },
  source: 'seed 002 §4.2 升级率 ≤ 5%',
  create(options: EscalationRateOptions) {
    const issues: MetricsIssue[] = [];
    checkOneOf(issues, ['escalationRate', 'base'], options.base, ['contacts', 'complaints']);
    checkOneOf(issues, ['escalationRate', 'unknown'], options.unknown, ['notEscalated', 'exclude']);
    throwIfAny(issues);
    const complaintsOnly = options.base === 'complaints';
    const excludeUnknown = options.unknown === 'exclude';
    return {
      empty: (): EscalationTally => ({ ...emptyTally(), flagged: 0 }),
      merge(a: EscalationTally, b: EscalationTally): EscalationTally {
        mergeTally(a, b);
        a.flagged += b.flagged;
        return a;
      },
      result(state: EscalationTally): KpiResult {
        if (state.flagged === 0 && state.denominator > 0) {
          return { ...tallyResult(state, ''), value: null, reason: 'no handled contact carries an escalated flag: the data does not record escalations' };
        }
        return tallyResult(state, 'no handled contacts');
      },
      add(state: EscalationTally, contact: Contact): EscalationTally {
        if (!contact.answered || (complaintsOnly && contact.kind !== 'complaint')) return state;
        const escalated = contact.escalated;
        if (escalated !== undefined) state.flagged++;
        if (escalated === undefined && excludeUnknown) state.excluded++;
        else {
          state.denominator++;
          if (escalated === true) state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Escalation rate of the given contacts (see {@link escalationRateKpi}).
 *
 * @param contacts - contacts
 * @param options - base, unknown flags, `where`
 * @returns a fraction in [0, 1]; `null` when nothing was handled
 * @example
 * escalationRate([{ …answered, escalated: true }, { …answered }, { …answered }, { …answered }])
 * //=> { value: 0.25, numerator: 1, denominator: 4 }
 * @throws {MetricsError} when `base` or `unknown` is not one of its words
 */
export function escalationRate(contacts: Iterable<Contact>, options?: EscalationRateOptions): KpiResult {
  return accumulate(escalationRateKpi.accumulator(options), contacts);
}

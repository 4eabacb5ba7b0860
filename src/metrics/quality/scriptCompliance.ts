import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';

/** Options of {@link scriptCompliance}. */
export interface ScriptComplianceOptions extends KpiScopeOptions<Contact> {
  /**
   * Judges one contact: `true` compliant, `false` not, `null` not checked. Bind the transcript
   * room's `scriptCompliant(contact)`. Without it the record's `scriptCompliant` field is read.
   */
  readonly isCompliant?: (contact: Contact) => boolean | null;
}

/**
 * Script compliance 话术合规率 (seed 002 §4.4): contacts using the standard greeting, answer logic
 * and closing ÷ contacts checked. Contacts not checked are `excluded`. Target ≥ 95 %.
 *
 * @example
 * const acc = scriptComplianceKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts checked' }
 */
export const scriptComplianceKpi = defineKpi({
  name: 'scriptCompliance',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '话术合规率', en: 'Script compliance' },
  source: 'seed 002 §4.4 话术合规率 ≥ 95%',
  create(options: ScriptComplianceOptions) {
    const judge = options.isCompliant;
    return {
      ...tallyParts('no contacts checked'),
      add(state: Tally, contact: Contact): Tally {
        const verdict = judge === undefined ? contact.scriptCompliant : judge(contact);
        if (verdict === undefined || verdict === null) state.excluded++;
        else {
          state.denominator++;
          if (verdict) state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Script compliance (see {@link scriptComplianceKpi}).
 *
 * @param contacts - contacts
 * @param options - `isCompliant`, `where`
 * @returns a fraction in [0, 1]; `null` when nothing was checked
 * @example
 * scriptCompliance([{ …, scriptCompliant: true }, { …, scriptCompliant: false }, { … }])
 * //=> { value: 0.5, numerator: 1, denominator: 2, excluded: 1 }
 */
export function scriptCompliance(contacts: Iterable<Contact>, options?: ScriptComplianceOptions): KpiResult {
  return accumulate(scriptComplianceKpi.accumulator(options), contacts);
}

import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';
import { MetricsError } from '../errors.js';

/**
 * Seed 002's required CRM fields: 客户需求 (the `topic`), 问题类型 (the `kind`) and 处理结果 (the
 * outcome, `resolvedAtFirstContact`).
 */
export const defaultRequiredFields = ['topic', 'kind', 'resolvedAtFirstContact'] as const;

/** Options of {@link recordCompleteness}. */
export interface RecordCompletenessOptions extends KpiScopeOptions<Contact> {
  /** Fields every record must fill (not `undefined`, `null` or `''`). Default {@link defaultRequiredFields}. */
  readonly requiredFields?: readonly (keyof Contact & string)[] | readonly string[];
}

/**
 * Record completeness 信息记录完整率 (seed 002 §4.4): records with every required field filled ÷
 * records. Target ≥ 98 %.
 *
 * @example
 * const acc = recordCompletenessKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no records' }
 */
export const recordCompletenessKpi = defineKpi({
  name: 'recordCompleteness',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '信息记录完整率', en: 'Record completeness' },
  source: 'seed 002 §4.4 信息记录完整率 ≥ 98%',
  create(options: RecordCompletenessOptions) {
    const fields: readonly string[] = options.requiredFields ?? defaultRequiredFields;
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || f === '')) {
      throw new MetricsError([{ path: ['recordCompleteness', 'requiredFields'], message: 'expected a list of field names' }]);
    }
    const count = fields.length;
    return {
      ...tallyParts('no records'),
      add(state: Tally, contact: Contact): Tally {
        const record = contact as unknown as Readonly<Record<string, unknown>>;
        let complete = true;
        for (let i = 0; i < count; i++) {
          const value = record[fields[i]!];
          if (value === undefined || value === null || value === '') {
            complete = false;
            break;
          }
        }
        state.denominator++;
        if (complete) state.numerator++;
        return state;
      },
    };
  },
});

/**
 * Record completeness (see {@link recordCompletenessKpi}).
 *
 * @param contacts - contact records
 * @param options - required fields, `where`
 * @returns a fraction in [0, 1]; `null` when there are no records
 * @example
 * recordCompleteness([{ …, topic: '账单', kind: 'consultation', resolvedAtFirstContact: true }, { …, topic: '账单' }])
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `requiredFields` is not a list of names
 */
export function recordCompleteness(contacts: Iterable<Contact>, options?: RecordCompletenessOptions): KpiResult {
  return accumulate(recordCompletenessKpi.accumulator(options), contacts);
}

import { callSchema, chatSchema, type Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkOneOf, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import type { MetricsIssue } from '../errors.js';

/**
 * Seed 002's required CRM fields: 客户需求 (the `topic`), 问题类型 (the `kind`) and 处理结果 (the
 * outcome, `resolvedAtFirstContact`).
 */
export const defaultRequiredFields = ['topic', 'kind', 'resolvedAtFirstContact'] as const;

/** Options of {@link recordCompleteness}. */
export interface RecordCompletenessOptions extends KpiScopeOptions<Contact> {
  /** Fields every record must fill (not `undefined`, `null` or `''`). Default {@link defaultRequiredFields}. */
  readonly requiredFields?: readonly (keyof Contact & string)[] | readonly string[];
  /**
   * `answered` (default): only contacts a person handled — the seed counts CRM records, which an
   * agent writes after serving the customer, and an abandoned call has none (counting it would
   * read as an incomplete record); `all`: every contact passed (the spec's literal "÷ records").
   */
  readonly include?: 'answered' | 'all';
}

/**
 * Record completeness 信息记录完整率 (seed 002 §4.4): records with every required field filled ÷
 * records. Target ≥ 98 %. "CRM系统中客户需求、问题类型、处理结果等信息记录完整度": the records are the
 * ones agents write, so by default only answered contacts count (`include: 'all'` for every one).
 *
 * @example
 * const acc = recordCompletenessKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no answered contacts' }
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
    const issues: MetricsIssue[] = [];
    // An empty list would make every record "complete": a rate of 1 that measured nothing.
    if (!Array.isArray(fields) || fields.length === 0 || fields.some((f) => typeof f !== 'string' || f === '')) {
      issues.push({ path: ['recordCompleteness', 'requiredFields'], message: `expected a non-empty list of field names, got ${JSON.stringify(fields)}` });
    } else {
      // A misspelt field ('topics') would make every record incomplete: a rate of 0 that measured nothing.
      const known = new Set([...Object.keys(callSchema.shape), ...Object.keys(chatSchema.shape)]);
      fields.forEach((f, i) => {
        if (!known.has(f)) issues.push({ path: ['recordCompleteness', 'requiredFields', i], message: `expected a contact field (${[...known].join(', ')}), got ${JSON.stringify(f)}` });
      });
    }
    checkOneOf(issues, ['recordCompleteness', 'include'], options.include, ['answered', 'all']);
    throwIfAny(issues);
    const answeredOnly = options.include !== 'all';
    const count = fields.length;
    return {
      ...tallyParts(answeredOnly ? 'no answered contacts' : 'no records'),
      add(state: Tally, contact: Contact): Tally {
        if (answeredOnly && !contact.answered) return state;
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
 * @param options - required fields, `include` (answered contacts by default), `where`
 * @returns a fraction in [0, 1]; `null` when there are no records in scope
 * @example
 * recordCompleteness([{ …, topic: '账单', kind: 'consultation', resolvedAtFirstContact: true }, { …, topic: '账单' }])
 * //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when `requiredFields` is not a non-empty list of names or `include` is unknown
 */
export function recordCompleteness(contacts: Iterable<Contact>, options?: RecordCompletenessOptions): KpiResult {
  return accumulate(recordCompletenessKpi.accumulator(options), contacts);
}

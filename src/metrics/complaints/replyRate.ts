import type { Complaint, Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, defineKpi, tallyParts, type Tally } from '../tally.js';
import { isConsultation, isContact } from './consultations.js';

/** Options of {@link replyRate}. */
export interface ReplyRateOptions extends KpiScopeOptions<Contact | Complaint> {
  /** Which contacts are consultations (default: `kind === 'consultation'`). Complaints always count. */
  readonly consultation?: (contact: Contact) => boolean;
}

/**
 * Reply rate 回复率 (seed 003):
 * - 客户咨询回复率 = 当月对客户咨询回复的数量 ÷ 当月客户咨询的总数量, over contacts: consultations
 *   answered by a person ÷ consultations;
 * - 客户投诉回复率 = 当月客户投诉回复的数量 ÷ 当月客户投诉的总数量, over complaints: complaints with
 *   `repliedAt` ÷ complaints.
 * Reads contacts or complaints (one kind a set); both targets are 100 %.
 *
 * @example
 * const acc = replyRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no consultations or complaints' }
 */
export const replyRateKpi = defineKpi({
  name: 'replyRate',
  recordType: 'contactOrComplaint',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '回复率', en: 'Reply rate' },
  source: 'seed 003 §四.4 客户咨询回复率 100%, §四.5 客户投诉回复率 100%',
  create(options: ReplyRateOptions) {
    const consultation = options.consultation ?? isConsultation;
    return {
      ...tallyParts('no consultations or complaints'),
      add(state: Tally, record: Contact | Complaint): Tally {
        if (isContact(record)) {
          if (!consultation(record)) return state;
          state.denominator++;
          if (record.answered) state.numerator++;
        } else {
          state.denominator++;
          if (record.repliedAt !== undefined) state.numerator++;
        }
        return state;
      },
    };
  },
});

/**
 * Reply rate of consultations or complaints (see {@link replyRateKpi}).
 *
 * @param records - contacts or complaints
 * @param options - which contacts are consultations, `where`
 * @returns a fraction in [0, 1]; `null` when there were none
 * @example
 * replyRate([{ …complaint, repliedAt }, { …complaint }]) //=> { value: 0.5, numerator: 1, denominator: 2 }
 */
export function replyRate(records: Iterable<Contact | Complaint>, options?: ReplyRateOptions): KpiResult {
  return accumulate(replyRateKpi.accumulator(options), records);
}

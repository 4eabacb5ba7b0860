import type { Complaint, Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkNonNegative, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { consultationRepliedAt, isConsultation, isContact } from './consultations.js';
import type { MetricsIssue } from '../errors.js';

const hour = 3_600_000;

/**
 * Seed 003's complaint time limits by level 投诉解决时限, in hours: 1 级 2 h, 2 级 48 h, 3 级 4
 * working days, 4 级 7 working days. Levels 3 and 4 are in working days; as fixed hours they are
 * read as 4 × 24 h and 7 × 24 h (lenient over weekends) — bind the calendar room's deadline for
 * the exact rule (`deadline` option).
 */
export const gasUtilityComplaintReplyHours: Readonly<Record<number, number>> = { 1: 2, 2: 48, 3: 96, 4: 168 };

/** Options of {@link replyTimeliness}. */
export interface ReplyTimelinessOptions extends KpiScopeOptions<Contact | Complaint> {
  /**
   * The due instant of a record's reply (epoch ms), e.g. from the calendar room's SLA rules; when
   * it returns `undefined` the fixed limits below apply.
   */
  readonly deadline?: (record: Contact | Complaint) => number | undefined;
  /**
   * Hours a complaint may take from acceptance (`acceptedAt`, else `filedAt`) to its reply: one
   * number for all, or a limit per `level`. Default {@link gasUtilityComplaintReplyHours}.
   * Complaints with no applicable limit are `excluded`.
   */
  readonly complaintReplyHours?: number | Readonly<Record<number, number>>;
  /**
   * Minutes a consultation may take from `offeredAt` to its reply (a person answering it).
   * Default 30: seed 003 "若热线客服代表在半小时内没有查询出确切结果, 应回复客户".
   */
  readonly consultationReplyMinutes?: number;
  /** Which contacts are consultations (default `kind === 'consultation'`). */
  readonly consultation?: (contact: Contact) => boolean;
  /**
   * The moment the report is made (epoch ms). Unreplied records whose deadline is still after it
   * are pending: `excluded`, not late. Without it an unreplied record is late.
   */
  readonly asOf?: number;
}

/**
 * Reply timeliness 回复及时率 (seed 003): replies within the prescribed time ÷ all consultations
 * (客户咨询回复及时率) or all complaints (客户投诉回复及时率); a record never replied is not timely.
 * Target 100 % for both.
 *
 * @example
 * const acc = replyTimelinessKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no consultations or complaints with a deadline' }
 */
export const replyTimelinessKpi = defineKpi({
  name: 'replyTimeliness',
  recordType: 'contactOrComplaint',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '回复及时率', en: 'Reply timeliness' },
  source: 'seed 003 §四.6 客户咨询及投诉的回复及时率 100%; §四.2 投诉解决时限 (1–4 级)',
  create(options: ReplyTimelinessOptions) {
    const issues: MetricsIssue[] = [];
    const hours = options.complaintReplyHours ?? gasUtilityComplaintReplyHours;
    if (typeof hours === 'number') checkNonNegative(issues, ['replyTimeliness', 'complaintReplyHours'], hours);
    else for (const [level, h] of Object.entries(hours)) checkNonNegative(issues, ['replyTimeliness', 'complaintReplyHours', level], h);
    checkNonNegative(issues, ['replyTimeliness', 'consultationReplyMinutes'], options.consultationReplyMinutes);
    throwIfAny(issues);
    const consultationMs = (options.consultationReplyMinutes ?? 30) * 60_000;
    const deadlineOf = options.deadline;
    const consultation = options.consultation ?? isConsultation;
    const asOf = options.asOf;
    const complaintDue = (c: Complaint): number | undefined => {
      const limit = typeof hours === 'number' ? hours : c.level === undefined ? undefined : hours[c.level];
      return limit === undefined ? undefined : (c.acceptedAt ?? c.filedAt) + limit * hour;
    };
    return {
      ...tallyParts('no consultations or complaints with a deadline'),
      add(state: Tally, record: Contact | Complaint): Tally {
        let due: number | undefined;
        let repliedAt: number | undefined;
        if (isContact(record)) {
          if (!consultation(record)) return state;
          due = deadlineOf?.(record) ?? record.offeredAt + consultationMs;
          repliedAt = consultationRepliedAt(record);
        } else {
          due = deadlineOf?.(record) ?? complaintDue(record);
          repliedAt = record.repliedAt;
        }
        if (due === undefined || (repliedAt === undefined && asOf !== undefined && due > asOf)) {
          state.excluded++;
          return state;
        }
        state.denominator++;
        if (repliedAt !== undefined && repliedAt <= due) state.numerator++;
        return state;
      },
    };
  },
});

/**
 * Reply timeliness of consultations or complaints (see {@link replyTimelinessKpi}).
 *
 * @param records - contacts or complaints
 * @param options - deadline, fixed limits, `asOf`, `where`
 * @returns a fraction in [0, 1]; `null` when no record has a deadline
 * @example
 * // level 1 (2 h): replied after 1 h ✓; level 2 (48 h): replied after 50 h ✗
 * replyTimeliness([level1RepliedIn1h, level2RepliedIn50h]) //=> { value: 0.5, numerator: 1, denominator: 2 }
 * @throws {MetricsError} when a limit is not a finite number ≥ 0
 */
export function replyTimeliness(records: Iterable<Contact | Complaint>, options?: ReplyTimelinessOptions): KpiResult {
  return accumulate(replyTimelinessKpi.accumulator(options), records);
}

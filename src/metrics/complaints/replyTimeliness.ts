import type { Complaint, Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions } from '../types.js';
import { accumulate, checkNonNegative, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { consultationRepliedAt, isConsultation, isContact } from './consultations.js';
import type { MetricsIssue } from '../errors.js';

const hour = 3_600_000;

/**
 * Seed 003's complaint time limits 投诉解决时限 that are fixed hours: 1 级 2 h, 2 级 48 h. Levels 3
 * and 4 are 4 and 7 *working* days; no fixed number of hours equals that (4 × 24 h is never
 * later, and over a weekend or the Spring Festival much earlier, than the seed's limit, so it
 * would count timely replies as late). They are left out here: bind the calendar room's deadline
 * (`deadline: slaDeadlineFor(slaRuleSets.gasUtilityComplaintLevels, calendar)`) to judge them;
 * unbound, they are `excluded`.
 */
export const gasUtilityComplaintReplyHours: Readonly<Record<number, number>> = { 1: 2, 2: 48 };

/** Seed 003 §四.6: a consultation is answered within 30 minutes unless told otherwise. */
export const defaultConsultationReplyMinutes = 30;

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
 * Target 100 % for both. `excluded` (never guessed): a record with no deadline (a complaint of
 * level 3 or 4 without a bound `deadline`, or with no level), a consultation answered at an
 * unknown time, and, with `asOf`, an unreplied record not yet due.
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
    const consultationMs = (options.consultationReplyMinutes ?? defaultConsultationReplyMinutes) * 60_000;
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
          repliedAt = consultationRepliedAt(record);
          // Answered, but when is unknown: it cannot be judged (counting it on time would be a guess).
          if (record.answered && repliedAt === undefined) {
            state.excluded++;
            return state;
          }
          due = deadlineOf?.(record) ?? record.offeredAt + consultationMs;
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

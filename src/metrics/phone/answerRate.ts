import type { Contact } from '../../records/index.js';
import type { KpiResult, KpiScopeOptions, WorkingTimeOptions } from '../types.js';
import { accumulate, checkNonNegative, defineKpi, tallyParts, throwIfAny, type Tally } from '../tally.js';
import { tallyAnsweredWithin } from './wait.js';
import type { MetricsIssue } from '../errors.js';

/** Options of {@link answerRate}. */
export interface AnswerRateOptions extends KpiScopeOptions<Contact>, WorkingTimeOptions {
  /**
   * Count a contact as answered only when a person answered it within this many seconds of
   * waiting. Seed 000: 5 ("等候时候不能超过5s"); seed 003: 60 ("客户等待超过60秒未做答则视为未应答").
   * Answered contacts whose wait is unknown are then `excluded`. Default: no limit.
   */
  readonly answeredWithinSeconds?: number;
}

/**
 * Answer rate 接通率: contacts answered by a person ÷ contacts offered.
 *
 * - Seed 000 (platform): "工作时间内，人工接起量大于或等于95%… 等候时候不能超过5s" — bind
 *   `isWorkingTime` (9:00–18:00 on working days) and set `answeredWithinSeconds: 5`.
 * - Seed 003 (utility): 热线接通率 = 当月客户拨通热线的次数 ÷ 当月客户拨打热线的总次数, "a caller
 *   who waited more than 60 s unanswered counts as not answered": `answeredWithinSeconds: 60`.
 *
 * Default: every contact passed, answered or not, no calendar filter, no wait limit.
 *
 * @example
 * const acc = answerRateKpi.accumulator();
 * acc.result(acc.empty()) //=> { value: null, numerator: 0, denominator: 0, reason: 'no contacts offered' }
 */
export const answerRateKpi = defineKpi({
  name: 'answerRate',
  recordType: 'contact',
  unit: 'rate',
  bounds: [0, 1],
  label: { zh: '接通率', en: 'Answer rate' },
  source: 'seed 000 §一.2 电话服务指标 (接通率 ≥ 95%, 等候 ≤ 5 s, 工作时间内); seed 003 §四.3 热线接通率 ≥ 90% (60 s)',
  create(options: AnswerRateOptions) {
    const issues: MetricsIssue[] = [];
    checkNonNegative(issues, ['answerRate', 'answeredWithinSeconds'], options.answeredWithinSeconds);
    throwIfAny(issues);
    const limit = options.answeredWithinSeconds;
    const inHours = options.isWorkingTime;
    return {
      ...tallyParts('no contacts offered'),
      add(state: Tally, contact: Contact): Tally {
        if (inHours !== undefined && !inHours(contact.offeredAt)) return state;
        if (limit !== undefined) return tallyAnsweredWithin(state, contact, limit, true);
        state.denominator++;
        if (contact.answered) state.numerator++;
        return state;
      },
    };
  },
});

/**
 * Answer rate 接通率 of the given contacts (see {@link answerRateKpi} for the formula).
 *
 * @param contacts - calls (or chats) offered
 * @param options - working-hours filter, wait limit, `where`
 * @returns answered ÷ offered, in [0, 1]; `null` when nothing was offered
 * @example
 * answerRate([answeredAfter3s, answeredAfter8s, abandoned], { answeredWithinSeconds: 5 })
 * //=> { value: 0.3333333333333333, numerator: 1, denominator: 3 }
 * @throws {MetricsError} when `answeredWithinSeconds` is not a finite number ≥ 0
 */
export function answerRate(contacts: Iterable<Contact>, options?: AnswerRateOptions): KpiResult {
  return accumulate(answerRateKpi.accumulator(options), contacts);
}

import type { BusinessCalendar } from './defineCalendar.js';
import type { SlaRuleSet } from './defineSlaRuleSet.js';
import { readCalendarInstant } from './instant.js';
import { evaluateStep, ruleApplies, type SlaStatus } from './slaStep.js';
import type { CalendarInstant, CalendarText } from './types.js';

/** Options of `slaCompliance`. */
export interface SlaComplianceOptions {
  /** The moment open steps are judged against; default: the current time. */
  readonly now?: CalendarInstant;
}

/** A rate with its parts; `value` is null (with a `reason`) when nothing could be counted. */
export interface SlaRate {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly reason?: string;
}

/** The rate of one rule, with every status counted (nothing dropped). */
export interface SlaRuleCompliance extends SlaRate {
  readonly ruleId: string;
  readonly label: CalendarText;
  readonly met: number;
  readonly missed: number;
  readonly overdue: number;
  readonly pending: number;
  readonly notStarted: number;
}

/** What `slaCompliance` returns: a rate per rule id, and over all rules together. */
export interface SlaComplianceResult {
  readonly rules: Readonly<Record<string, SlaRuleCompliance>>;
  readonly overall: SlaRate;
  /**
   * Records no rule of the set applied to (a complaint with no `level` or a level the set does
   * not list, a record whose `requires` flag is not true): counted so none is dropped silently.
   */
  readonly unmatched: number;
}

/**
 * The state of the accumulator: five counts a rule (met, missed, overdue, pending, notStarted),
 * in rule order, then one count of records no rule applied to.
 */
export interface SlaComplianceState {
  counts: number[];
}

/** `slaCompliance` as a mergeable accumulator, for streams and worker partitions. */
export interface SlaComplianceAccumulator {
  empty(): SlaComplianceState;
  add(state: SlaComplianceState, record: object): SlaComplianceState;
  merge(a: SlaComplianceState, b: SlaComplianceState): SlaComplianceState;
  result(state: SlaComplianceState): SlaComplianceResult;
}

const statusSlot: Record<SlaStatus, number> = { met: 0, missed: 1, overdue: 2, pending: 3, notStarted: 4 };

const rate = (numerator: number, denominator: number, empty: string): SlaRate =>
  denominator === 0 ? { value: null, numerator, denominator, reason: empty } : { value: numerator / denominator, numerator, denominator };

/**
 * `slaCompliance` as an accumulator (`empty`, `add`, `merge`, `result`): the same counts over an
 * array, a stream of millions of rows, or partitions merged later. `add` mutates and returns the
 * state and keeps no reference to the record. `now` is read once, here.
 *
 * @param ruleSet - from `defineSlaRuleSet` or `slaRuleSets`
 * @param calendar - the calendar deadlines run on
 * @param options - `{ now? }`
 * @returns the accumulator
 * @throws {CalendarError} from `add`, when a rule's field holds something that is not an instant
 * @example
 * const acc = slaComplianceAccumulator(slaRuleSets.hotlineCallback, calendars.chinaMainland, { now });
 * acc.result(records.reduce(acc.add, acc.empty())).rules.callback.value //=> 0.9
 */
export function slaComplianceAccumulator(ruleSet: SlaRuleSet, calendar: BusinessCalendar, options: SlaComplianceOptions = {}): SlaComplianceAccumulator {
  const now = options.now === undefined ? Date.now() : readCalendarInstant(options.now, 'now');
  const rules = ruleSet.rules;
  const clock = calendar.clock;
  const unmatchedSlot = rules.length * 5;
  return {
    empty: () => ({ counts: new Array<number>(rules.length * 5 + 1).fill(0) }),
    add(state, record) {
      const rec = record as Readonly<Record<string, unknown>>;
      let applied = false;
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        if (!ruleApplies(rule, rec, ruleSet.levelField)) continue;
        applied = true;
        const slot = i * 5 + statusSlot[evaluateStep(clock, rule, rec, now).status];
        state.counts[slot] = (state.counts[slot] ?? 0) + 1;
      }
      if (!applied) state.counts[unmatchedSlot] = (state.counts[unmatchedSlot] ?? 0) + 1;
      return state;
    },
    merge(a, b) {
      for (let i = 0; i < a.counts.length; i++) a.counts[i] = (a.counts[i] ?? 0) + (b.counts[i] ?? 0);
      return a;
    },
    result(state) {
      const out: Record<string, SlaRuleCompliance> = {};
      let num = 0;
      let den = 0;
      rules.forEach((rule, i) => {
        const c = (k: number): number => state.counts[i * 5 + k] ?? 0;
        const [met, missed, overdue, pending, notStarted] = [c(0), c(1), c(2), c(3), c(4)];
        num += met;
        den += met + missed + overdue;
        out[rule.id] = {
          ruleId: rule.id,
          label: rule.label,
          ...rate(met, met + missed + overdue, pending + notStarted > 0 ? 'no step of this rule has come due yet (all pending or not started)' : 'no record this rule applies to'),
          met,
          missed,
          overdue,
          pending,
          notStarted,
        };
      });
      return { rules: out, overall: rate(num, den, 'no step of any rule has come due'), unmatched: state.counts[unmatchedSlot] ?? 0 };
    },
  };
}

/**
 * On-time rate per rule over a batch of records: `value = met ÷ (met + missed + overdue)`.
 * Pending steps (not due yet) and steps not started are left out of the rate but counted, so
 * nothing is dropped; records no rule applies to (no level, or a level the set does not list)
 * are counted in `unmatched`; an empty denominator gives `value: null` with a reason. Feeds the KPIs
 * reply timeliness (回复及时率, seed 003: resolution rules) and callback timeliness
 * (回访及时率, seed 001: callback within 24 h; seed 002: follow-up within 3 working days).
 *
 * @param records - complaints, orders, any records with the rule set's fields
 * @param ruleSet - from `defineSlaRuleSet` or `slaRuleSets`
 * @param calendar - the calendar deadlines run on
 * @param options - `{ now? }`
 * @returns `{ rules: { [ruleId]: { value, numerator, denominator, reason?, met, missed, overdue, pending, notStarted } }, overall, unmatched }`
 * @throws {CalendarError} when a rule's field holds something that is not an instant
 * @example
 * slaCompliance([], slaRuleSets.hotlineCallback, calendars.chinaMainland).rules.callback.value //=> null
 */
export function slaCompliance(records: Iterable<object>, ruleSet: SlaRuleSet, calendar: BusinessCalendar, options: SlaComplianceOptions = {}): SlaComplianceResult {
  const acc = slaComplianceAccumulator(ruleSet, calendar, options);
  let state = acc.empty();
  for (const record of records) state = acc.add(state, record);
  return acc.result(state);
}

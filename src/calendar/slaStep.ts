import { describeValue, readInstant } from '../records/index.js';
import type { WorkingClock } from './clock.js';
import type { SlaConsequence, SlaRule } from './defineSlaRuleSet.js';
import { CalendarError } from './errors.js';
import { dueAtMs } from './ruleDeadline.js';
import { maxCalendarMs, minCalendarMs, type CalendarText } from './types.js';

/**
 * Where a step stands:
 * - `met`: done at or before the due time; `missed`: done after it;
 * - `pending`: not done, due time still ahead of `now`; `overdue`: not done, due time passed;
 * - `notStarted`: the field that starts the clock is absent.
 */
export type SlaStatus = 'met' | 'missed' | 'pending' | 'overdue' | 'notStarted';

/** One rule applied to one record. Instants are epoch ms; `null` where there is none. */
export interface SlaStep {
  readonly ruleId: string;
  readonly label: CalendarText;
  readonly status: SlaStatus;
  /** When the clock started. */
  readonly startedAt: number | null;
  /** When the step was due. */
  readonly dueAt: number | null;
  /** When it was done. */
  readonly doneAt: number | null;
  /** How late, in elapsed ms: `doneAt − dueAt` when missed, `now − dueAt` when overdue, 0 when met or pending. */
  readonly lateMs: number | null;
  /** What the standard says happens now (only when missed or overdue, and the rule names it). */
  readonly consequence: SlaConsequence | null;
}

/** Reads an instant field of a record: absent → undefined; unreadable → CalendarError naming the field. */
export function readRecordInstant(record: Readonly<Record<string, unknown>>, field: string): number | undefined {
  const v = record[field];
  if (typeof v === 'number' && v >= minCalendarMs && v <= maxCalendarMs) return v;
  if (v === undefined || v === null) return undefined;
  const read = readInstant(v);
  if (typeof read === 'number' && read >= minCalendarMs && read <= maxCalendarMs) return read;
  const id = typeof record['id'] === 'string' ? ` ${JSON.stringify(record['id'])}` : '';
  const expected = typeof read === 'number' ? 'an instant between the years 1000 and 9999' : read.expected;
  throw new CalendarError(`record${id}`, [{ path: [field], message: `expected ${expected}, got ${describeValue(v)}` }]);
}

/** Whether a rule applies to a record (its level, its required flags). */
export function ruleApplies(rule: SlaRule, record: Readonly<Record<string, unknown>>, levelField: string): boolean {
  if (rule.levels !== undefined) {
    const level = record[levelField];
    if (typeof level !== 'number' || !rule.levels.includes(level)) return false;
  }
  if (rule.requires !== undefined) {
    for (const f of rule.requires) if (record[f] !== true) return false;
  }
  return true;
}

/** Applies one (applicable) rule to one record at `now` (epoch ms). */
export function evaluateStep(clock: WorkingClock, rule: SlaRule, record: Readonly<Record<string, unknown>>, now: number): SlaStep {
  let startedAt: number | undefined;
  for (const f of rule.start) {
    startedAt = readRecordInstant(record, f);
    if (startedAt !== undefined) break;
  }
  if (startedAt === undefined) {
    return { ruleId: rule.id, label: rule.label, status: 'notStarted', startedAt: null, dueAt: null, doneAt: null, lateMs: null, consequence: null };
  }
  const dueAt = dueAtMs(clock, rule.within, startedAt);
  let doneAt: number | undefined;
  const fields = rule.stop.fields;
  if (rule.stop.when === 'any') {
    for (const f of fields) {
      const t = readRecordInstant(record, f);
      if (t !== undefined && (doneAt === undefined || t < doneAt)) doneAt = t;
    }
  } else {
    for (const f of fields) {
      const t = readRecordInstant(record, f);
      if (t === undefined) {
        doneAt = undefined;
        break;
      }
      if (doneAt === undefined || t > doneAt) doneAt = t;
    }
  }
  const consequence = rule.onMiss ?? null;
  if (doneAt !== undefined) {
    return doneAt <= dueAt
      ? { ruleId: rule.id, label: rule.label, status: 'met', startedAt, dueAt, doneAt, lateMs: 0, consequence: null }
      : { ruleId: rule.id, label: rule.label, status: 'missed', startedAt, dueAt, doneAt, lateMs: doneAt - dueAt, consequence };
  }
  return now > dueAt
    ? { ruleId: rule.id, label: rule.label, status: 'overdue', startedAt, dueAt, doneAt: null, lateMs: now - dueAt, consequence }
    : { ruleId: rule.id, label: rule.label, status: 'pending', startedAt, dueAt, doneAt: null, lateMs: 0, consequence: null };
}

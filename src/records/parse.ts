import type { z } from 'zod';
import { chatMessageSchema, contactSchema, type ChatMessage, type Contact } from './contact.js';
import { complaintInstantFields, complaintSchema, type Complaint } from './complaint.js';
import { evaluationSchema, type Evaluation } from './evaluation.js';
import { RecordError, makeIssue, type RecordIssue, type RecordKind, type RecordSource } from './errors.js';
import { isKnownTimeZone, readInstant, type InstantInput } from './instant.js';

/** Options for reading a record. */
export interface ReadRecordOptions {
  /**
   * IANA time zone for timestamps that carry no offset (`2026-03-01 09:15:00`). Without it such
   * timestamps are rejected: guessing the zone moves contacts across days and months.
   */
  readonly timeZone?: string;
  /** Where the record came from, named in errors. */
  readonly source?: RecordSource;
}

/** The outcome of a `safeParse…` call: the record, or every problem with it. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: RecordError };

// Optional fields of the boundary accept '' and null as "absent" (real exports write both),
// instants accept ISO strings, Dates and epoch ms, and ids accept whole numbers.
type Boundary<T, Instants extends PropertyKey> = {
  [K in keyof T]: (K extends Instants ? InstantInput : K extends 'id' | 'contactId' | 'raterId' ? T[K] | number : T[K]) |
    (undefined extends T[K] ? '' | null : never);
};
/** A chat message as it may arrive. */
export type ChatMessageInput = Boundary<ChatMessage, 'at'>;
/** A contact as it may arrive in an export; `parseContact` turns it into a `Contact`. */
export type ContactInput =
  | Boundary<Extract<Contact, { channel: 'phone' }>, 'offeredAt' | 'answeredAt' | 'endedAt'>
  | (Omit<Boundary<Extract<Contact, { channel: 'chat' }>, 'offeredAt' | 'answeredAt' | 'endedAt'>, 'messages'> & {
      messages: ChatMessageInput[];
    });
/** A complaint as it may arrive. */
export type ComplaintInput = Boundary<Complaint, (typeof complaintInstantFields)[number]>;
/** An evaluation as it may arrive. */
export type EvaluationInput = Boundary<Evaluation, 'evaluatedAt'>;

const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

interface FieldPlan {
  readonly keys: readonly string[];
  readonly optional: ReadonlySet<string>;
  readonly instants: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

function planOf(shape: Record<string, z.ZodType>, instants: readonly string[], ids: readonly string[]): FieldPlan {
  const keys = Object.keys(shape);
  return {
    keys,
    optional: new Set(keys.filter((k) => shape[k]?._zod.optin === 'optional')),
    instants: new Set(instants),
    ids: new Set(ids),
  };
}

const callShape = contactSchema.options[0].shape;
const chatShape = contactSchema.options[1].shape;
const contactPlan = planOf({ ...callShape, ...chatShape }, ['offeredAt', 'answeredAt', 'endedAt'], ['id']);
const messagePlan = planOf(chatMessageSchema.shape, ['at'], []);
const complaintPlan = planOf(complaintSchema.shape, complaintInstantFields, ['id', 'repeatOf']);
const evaluationPlan = planOf(evaluationSchema.shape, ['evaluatedAt'], ['contactId', 'raterId']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Copies the fields a schema knows into a fresh object: absent-looking values dropped from
 * optional fields, instants read, numeric ids turned to text. Unknown keys (including
 * `__proto__`) are never copied, so nothing from the input reaches a prototype.
 */
function normalise(
  input: Record<string, unknown>,
  plan: FieldPlan,
  timeZone: string | undefined,
  path: readonly (string | number)[],
  issues: RecordIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of plan.keys) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    if ((value === '' || value === null || value === undefined) && plan.optional.has(key)) continue;
    if (plan.instants.has(key) && value !== undefined) {
      const read = readInstant(value, timeZone);
      if (typeof read === 'number') out[key] = read;
      else issues.push(makeIssue([...path, key], read.expected, value));
      continue;
    }
    if (plan.ids.has(key) && typeof value === 'number' && Number.isSafeInteger(value)) {
      out[key] = String(value);
      continue;
    }
    out[key] = value;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const part of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = Object.hasOwn(here, part) ? (here as Record<PropertyKey, unknown>)[part] : undefined;
  }
  return here;
}

function schemaIssues(error: z.ZodError, data: unknown, reported: readonly RecordIssue[]): RecordIssue[] {
  const seen = new Set(reported.map((issue) => issue.path.join('\u0000')));
  const out: RecordIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeIssue(path, issue.message, valueAt(data, path)));
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function idOf(input: unknown, key: string): string | undefined {
  if (!isPlainObject(input) || !Object.hasOwn(input, key)) return undefined;
  const id = input[key];
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

function fail<T>(kind: RecordKind, issues: RecordIssue[], input: unknown, idKey: string, source?: RecordSource): SafeParseResult<T> {
  return { success: false, error: new RecordError(kind, issues, idOf(input, idKey), source) };
}

// Asking Intl whether a zone exists costs tens of microseconds, far more than reading a record,
// so a zone is checked once per run of calls that pass the same one.
let lastKnownZone: string | undefined;

function checkTimeZone(options: ReadRecordOptions | undefined): void {
  const zone = options?.timeZone;
  if (zone === undefined || zone === lastKnownZone) return;
  if (isKnownTimeZone(zone)) lastKnownZone = zone;
  else {
    throw new RangeError(`Unknown time zone ${JSON.stringify(zone)}: expected an IANA name such as "Asia/Shanghai"`);
  }
}

/**
 * Reads a call or a chat from an export, checking it as a careful QA analyst would.
 *
 * Rejected: timestamps without an offset (unless `timeZone` is given), an answer or end before
 * the contact was offered, an answer time on an unanswered contact, negative or non-finite
 * durations, `csat` outside 1–5, `nps` outside the whole numbers 0–10, a chat message before the
 * chat began, unknown enum values. Accepted as exports write them: `""` and `null` for absent
 * optional fields, whole-number ids, an answered flag with a wait and no answer time, and an
 * answer time with no wait (the wait is derived: `(answeredAt − offeredAt) / 1000`).
 *
 * @param input - one record as it arrived (parsed JSON, a CSV row mapped to fields…)
 * @param options - time zone for offset-less timestamps, and where the record came from
 * @returns the contact, or every problem found
 * @throws {RangeError} when `options.timeZone` is not a known IANA zone
 * @example
 * safeParseContact({ id: 'C1', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T09:00:00+08:00',
 *   answered: true, answeredAt: '2026-03-02T09:00:04+08:00' }).data?.waitSeconds //=> 4
 */
export function safeParseContact(input: unknown, options?: ReadRecordOptions): SafeParseResult<Contact> {
  checkTimeZone(options);
  const timeZone = options?.timeZone;
  const issues: RecordIssue[] = [];
  if (!isPlainObject(input)) return fail('contact', [makeIssue([], 'an object', input)], input, 'id', options?.source);
  const record = normalise(input, contactPlan, timeZone, [], issues);
  if (Array.isArray(record['messages'])) {
    record['messages'] = record['messages'].map((message: unknown, i) =>
      isPlainObject(message) ? normalise(message, messagePlan, timeZone, ['messages', i], issues) : message,
    );
  }
  const parsed = contactSchema.safeParse(record);
  if (!parsed.success) issues.push(...schemaIssues(parsed.error, record, issues));
  if (issues.length > 0 || !parsed.success) return fail('contact', issues, input, 'id', options?.source);

  const contact = parsed.data;
  if (!contact.answered && contact.answeredAt !== undefined) {
    issues.push(makeIssue(['answeredAt'], 'no answer time on an unanswered contact (answered is false)', input['answeredAt']));
  }
  if (contact.answeredAt !== undefined && contact.answeredAt < contact.offeredAt) {
    issues.push(makeIssue(['answeredAt'], `a time at or after offeredAt (${iso(contact.offeredAt)})`, input['answeredAt']));
  }
  const start = Math.max(contact.offeredAt, contact.answeredAt ?? contact.offeredAt);
  if (contact.endedAt !== undefined && contact.endedAt < start) {
    const after = contact.answeredAt !== undefined && contact.answeredAt >= contact.offeredAt ? 'answeredAt' : 'offeredAt';
    issues.push(makeIssue(['endedAt'], `a time at or after ${after} (${iso(start)})`, input['endedAt']));
  }
  if (contact.channel === 'chat') {
    const raw = input['messages'] as unknown[];
    contact.messages.forEach((message, i) => {
      if (message.at < contact.offeredAt) {
        issues.push(
          makeIssue(['messages', i, 'at'], `a time at or after the chat began (offeredAt ${iso(contact.offeredAt)})`, valueAt(raw, [i, 'at'])),
        );
      }
    });
  }
  if (issues.length > 0) return fail('contact', issues, input, 'id', options?.source);
  if (contact.waitSeconds === undefined && contact.answeredAt !== undefined) {
    contact.waitSeconds = (contact.answeredAt - contact.offeredAt) / 1000;
  }
  return { success: true, data: contact };
}

/**
 * Reads a complaint, checking that every moment of its handling falls at or after its filing.
 *
 * @param input - one complaint as it arrived
 * @param options - time zone for offset-less timestamps, and where the record came from
 * @returns the complaint, or every problem found
 * @throws {RangeError} when `options.timeZone` is not a known IANA zone
 * @example
 * safeParseComplaint({ id: 'K1', filedAt: '2026-03-02T19:30:00+08:00', level: 2 }).success //=> true
 */
export function safeParseComplaint(input: unknown, options?: ReadRecordOptions): SafeParseResult<Complaint> {
  checkTimeZone(options);
  const issues: RecordIssue[] = [];
  if (!isPlainObject(input)) return fail('complaint', [makeIssue([], 'an object', input)], input, 'id', options?.source);
  const record = normalise(input, complaintPlan, options?.timeZone, [], issues);
  const parsed = complaintSchema.safeParse(record);
  if (!parsed.success) issues.push(...schemaIssues(parsed.error, record, issues));
  if (issues.length > 0 || !parsed.success) return fail('complaint', issues, input, 'id', options?.source);
  const complaint = parsed.data;
  for (const field of complaintInstantFields) {
    const at = complaint[field];
    if (field !== 'filedAt' && at !== undefined && at < complaint.filedAt) {
      issues.push(makeIssue([field], `a time at or after filedAt (${iso(complaint.filedAt)})`, input[field]));
    }
  }
  if (complaint.repeatOf !== undefined && complaint.repeatOf === complaint.id) {
    issues.push(makeIssue(['repeatOf'], 'the id of an earlier complaint, not its own', input['repeatOf']));
  }
  if (issues.length > 0) return fail('complaint', issues, input, 'id', options?.source);
  return { success: true, data: complaint };
}

/**
 * Reads a rater's evaluation. Item ids and points are checked against a rubric only when it is
 * scored; here the shape is checked, each listed bonus, deduction and red line may appear once,
 * and reserved keys (`__proto__`, `constructor`, `prototype`) are refused as item ids. The
 * `scores` object of the result has no prototype, so any item id is safe to look up.
 *
 * @param input - one evaluation as it arrived
 * @param options - time zone for an offset-less `evaluatedAt`, and where the record came from
 * @returns the evaluation, or every problem found
 * @throws {RangeError} when `options.timeZone` is not a known IANA zone
 * @example
 * safeParseEvaluation({ contactId: 'C1', raterId: 'R1', scores: { greeting: 2, apology: 'na' } }).success //=> true
 */
export function safeParseEvaluation(input: unknown, options?: ReadRecordOptions): SafeParseResult<Evaluation> {
  checkTimeZone(options);
  const issues: RecordIssue[] = [];
  if (!isPlainObject(input)) return fail('evaluation', [makeIssue([], 'an object', input)], input, 'contactId', options?.source);
  const record = normalise(input, evaluationPlan, options?.timeZone, [], issues);
  const scores = record['scores'];
  if (isPlainObject(scores)) {
    const safeScores: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(scores)) {
      if (reservedKeys.has(key)) issues.push(makeIssue(['scores', key], 'an item id, not a reserved key', scores[key]));
      else safeScores[key] = scores[key];
    }
    record['scores'] = safeScores;
  }
  const parsed = evaluationSchema.safeParse(record);
  if (!parsed.success) issues.push(...schemaIssues(parsed.error, record, issues));
  if (parsed.success) {
    for (const list of ['bonuses', 'deductions', 'redLines'] as const) {
      const ids = parsed.data[list] ?? [];
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) issues.push(makeIssue([list, i], `each id once; ${JSON.stringify(id)} is listed twice`, id));
      });
    }
  }
  if (issues.length > 0 || !parsed.success) return fail('evaluation', issues, input, 'contactId', options?.source);
  const evaluation = parsed.data;
  const safeScores = Object.assign(Object.create(null) as Record<string, number | 'na'>, evaluation.scores);
  return { success: true, data: { ...evaluation, scores: safeScores } };
}

const orThrow = <T>(result: SafeParseResult<T>): T => {
  if (result.success) return result.data;
  throw result.error;
};

/**
 * Reads a call or a chat, throwing every problem at once. See {@link safeParseContact}.
 *
 * @throws {RecordError} listing every problem with its field path
 * @example
 * parseContact({ id: 'C1', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T09:00:00+08:00',
 *   answered: false, waitSeconds: -3 })
 * //=> throws RecordError: ✖ waitSeconds: expected a number ≥ 0, got -3
 */
export const parseContact = (input: unknown, options?: ReadRecordOptions): Contact => orThrow(safeParseContact(input, options));

/**
 * Reads a complaint, throwing every problem at once. See {@link safeParseComplaint}.
 *
 * @throws {RecordError} listing every problem with its field path
 */
export const parseComplaint = (input: unknown, options?: ReadRecordOptions): Complaint =>
  orThrow(safeParseComplaint(input, options));

/**
 * Reads an evaluation, throwing every problem at once. See {@link safeParseEvaluation}.
 *
 * @throws {RecordError} listing every problem with its field path
 */
export const parseEvaluation = (input: unknown, options?: ReadRecordOptions): Evaluation =>
  orThrow(safeParseEvaluation(input, options));

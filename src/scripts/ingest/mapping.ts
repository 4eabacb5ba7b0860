import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { channels, describeValue, directions, formatPath, isKnownTimeZone } from '../../records/index.js';
import { describeFsError, inputError, usageError } from '../errors.js';
import { compileDateFormats, dateFormatProblem, type DateReader } from './date-format.js';
import { readDuration } from './duration.js';

/** Which kind of record a mapping produces. */
export type MappedRecordKind = 'contact' | 'complaint';

/** How a record field's text is read. */
export type MappedFieldType = 'text' | 'enum' | 'instant' | 'flag' | 'duration' | 'number';

/** The fields a mapping may fill, by record kind, and how each is read. */
export const mappableFields: Readonly<Record<MappedRecordKind, Readonly<Record<string, MappedFieldType>>>> = {
  contact: {
    id: 'text', channel: 'enum', direction: 'enum', agentId: 'text', customerId: 'text', queue: 'text', topic: 'text',
    kind: 'enum', offeredAt: 'instant', answered: 'flag', answeredAt: 'instant', endedAt: 'instant',
    waitSeconds: 'duration', talkSeconds: 'duration', holdSeconds: 'duration', wrapUpSeconds: 'duration',
    resolvedAtFirstContact: 'flag', escalated: 'flag', scriptCompliant: 'flag', surveyed: 'flag', satisfaction: 'enum', csat: 'number', nps: 'number',
  },
  complaint: {
    id: 'text', customerId: 'text', agentId: 'text', level: 'number', topic: 'text', filedAt: 'instant',
    reviewedAt: 'instant', acceptedAt: 'instant', firstContactAt: 'instant', confirmedAt: 'instant', repliedAt: 'instant',
    rectifiedAt: 'instant', resolvedAt: 'instant', closedAt: 'instant', callbackRequired: 'flag', calledBackAt: 'instant',
    followedUpAt: 'instant', repeatOf: 'text', satisfied: 'flag', keyAccount: 'flag',
  },
};

const requiredFields: Readonly<Record<MappedRecordKind, readonly string[]>> = {
  contact: ['id', 'channel', 'direction', 'offeredAt', 'answered'],
  complaint: ['id', 'filedAt'],
};

/** The words read as yes / no when a flag's mapping gives no lists (compared case-insensitively). */
export const defaultTrueWords = ['true', 'yes', 'y', '1', '是'] as const;
/** See {@link defaultTrueWords}. */
export const defaultFalseWords = ['false', 'no', 'n', '0', '否'] as const;

const columnName = z.string({ error: 'a column name' }).min(1, { error: 'a non-empty column name' });
const oneDateFormat = z
  .string()
  .min(1)
  .superRefine((format, ctx) => {
    const problem = dateFormatProblem(format);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `a date format date-fns can read, got ${JSON.stringify(format)}: ${problem}` });
  });
const dateFormat = z.union([oneDateFormat, z.array(oneDateFormat).min(1)], {
  error: 'a date-fns format ("M/d/yyyy H:mm:ss") or a list of alternatives',
});
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'a string, number or boolean' });
const wordList = z.array(z.string(), { error: 'a list of words' }).min(1, { error: 'at least one word' });

/** How one record field is filled: a column name, a constant, a column with options, or a date + time pair. */
export const fieldMappingSchema = z.union(
  [
    columnName,
    z.strictObject({ constant: scalar }),
    z.strictObject({
      column: columnName,
      format: dateFormat.optional(),
      true: wordList.optional(),
      false: wordList.optional(),
      values: z.record(z.string(), scalar, { error: 'an object of cell text → value' }).optional(),
    }),
    z.strictObject({ date: columnName, time: columnName.optional(), format: dateFormat }),
  ],
  { error: 'a column name, { "constant": … }, { "column": … } or { "date": …, "time": …, "format": … }' },
);

/** A mapping file: how an export's columns become records. Documented in docs/cli.md. */
export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Free text for people reading the mapping. */
  description: z.string().optional(),
  /** What the rows are; `contact` unless given. */
  record: z.enum(['contact', 'complaint'], { error: 'one of "contact" | "complaint"' }).default('contact'),
  /** `csv` or `ndjson`; from the file name (`.csv`, `.tsv`, `.ndjson`, `.jsonl`, `.json`, with or without `.gz`) when absent. */
  format: z.enum(['csv', 'ndjson'], { error: 'one of "csv" | "ndjson"' }).optional(),
  /** `,`, `;` or tab (`"\t"` or `"tab"`); detected from the header when absent. */
  delimiter: z.enum([',', ';', '\t', 'tab'], { error: 'one of "," | ";" | "\\t" | "tab"' }).optional(),
  /** The IANA zone the export's wall-clock times are in. */
  timeZone: z.string({ error: 'an IANA time zone such as "Europe/Zurich"' }).refine(isKnownTimeZone, {
    error: 'an IANA time zone the runtime knows, such as "Europe/Zurich"',
  }),
  /** Shorthand for `fields.channel: { constant }`. */
  channel: z.enum(channels, { error: 'one of "phone" | "chat"' }).optional(),
  /** Shorthand for `fields.direction: { constant }`. */
  direction: z.enum(directions, { error: 'one of "inbound" | "outbound"' }).optional(),
  /** Record field → how to fill it. */
  fields: z.record(z.string(), fieldMappingSchema, { error: 'an object of record field → column' }),
});

/** A mapping file's content, after validation. */
export type Mapping = z.output<typeof mappingSchema>;
/** A mapping file's content, as written. */
export type MappingInput = z.input<typeof mappingSchema>;
/** One field's mapping. */
export type FieldMapping = z.output<typeof fieldMappingSchema>;

/**
 * Column names are matched ignoring case and white space (`Speed of Answer (seconds)` matches
 * `speed of answer(seconds)`), after Unicode NFKC normalisation (full-width letters match).
 */
export const normaliseColumn = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Validates a mapping: its shape (zod), then what the shape cannot say: every field is one the
 * record has, the required fields are all filled, `true`/`false` lists only on yes/no fields,
 * `format` and `date`/`time` only on timestamps.
 *
 * @param json - the parsed mapping file
 * @param file - the mapping's path, named in the error
 * @returns the mapping
 * @throws {CliError} usage error listing every problem, one line each: `✖ <message> → at <path>`
 */
export function parseMapping(json: unknown, file = 'mapping'): Mapping {
  const parsed = mappingSchema.safeParse(json);
  const problems: string[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push(`✖ ${message} → at ${formatPath(path)}`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const got = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : '';
      problem(path, got === '' ? `expected ${issue.message}` : got);
    }
    throw usageError(`invalid mapping:\n${problems.join('\n')}`, { file });
  }
  const mapping = parsed.data;
  const types = mappableFields[mapping.record];
  for (const [field, spec] of Object.entries(mapping.fields)) {
    const type = types[field];
    if (type === undefined) {
      problem(['fields', field], `unknown ${mapping.record} field; expected one of ${Object.keys(types).join(', ')}`);
      continue;
    }
    if (typeof spec === 'string' || 'constant' in spec) continue;
    if ('date' in spec) {
      if (type !== 'instant') problem(['fields', field], `"date"/"time" columns only fill timestamp fields; ${field} is not one`);
      continue;
    }
    if ((spec.true !== undefined || spec.false !== undefined) && type !== 'flag') {
      problem(['fields', field], `"true"/"false" lists only apply to yes/no fields; ${field} is not one`);
    }
    if (spec.format !== undefined && type !== 'instant') problem(['fields', field, 'format'], `"format" only applies to timestamps; ${field} is not one`);
  }
  for (const key of ['channel', 'direction'] as const) {
    if (mapping[key] !== undefined && mapping.fields[key] !== undefined) {
      problem([key], `${key} is given both at the top and in "fields"; keep one`);
    }
  }
  for (const field of requiredFields[mapping.record]) {
    if (mapping.fields[field] === undefined && !(field === 'channel' && mapping.channel) && !(field === 'direction' && mapping.direction)) {
      const hint = field === 'direction' ? ' (for an export of incoming calls: "direction": "inbound")' : '';
      problem(['fields', field], `required: map a column or give { "constant": … }${hint}`);
    }
  }
  if (problems.length > 0) throw usageError(`invalid mapping:\n${problems.join('\n')}`, { file });
  return mapping;
}

/**
 * Reads and validates a mapping file.
 *
 * @param path - the mapping's path
 * @returns the mapping
 * @throws {CliError} usage error when it cannot be read, is not JSON, or is not a valid mapping
 */
export async function readMappingFile(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`cannot read the mapping: ${describeFsError(error)}`, { file: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse names a character position; people look for a line.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw usageError(`the mapping is not JSON: ${(error as Error).message}`, line === undefined ? { file: path } : { file: path, line });
  }
  return parseMapping(json, path);
}

/**
 * A mapping bound to its columns: `columns` lists the (normalised) columns it reads, in slot
 * order; `toInput` turns the values of those slots into a record input for the records room.
 */
export interface CompiledMapping {
  readonly kind: MappedRecordKind;
  readonly timeZone: string;
  /** Normalised names of the columns read, one per slot. */
  readonly columns: readonly string[];
  /** The names as the mapping writes them, one per slot (for messages). */
  readonly columnLabels: readonly string[];
  /** Record field → the column label it came from (for messages about the field). */
  readonly fieldColumns: ReadonlyMap<string, string>;
  /**
   * Builds the record input from slot values; conversion problems are pushed to `reasons`.
   * Absent values (`undefined`, `null`, blank text) leave the field out.
   */
  toInput(values: readonly unknown[], reasons: string[]): Record<string, unknown>;
}

// Hot path (every cell of every row): avoid allocating trimmed copies when the text has no padding.
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160 || c === 0x3000 || c === 10 || c === 13;
const trimText = (v: string): string =>
  v.length > 0 && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1))) ? v.trim() : v;
const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && (v.length === 0 || (isSpace(v.charCodeAt(0)) && v.trim() === '')));

/** Reads `[+-]digits[.digits]` (surrounding spaces allowed) without a regular expression; `undefined` otherwise. */
export function readDecimal(text: string): number | undefined {
  const v = trimText(text);
  let i = v.charCodeAt(0) === 43 || v.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i += 1;
  if (i === start) return undefined;
  if (i < v.length) {
    if (v.charCodeAt(i) !== 46) return undefined;
    i += 1;
    const fraction = i;
    while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i += 1;
    if (i === fraction || i < v.length) return undefined;
  }
  return Number(v);
}

type Reader = (values: readonly unknown[], reasons: string[], out: Record<string, unknown>) => void;

/**
 * Compiles a mapping into a {@link CompiledMapping}: date formats precompiled, word lists
 * lowered, columns given slots.
 *
 * @param mapping - a validated mapping
 * @returns the compiled mapping
 */
export function compileMapping(mapping: Mapping): CompiledMapping {
  const columns: string[] = [];
  const columnLabels: string[] = [];
  const fieldColumns = new Map<string, string>();
  const slot = (label: string): number => {
    const key = normaliseColumn(label);
    let at = columns.indexOf(key);
    if (at === -1) {
      at = columns.length;
      columns.push(key);
      columnLabels.push(label);
    }
    return at;
  };
  const types = mappableFields[mapping.record];
  const readers: Reader[] = [];
  const constants: Record<string, unknown> = {};
  if (mapping.channel !== undefined) constants['channel'] = mapping.channel;
  if (mapping.direction !== undefined) constants['direction'] = mapping.direction;

  for (const [field, spec] of Object.entries(mapping.fields)) {
    const type = types[field]!;
    if (typeof spec !== 'string' && 'constant' in spec) {
      constants[field] = spec.constant;
      continue;
    }
    if (typeof spec !== 'string' && 'date' in spec) {
      const dateSlot = slot(spec.date);
      const timeSlot = spec.time === undefined ? -1 : slot(spec.time);
      const label = spec.time === undefined ? spec.date : `${spec.date}" + "${spec.time}`;
      fieldColumns.set(field, label);
      const read = compileDateFormats(spec.format, mapping.timeZone);
      readers.push((values, reasons, out) => {
        const date = values[dateSlot];
        const time = timeSlot === -1 ? undefined : values[timeSlot];
        if (isBlank(date) && isBlank(time)) return;
        const text = timeSlot === -1 ? String(date ?? '').trim() : `${String(date ?? '').trim()} ${String(time ?? '').trim()}`;
        const ms = read(text);
        if (typeof ms === 'number') out[field] = ms;
        else reasons.push(`${field} (column "${label}"): expected ${ms.expected}, got ${describeValue(text)}`);
      });
      continue;
    }
    const column = typeof spec === 'string' ? spec : spec.column;
    const options: ColumnOptions = typeof spec === 'string' ? {} : spec;
    const at = slot(column);
    fieldColumns.set(field, column);
    const fail = (reasons: string[], expected: string, v: unknown) =>
      reasons.push(`${field} (column "${column}"): expected ${expected}, got ${describeValue(v)}`);
    const values = options.values === undefined ? undefined : new Map(Object.entries(options.values).map(([k, v]) => [k.trim().toLowerCase(), v]));
    const convert = converterFor(type, options, mapping.timeZone);
    readers.push((slots, reasons, out) => {
      const v = slots[at];
      if (isBlank(v)) return;
      if (values !== undefined && typeof v === 'string') {
        const mapped = values.get(trimText(v).toLowerCase());
        if (mapped !== undefined) {
          out[field] = mapped;
          return;
        }
      }
      const result = convert(v);
      if (result.ok) out[field] = result.value;
      else fail(reasons, result.expected, v);
    });
  }
  const chatWithoutMessages = mapping.record === 'contact' && mapping.fields['messages'] === undefined;
  const constantKeys = Object.keys(constants);
  const constantValues = Object.values(constants);
  return {
    kind: mapping.record,
    timeZone: mapping.timeZone,
    columns,
    columnLabels,
    fieldColumns,
    toInput(values, reasons) {
      // Built field by field: an object spread here costs more than the rest of the row.
      const out: Record<string, unknown> = {};
      for (let i = 0; i < constantKeys.length; i += 1) out[constantKeys[i]!] = constantValues[i];
      for (const read of readers) read(values, reasons, out);
      // A chat read from a flat export has no messages to read; it still counts in the KPIs.
      if (chatWithoutMessages && out['channel'] === 'chat') out['messages'] = [];
      return out;
    },
  };
}

interface ColumnOptions {
  readonly format?: string | string[] | undefined;
  readonly true?: string[] | undefined;
  readonly false?: string[] | undefined;
  readonly values?: Record<string, string | number | boolean> | undefined;
}

type Converted = { ok: true; value: unknown } | { ok: false; expected: string };

function converterFor(
  type: MappedFieldType,
  options: ColumnOptions,
  timeZone: string,
): (v: unknown) => Converted {
  switch (type) {
    case 'text':
      return (v) =>
        typeof v === 'string' ? { ok: true, value: trimText(v) } : typeof v === 'number' ? { ok: true, value: String(v) } : { ok: false, expected: 'text' };
    case 'enum':
      // Enum words are compared in lower case: exports write `Inbound`, `PHONE`.
      return (v) => (typeof v === 'string' ? { ok: true, value: trimText(v).toLowerCase() } : { ok: true, value: v });
    case 'number':
      return (v) => {
        if (typeof v === 'number') return { ok: true, value: v };
        const n = typeof v === 'string' ? readDecimal(v) : undefined;
        return n === undefined ? { ok: false, expected: 'a number' } : { ok: true, value: n };
      };
    case 'duration':
      return (v) => {
        if (typeof v === 'number') return { ok: true, value: v };
        if (typeof v !== 'string') return { ok: false, expected: 'a duration in seconds or h:mm:ss' };
        const plain = v.charCodeAt(0) === 45 ? undefined : readDecimal(v); // no negative durations
        const seconds = plain ?? readDuration(trimText(v));
        return seconds === undefined ? { ok: false, expected: 'a duration in seconds or h:mm:ss' } : { ok: true, value: seconds };
      };
    case 'flag': {
      const yesWritten = new Set(options.true ?? defaultTrueWords);
      const noWritten = new Set(options.false ?? defaultFalseWords);
      const yes = new Set((options.true ?? defaultTrueWords).map((w) => w.trim().toLowerCase()));
      const no = new Set((options.false ?? defaultFalseWords).map((w) => w.trim().toLowerCase()));
      const expected = `one of ${[...yes, ...no].map((w) => JSON.stringify(w)).join(' | ')}`;
      return (v) => {
        if (typeof v === 'boolean') return { ok: true, value: v };
        if (typeof v === 'string') {
          if (yesWritten.has(v)) return { ok: true, value: true }; // the word exactly as listed: no copies
          if (noWritten.has(v)) return { ok: true, value: false };
        }
        const word = (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '').trim().toLowerCase();
        if (yes.has(word)) return { ok: true, value: true };
        if (no.has(word)) return { ok: true, value: false };
        return { ok: false, expected };
      };
    }
    case 'instant': {
      if (options.format === undefined) return (v) => ({ ok: true, value: v }); // ISO 8601, read by the records room in the mapping's zone
      const read: DateReader = compileDateFormats(options.format, timeZone);
      return (v) => {
        if (typeof v !== 'string') return { ok: true, value: v };
        const ms = read(v);
        return typeof ms === 'number' ? { ok: true, value: ms } : { ok: false, expected: ms.expected };
      };
    }
  }
}

/**
 * Finds each mapped column in a CSV header; every missing column is reported at once, before
 * any row is read.
 *
 * @param compiled - the compiled mapping
 * @param header - the header's fields as written
 * @param file - the file, named in the error
 * @returns for each slot, the index of its column in the header
 * @throws {CliError} input error naming the missing (or doubly present) columns and the header found
 */
export function bindHeader(compiled: CompiledMapping, header: readonly string[], file: string): number[] {
  const normalised = header.map(normaliseColumn);
  const missing: string[] = [];
  const doubled: string[] = [];
  const indexes = compiled.columns.map((column, slotIndex) => {
    const at = normalised.indexOf(column);
    if (at === -1) missing.push(compiled.columnLabels[slotIndex]!);
    else if (normalised.indexOf(column, at + 1) !== -1) doubled.push(compiled.columnLabels[slotIndex]!);
    return at;
  });
  if (missing.length > 0 || doubled.length > 0) {
    const lines = [
      ...missing.map((c) => `✖ mapped column ${JSON.stringify(c)} is not in the header`),
      ...doubled.map((c) => `✖ mapped column ${JSON.stringify(c)} appears more than once in the header`),
    ];
    throw inputError(
      `the header does not fit the mapping:\n${lines.join('\n')}\n  header: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      { file, line: 1, field: missing[0] ?? doubled[0]! },
    );
  }
  return indexes;
}

/**
 * A mapping for a CSV whose header already names the record's fields (`id`, `offeredAt`, …,
 * matched ignoring case and spaces): each such column fills its field.
 *
 * @param kind - the record kind
 * @param header - the header's fields
 * @param timeZone - the zone for timestamps without an offset
 * @returns the mapping
 */
export function identityMapping(kind: MappedRecordKind, header: readonly string[], timeZone: string): Mapping {
  const byName = new Map(header.map((h) => [normaliseColumn(h), h]));
  const fields: Record<string, FieldMapping> = {};
  for (const field of Object.keys(mappableFields[kind])) {
    const column = byName.get(normaliseColumn(field));
    if (column !== undefined) fields[field] = column;
  }
  return { record: kind, timeZone, fields };
}

/**
 * The mapping format as JSON Schema (draft 2020-12), for editors: reference it with
 * `"$schema": "./mapping.schema.json"` to get completion and checks while writing a mapping.
 * Generated from {@link mappingSchema}, with the known field names listed; the semantic checks
 * of {@link parseMapping} (required fields, options that fit the field) are not expressible here.
 *
 * @returns the schema object (shipped as examples/mappings/mapping.schema.json)
 */
export function mappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input' }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  const fieldNames = [...new Set([...Object.keys(mappableFields.contact), ...Object.keys(mappableFields.complaint)])];
  const fields = schema.properties['fields']!;
  fields['propertyNames'] = { type: 'string', enum: fieldNames };
  fields['description'] = 'Record field → a column name, { "constant": … }, { "column": …, "true"/"false"/"values"/"format" } or { "date", "time", "format" }. See docs/cli.md.';
  schema.properties['timeZone']!['description'] = 'IANA time zone of the export\'s wall-clock times, e.g. "Europe/Zurich".';
  return { title: 'callcenter-qa mapping', ...schema };
}

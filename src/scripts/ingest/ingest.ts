import {
  safeParseComplaint,
  safeParseContact,
  safeParseEvaluation,
  formatPath,
  type Complaint,
  type Contact,
  type Evaluation,
  type RecordError,
  type SafeParseResult,
  type ReadRecordOptions,
} from '../../records/index.js';
import { inputError, usageError } from '../errors.js';
import { CsvReader, maxRecordChars, type CsvDelimiter, type CsvRecord } from './csv.js';
import { IdSet } from './id-set.js';
import {
  bindHeader,
  compileMapping,
  identityMapping,
  normaliseColumn,
  parseMapping,
  type CompiledMapping,
  type MappedRecordKind,
  type Mapping,
} from './mapping.js';
import { openTextFile, readTextChunks, type TextFileInfo } from './read-text.js';

/** Where a record was read: the file and the 1-based line it starts on. */
export interface IngestSource {
  readonly file: string;
  readonly line: number;
}

/** A row that was not accepted, as written to the rejects file (one JSON line each). */
export interface IngestReject {
  readonly file: string;
  readonly line: number;
  /** The row's text as it stands in the file. */
  readonly raw: string;
  /** Every problem, one sentence each: `<field> (column "<column>"): expected …, got …`. */
  readonly reasons: readonly string[];
}

/** What was read. `rows = accepted + rejected + duplicates`. */
export interface IngestCounts {
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  accepted: number;
  rejected: number;
  /** Rows whose id had already been accepted; the first is kept. */
  duplicates: number;
  /** Per file, the same counts. */
  readonly files: { file: string; rows: number; accepted: number; rejected: number; duplicates: number }[];
}

/** Callbacks of an ingest run. */
export interface IngestHandlers<T> {
  /**
   * Receives each accepted record. The caller must not keep `source` beyond the call; an
   * alternative reader (the fast path) may reuse one record object between calls, so a
   * consumer that needs the record later must copy it.
   */
  readonly onRecord: (record: T, source: IngestSource) => void;
  /** Receives each rejected row, and each duplicate (its reason says so). */
  readonly onReject?: (reject: IngestReject, duplicate: boolean) => void;
  /** Awaited after each chunk of input: the place to wait for a slow rejects file to drain. */
  readonly afterChunk?: () => Promise<void> | void;
  /** Bytes read from disk, for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Each file once it is opened (its size on disk), for progress. */
  readonly onFile?: (info: TextFileInfo) => void;
}

/** Options of an ingest run. */
export interface IngestOptions {
  /** How columns become fields; without one, CSV headers must name the fields and NDJSON objects must be records. */
  readonly mapping?: Mapping | undefined;
  /** Zone for timestamps without an offset when there is no mapping (the mapping's own zone wins otherwise). */
  readonly timeZone?: string | undefined;
  /** Stop at the first rejected row with an input error (exit 1). */
  readonly strict?: boolean | undefined;
}

/** The file formats read. */
export type InputFormat = 'csv' | 'ndjson';

/**
 * The format of a file: the mapping's `format`, else its extension (`.csv` `.tsv` `.txt` → CSV;
 * `.ndjson` `.jsonl` `.json` → NDJSON; a trailing `.gz` ignored), else CSV.
 */
export function formatOf(file: string, mapping?: Mapping): InputFormat {
  if (mapping?.format !== undefined) return mapping.format;
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return /\.(ndjson|jsonl|json)$/.test(name) ? 'ndjson' : 'csv';
}

/** The record kinds read: contacts and complaints (CSV or NDJSON), evaluations (NDJSON). */
export type Kind = MappedRecordKind | 'evaluation';

const parsers: { [K in Kind]: (input: unknown, options: ReadRecordOptions) => SafeParseResult<unknown> } = {
  contact: safeParseContact,
  complaint: safeParseComplaint,
  evaluation: safeParseEvaluation,
};

const keyOf: { [K in Kind]: (record: never) => string } = {
  contact: (c: Contact) => c.id,
  complaint: (c: Complaint) => c.id,
  // One rater evaluates a contact once; several raters on one contact are calibration, not duplicates.
  evaluation: (e: Evaluation) => `${e.contactId}\u0000${e.raterId}`,
};

function recordReasons(error: RecordError, columns: ReadonlyMap<string, string> | undefined, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const issue of error.issues) {
    const top = issue.path[0];
    if (typeof top === 'string' && skip.has(top)) continue;
    const column = typeof top === 'string' ? columns?.get(top) : undefined;
    out.push(`${formatPath(issue.path)}${column === undefined ? '' : ` (column "${column}")`}: ${issue.message}`);
  }
  return out;
}

const noFields: ReadonlySet<string> = new Set();

/** The field a reason is about (`waitSeconds (column "…"): expected …` → `waitSeconds`), or `undefined` for row-level reasons. */
const fieldOfReason = (reason: string): string | undefined => /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*)(?= \(column |: )/.exec(reason)?.[1];
const fieldsOf = (reasons: readonly string[]): ReadonlySet<string> => {
  const fields = new Set<string>();
  for (const reason of reasons) {
    const field = fieldOfReason(reason);
    if (field !== undefined) fields.add(field.replace(/[.[].*$/, ''));
  }
  return fields;
};

/** What became of one row: a valid record, a reject with every reason, or a blank line. */
export type RowOutcome<T> =
  | { readonly kind: 'record'; readonly record: T }
  | { readonly kind: 'reject'; readonly reasons: readonly string[] }
  | { readonly kind: 'blank' };

/** Options of the row readers. */
export interface RowReaderOptions {
  /** The file, named in errors and in each record's `source`. */
  readonly file: string;
  /** The compiled `--map` mapping, if any. */
  readonly mapping?: CompiledMapping | undefined;
  /** Zone of timestamps without an offset when there is no mapping. */
  readonly timeZone?: string | undefined;
}

const blank = { kind: 'blank' } as const;

/**
 * The validation every row goes through once mapped: instants read in the zone, the records
 * room's `safeParse…` with `source: { file, line }`, reasons naming field and column.
 */
function validateRow<T>(kind: Kind, options: RowReaderOptions, timeZone: string | undefined, columns: ReadonlyMap<string, string> | undefined) {
  const parse = parsers[kind];
  const file = options.file;
  return (input: unknown, line: number, reasons: string[]): RowOutcome<T> => {
    const skip = reasons.length === 0 ? noFields : fieldsOf(reasons);
    // The records room reads instants without an offset in the run's zone (checking the zone once).
    const parsed = parse(input, timeZone === undefined ? { source: { file, line } } : { source: { file, line }, timeZone });
    if (!parsed.success) reasons.push(...recordReasons(parsed.error, columns, skip));
    if (reasons.length > 0 || !parsed.success) return { kind: 'reject', reasons: reasons.length > 0 ? reasons : ['invalid record'] };
    return { kind: 'record', record: parsed.data as T };
  };
}

/**
 * Reads the rows of one CSV file, one at a time, exactly as `ingestRecords` does: the header is
 * checked against the mapping (or must name the record's fields) when the reader is made; each
 * row is then mapped and validated. Exported so a faster reader can hand it the rows it cannot
 * prove valid and get the same records and the same reasons.
 *
 * @param kind - `contact` or `complaint`
 * @param header - the header record
 * @param options - file, mapping, time zone
 * @returns `(record) => outcome`
 * @throws {CliError} input error when the header does not fit the mapping, or names no fields without one
 */
export function createCsvRowReader<T>(kind: Kind, header: CsvRecord, options: RowReaderOptions): (record: CsvRecord) => RowOutcome<T> {
  const { file } = options;
  if (header.problem !== undefined) throw inputError(`the header row: ${header.problem}`, { file, line: header.line });
  // Lines that end in CR alone (old Mac exports) read as one endless header that may still name
  // every field, and then as no rows at all: say so instead of reporting an empty month.
  if (header.fields.some((f) => f.includes('\r'))) {
    throw inputError('the header row holds a carriage return: the lines end in CR alone; save the file with LF or CRLF line endings', {
      file,
      line: header.line,
    });
  }
  let mapping = options.mapping;
  if (mapping === undefined) {
    if (kind === 'evaluation') throw usageError('evaluations are read from NDJSON (their scores are an object per row)', { file });
    try {
      mapping = compileMapping(parseMapping(identityMapping(kind, header.fields, options.timeZone ?? 'UTC'), file));
    } catch (error) {
      throw inputError(
        `no --map was given and the header does not name the ${kind}'s fields (${(error as Error).message.split('\n').slice(1).join('; ')}); write a mapping (docs/cli.md)`,
        { file, line: header.line },
      );
    }
  }
  const compiled = mapping;
  const slots = bindHeader(compiled, header.fields, file);
  const width = header.fields.length;
  const validate = validateRow<T>(kind, options, options.mapping?.timeZone ?? options.timeZone, compiled.fieldColumns);
  const values: unknown[] = []; // reused row to row: toInput copies what it keeps
  return (record) => {
    if (record.problem !== undefined) {
      // A stray quote can swallow line breaks, so one malformed record may hold several lines of
      // the file: say so, or the rows counted fall short of the file's lines with no reason given.
      const span = record.lastLine === undefined ? '' : `; the quote makes lines ${record.line}–${record.lastLine} one record`;
      return { kind: 'reject', reasons: [`${record.problem}${span}`] };
    }
    if (record.fields.length !== width) {
      const extra = record.fields.length > width;
      return { kind: 'reject', reasons: [`${extra ? 'an extra column' : 'a missing column'}: the row has ${record.fields.length} fields, the header has ${width}`] };
    }
    for (let i = 0; i < slots.length; i += 1) values[i] = record.fields[slots[i]!];
    const reasons: string[] = [];
    return validate(compiled.toInput(values, reasons), record.line, reasons);
  };
}

/**
 * Reads the lines of one NDJSON file, one at a time, exactly as `ingestRecords` does: each line
 * is a JSON object, mapped by the mapping's columns (keys matched ignoring case and spaces) or
 * taken as the record itself.
 *
 * @param kind - the record kind
 * @param options - file, mapping, time zone
 * @returns `(text, line) => outcome`; `text` without its line break (a trailing CR is dropped)
 */
export function createJsonRowReader<T>(kind: Kind, options: RowReaderOptions): (text: string, line: number) => RowOutcome<T> {
  const compiled = options.mapping;
  const validate = validateRow<T>(kind, options, compiled?.timeZone ?? options.timeZone, compiled?.fieldColumns);
  const keyCache = new Map<string, string>();
  return (text, line) => {
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (raw.trim() === '') return blank;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return { kind: 'reject', reasons: [`not JSON: ${(error as Error).message}`] };
    }
    if (compiled === undefined) return validate(json, line, []);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'reject', reasons: ['expected a JSON object on each line'] };
    const byColumn = new Map<string, unknown>();
    for (const [k, v] of Object.entries(json)) {
      let normal = keyCache.get(k);
      if (normal === undefined) {
        normal = normaliseColumn(k);
        if (keyCache.size < 10_000) keyCache.set(k, normal);
      }
      byColumn.set(normal, v);
    }
    const reasons: string[] = [];
    return validate(compiled.toInput(compiled.columns.map((c) => byColumn.get(c)), reasons), line, reasons);
  };
}

/**
 * Reads files of records into a stream of validated records, in constant memory.
 *
 * Each file is CSV (RFC 4180) or NDJSON, plain or gzip. CSV rows are turned into record inputs
 * by the mapping (or by a header that names the fields); NDJSON lines are objects, mapped the
 * same way when a mapping is given. Every row is validated by the records room
 * (`safeParseContact`/`safeParseComplaint`/`safeParseEvaluation`, with `source: { file, line }`).
 * A row that fails is passed to `onReject` with every reason; under `strict` the run stops there.
 * A row whose id was already accepted is counted as a duplicate (the first wins) and passed to
 * `onReject` with `duplicate: true`.
 *
 * This is the seam the fast path replaces: same arguments, same callbacks, same counts; its rows
 * that need the exact reading go through {@link createCsvRowReader} / {@link createJsonRowReader}.
 *
 * @param kind - which records the files hold
 * @param files - paths, read in order
 * @param options - mapping, time zone, strictness
 * @param handlers - where records and rejects go
 * @returns the counts
 * @throws {CliError} input error for a file that cannot be read as a whole (not UTF-8, truncated
 * gzip, unterminated quote, header not fitting the mapping, empty) and, under `strict`, the first reject
 */
export async function ingestRecords<T>(
  kind: Kind,
  files: readonly string[],
  options: IngestOptions,
  handlers: IngestHandlers<T>,
): Promise<IngestCounts> {
  const mapping = options.mapping;
  if (mapping !== undefined && kind !== mapping.record) {
    throw usageError(`the mapping reads ${mapping.record}s, but it was given for ${kind}s`);
  }
  const compiled = mapping === undefined ? undefined : compileMapping(mapping);
  const counts: IngestCounts = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, files: [] };
  const ids = new IdSet();
  const key = keyOf[kind] as (record: unknown) => string;

  for (const file of files) {
    const info = await openTextFile(file);
    handlers.onFile?.(info);
    const perFile = { file, rows: 0, accepted: 0, rejected: 0, duplicates: 0 };
    counts.files.push(perFile);
    const rowOptions: RowReaderOptions = { file, mapping: compiled, timeZone: options.timeZone };

    const take = (outcome: RowOutcome<T>, line: number, raw: string) => {
      if (outcome.kind === 'blank') return;
      counts.rows += 1;
      perFile.rows += 1;
      if (outcome.kind === 'reject') {
        const reasons = outcome.reasons;
        counts.rejected += 1;
        perFile.rejected += 1;
        handlers.onReject?.({ file, line, raw, reasons }, false);
        if (options.strict === true) {
          const field = fieldOfReason(reasons[0] ?? '');
          throw inputError(`rejected row (--strict stops at the first):\n${reasons.map((r) => `✖ ${r}`).join('\n')}`, {
            file,
            line,
            ...(field === undefined ? {} : { field }),
          });
        }
        return;
      }
      const id = key(outcome.record);
      if (!ids.add(id)) {
        counts.duplicates += 1;
        perFile.duplicates += 1;
        handlers.onReject?.({ file, line, raw, reasons: [`duplicate id ${JSON.stringify(id)}: an earlier row with this id is kept`] }, true);
        return;
      }
      counts.accepted += 1;
      perFile.accepted += 1;
      handlers.onRecord(outcome.record, { file, line });
    };

    const chunks = readTextChunks(info, handlers.onBytes === undefined ? {} : { onBytes: handlers.onBytes });
    if (formatOf(file, mapping) === 'csv') {
      const delimiter = mapping?.delimiter === undefined ? undefined : ((mapping.delimiter === 'tab' ? '\t' : mapping.delimiter) as CsvDelimiter);
      const reader = new CsvReader({ file, delimiter });
      let readRow: ((record: CsvRecord) => RowOutcome<T>) | undefined;
      const onRecord = (record: CsvRecord) => {
        if (readRow === undefined) readRow = createCsvRowReader<T>(kind, record, rowOptions);
        else take(readRow(record), record.line, record.raw);
      };
      for await (const chunk of chunks) {
        reader.push(chunk, onRecord);
        await handlers.afterChunk?.();
      }
      reader.end(onRecord);
      if (readRow === undefined) throw inputError('no header row', { file, line: 1 });
    } else {
      const readLine = createJsonRowReader<T>(kind, rowOptions);
      let pending = '';
      let line = 0;
      const onLine = (text: string) => {
        line += 1;
        take(readLine(text, line), line, text.endsWith('\r') ? text.slice(0, -1) : text);
      };
      for await (const chunk of chunks) {
        const text = pending + chunk;
        let start = 0;
        let at = text.indexOf('\n');
        while (at !== -1) {
          onLine(text.slice(start, at));
          start = at + 1;
          at = text.indexOf('\n', start);
        }
        pending = text.slice(start);
        if (pending.length > maxRecordChars) {
          throw inputError(`a line longer than ${maxRecordChars} characters: not NDJSON?`, { file, line: line + 1 });
        }
        await handlers.afterChunk?.();
      }
      if (pending !== '') onLine(pending);
    }
  }
  return counts;
}

/**
 * Reads calls and chats. See {@link ingestRecords}.
 *
 * @example
 * await ingestContacts(['calls.csv'], { mapping }, { onRecord: (c) => builder.addContact(c) })
 * //=> { rows: 5000, accepted: 5000, rejected: 0, duplicates: 0, files: [...] }
 */
export const ingestContacts = (files: readonly string[], options: IngestOptions, handlers: IngestHandlers<Contact>) =>
  ingestRecords<Contact>('contact', files, options, handlers);

/** Reads complaints. See {@link ingestRecords}. */
export const ingestComplaints = (files: readonly string[], options: IngestOptions, handlers: IngestHandlers<Complaint>) =>
  ingestRecords<Complaint>('complaint', files, options, handlers);

/** Reads QA evaluations (NDJSON). See {@link ingestRecords}. */
export const ingestEvaluations = (files: readonly string[], options: IngestOptions, handlers: IngestHandlers<Evaluation>) =>
  ingestRecords<Evaluation>('evaluation', files, options, handlers);

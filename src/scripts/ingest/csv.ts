import { inputError } from '../errors.js';

/** A field delimiter the CSV reader understands. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options for {@link CsvReader}. */
export interface CsvReaderOptions {
  /** The file being read, named in errors. */
  readonly file: string;
  /** The delimiter; detected from the header line (`,` `;` or tab, whichever occurs most) when absent. */
  readonly delimiter?: CsvDelimiter | undefined;
  /** The longest record held in memory, in characters; 16 Mi unless given (see {@link maxRecordChars}). */
  readonly maxRecordChars?: number;
}

/**
 * No real export has a 16-million-character row; a record that long is a quote opened and never
 * closed (or not a CSV at all), and holding it would break the constant-memory promise.
 */
export const maxRecordChars = 1 << 24;

/** One record of a CSV file. */
export interface CsvRecord {
  /** The fields, unquoted. */
  readonly fields: string[];
  /** 1-based line the record starts on (a quoted field may span lines). */
  readonly line: number;
  /** The line it ends on, when that is not `line` (a quoted field spans lines). */
  readonly lastLine?: number;
  /** The record's text as it stands in the file, without its line ending. */
  readonly raw: string;
  /** Malformed quoting confined to this record (a quote inside an unquoted field, text after a closing quote). */
  readonly problem?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Counts candidate delimiters outside quotes in the first line and picks the most frequent; `,` on a tie. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * A streaming RFC 4180 reader: push text chunks as they arrive, get whole records back, in
 * constant memory (only the record being read is held). Quoted fields may hold delimiters, line
 * breaks and doubled quotes (`""` → `"`); lines end in LF or CRLF; the delimiter is `,`, `;` or
 * tab. Quoting mistakes that stay inside one record (a `"` in the middle of an unquoted field,
 * text after a closing quote) are reported on that record as `problem` so it can be rejected; a
 * quote never closed swallows the rest of the file, so it is an error naming the line it opened on.
 *
 * Blank lines (nothing between two line breaks) carry no data and are skipped.
 */
export class CsvReader {
  private readonly file: string;
  private readonly maxChars: number;
  private delimiter: number | undefined;
  private buf = '';
  private pos = 0;
  private recordStart = 0;
  private fieldStart = 0;
  private fields: string[] = [];
  private inQuotes = false;
  private quoted = false;
  private escaped = false;
  private quoteEnd = -1;
  private problem: string | undefined = undefined;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;

  constructor(options: CsvReaderOptions) {
    this.file = options.file;
    this.maxChars = options.maxRecordChars ?? maxRecordChars;
    this.delimiter = options.delimiter?.charCodeAt(0);
  }

  /** The delimiter in use (known after the first chunk). */
  get delimiterInUse(): CsvDelimiter | undefined {
    return this.delimiter === undefined ? undefined : (String.fromCharCode(this.delimiter) as CsvDelimiter);
  }

  /**
   * Reads a chunk of text, calling `onRecord` for each record completed by it.
   *
   * @param chunk - the next piece of the file's text
   * @param onRecord - receives each complete record
   */
  push(chunk: string, onRecord: (record: CsvRecord) => void): void {
    if (this.recordStart > 0) {
      this.buf = this.buf.slice(this.recordStart);
      this.pos -= this.recordStart;
      this.fieldStart -= this.recordStart;
      if (this.quoteEnd >= 0) this.quoteEnd -= this.recordStart;
      this.recordStart = 0;
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (this.delimiter === undefined) {
      const eol = this.buf.indexOf('\n');
      if (eol === -1) return; // wait for the whole header line
      this.delimiter = detectDelimiter(this.buf.slice(0, eol)).charCodeAt(0);
    }
    this.scan(false, onRecord);
    if (this.buf.length - this.recordStart > this.maxChars) {
      const why = this.inQuotes ? `the quoted field in column ${this.fields.length + 1} opened on line ${this.quoteLine} is still open` : 'no line break';
      throw inputError(`malformed CSV: a record longer than ${this.maxChars} characters (${why})`, { file: this.file, line: this.recordLine });
    }
  }

  /**
   * Ends the input: emits the last record if the file does not end in a line break.
   *
   * @param onRecord - receives the last record
   * @throws {CliError} input error when a quoted field is never closed
   */
  end(onRecord: (record: CsvRecord) => void): void {
    if (this.delimiter === undefined) this.delimiter = detectDelimiter(this.buf).charCodeAt(0);
    this.scan(true, onRecord);
    if (this.inQuotes) {
      throw inputError(
        `malformed CSV: the quoted field in column ${this.fields.length + 1} opened on line ${this.quoteLine} is never closed`,
        { file: this.file, line: this.quoteLine },
      );
    }
    if (this.pos > this.recordStart || this.fields.length > 0) this.finishRecord(this.buf.length, this.buf.length, onRecord);
  }

  private scan(final: boolean, onRecord: (record: CsvRecord) => void): void {
    const buf = this.buf;
    const n = buf.length;
    const delimiter = this.delimiter!;
    let i = this.pos;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= n && !final) break; // a doubled quote may continue in the next chunk
          if (i + 1 < n && buf.charCodeAt(i + 1) === QUOTE) {
            this.escaped = true;
            i += 2;
            continue;
          }
          this.inQuotes = false;
          this.quoteEnd = i;
        } else if (c === LF) {
          this.line += 1;
        }
        i += 1;
        continue;
      }
      if (c === delimiter) {
        this.endField(i);
        this.fieldStart = i + 1;
      } else if (c === LF) {
        const end = i > this.fieldStart && buf.charCodeAt(i - 1) === CR ? i - 1 : i;
        this.finishRecord(end, i, onRecord);
        this.line += 1;
        this.recordLine = this.line;
        this.recordStart = i + 1;
        this.fieldStart = i + 1;
      } else if (c === QUOTE) {
        if (i === this.fieldStart) {
          this.inQuotes = true;
          this.quoted = true;
          this.quoteLine = this.line;
        } else {
          this.problem ??= `malformed CSV: a quote inside ${this.quoted ? 'a quoted field after it closed' : 'an unquoted field'} (column ${this.fields.length + 1}); quote the whole field and double the quote ("")`;
        }
      } else if (this.quoted && c !== CR) {
        this.problem ??= `malformed CSV: text after the closing quote of column ${this.fields.length + 1}`;
      }
      i += 1;
    }
    this.pos = i;
  }

  private endField(end: number): void {
    const buf = this.buf;
    let value: string;
    if (this.quoted) {
      value = buf.slice(this.fieldStart + 1, this.quoteEnd);
      if (this.escaped) value = value.replaceAll('""', '"');
      if (this.quoteEnd + 1 < end) {
        const rest = buf.slice(this.quoteEnd + 1, end);
        if (rest !== '\r') value += rest;
      }
    } else {
      value = buf.slice(this.fieldStart, end);
    }
    this.fields.push(value);
    this.quoted = false;
    this.escaped = false;
    this.quoteEnd = -1;
  }

  private finishRecord(end: number, lineEnd: number, onRecord: (record: CsvRecord) => void): void {
    this.endField(end);
    const fields = this.fields;
    const raw = this.buf.slice(this.recordStart, lineEnd > this.recordStart && this.buf.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
    const problem = this.problem;
    const lastLine = this.line;
    this.fields = [];
    this.problem = undefined;
    if (fields.length === 1 && raw.length === 0) return; // a blank line
    const record: CsvRecord = { fields, line: this.recordLine, raw, ...(lastLine === this.recordLine ? {} : { lastLine }) };
    onRecord(problem === undefined ? record : { ...record, problem });
  }
}

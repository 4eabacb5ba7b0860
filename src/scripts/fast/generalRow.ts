import type { Contact } from '../../records/index.js';
import { CsvReader, type CsvRecord } from '../ingest/csv.js';
import { createCsvRowReader, createJsonRowReader, type RowOutcome } from '../ingest/ingest.js';

// The exact general path for ONE row the fast scanner could not prove valid: ingest's own row
// readers (`createCsvRowReader` / `createJsonRowReader`: the same header mapping, records-room
// validation and reject sentences as `ingestRecords`, no --map), so a row reads the same
// whichever path met it.

/** What became of one row. */
export type GeneralOutcome =
  | { readonly kind: 'record'; readonly contact: Contact }
  | { readonly kind: 'reject'; readonly reasons: readonly string[] }
  | { readonly kind: 'blank' };

const outcome = (o: RowOutcome<Contact>): GeneralOutcome => (o.kind === 'record' ? { kind: 'record', contact: o.record } : o);

/** Reads single rows of one file exactly as the general ingest path does. */
export class GeneralRows {
  private readonly file: string;
  private readonly csvRow: ((record: CsvRecord) => RowOutcome<Contact>) | undefined;
  private readonly jsonRow: ((text: string, line: number) => RowOutcome<Contact>) | undefined;

  /**
   * @param file - the file, for `source` in errors
   * @param header - the CSV header's fields (undefined for NDJSON)
   * @param timeZone - the run's `--tz`, for timestamps without an offset
   * @throws {CliError} when the header does not name the contact's fields (the caller steps aside)
   */
  constructor(file: string, header: readonly string[] | undefined, timeZone: string | undefined) {
    this.file = file;
    const options = { file, timeZone };
    this.csvRow = header === undefined ? undefined : createCsvRowReader<Contact>('contact', { fields: [...header], line: 1, raw: header.join(',') }, options);
    this.jsonRow = header === undefined ? createJsonRowReader<Contact>('contact', options) : undefined;
  }

  /**
   * One CSV record's text (without its final line ending; it may span lines inside quotes).
   *
   * @param text - the record
   * @param line - the line it starts on
   */
  csv(text: string, line: number): GeneralOutcome {
    const records: CsvRecord[] = [];
    const reader = new CsvReader({ file: this.file, delimiter: ',' });
    reader.push(text, (r) => records.push(r));
    reader.end((r) => records.push(r));
    const first = records[0];
    if (first === undefined) return { kind: 'blank' };
    // The reader numbered lines from 1 within this text: move them to the file's lines.
    const shift = line - first.line;
    const record: CsvRecord = { ...first, line, ...(first.lastLine === undefined ? {} : { lastLine: first.lastLine + shift }) };
    return outcome(this.csvRow!(record));
  }

  /**
   * One NDJSON line (without its line ending).
   *
   * @param text - the line
   * @param line - its number
   */
  ndjson(text: string, line: number): GeneralOutcome {
    return outcome(this.jsonRow!(text, line));
  }
}

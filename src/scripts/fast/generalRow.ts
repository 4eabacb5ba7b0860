import { formatPath, safeParseContact, type Contact, type RecordError } from '../../records/index.js';
import { CsvReader, type CsvRecord } from '../ingest/csv.js';
import { bindHeader, compileMapping, identityMapping, parseMapping, type CompiledMapping } from '../ingest/mapping.js';

// The exact general path for ONE row the fast scanner could not prove valid: the same CSV
// reader, the same header mapping, the same records-room validation and the same reject
// sentences as src/scripts/ingest/ingest.ts (`ingestRecords`, no --map), so a row reads the
// same whichever path met it. (The sentences are ingest's; if ingest exported its per-row
// function this file would shrink to a call.)

/** What became of one row. */
export type GeneralOutcome =
  | { readonly kind: 'record'; readonly contact: Contact }
  | { readonly kind: 'reject'; readonly reasons: readonly string[] }
  | { readonly kind: 'blank' };

const fieldOfReason = (reason: string): string => reason.slice(0, reason.search(/[ :([]/) === -1 ? reason.length : reason.search(/[ :([]/));

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

/** Reads single rows of one file exactly as the general ingest path does. */
export class GeneralRows {
  private readonly file: string;
  private readonly timeZone: string | undefined;
  private readonly header: readonly string[] | undefined;
  private readonly mapping: CompiledMapping | undefined;
  private readonly slots: readonly number[];

  /**
   * @param file - the file, for `source` in errors
   * @param header - the CSV header's fields (undefined for NDJSON)
   * @param timeZone - the run's `--tz`, for timestamps without an offset
   * @throws {CliError} when the header does not name the contact's fields (the caller falls back)
   */
  constructor(file: string, header: readonly string[] | undefined, timeZone: string | undefined) {
    this.file = file;
    this.timeZone = timeZone;
    this.header = header;
    if (header !== undefined) {
      this.mapping = compileMapping(parseMapping(identityMapping('contact', header, timeZone ?? 'UTC'), file));
      this.slots = bindHeader(this.mapping, header, file);
    } else {
      this.mapping = undefined;
      this.slots = [];
    }
  }

  private accept(input: unknown, line: number, reasons: string[], failed: ReadonlySet<string>): GeneralOutcome {
    const source = { file: this.file, line };
    const parsed = safeParseContact(input, this.timeZone === undefined ? { source } : { timeZone: this.timeZone, source });
    if (!parsed.success) reasons.push(...recordReasons(parsed.error, this.mapping?.fieldColumns, failed));
    if (reasons.length > 0 || !parsed.success) return { kind: 'reject', reasons: reasons.length > 0 ? reasons : ['invalid record'] };
    return { kind: 'record', contact: parsed.data };
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
    const record = records[0];
    if (record === undefined) return { kind: 'blank' };
    const header = this.header!;
    if (record.problem !== undefined) return { kind: 'reject', reasons: [record.problem] };
    if (record.fields.length !== header.length) {
      const extra = record.fields.length > header.length;
      return {
        kind: 'reject',
        reasons: [`${extra ? 'an extra column' : 'a missing column'}: the row has ${record.fields.length} fields, the header has ${header.length}`],
      };
    }
    const reasons: string[] = [];
    const values = this.slots.map((i) => record.fields[i]);
    const input = this.mapping!.toInput(values, reasons);
    return this.accept(input, line, reasons, new Set(reasons.map(fieldOfReason)));
  }

  /**
   * One NDJSON line (without its line ending).
   *
   * @param text - the line
   * @param line - its number
   */
  ndjson(text: string, line: number): GeneralOutcome {
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (raw.trim() === '') return { kind: 'blank' };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return { kind: 'reject', reasons: [`not JSON: ${(error as Error).message}`] };
    }
    return this.accept(json, line, [], new Set());
  }
}

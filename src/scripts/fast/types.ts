import type { Contact } from '../../records/index.js';
import type { ByteTableData } from './byteTable.js';
import type { IdSetData } from './idSet.js';

/**
 * Where the fast path puts accepted contacts: the report builder, or anything with the same two
 * methods. `addContact` must not keep the object it is given (the fast path reuses one object
 * for every row); `state()` must be plain data (it crosses threads by structured clone).
 */
export interface FastSink {
  addContact(contact: Contact): void;
  state(): unknown;
}

/** Builds a sink in whichever thread scans; `options` is plain data sent to the workers. */
export type FastSinkFactory = (options: unknown) => FastSink;

/** One byte range of one file to scan. */
export interface RangeTask {
  /** Position in file order among all ranges of the run. */
  readonly index: number;
  readonly file: string;
  readonly format: 'csv' | 'ndjson';
  /** First byte (at the start of a line) and one past the last byte. */
  readonly start: number;
  readonly end: number;
  /** The file's size (a range ending there is the file's last). */
  readonly fileSize: number;
  /** CSV: the header's fields, and for each column the field code it fills (-1: none). */
  readonly header?: readonly string[] | undefined;
  readonly columns?: readonly number[] | undefined;
  /** The run's `--tz`. */
  readonly timeZone?: string | undefined;
  readonly strict: boolean;
  /** Ids an earlier range holds: rows with them here are duplicates. */
  readonly excluded?: ByteTableData | undefined;
  /** Give the range back to the general path past this many rejects (bounded memory). */
  readonly maxRejects: number;
  /** Bytes a read takes (default 1 MiB; with a board, what a reader claims at a time). */
  readonly readBytes?: number | undefined;
  /** Passed to the sink factory. */
  readonly sinkOptions: unknown;
}

/** A reject or duplicate found in a range; `line` counts from the range's first line (1). */
export interface RangeReject {
  readonly line: number;
  readonly raw: string;
  readonly reasons: readonly string[];
  readonly duplicate: boolean;
  /** A CSV record over several lines: its reasons may name lines, so they are read again with the file's line numbers. */
  readonly spansLines?: boolean;
}

/** What scanning a range gave. */
export interface RangeResult {
  readonly index: number;
  readonly state: unknown;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
  /** Line breaks consumed (to number the next range's lines). */
  readonly lines: number;
  readonly rejects: readonly RangeReject[];
  /** The distinct ids accepted (numbered ids in bit lanes, the rest in a shared table). */
  readonly ids: IdSetData;
  readonly bytes: number;
  /** Set when the whole input must go to the general path (and why). */
  readonly abort?: string;
}

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IngestReject } from './ingest.js';

/** Writes rejected rows as NDJSON: `{ "file", "line", "raw", "reasons": [...] }`, one a line. */
export interface RejectsWriter {
  /** The path written to. */
  readonly path: string;
  /** Lines written so far. */
  readonly written: number;
  write(reject: IngestReject): void;
  /** Waits while the file's buffer is full, so a flood of rejects stays in constant memory. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a rejects file lazily: nothing is created until the first reject, and a rejects file
 * left at the same path by an earlier run is removed first so it never describes another run.
 *
 * @param path - where to write
 * @returns the writer
 */
export async function openRejectsWriter(path: string): Promise<RejectsWriter> {
  await rm(path, { force: true });
  let stream: WriteStream | undefined;
  let written = 0;
  let full = false;
  return {
    path,
    get written() {
      return written;
    },
    write(reject) {
      if (stream === undefined) stream = createWriteStream(path, { flags: 'w' });
      written += 1;
      if (!stream.write(JSON.stringify({ file: reject.file, line: reject.line, raw: reject.raw, reasons: reject.reasons }) + '\n')) full = true;
    },
    async drain() {
      if (!full || stream === undefined) return;
      const s = stream;
      await new Promise<void>((resolve) => s.once('drain', resolve));
      full = false;
    },
    async close() {
      if (stream === undefined) return;
      const s = stream;
      await new Promise<void>((resolve, reject) => s.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },
  };
}

/** Creates the folder a file goes into. */
export const ensureDir = (file: string) => mkdir(dirname(file), { recursive: true });

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError, usageError } from '../errors.js';
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
 * Opens a rejects file lazily: its folder is made at once (so a bad path fails before any row is
 * read), the file itself only at the first reject; a rejects file left at the same path by an
 * earlier run is removed first so it never describes another run.
 *
 * @param path - where to write
 * @returns the writer
 * @throws {CliError} usage error naming the file when it cannot be replaced or written
 */
export async function openRejectsWriter(path: string): Promise<RejectsWriter> {
  // Every command's rejects file may sit in a folder that does not exist yet (`--rejects out/r.ndjson`).
  await ensureDir(path);
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw usageError(`cannot replace the rejects file: ${describeFsError(error)}`, { file: path });
  }
  let stream: WriteStream | undefined;
  let written = 0;
  let full = false;
  // A rejects file that cannot be written stops the run with its path named (at the next chunk
  // or at the end), instead of an unhandled stream error or a wait for a drain that never comes.
  let failure: unknown;
  const check = (): void => {
    if (failure !== undefined) throw usageError(`cannot write the rejects file: ${describeFsError(failure)}`, { file: path });
  };
  return {
    path,
    get written() {
      return written;
    },
    write(reject) {
      if (stream === undefined) {
        stream = createWriteStream(path, { flags: 'w' });
        stream.on('error', (error) => (failure ??= error));
      }
      written += 1;
      if (!stream.write(JSON.stringify({ file: reject.file, line: reject.line, raw: reject.raw, reasons: reject.reasons }) + '\n')) full = true;
    },
    async drain() {
      check();
      if (!full || stream === undefined) return;
      const s = stream;
      await new Promise<void>((resolve) => {
        s.once('drain', resolve);
        s.once('error', () => resolve());
      });
      full = false;
      check();
    },
    async close() {
      if (stream === undefined) return;
      const s = stream;
      if (failure === undefined && !s.destroyed) await new Promise<void>((resolve) => s.end(() => resolve()));
      check();
    },
  };
}

/**
 * Creates the folder a file goes into.
 *
 * @param file - the file about to be written
 * @throws {CliError} usage error naming the file when the folder cannot be made (a file in the way, no permission)
 */
export async function ensureDir(file: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw usageError(`cannot create the folder for this output: ${describeFsError(error)}`, { file });
  }
}

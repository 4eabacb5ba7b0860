import { createWriteStream, type WriteStream } from 'node:fs';
import { describeFsError, usageError } from '../errors.js';
import { ensureDir } from '../ingest/rejects.js';

/** A line-oriented output: a file when a path is given, else stdout. */
export interface LineOutput {
  line(value: unknown): void;
  close(): Promise<void>;
}

/**
 * Opens an NDJSON output.
 *
 * @param path - a file, or undefined for stdout
 * @returns the output
 */
export async function openLineOutput(path: string | undefined): Promise<LineOutput> {
  if (path === undefined) {
    return {
      line: (value) => process.stdout.write(JSON.stringify(value) + '\n'),
      close: async () => {},
    };
  }
  await ensureDir(path);
  const stream: WriteStream = createWriteStream(path);
  // An output that cannot be written is reported with its path when closed, not as an unhandled stream error.
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  return {
    line: (value) => {
      if (failure === undefined) stream.write(JSON.stringify(value) + '\n');
    },
    close: async () => {
      if (failure === undefined && !stream.destroyed) await new Promise<void>((resolve) => stream.end(() => resolve()));
      if (failure !== undefined) throw usageError(`cannot write the output: ${describeFsError(failure)}`, { file: path });
    },
  };
}

import { createWriteStream, type WriteStream } from 'node:fs';
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
  return {
    line: (value) => stream.write(JSON.stringify(value) + '\n'),
    close: () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { describeFsError, inputError, usageError } from '../errors.js';

/** Options for {@link readTextChunks}. */
export interface ReadTextOptions {
  /** Called with the number of bytes read from disk (compressed bytes for gzip), for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Bytes per read; 64 KiB unless given. */
  readonly chunkBytes?: number;
}

/** What {@link openTextFile} learned before reading: the size on disk and whether it is gzip. */
export interface TextFileInfo {
  readonly file: string;
  readonly size: number;
  readonly gzip: boolean;
}

const gzipMagic0 = 0x1f;
const gzipMagic1 = 0x8b;

/**
 * Looks at a file before it is read: it must exist, be a regular file and not be empty. Gzip is
 * recognised by the `.gz` extension or by its magic bytes (`1f 8b`), so a compressed export
 * renamed to `.csv` still reads.
 *
 * @param file - path to the file
 * @returns its size and whether it is gzip
 * @throws {CliError} usage error when it cannot be opened; input error when it is empty
 */
export async function openTextFile(file: string): Promise<TextFileInfo> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw usageError('not a file', { file });
    size = info.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'CliError') throw error;
    throw usageError(`cannot open: ${describeFsError(error)}`, { file });
  }
  if (size === 0) throw inputError('the file is empty (0 bytes): no header and no records', { file });
  const head = Buffer.alloc(2);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const gzip = file.toLowerCase().endsWith('.gz') || (head[0] === gzipMagic0 && head[1] === gzipMagic1);
  return { file, size, gzip };
}

/** Index of the first byte that does not begin or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      if (i + k >= bytes.length) return -1; // may continue in the next chunk
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(bytes: Buffer, end = bytes.length): number {
  let n = 0;
  let at = bytes.indexOf(10);
  while (at !== -1 && at < end) {
    n += 1;
    at = bytes.indexOf(10, at + 1);
  }
  return n;
}

/**
 * Streams a file as UTF-8 text in chunks, in constant memory: gzip is inflated on the fly, a
 * byte-order mark is dropped, and bytes that are not UTF-8 stop the read with the file and line
 * (decoded with `TextDecoder` in `fatal` mode; a file saved as Latin-1 or GBK is refused rather
 * than read as mojibake).
 *
 * @param info - the file, from {@link openTextFile}
 * @param options - progress callback and chunk size
 * @returns the text, chunk by chunk
 * @throws {CliError} input error on bytes that are not UTF-8, a UTF-16 file, or a truncated or corrupt gzip
 */
export async function* readTextChunks(info: TextFileInfo, options: ReadTextOptions = {}): AsyncGenerator<string> {
  const { file } = info;
  const raw = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 16 });
  if (options.onBytes !== undefined) {
    const onBytes = options.onBytes;
    raw.on('data', (chunk) => onBytes(chunk.length));
  }
  let stream: Readable = raw;
  if (info.gzip) {
    const gunzip = createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    stream = raw.pipe(gunzip);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
          throw inputError('the file is UTF-16; save it as UTF-8 (with or without a byte-order mark)', { file, line: 1 });
        }
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bad = firstInvalidUtf8(chunk);
        const line = lines + 1 + countNewlines(chunk, bad === -1 ? 0 : bad);
        throw inputError('not UTF-8: save the export as UTF-8 (e.g. iconv -f GBK -t UTF-8)', { file, line });
      }
      lines += countNewlines(chunk);
      if (text.length > 0) yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw inputError('not UTF-8: the file ends inside a multi-byte character', { file, line: lines + 1 });
    }
    if (tail.length > 0) yield tail;
  } catch (error) {
    if (error instanceof Error && error.name === 'CliError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (info.gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE')) {
      throw inputError(
        code === 'Z_BUF_ERROR'
          ? 'truncated gzip: the compressed stream ends early (was the download or copy cut short?)'
          : `corrupt gzip: ${(error as Error).message}`,
        { file },
      );
    }
    throw inputError(`cannot read: ${(error as Error).message}`, { file });
  } finally {
    raw.destroy();
  }
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Where to draw; progress is drawn only when this is a terminal. */
  readonly stream: NodeJS.WriteStream;
  /** Turn it off (`--quiet`). */
  readonly quiet?: boolean;
  /** Redraw at most this often; 250 ms unless given. */
  readonly intervalMs?: number;
}

/** A progress line on stderr: rows, rows per second, and % of bytes read. */
export interface Progress {
  addBytes(bytes: number): void;
  addTotalBytes(bytes: number): void;
  row(): void;
  /** Clears the line. */
  done(): void;
}

const noProgress: Progress = { addBytes() {}, addTotalBytes() {}, row() {}, done() {} };

/**
 * Shows how far a long run has got, on one line redrawn in place, only when the stream is a
 * terminal (never in pipes, logs or CI) and not `quiet`.
 *
 * @param options - the stream and whether to stay quiet
 * @returns the progress handle (a no-op when not drawing)
 */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet === true || options.stream.isTTY !== true) return noProgress;
  const stream = options.stream;
  const interval = options.intervalMs ?? 250;
  const started = Date.now();
  let last = 0;
  let rows = 0;
  let bytes = 0;
  let total = 0;
  let drawn = false;
  const draw = () => {
    const now = Date.now();
    if (now - last < interval) return;
    last = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const percent = total > 0 ? Math.min(100, (100 * bytes) / total) : 0;
    stream.write(`\r\x1b[K${rows.toLocaleString('en-US')} rows · ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s · ${percent.toFixed(1)}% of bytes`);
    drawn = true;
  };
  return {
    addBytes(n) {
      bytes += n;
      draw();
    },
    addTotalBytes(n) {
      total += n;
    },
    row() {
      rows += 1;
      if ((rows & 0x3ff) === 0) draw();
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

import { closeSync, openSync, readSync } from 'node:fs';
import type { RangeTask } from './types.js';

// Ranges that threads share out while they scan. A thread that runs out of ranges takes the
// second half of the range with the most bytes left unread (cut just after a line break) and
// scans it as a range of its own; the thread reading the first half stops at the cut. So threads
// end together whatever the split planned at the start got wrong (a worker loading its module
// faster or slower than expected, a busy machine, slow rows in one part of a file).
//
// The board lives in a SharedArrayBuffer every thread sees: for each range its first byte, its
// end, how far its reader has claimed its bytes, and the planned range it was cut from. A reader
// claims bytes before it reads them (a buffer at a time), a thief cuts only past the claimed
// bytes, and both do so under one lock, so no byte is read by two ranges or by none.

/** Parts a board lets threads take at most (each costs a reader, an id set and a report state). */
const MAX_CUTS = 64;
const FIELDS = 4;
const START = 0;
const END = 1;
const CLAIMED = 2;
const ORIGIN = 3;

/** A board as plain data (for a worker). */
export interface RangeBoardData {
  readonly buffer: SharedArrayBuffer;
}

export class RangeBoard {
  /** Lock, range count, and room for how many ranges. */
  private readonly header: Int32Array;
  private readonly cells: Float64Array;
  /** The range's end as the last {@link claim} saw it. */
  lastEnd = 0;

  private constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 4);
    this.cells = new Float64Array(buffer, 16);
  }

  /** A board of the planned ranges, each range's slot its task's index. */
  static plan(tasks: readonly RangeTask[]): RangeBoard {
    const room = tasks.length + MAX_CUTS;
    const board = new RangeBoard(new SharedArrayBuffer(16 + room * FIELDS * 8));
    board.header[2] = room;
    for (const task of tasks) {
      const at = task.index * FIELDS;
      board.cells[at + START] = task.start;
      board.cells[at + END] = task.end;
      board.cells[at + CLAIMED] = task.start;
      board.cells[at + ORIGIN] = task.index;
    }
    board.header[1] = tasks.length;
    return board;
  }

  /** The board another thread made. */
  static of(data: RangeBoardData): RangeBoard {
    return new RangeBoard(data.buffer);
  }

  /** How many ranges there are now (the planned ones first, then the cuts in the order made). */
  get count(): number {
    return Atomics.load(this.header, 1);
  }

  /**
   * Claims range `slot`'s bytes up to `upTo` for its reader, sets {@link lastEnd} to the range's
   * end, and returns how far the reader may read (`upTo`, or the range's end if that comes
   * first). Once a reader has claimed up to its end, the end no longer moves.
   */
  claim(slot: number, upTo: number): number {
    this.lock();
    const at = slot * FIELDS;
    const end = this.cells[at + END]!;
    const to = Math.min(upTo, end);
    if (to > this.cells[at + CLAIMED]!) this.cells[at + CLAIMED] = to;
    this.unlock();
    this.lastEnd = end;
    return to;
  }

  /**
   * Cuts the range with the most unclaimed bytes (at least `minBytes`) in two just after a line
   * break near the middle of what is left, and returns the second part as a new range for the
   * caller to scan; undefined when no range has that much left.
   *
   * @param tasks - the planned ranges (a cut inherits its file and options from its origin)
   */
  steal(tasks: readonly RangeTask[], minBytes: number): RangeTask | undefined {
    this.lock();
    try {
      const count = this.header[1]!;
      if (count >= this.header[2]!) return undefined;
      let victim = -1;
      let most = minBytes;
      for (let s = 0; s < count; s++) {
        const left = this.cells[s * FIELDS + END]! - this.cells[s * FIELDS + CLAIMED]!;
        if (left >= most) {
          most = left;
          victim = s;
        }
      }
      if (victim < 0) return undefined;
      const at = victim * FIELDS;
      const end = this.cells[at + END]!;
      const origin = tasks[this.cells[at + ORIGIN]!]!;
      const cut = lineAfter(origin.file, this.cells[at + CLAIMED]! + Math.floor(most / 2), end);
      if (cut >= end) return undefined;
      this.cells[at + END] = cut;
      const slot = count * FIELDS;
      this.cells[slot + START] = cut;
      this.cells[slot + END] = end;
      this.cells[slot + CLAIMED] = cut;
      this.cells[slot + ORIGIN] = origin.index;
      Atomics.store(this.header, 1, count + 1);
      return { ...origin, index: count, start: cut, end };
    } finally {
      this.unlock();
    }
  }

  /** Range `slot` as it stands: first byte, end, and the planned range it was cut from. */
  range(slot: number): { start: number; end: number; origin: number } {
    const at = slot * FIELDS;
    return { start: this.cells[at + START]!, end: this.cells[at + END]!, origin: this.cells[at + ORIGIN]! };
  }

  private lock(): void {
    // Held for a few reads and writes (a cut also reads 64 KiB of the file): spinning is cheaper than sleeping.
    while (Atomics.compareExchange(this.header, 0, 0, 1) !== 0);
  }

  private unlock(): void {
    Atomics.store(this.header, 0, 0);
  }
}

/** The offset just after the first line break at or after `at` (or `end` when there is none before it). */
export function lineAfter(file: string, at: number, end: number): number {
  if (at >= end) return end;
  const fd = openSync(file, 'r');
  try {
    const window = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const n = readSync(fd, window, 0, Math.min(window.length, end - at), at);
      if (n === 0) return end;
      const nl = window.subarray(0, n).indexOf(10);
      if (nl !== -1) return Math.min(end, at + nl + 1);
      at += n;
      if (at >= end) return end;
    }
  } finally {
    closeSync(fd);
  }
}

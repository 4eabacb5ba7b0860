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
// claims bytes before it reads them (a megabyte at a time), a thief cuts only past the claimed
// bytes, and both do so under one lock, so no byte is read by two ranges or by none. The lock is
// held for a few reads and writes only (a thief looks for its line break between two turns of
// it), so a thread that dies cannot leave it held while doing anything slow.

/** Parts a board lets threads take at most (each costs a reader, an id set and a report state). */
const MAX_CUTS = 64;
const FIELDS = 4;
const START = 0;
const END = 1;
const CLAIMED = 2;
const ORIGIN = 3;
/** Header words: the lock, the range count, room for how many ranges, "stop taking parts", and the lock patience. */
const LOCK = 0;
const COUNT = 1;
const ROOM = 2;
const STOPPED = 3;
const PATIENCE = 4;
const HEADER_BYTES = 32;
/** How long a thread waits for the lock before deciding its holder died (it is held for microseconds). */
const LOCK_PATIENCE_MS = 2000;

/** A board as plain data (for a worker). */
export interface RangeBoardData {
  readonly buffer: SharedArrayBuffer;
}

/** The lock was held past any reasonable time: its holder (a worker) died holding it. */
export class BoardLockLost extends Error {}

/** How far a reader may read, and its range's end as it stood then (see {@link RangeBoard.claim}). */
export interface Claim {
  readonly to: number;
  readonly end: number;
}

export class RangeBoard {
  private readonly header: Int32Array;
  private readonly cells: Float64Array;

  private constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.cells = new Float64Array(buffer, HEADER_BYTES);
  }

  /**
   * A board of the planned ranges, each range's slot its task's index.
   *
   * @param lockPatienceMs - how long a thread waits for the lock before giving the run up (tests shorten it)
   */
  static plan(tasks: readonly RangeTask[], lockPatienceMs = LOCK_PATIENCE_MS): RangeBoard {
    const room = tasks.length + MAX_CUTS;
    const board = new RangeBoard(new SharedArrayBuffer(HEADER_BYTES + room * FIELDS * 8));
    board.header[ROOM] = room;
    board.header[PATIENCE] = lockPatienceMs;
    for (const task of tasks) {
      const at = task.index * FIELDS;
      board.cells[at + START] = task.start;
      board.cells[at + END] = task.end;
      board.cells[at + CLAIMED] = task.start;
      board.cells[at + ORIGIN] = task.index;
    }
    board.header[COUNT] = tasks.length;
    return board;
  }

  /** The board another thread made. */
  static of(data: RangeBoardData): RangeBoard {
    return new RangeBoard(data.buffer);
  }

  /** How many ranges there are now (the planned ones first, then the parts in the order taken). */
  get count(): number {
    return Atomics.load(this.header, COUNT);
  }

  /** Whether {@link stop} was called: no more parts are taken. */
  get stopped(): boolean {
    return Atomics.load(this.header, STOPPED) !== 0;
  }

  /**
   * No more parts are taken (ranges being read are read to their end). For a range that gave the
   * run back to the general path, or failed: whatever is left would be read for nothing.
   */
  stop(): void {
    Atomics.store(this.header, STOPPED, 1);
  }

  /**
   * Claims range `slot`'s bytes up to `upTo` for its reader: it may read to `to` (`upTo`, or the
   * range's end if that comes first). Once a reader has claimed up to its end, the end no longer
   * moves.
   */
  claim(slot: number, upTo: number): Claim {
    this.lock();
    const at = slot * FIELDS;
    const end = this.cells[at + END]!;
    const to = Math.min(upTo, end);
    if (to > this.cells[at + CLAIMED]!) this.cells[at + CLAIMED] = to;
    this.unlock();
    return { to, end };
  }

  /**
   * Cuts the range with the most unclaimed bytes (at least `minBytes`) in two just after a line
   * break near the middle of what is left, and returns the second part as a new range for the
   * caller to scan; undefined when no range has that much left (or the board is stopped).
   *
   * @param tasks - the planned ranges (a part inherits its file and options from its origin)
   */
  steal(tasks: readonly RangeTask[], minBytes: number): RangeTask | undefined {
    const passed = new Set<number>();
    for (;;) {
      // Under the lock: the range with most left. Outside it: where its line break is. Under it
      // again: the cut, if the range's reader has not claimed past it meanwhile.
      this.lock();
      let victim = -1;
      let most = minBytes;
      let end = 0;
      let from = 0;
      if (this.header[STOPPED] === 0 && this.header[COUNT]! < this.header[ROOM]!) {
        for (let s = 0; s < this.header[COUNT]!; s++) {
          const left = this.cells[s * FIELDS + END]! - this.cells[s * FIELDS + CLAIMED]!;
          if (left >= most && !passed.has(s)) {
            most = left;
            victim = s;
          }
        }
      }
      if (victim >= 0) {
        end = this.cells[victim * FIELDS + END]!;
        from = this.cells[victim * FIELDS + CLAIMED]!;
      }
      this.unlock();
      if (victim < 0) return undefined;
      const origin = tasks[this.cells[victim * FIELDS + ORIGIN]!]!;
      const cut = lineAfter(origin.file, from + Math.floor((end - from) / 2), end);
      if (cut >= end) {
        // One line holds the rest of this range: try the next.
        passed.add(victim);
        continue;
      }
      this.lock();
      const at = victim * FIELDS;
      const count = this.header[COUNT]!;
      const cuttable = this.header[STOPPED] === 0 && count < this.header[ROOM]! && this.cells[at + END] === end && this.cells[at + CLAIMED]! < cut;
      if (cuttable) {
        this.cells[at + END] = cut;
        const part = count * FIELDS;
        this.cells[part + START] = cut;
        this.cells[part + END] = end;
        this.cells[part + CLAIMED] = cut;
        this.cells[part + ORIGIN] = origin.index;
        Atomics.store(this.header, COUNT, count + 1);
      }
      this.unlock();
      // Its reader got there first, or another thread cut it: look again.
      if (cuttable) return { ...origin, index: count, start: cut, end };
    }
  }

  /**
   * The parts this thread takes, one after another, until none is left (see {@link steal}).
   *
   * @example
   * for (const part of board.parts(tasks, minBytes)) results.push(scanRange(part, sink(), board));
   */
  *parts(tasks: readonly RangeTask[], minBytes: number): Generator<RangeTask, void, undefined> {
    for (let part = this.steal(tasks, minBytes); part !== undefined; part = this.steal(tasks, minBytes)) yield part;
  }

  /** Range `slot` as it stands: first byte, end, and the planned range it was cut from. */
  range(slot: number): { start: number; end: number; origin: number } {
    const at = slot * FIELDS;
    return { start: this.cells[at + START]!, end: this.cells[at + END]!, origin: this.cells[at + ORIGIN]! };
  }

  private lock(): void {
    if (Atomics.compareExchange(this.header, LOCK, 0, 1) === 0) return;
    // Held for a few reads and writes: spin. Past any reasonable wait its holder has died (a
    // worker stopped by its heap limit does not run `finally`): give the run up rather than hang.
    const deadline = performance.now() + this.header[PATIENCE]!;
    while (Atomics.compareExchange(this.header, LOCK, 0, 1) !== 0) {
      if (performance.now() > deadline) throw new BoardLockLost('a thread died holding the range board');
    }
  }

  private unlock(): void {
    Atomics.store(this.header, LOCK, 0);
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

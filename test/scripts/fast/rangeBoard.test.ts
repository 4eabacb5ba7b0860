import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/records/index.js';
import { BoardLockLost, lineAfter, RangeBoard } from '../../../src/scripts/fast/rangeBoard.js';
import { scanRange } from '../../../src/scripts/fast/scanRange.js';
import type { RangeTask } from '../../../src/scripts/fast/types.js';
import { ingestContacts } from '../../../src/scripts/ingest/ingest.js';

// A thread out of ranges takes the second half of the range with most left, cut after a line
// break; the range's own reader stops at the cut. Whatever the cuts, every line is read once,
// by one range, and the ranges in file order give the general path's rows.

const dir = mkdtempSync(join(tmpdir(), 'cc-board-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (i: number) =>
  JSON.stringify({ id: `W${String(i).padStart(6, '0')}`, channel: 'phone', direction: 'inbound', agentId: `A${i % 7}`, offeredAt: `2026-03-0${1 + (i % 9)}T09:00:00+08:00`, answered: i % 3 !== 0, waitSeconds: i % 40 });
// 3,000 lines (≈ 420 KB), a repeated id and a broken line among them.
const lines = Array.from({ length: 3000 }, (_, i) => (i === 1700 ? '{"id":' : i === 2500 ? line(40) : line(i)));
const file = join(dir, 'calls.ndjson');
writeFileSync(file, lines.join('\n') + '\n');
const size = Buffer.byteLength(lines.join('\n') + '\n');

const task = (index: number, start: number, end: number): RangeTask => ({
  index, file, format: 'ndjson', start, end, fileSize: size, strict: false, maxRejects: 100, sinkOptions: null,
});
const collect = () => {
  const ids: string[] = [];
  return { addContact: (c: Contact) => void ids.push(c.id), state: () => ids };
};

describe('lineAfter', () => {
  it('finds the start of the next line, or the end', () => {
    const first = Buffer.byteLength(lines[0]!) + 1;
    expect(lineAfter(file, 0, size)).toBe(first);
    expect(lineAfter(file, first - 1, size)).toBe(first); // on the line break itself
    expect(lineAfter(file, first, size)).toBe(first + Buffer.byteLength(lines[1]!) + 1);
    expect(lineAfter(file, size - 3, size)).toBe(size);
    expect(lineAfter(file, 5, 20)).toBe(20); // no break before the end given
  });
});

describe('RangeBoard', () => {
  it('cuts the range with most left after a line break near the middle of its unclaimed bytes', () => {
    const tasks = [task(0, 0, 1000), task(1, 1000, size)];
    const board = RangeBoard.plan(tasks);
    // Range 0's reader has claimed all of it: nothing there to take. Range 1 has the most left.
    expect(board.claim(0, 5000)).toEqual({ to: 1000, end: 1000 });
    const part = board.steal(tasks, 1)!;
    expect(part.index).toBe(2);
    expect(part.start).toBe(lineAfter(file, 1000 + Math.floor((size - 1000) / 2), size));
    expect(part.end).toBe(size);
    expect(board.range(1)).toEqual({ start: 1000, end: part.start, origin: 1 });
    expect(board.range(2)).toEqual({ start: part.start, end: size, origin: 1 });
    expect(board.count).toBe(3);
    // Claims stop at the cut; a range claimed to its end is never cut again.
    expect(board.claim(1, size)).toEqual({ to: part.start, end: part.start });
    expect(board.claim(2, size)).toEqual({ to: size, end: size });
    expect(board.steal(tasks, 1)).toBeUndefined();
  });

  it('takes no more parts once stopped (a range gave the run back to the general path)', () => {
    const tasks = [task(0, 0, size)];
    const board = RangeBoard.plan(tasks);
    expect(board.stopped).toBe(false);
    board.stop();
    expect(board.stopped).toBe(true);
    expect([...board.parts(tasks, 1)]).toEqual([]);
    expect(board.claim(0, 100)).toEqual({ to: 100, end: size }); // its own reader reads on
  });

  it('gives up on a lock held past its patience (its holder died) instead of spinning forever', () => {
    const tasks = [task(0, 0, size)];
    const board = RangeBoard.plan(tasks, 30);
    new Int32Array(board.buffer)[0] = 1; // the lock word, as a thread that died holding it left it
    expect(() => board.claim(0, 100)).toThrow(BoardLockLost);
    expect(() => board.steal(tasks, 1)).toThrow(BoardLockLost);
  });

  it('is stopped by a range that gives the run back to the general path (here: a reject under --strict)', () => {
    const tasks = [{ ...task(0, 0, size), strict: true }];
    const board = RangeBoard.plan(tasks);
    const result = scanRange(tasks[0]!, collect(), board);
    expect(result.abort).toBe('a row is rejected under --strict');
    expect(board.stopped).toBe(true);
  });

  it('passes over a range whose rest is one line and cuts the next', () => {
    // Ten short lines, then one long line: the long one has the most left but cannot be cut.
    const short = Array.from({ length: 10 }, (_, i) => `{"n":${i}}`).join('\n') + '\n';
    const long = `{"note":"${'x'.repeat(2000)}"}\n`;
    const two = join(dir, 'two.ndjson');
    writeFileSync(two, short + long);
    const at = Buffer.byteLength(short);
    const total = at + Buffer.byteLength(long);
    const tasks = [{ ...task(0, 0, at), file: two, fileSize: total }, { ...task(1, at, total), file: two, fileSize: total }];
    const board = RangeBoard.plan(tasks);
    const part = board.steal(tasks, 1)!;
    expect(part.start).toBeGreaterThan(0);
    expect(part.end).toBe(at); // range 0 was cut, not range 1
    expect(board.range(1)).toEqual({ start: at, end: total, origin: 1 });
  });

  it('gives the general path’s rows, rejects and duplicates, whatever the cuts (property)', async () => {
    const want: string[] = [];
    const counts = await ingestContacts([file], {}, { onRecord: (c) => want.push(c.id) });
    expect(counts).toMatchObject({ rows: 3000, accepted: 2998, rejected: 1, duplicates: 1 });
    let mostRanges = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(size), fc.integer({ min: 1, max: 200_000 })), { maxLength: 12 }), async (moves) => {
        const tasks = [task(0, 0, size)];
        const board = RangeBoard.plan(tasks);
        // Claims and cuts in any order, as other threads would make them, before the ranges are read.
        for (const [claimTo, minBytes] of moves) {
          const slot = claimTo % board.count;
          board.claim(slot, board.range(slot).start + (claimTo % 4096));
          board.steal(tasks, minBytes);
        }
        mostRanges = Math.max(mostRanges, board.count);
        const ranges = Array.from({ length: board.count }, (_, slot) => ({ slot, ...board.range(slot) })).sort((a, b) => a.start - b.start);
        // The ranges tile the file: each starts where the one before ends, at the start of a line.
        expect(ranges[0]!.start).toBe(0);
        for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.start).toBe(ranges[k - 1]!.end);
        expect(ranges.at(-1)!.end).toBe(size);
        const results = ranges.map((r) => scanRange({ ...task(r.slot, r.start, r.end) }, collect(), board));
        const ids = results.flatMap((r) => r.state as string[]);
        // Duplicates are settled across ranges later (crossRangeDuplicates); here each range keeps its own.
        expect([...new Set(ids)]).toEqual(want);
        expect(results.reduce((n, r) => n + r.rows, 0)).toBe(3000);
        expect(results.reduce((n, r) => n + r.bytes, 0)).toBe(size);
        // Every line break counted once, and the broken line found on line 1701 of the file.
        expect(results.reduce((n, r) => n + r.lines, 0)).toBe(3000);
        let before = 0;
        const rejectLines = results.flatMap((r) => {
          const found = r.rejects.filter((x) => !x.duplicate).map((x) => before + x.line);
          before += r.lines;
          return found;
        });
        expect(rejectLines).toEqual([1701]);
      }),
      { numRuns: 60 },
    );
    expect(mostRanges).toBeGreaterThan(4); // the cuts did happen
  });
});

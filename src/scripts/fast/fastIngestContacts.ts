import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { detectDelimiter } from '../ingest/csv.js';
import { formatOf, type IngestCounts, type IngestReject } from '../ingest/ingest.js';
import { mappableFields, normaliseColumn } from '../ingest/mapping.js';
import type { TextFileInfo } from '../ingest/read-text.js';
import type { IdSetData } from './idSet.js';
import { F } from './contactScanner.js';
import { findEarlierIds, tableOf } from './crossRangeDuplicates.js';
import { GeneralRows } from './generalRow.js';
import { BoardLockLost, lineAfter, RangeBoard } from './rangeBoard.js';
import { scanRange, spansRanges } from './scanRange.js';
import type { FastSinkFactory, RangeResult, RangeTask } from './types.js';
import { defaultMinSplitBytes, defaultWorkerHeapMb, prestartedAgeMs, releasePrestartedWorkers, takeFastWorker } from './workerThreads.js';

/** Options of {@link fastIngestContacts}. */
export interface FastIngestOptions {
  /** A `--map` mapping: the fast path reads only exports in the records' own field names, so any mapping means "not for me". */
  readonly mapping?: unknown;
  /** The run's `--tz`. */
  readonly timeZone?: string | undefined;
  /** `--strict`: the fast path steps aside at the first reject so the general path stops there with its error. */
  readonly strict?: boolean | undefined;
  /** Threads that scan, this one included (default 2: this thread and one worker). 0 or 1 scans in this thread only. */
  readonly workers?: number;
  /** The module a worker runs: it must call `runFastWorker(createSink)` when `isFastWorker()`. Without it, scans run in this thread. */
  readonly workerUrl?: URL | string | undefined;
  /** Builds a sink (a report builder) for each range. */
  readonly createSink: FastSinkFactory;
  /** Plain data given to `createSink` (in each worker too). */
  readonly sinkOptions?: unknown;
  /** Old-generation heap of each worker thread, in MB (default 64); past it the general path takes over. */
  readonly workerHeapMb?: number;
  /** Ranges per file (default: one per thread for files ≥ `minSplitBytes`, else 1). Tests use it to split without threads. */
  readonly ranges?: number;
  /** Files smaller than this are not split (default 16 MiB). */
  readonly minSplitBytes?: number;
  /** Past this many rejects in one range, the general path takes over (default 20,000: rejects wait in memory until the scan ends). */
  readonly maxRejects?: number;
  /** A thread out of ranges takes half of another's when at least this many bytes are left unread there (default 16 MiB; `Infinity`: never). */
  readonly minStealBytes?: number;
  /** Bytes each read takes from a file (default 1 MiB; with threads, what a reader claims at a time). Tests make it small to cut rows between reads. */
  readonly readBytes?: number;
}

/** Callbacks, as for the general path (`ingestContacts`). */
export interface FastIngestHandlers {
  readonly onReject?: (reject: IngestReject, duplicate: boolean) => void;
  readonly onBytes?: (bytes: number) => void;
  readonly onFile?: (info: TextFileInfo) => void;
}

/** What the fast path gave: the counts and one sink state per range, in file order, to merge; or why it stepped aside. */
export type FastIngestOutcome =
  | { readonly ok: true; readonly counts: IngestCounts; readonly states: readonly unknown[]; readonly ranges: number }
  | { readonly ok: false; readonly reason: string };

interface FilePlan {
  readonly file: string;
  readonly format: 'csv' | 'ndjson';
  readonly size: number;
  readonly dataStart: number;
  /** Lines before the first data line (the CSV header). */
  readonly headerLines: number;
  readonly header?: string[];
  readonly columns?: number[];
}

const fieldCode = new Map(Object.keys(mappableFields.contact).map((name) => [normaliseColumn(name), F[name as keyof typeof F]]));

function readAt(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Whether the fast path can read this file, and how; a string says why not. */
function planFile(file: string, timeZone: string | undefined): FilePlan | string {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) return 'not a file';
    size = info.size;
  } catch {
    return 'cannot open';
  }
  if (size === 0) return 'empty file';
  const head = readAt(file, 0, Math.min(size, 1 << 16));
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (file.toLowerCase().endsWith('.gz')) return 'gzip';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'UTF-16';
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const format = formatOf(file);
  if (format === 'ndjson') return { file, format, size, dataStart: bom, headerLines: 0 };
  const nl = head.indexOf(10, bom);
  if (nl === -1) return 'no complete header line in the first 64 KiB';
  const headerText = head.toString('utf8', bom, nl > bom && head[nl - 1] === 13 ? nl - 1 : nl);
  if (headerText.includes('"')) return 'a quoted header';
  if (detectDelimiter(headerText) !== ',') return 'a delimiter other than ","';
  const header = headerText.split(',');
  try {
    new GeneralRows(file, header, timeZone);
  } catch {
    return 'the header does not name the contact fields';
  }
  // A contact field the scanner does not read (scriptCompliant) would go unchecked: not for it.
  const unread = header.find((h) => fieldCode.has(normaliseColumn(h)) && fieldCode.get(normaliseColumn(h)) === undefined);
  if (unread !== undefined) return `a column the fast path does not read (${unread})`;
  const columns = header.map((h) => fieldCode.get(normaliseColumn(h)) ?? -1);
  return { file, format, size, dataStart: nl + 1, headerLines: 1, header, columns };
}

/** Cuts `[start, size)` into about `parts` ranges, each ending just after a line break. */
function cutRanges(file: string, start: number, size: number, parts: number): [number, number][] {
  const cuts = [start];
  for (let k = 1; k < parts; k++) {
    const at = lineAfter(file, Math.max(cuts[cuts.length - 1]!, start + Math.floor(((size - start) * k) / parts)), size);
    if (at < size && at > cuts[cuts.length - 1]!) cuts.push(at);
  }
  cuts.push(size);
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) ranges.push([cuts[i]!, cuts[i + 1]!]);
  return ranges;
}

/**
 * Cuts `[start, size)` into one range per thread. This thread claims the first at once while
 * each worker first loads its module (about 0.2 s, in which a thread reads some 220,000 rows on
 * the machines measured; less of it is left for a worker the CLI started early), so the first
 * range is longer by the rows this thread reads meanwhile: their bytes estimated from the first
 * megabyte's lines, capped at a quarter of the file. Threads that still end apart even it out
 * by taking parts of each other's ranges (see {@link RangeBoard}); cutting into more, shorter
 * ranges from the start was slower (2.5–2.7 s against 2.2 s on 5,000,000 CSV rows), each range
 * costing its own reader, id set and report state.
 *
 * @param loadLeftMs - how long the workers still need to load their module
 */
function cutForThreads(file: string, start: number, size: number, threads: number, loadLeftMs: number): [number, number][] {
  const total = size - start;
  const sample = readAt(file, start, Math.min(total, 1 << 20));
  let lines = 0;
  for (let i = sample.indexOf(10); i !== -1; i = sample.indexOf(10, i + 1)) lines++;
  const bytesPerRow = lines === 0 ? total : sample.length / lines;
  const headStart = Math.floor(Math.min(total / 4, rowsPerMs * loadLeftMs * bytesPerRow));
  const share = Math.floor((total - headStart) / threads);
  const ranges: [number, number][] = [];
  let at = start;
  for (let k = 0; k < threads && at < size; k++) {
    const to = k === threads - 1 ? size : lineAfter(file, Math.min(size, at + share + (k === 0 ? headStart : 0)), size);
    ranges.push([at, to]);
    at = to;
  }
  return ranges;
}

/**
 * Below this many unread bytes a range is left to its reader. A part taken costs its own reader,
 * id set and report state, summed and merged at its end: about 25 ms (measured on the 5M bench
 * files), which taking half of 16 MiB saves on NDJSON, twice over on CSV.
 */
const defaultMinStealBytes = 16 << 20;

/**
 * Byte-table ids (not numbered) past which the check across ranges is split between the threads;
 * numbered ids are checked page by page, in a few milliseconds, by this thread alone (sending the
 * id sets to a worker took longer).
 */
const splitProbeIds = 100_000;

/** How long a worker takes to load its module, and rows a thread reads a millisecond (measured on 5M CSV and NDJSON rows, docs/bench.md). */
const workerLoadMs = 200;
const rowsPerMs = 1_100;

/** A worker that stopped by itself (out of its heap, most likely): the general path takes over. */
class WorkerStopped extends Error {}

/** A small pool of worker threads answering scan and probe requests. */
class Pool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private next = 0;
  /** Why a worker stopped by itself, once one has (a request to it then fails at once). */
  private stoppedBecause: string | undefined;

  constructor(url: URL | string, size: number, heapMb: number) {
    try {
      for (let i = 0; i < size; i++) {
        // One the CLI started early if there is one (small heaps either way: see startFastWorker).
        const worker = takeFastWorker(url, heapMb);
        // Kept for the pool's life: an error between requests is not a crash, and a worker that
        // has stopped is not sent a request it would never answer.
        worker.on('error', (error) => void (this.stoppedBecause ??= error.message));
        worker.once('exit', (code) => void (this.stoppedBecause ??= `exited with code ${code}`));
        this.workers.push(worker);
        this.idle.push(worker);
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Whether a worker has stopped by itself (the run is then given back to the general path). */
  get stopped(): boolean {
    return this.stoppedBecause !== undefined;
  }

  async run<T>(type: 'scan' | 'probe', payload: unknown): Promise<T> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const worker = this.idle.pop()!;
    try {
      return await this.request<T>(worker, type, payload);
    } finally {
      this.idle.push(worker);
      this.waiting.shift()?.();
    }
  }

  /** How many workers the pool has. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Lets every worker claim ranges from `tasks` through the shared `counter` until none is
   * left, then take parts of others' ranges from the `board` (see {@link RangeBoard.steal}),
   * calling `onResult` for each range a worker scanned; settles when all are done.
   */
  async queue(tasks: readonly RangeTask[], counter: SharedArrayBuffer, board: RangeBoard, minSteal: number, onResult: (result: RangeResult) => void): Promise<void> {
    const workers = this.idle.splice(0);
    try {
      await Promise.all(workers.map((worker) => this.request<null>(worker, 'queue', { tasks, counter, board: { buffer: board.buffer }, minSteal }, onResult)));
    } finally {
      this.idle.push(...workers);
      for (let i = 0; i < workers.length; i++) this.waiting.shift()?.();
    }
  }

  /**
   * Sends one request and waits for its answer (`onPartial` takes the ranges of a queue as they
   * come). An exception inside the worker is thrown here as it would be in this thread; a worker
   * that stops by itself (out of its heap) rejects with {@link WorkerStopped}.
   */
  private request<T>(worker: Worker, type: 'scan' | 'probe' | 'queue', payload: unknown, onPartial?: (result: RangeResult) => void): Promise<T> {
    const id = this.next++;
    if (this.stoppedBecause !== undefined) return Promise.reject(new WorkerStopped(this.stoppedBecause));
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: { id: number; partial?: RangeResult; result?: T; error?: string; stopped?: string }) => {
        if (m.id !== id) return;
        if (m.partial !== undefined) return onPartial?.(m.partial);
        done();
        if (m.stopped !== undefined) reject(new WorkerStopped(m.stopped));
        else if (m.error !== undefined) reject(new Error(`fast-path worker: ${m.error}`));
        else resolve(m.result as T);
      };
      const onError = (error: Error) => {
        done();
        reject(new WorkerStopped(error.message));
      };
      const onExit = (code: number) => {
        done();
        reject(new WorkerStopped(`exited with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, type, payload });
    });
  }

  /**
   * Stops the workers without waiting for their threads to end (about 20 ms the report does not
   * need to wait for): they no longer hold the process open either.
   */
  close(): void {
    for (const worker of this.workers) {
      worker.unref();
      void worker.terminate();
    }
  }
}

/**
 * The fast path of the report's common case: flat contact exports (CSV with the records' field
 * names in the header, or NDJSON of flat records), plain or with a few odd rows, no `--map`.
 * Each file is cut into byte ranges on line breaks and scanned by worker threads; a row the
 * byte scanner cannot prove valid goes through the exact general path (ingest's CSV reader and
 * mapping, the records room's `safeParseContact`), so counts, rejects and their reasons are the
 * same as `ingestContacts` gives. Ids are kept once across all files, first in file order wins
 * (exact comparison; ranges are checked against earlier ranges and rescanned when they share ids).
 *
 * When it cannot take the input (a mapping, gzip, `;` or tab, a quoted header, not UTF-8, a
 * quote never closed, `--strict` meeting a reject, very many rejects) it returns
 * `{ ok: false, reason }` having called no handler but `onBytes`, and the caller runs the
 * general path.
 *
 * @param files - the contact files, in order
 * @param options - see {@link FastIngestOptions}
 * @param handlers - rejects (in file order, after the scan), bytes and files for progress
 * @returns the counts and the sink states to merge, in file order; or why the general path must read it
 * @example
 * const out = await fastIngestContacts(['march.csv'], { createSink: (o) => createReportBuilder(o as ReportBuilderOptions), sinkOptions: { timeZone: 'Asia/Shanghai' } }, {});
 * if (out.ok) for (const s of out.states) builder.merge(s as ReportState);
 */
export async function fastIngestContacts(
  files: readonly string[],
  options: FastIngestOptions,
  handlers: FastIngestHandlers = {},
): Promise<FastIngestOutcome> {
  const { readBytes } = options;
  if (readBytes !== undefined && !(Number.isInteger(readBytes) && readBytes >= 1)) {
    throw new RangeError(`fastIngestContacts: readBytes must be a whole number of bytes, at least 1; got ${String(readBytes)}`);
  }
  try {
    return await fastIngest(files, options, handlers);
  } finally {
    // A worker the CLI started early and nobody took (a gzip file, say) is not kept waiting.
    releasePrestartedWorkers();
  }
}

async function fastIngest(files: readonly string[], options: FastIngestOptions, handlers: FastIngestHandlers): Promise<FastIngestOutcome> {
  if (options.mapping !== undefined) return { ok: false, reason: 'a mapping is given' };
  const plans: FilePlan[] = [];
  for (const file of files) {
    const plan = planFile(file, options.timeZone);
    if (typeof plan === 'string') return { ok: false, reason: `${file}: ${plan}` };
    plans.push(plan);
  }
  const threads = options.workerUrl === undefined ? 1 : Math.max(1, options.workers ?? 2);
  const heapMb = options.workerHeapMb ?? defaultWorkerHeapMb;
  const minSplit = options.minSplitBytes ?? defaultMinSplitBytes;
  const tasks: RangeTask[] = [];
  const taskFile: number[] = [];
  plans.forEach((plan, f) => {
    const ranges =
      options.ranges !== undefined
        ? cutRanges(plan.file, plan.dataStart, plan.size, options.ranges)
        : threads > 1 && plan.size - plan.dataStart >= minSplit
          ? cutForThreads(plan.file, plan.dataStart, plan.size, threads, Math.max(0, workerLoadMs - prestartedAgeMs(options.workerUrl!, heapMb)))
          : [[plan.dataStart, plan.size] as [number, number]];
    ranges.forEach(([start, end]) => {
      tasks.push({
        index: tasks.length,
        file: plan.file,
        format: plan.format,
        start,
        end,
        fileSize: plan.size,
        header: plan.header,
        columns: plan.columns,
        timeZone: options.timeZone,
        strict: options.strict === true,
        maxRejects: options.maxRejects ?? 20_000,
        ...(options.readBytes === undefined ? {} : { readBytes: options.readBytes }),
        sinkOptions: options.sinkOptions,
      });
      taskFile.push(f);
    });
  });

  // This thread scans too: the pool holds the other threads, used only when there is more than
  // one range to read (a worker takes about 0.2 s to load its module, unless the CLI started it
  // early).
  let pool: Pool | undefined;
  const scan = (task: RangeTask): Promise<RangeResult> =>
    pool ? pool.run<RangeResult>('scan', { task }) : Promise.resolve(scanRange(task, options.createSink(options.sinkOptions)));
  const probe = (target: IdSetData, earlier: IdSetData[], part: number, parts: number): Promise<Uint8Array[]> =>
    pool ? pool.run<Uint8Array[]>('probe', { target, earlier, part, parts }) : Promise.resolve(findEarlierIds(target, earlier, part, parts));
  try {
    if (threads > 1 && tasks.length > 1) pool = new Pool(options.workerUrl!, threads - 1, heapMb);
    return await scanAll();
  } catch (error) {
    // A worker that died (out of its heap, most likely) gives the run back to the general path;
    // an exception, in this thread or a worker, is a bug and is thrown.
    if (error instanceof WorkerStopped) return { ok: false, reason: `a fast-path worker stopped: ${error.message.split('\n')[0]}` };
    if (error instanceof BoardLockLost) return { ok: false, reason: `a fast-path worker stopped: ${error.message}` };
    throw error;
  } finally {
    pool?.close();
  }

  async function scanAll(): Promise<FastIngestOutcome> {
    const results: RangeResult[] = new Array<RangeResult>(tasks.length);
    const took = (result: RangeResult): void => {
      results[result.index] = result;
      handlers.onBytes?.(result.bytes);
    };
    /**
     * Puts the ranges as the board left them (the planned ones, cut short, and the parts taken)
     * in file order, in place of the planned ones: in `tasks`, `taskFile` and `results`.
     */
    const putInFileOrder = (board: RangeBoard): void => {
      const all = Array.from({ length: board.count }, (_, slot) => {
        const { start, end, origin } = board.range(slot);
        return { task: { ...tasks[origin]!, start, end }, file: taskFile[origin]!, result: results[slot], cutShort: end !== tasks[origin]!.end };
      });
      all.sort((a, b) => a.file - b.file || a.task.start - b.task.start);
      tasks.length = 0;
      taskFile.length = 0;
      results.length = 0;
      // A range nobody read is possible only once a range has given the run back (the board stopped).
      all
        .filter((r) => r.result !== undefined)
        .forEach(({ task, file, result, cutShort }, index) => {
          tasks.push({ ...task, index });
          taskFile.push(file);
          results.push({ ...result!, index });
          if (cutShort) cutByPart.add(index);
        });
    };
    /** Ranges (in file order) whose end is the start of a part another thread took. */
    const cutByPart = new Set<number>();
    if (pool === undefined) for (const task of tasks) took(await scan(task));
    else {
      // Every thread, this one included, claims the next range from one shared counter until
      // none is left: a worker that starts late (it loads the module first) takes fewer. Then
      // each takes the second half of whichever range has the most left (the board), so the
      // threads end together.
      const counter = new SharedArrayBuffer(4);
      const board = RangeBoard.plan(tasks);
      const minSteal = options.minStealBytes ?? defaultMinStealBytes;
      // Handled at once: it may fail (a worker stopping) while this thread still scans.
      const workersDone = pool.queue(tasks, counter, board, minSteal, took).then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
      const next = new Int32Array(counter);
      // Lets a worker's exit be seen between ranges: then the general path reads it all.
      const workerStopped = async (): Promise<boolean> => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return pool!.stopped;
      };
      let failed: { error: unknown } | undefined;
      try {
        let stop = false;
        while (!stop && !board.stopped) {
          const i = Atomics.add(next, 0, 1);
          if (i >= tasks.length) break;
          took(scanRange(tasks[i]!, options.createSink(options.sinkOptions), board));
          stop = await workerStopped();
        }
        if (!stop && !(await workerStopped())) {
          for (const part of board.parts(tasks, minSteal)) {
            took(scanRange(part, options.createSink(options.sinkOptions), board));
            if (await workerStopped()) break;
          }
        }
      } catch (error) {
        failed = { error };
      }
      // This thread's own error, if any, wins over a worker's.
      failed ??= await workersDone;
      if (failed !== undefined) throw failed.error;
      putInFileOrder(board);
    }
    const aborted = results.find((r) => r.abort !== undefined);
    if (aborted?.abort === spansRanges) {
      // A cut fell inside a quoted field that runs over lines: read again without taking parts
      // when it was a part's, else with each file as one range.
      pool?.close();
      pool = undefined;
      if (cutByPart.has(aborted.index)) return fastIngest(files, { ...options, minStealBytes: Number.POSITIVE_INFINITY }, handlers);
      if (options.ranges !== 1) return fastIngest(files, { ...options, ranges: 1, minStealBytes: Number.POSITIVE_INFINITY }, handlers);
    }
    if (aborted) return { ok: false, reason: `${tasks[aborted.index]!.file}: ${aborted.abort!}` };

    // First wins in file order: ids a range shares with earlier ranges are duplicates there
    // (checked by this thread, with the workers when there are many byte-table ids).
    const tableIds = results.reduce((n, r) => n + r.ids.table.count, 0);
    const parts = pool && tableIds > splitProbeIds ? pool.size + 1 : 1;
    const earlierHits = await Promise.all(
      results.map(async (r, j) => {
        if (j === 0) return [];
        const earlier = results.slice(0, j).map((e) => e.ids);
        // The workers' parts are sent before this thread starts its own (an exception in it
        // becomes a rejection, so a worker's later rejection is not left unhandled).
        const theirs = Array.from({ length: parts - 1 }, (_, k) => probe(r.ids, earlier, k + 1, parts));
        const ours = new Promise<Uint8Array[]>((resolve) => resolve(findEarlierIds(r.ids, earlier, 0, parts)));
        return (await Promise.all([ours, ...theirs])).flat();
      }),
    );
    await Promise.all(
      earlierHits.map(async (hits, j) => {
        if (hits.length === 0) return;
        // A rescan may step aside too (its duplicates past maxRejects, say): see below.
        const again = await scan({ ...tasks[j]!, excluded: tableOf(hits) });
        results[j] = { ...again, ids: results[j]!.ids };
      }),
    );
    const rescanAborted = results.find((r) => r.abort !== undefined);
    if (rescanAborted) return { ok: false, reason: `${tasks[rescanAborted.index]!.file}: ${rescanAborted.abort!}` };

    const counts: IngestCounts = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, files: [] };
    plans.forEach((plan, f) => {
      handlers.onFile?.({ file: plan.file, size: plan.size, gzip: false });
      const perFile = { file: plan.file, rows: 0, accepted: 0, rejected: 0, duplicates: 0 };
      let base = plan.headerLines;
      results.forEach((r, j) => {
        if (taskFile[j] !== f) return;
        perFile.rows += r.rows;
        perFile.accepted += r.accepted;
        perFile.rejected += r.rejected;
        perFile.duplicates += r.duplicates;
        for (const x of r.rejects) {
          const line = base + x.line;
          let reasons = x.reasons;
          if (x.spansLines === true) {
            // Read again where the file's line numbers are known (ingest's message names them).
            const again = new GeneralRows(plan.file, plan.header, options.timeZone).csv(x.raw, line);
            if (again.kind === 'reject') reasons = again.reasons;
          }
          handlers.onReject?.({ file: plan.file, line, raw: x.raw, reasons }, x.duplicate);
        }
        base += r.lines;
      });
      counts.files.push(perFile);
      counts.rows += perFile.rows;
      counts.accepted += perFile.accepted;
      counts.rejected += perFile.rejected;
      counts.duplicates += perFile.duplicates;
    });
    return { ok: true, counts, states: results.map((r) => r.state), ranges: results.length };
  }
}

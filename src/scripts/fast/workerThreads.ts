import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

// What starting a fast-path worker takes, kept apart from the scanner so that the CLI's entry can
// start one (and a worker can know it is one) before loading anything else.

const marker = 'callcenterQaFastWorker';

/** `workerData` that marks a fast-path worker. */
export const fastWorkerData = { [marker]: true } as const;

/**
 * Whether this thread was started as a fast-path worker. The module given as `workerUrl` to
 * `fastIngestContacts` checks this first thing and then calls `runFastWorker` instead of its
 * usual work (for the CLI: `dist/cli.js` itself).
 *
 * @returns true in a fast-path worker thread
 */
export function isFastWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Record<string, unknown>)[marker] === true;
}

/** Files smaller than this are read by one thread (the fast path's default `minSplitBytes`). */
export const defaultMinSplitBytes = 1 << 24;

/** A worker's old generation in MB (the fast path's default `workerHeapMb`). */
export const defaultWorkerHeapMb = 64;

/**
 * Starts a fast-path worker thread on `url`. A small old generation: a worker's live data is its
 * builder state and rejects (a few MB); left to itself V8 lets each isolate's heap grow to many
 * times that, which on 5,000,000 rows took the process past 300 MB (measured: 323–339 MB, 268 MB
 * with a limit). A worker that needs more dies with ERR_WORKER_OUT_OF_MEMORY and the general path
 * takes over. The young generation is the main thread's usual size: with 8 MB the worker spent
 * 20 ms more in scavenges while loading its module, and the peak RSS was the same (157–168 MB).
 */
export function startFastWorker(url: URL | string, heapMb: number): Worker {
  return new Worker(url, { workerData: fastWorkerData, resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: heapMb } });
}

interface Prestarted {
  readonly worker: Worker;
  readonly url: string;
  readonly heapMb: number;
  readonly startedAt: number;
}
// Workers started before anything else is loaded, waiting to be taken: state of the process by
// nature (the CLI's entry starts them, the fast path takes them), so module-level. One that
// stops or is taken leaves the list.
const prestarted: Prestarted[] = [];

const waitingFor = (url: URL | string, heapMb: number): number => prestarted.findIndex((p) => p.url === String(url) && p.heapMb === heapMb);

/**
 * Starts `count` workers now, to be taken by the fast path when it needs them: a worker takes
 * about 0.2 s to load its module, which it can do while this thread loads its own and plans the
 * ranges. Unused, they do not keep the process alive.
 *
 * @returns the workers started (for tests; the fast path takes them with {@link takeFastWorker})
 */
export function prestartFastWorkers(url: URL | string, count: number, heapMb = defaultWorkerHeapMb): readonly Worker[] {
  const started: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const entry: Prestarted = { worker: startFastWorker(url, heapMb), url: String(url), heapMb, startedAt: performance.now() };
    // A worker that fails before it is taken is simply not taken (the fast path starts another).
    const stopped = (): void => {
      const at = prestarted.indexOf(entry);
      if (at >= 0) prestarted.splice(at, 1);
    };
    entry.worker.on('error', stopped);
    entry.worker.once('exit', stopped);
    entry.worker.unref();
    prestarted.push(entry);
    started.push(entry.worker);
  }
  return started;
}

/** How long ago the worker {@link takeFastWorker} would hand out was started early, in ms (0 when none was). */
export function prestartedAgeMs(url: URL | string, heapMb: number): number {
  const at = waitingFor(url, heapMb);
  return at < 0 ? 0 : performance.now() - prestarted[at]!.startedAt;
}

/** Stops the workers {@link prestartFastWorkers} started that nobody took (the fast path did not need them). */
export function releasePrestartedWorkers(): void {
  for (const entry of prestarted.splice(0)) void entry.worker.terminate();
}

/** A worker {@link prestartFastWorkers} started with the same module and heap, still running; else a new one. */
export function takeFastWorker(url: URL | string, heapMb: number): Worker {
  const at = waitingFor(url, heapMb);
  if (at < 0) return startFastWorker(url, heapMb);
  const [entry] = prestarted.splice(at, 1);
  entry!.worker.ref();
  return entry!.worker;
}

/**
 * Whether a report over these arguments will likely split a file between threads: its contact
 * files (the positional arguments, read with the command's own option table; gzip ones left out)
 * add up to at least `minSplitBytes`, and no mapping, evaluations, `--no-fast` or help sends it
 * to the general path. A guess made before the command is loaded; the fast path itself decides.
 *
 * @param options - the command's `parseArgs` options (to tell option values from files)
 */
export function worthPrestarting(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, minSplitBytes = defaultMinSplitBytes): boolean {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: false });
  } catch {
    return false; // the command will say what is wrong
  }
  const { values, positionals } = parsed;
  if (values['map'] !== undefined || values['evaluations'] !== undefined || values['no-fast'] === true || values['help'] === true) return false;
  let bytes = 0;
  for (const file of positionals) {
    try {
      const info = statSync(file);
      // Gzip is the general path's (as the fast path decides it: the name or the first two bytes).
      if (info.isFile() && !gzipped(file)) bytes += info.size;
    } catch {
      // a file that does not exist: the command will say so
    }
  }
  return bytes >= minSplitBytes;
}

/** Whether the fast path would take the file for gzip: a `.gz` name, or gzip's magic bytes first. */
function gzipped(file: string): boolean {
  if (file.toLowerCase().endsWith('.gz')) return true;
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

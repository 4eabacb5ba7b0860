import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { reportOptions } from '../../../src/scripts/commands/reportOptions.js';
import { prestartFastWorkers, releasePrestartedWorkers, takeFastWorker, worthPrestarting } from '../../../src/scripts/fast/workerThreads.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = join(dir, 'big.csv');
writeFileSync(big, Buffer.alloc(2048, 0x61));
const small = join(dir, 'small.csv');
writeFileSync(small, 'id\n');

describe('worthPrestarting', () => {
  it('starts a worker early only for contact files big enough to be split, read by the fast path', () => {
    expect(worthPrestarting([big, '--tz', 'Asia/Shanghai'], reportOptions, 1024)).toBe(true);
    expect(worthPrestarting([small], reportOptions, 1024)).toBe(false);
    expect(worthPrestarting([small, big], reportOptions, 2048)).toBe(true); // together
    expect(worthPrestarting(['missing.csv', '--out', 'r.json'], reportOptions, 1)).toBe(false);
    // Option values are not contact files, even when they name big files.
    for (const option of ['--complaints', '--rejects', '--out']) expect(worthPrestarting([small, option, big], reportOptions, 1024), option).toBe(false);
    // The general path reads these: no worker would be used.
    for (const flag of [['--map', 'm.json'], ['--map=m.json'], ['--evaluations', 'e.csv'], ['--no-fast'], ['--help'], ['-h']]) {
      expect(worthPrestarting([big, ...flag], reportOptions, 1024), flag.join(' ')).toBe(false);
    }
  });

  it('counts no gzip file (the general path reads it): by its name or by its first two bytes', () => {
    const named = join(dir, 'big.ndjson.gz');
    writeFileSync(named, 'x'.repeat(4096));
    const magic = join(dir, 'big-gzip.ndjson');
    writeFileSync(magic, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(4096)]));
    expect(worthPrestarting([named], reportOptions, 1024)).toBe(false);
    expect(worthPrestarting([magic], reportOptions, 1024)).toBe(false);
    expect(worthPrestarting([magic, big], reportOptions, 1024)).toBe(true); // the plain one alone is enough
  });
});

describe('prestartFastWorkers / takeFastWorker', () => {
  // A stand-in worker module: answers one message with its thread's marker.
  const echo = join(dir, 'echo.mjs');
  writeFileSync(echo, "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ m, workerData }));\n");
  const exits = join(dir, 'exits.mjs');
  writeFileSync(exits, 'process.exit(0);\n');

  it('hands out the worker started early, then starts new ones', async () => {
    const url = pathToFileURL(echo);
    prestartFastWorkers(url, 1, 32);
    const first = takeFastWorker(url, 32);
    const second = takeFastWorker(url, 32);
    expect(second).not.toBe(first);
    try {
      first.postMessage('hi');
      const [answer] = (await once(first, 'message')) as [{ m: string; workerData: Record<string, unknown> }];
      expect(answer).toEqual({ m: 'hi', workerData: { callcenterQaFastWorker: true } });
    } finally {
      await Promise.all([first.terminate(), second.terminate()]);
    }
  });

  it('stops the workers started early that nobody took', async () => {
    const url = pathToFileURL(echo);
    prestartFastWorkers(url, 1, 40);
    const taken = takeFastWorker(url, 40); // this one is taken…
    const [untaken] = prestartFastWorkers(url, 1, 40);
    const ended = once(untaken!, 'exit');
    releasePrestartedWorkers(); // …this one is not, and is stopped
    await ended;
    const fresh = takeFastWorker(url, 40);
    try {
      fresh.postMessage('still here?');
      await once(fresh, 'message'); // a new worker, not the stopped one
      taken.postMessage('and you?');
      await once(taken, 'message');
    } finally {
      await Promise.all([taken.terminate(), fresh.terminate()]);
    }
  });

  it('does not hand out a worker started early for another module or heap, or one that has stopped', async () => {
    const url = pathToFileURL(exits);
    prestartFastWorkers(url, 1, 32);
    await new Promise((resolve) => setTimeout(resolve, 500)); // it exits at once
    const other = pathToFileURL(echo);
    prestartFastWorkers(other, 1, 48);
    const fresh = takeFastWorker(url, 32);
    const otherHeap = takeFastWorker(other, 32);
    const early = takeFastWorker(other, 48);
    try {
      expect(new Set([fresh, otherHeap, early]).size).toBe(3);
      await once(fresh, 'exit'); // a new worker on the same module: it runs (and exits) too
    } finally {
      await Promise.all([otherHeap.terminate(), early.terminate()]);
    }
  });
});

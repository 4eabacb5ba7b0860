import { parentPort } from 'node:worker_threads';
import { findEarlierIds } from './crossRangeDuplicates.js';
import { BoardLockLost, RangeBoard } from './rangeBoard.js';
import { scanRange } from './scanRange.js';
import type { FastSinkFactory } from './types.js';

export { fastWorkerData, isFastWorker } from './workerThreads.js';

/**
 * Serves scan and probe requests from the main thread until it is terminated.
 *
 * @param createSink - builds the sink (the report builder) for each range, from plain options
 */
export function runFastWorker(createSink: FastSinkFactory): void {
  const port = parentPort;
  if (port === null) return;
  port.on('message', (message: { id: number; type: 'scan' | 'probe' | 'queue'; payload: any }) => {
    try {
      const p = message.payload;
      if (message.type === 'queue') {
        // Ranges are claimed one at a time from a counter shared with the other threads, so a
        // thread that started late or met slow rows simply takes fewer of them.
        const counter = new Int32Array(p.counter as SharedArrayBuffer);
        const board = RangeBoard.of(p.board);
        // (Until a range gives the run back: the board is stopped, the rest would be read for nothing.)
        while (!board.stopped) {
          const i = Atomics.add(counter, 0, 1);
          if (i >= p.tasks.length) break;
          const task = p.tasks[i];
          port.postMessage({ id: message.id, partial: scanRange(task, createSink(task.sinkOptions), board) });
        }
        // Then parts of the ranges other threads are still reading (the one with most left first).
        for (const part of board.parts(p.tasks, p.minSteal)) {
          port.postMessage({ id: message.id, partial: scanRange(part, createSink(part.sinkOptions), board) });
        }
        port.postMessage({ id: message.id, result: null });
        return;
      }
      const result =
        message.type === 'scan' ? scanRange(p.task, createSink(p.task.sinkOptions)) : findEarlierIds(p.target, p.earlier, p.part, p.parts);
      port.postMessage({ id: message.id, result });
    } catch (error) {
      // A lock given up on means a thread died holding it: the general path reads the input.
      if (error instanceof BoardLockLost) port.postMessage({ id: message.id, stopped: error.message });
      else port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

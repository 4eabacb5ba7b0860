// The fast path driven the way the CLI's report command drives it, bundled by
// bench/contenders/fast.mjs so the fast path can be timed on its own (and before the CLI
// wires it in). The same file is the worker: it checks isFastWorker() first.
import { writeFileSync } from 'node:fs';
import { createReportBuilder, renderJson, type ReportBuilderOptions, type ReportState } from '../../src/report/index.js';
import { fastIngestContacts, isFastWorker, runFastWorker } from '../../src/scripts/fast/index.js';

// BENCH_SINK=null measures the reader alone (no KPIs); BENCH_PHASES=1 prints the time of each phase (scan, merge, finish, write) on stderr.
const nullSink = () => {
  let n = 0;
  return { addContact: () => void n++, state: () => ({ n }), merge: () => {} };
};
const createSink = (options: unknown) =>
  process.env['BENCH_SINK'] === 'null' ? nullSink() : createReportBuilder(options as ReportBuilderOptions);

if (isFastWorker()) {
  runFastWorker(createSink);
} else {
  const [file, out, workers = '2'] = process.argv.slice(2);
  const timeZone = process.env['BENCH_TZ'] ?? 'Asia/Shanghai';
  const started = performance.now();
  const sinkOptions = { timeZone };
  const builder = createReportBuilder(sinkOptions);
  const result = await fastIngestContacts([file!], {
    timeZone,
    workers: Number(workers),
    workerUrl: new URL(import.meta.url),
    createSink,
    sinkOptions,
  });
  if (!result.ok) {
    console.log(JSON.stringify({ unavailable: `fast path stepped aside: ${result.reason}` }));
  } else {
    const scanned = performance.now();
    if (process.env['BENCH_SINK'] !== 'null') for (const state of result.states) builder.merge(state as ReportState);
    const merged = performance.now();
    const { rows, accepted, rejected, duplicates } = result.counts;
    builder.noteInput({ rows, accepted, rejected, duplicates });
    const report = builder.finish();
    const finished = performance.now();
    if (out) writeFileSync(out, renderJson(report));
    if (process.env['BENCH_PHASES'] === '1') {
      console.error(JSON.stringify({ scan: (scanned - started) / 1000, merge: (merged - scanned) / 1000, finish: (finished - merged) / 1000, write: (performance.now() - finished) / 1000 }));
    }
    console.log(JSON.stringify({ rows, accepted, rejected, duplicates, ranges: result.ranges, innerSeconds: (performance.now() - started) / 1000, cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 }));
  }
}

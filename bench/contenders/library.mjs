// Contender: our library's `computeKpis` over in-memory arrays (the built package,
// dist/index.js). Loading (JSON.parse + parseContact per line) is not timed: the figure is the
// KPI computation alone, per month and per agent, over records already in memory.
//   node --max-old-space-size=12288 bench/contenders/library.mjs <file.ndjson>
import { closeSync, openSync, readSync } from 'node:fs';
import { COMPARED_KPIS, monthIn } from '../kpis.mjs';

const [file] = process.argv.slice(2);
let lib;
try {
  lib = await import(process.env.BENCH_DIST ? new URL('index.js', `file://${process.env.BENCH_DIST}/`).href : '../../dist/index.js');
} catch (error) {
  console.log(JSON.stringify({ unavailable: `dist/index.js cannot be imported (npm run build): ${error.message}` }));
  process.exit(0);
}
if (typeof lib.computeKpis !== 'function') {
  console.log(JSON.stringify({ unavailable: 'dist/index.js has no computeKpis yet' }));
  process.exit(0);
}
const loadStarted = performance.now();
const byMonth = new Map();
const byAgent = new Map();
const push = (map, key, c) => {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  list.push(c);
};
const fd = openSync(file, 'r');
let buffer = Buffer.allocUnsafe(1 << 22);
let filled = 0;
let rows = 0;
const take = (text) => {
  const c = lib.parseContact(JSON.parse(text));
  rows++;
  push(byMonth, monthIn(new Date(c.offeredAt).toISOString()), c);
  if (c.agentId !== undefined) push(byAgent, c.agentId, c);
};
for (;;) {
  const n = readSync(fd, buffer, filled, buffer.length - filled, null);
  const end = filled + n;
  let start = 0;
  let nl = buffer.indexOf(10, 0);
  while (nl !== -1 && nl < end) {
    if (nl > start) take(buffer.toString('utf8', start, nl));
    start = nl + 1;
    nl = buffer.indexOf(10, start);
  }
  if (n === 0) {
    if (end > start) take(buffer.toString('utf8', start, end));
    break;
  }
  buffer.copy(buffer, 0, start, end);
  filled = end - start;
}
closeSync(fd);
const loadSeconds = (performance.now() - loadStarted) / 1000;

const started = performance.now();
const side = (map) => {
  const out = {};
  for (const [key, list] of [...map].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const results = lib.computeKpis(list, COMPARED_KPIS);
    out[key] = Object.fromEntries(COMPARED_KPIS.map((k) => [k, [results[k].numerator, results[k].denominator]]));
  }
  return out;
};
const kpis = { byMonth: side(byMonth), byAgent: side(byAgent) };
const innerSeconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows, loadSeconds, innerSeconds, kpis }));

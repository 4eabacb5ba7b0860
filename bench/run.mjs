// The benchmark harness: `npm run bench` (never part of `npm test`).
//
// Generates (once, cached in bench/data/) a seeded month of 1,000,000 and 5,000,000 flat contacts
// as NDJSON and CSV, then times, on each file and in the same run, our CLI end to end, our
// library's KPIs over an in-memory array, DuckDB (1 and 2 threads), arquero, and two floors
// (reading the file; JSON.parse per line). Every contender runs as its own process; each is first
// verified to give the same KPI numbers as ours, then timed `--reps` times, alternating. The
// other rooms' micro-benchmarks (bench/rubrics.mjs, transcript.mjs, calendar.mjs, metrics.mjs)
// run too when present. Results: bench/results/latest.json and latest.md.
//
//   node bench/run.mjs [--quick] [--reps 3] [--headline-reps 5] [--sizes 1m,5m] [--only cli,duckdb-2t,…] [--no-write]
//   BENCH_QUICK=1 npm run bench          same as --quick: 1m files only, 1 repetition
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_MONTH, BENCH_TIME_ZONE, ensureData } from './generate.mjs';
import { compareCanonical, fromReport } from './kpis.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    reps: { type: 'string' },
    sizes: { type: 'string' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'no-extras': { type: 'boolean', default: false },
    'general-5m': { type: 'boolean', default: false },
    merge: { type: 'boolean', default: false },
    'headline-reps': { type: 'string' },
  },
});
/** A count option: a whole number of at least 1, or the run stops with its name. */
const count = (name, text, fallback) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: --${name} expects a whole number of at least 1, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
};
const reps = count('reps', args.reps, args.quick ? 1 : 3);
// The ratio's two contenders (ours end to end, DuckDB with 2 threads) run side by side in every
// round, and at least this many times: wall times drift from minute to minute on a shared machine,
// and the ratio is the headline.
const headlineReps = Math.max(reps, count('headline-reps', args['headline-reps'], args.quick ? reps : 5));
const headline = new Set(['cli', 'duckdb-2t']);
const sizes = (args.sizes ?? (args.quick ? '1m' : '1m,5m')).split(',').map((s) => s.trim());
const only = args.only ? new Set(args.only.split(',')) : undefined;
const rowsOf = { '1m': 1_000_000, '5m': 5_000_000 };
const work = mkdtempSync(join(tmpdir(), 'cc-bench-'));
const log = (m) => process.stderr.write(m + '\n');
const hook = pathToFileURL(join(here, 'lib', 'rss-hook.mjs')).href;
// A private copy of dist/: others rebuild it (tsup cleans it first) while a long run is going.
const distSnapshot = join(here, 'data', '.dist');
if (existsSync(join(root, 'dist', 'cli.js'))) {
  rmSync(distSnapshot, { recursive: true, force: true });
  cpSync(join(root, 'dist'), distSnapshot, { recursive: true });
}
process.env.BENCH_DIST = distSnapshot;
const cli = join(distSnapshot, 'cli.js');
const bigHeap = '--max-old-space-size=12288';
// Whether the CLI's fast path is opt-in (`--fast`) or opt-out (`--no-fast`): read from its help.
const cliHelp = existsSync(cli) ? spawnSync(process.execPath, [cli, 'report', '--help'], { encoding: 'utf8' }).stdout ?? '' : '';
const fastFlags = /--no-fast\b/.test(cliHelp) ? { fast: [], general: ['--no-fast'] } : /--fast\b/.test(cliHelp) ? { fast: ['--fast'], general: [] } : { fast: [], general: [] };

/**
 * Contenders: `argv(input)` gives node's arguments (after the rss hook), or a reason it cannot
 * run on that input. `kpis(stdoutJson, outFile)` gives its canonical KPI numbers (or null).
 */
const contenders = [
  {
    name: 'cli',
    label: 'callcenter-qa report (CLI, end to end, with its fast path)',
    argv: (input, out) =>
      existsSync(cli)
        ? [cli, 'report', input.file, '--format', 'json', '--tz', BENCH_TIME_ZONE, '--out', out, '--rejects', `${out}.rejects`, '--quiet', ...fastFlags.fast]
        : 'dist/cli.js is not built',
    kpis: (_json, out) => fromReport(JSON.parse(readFileSync(out, 'utf8'))),
    rows: (_json, out) => JSON.parse(readFileSync(out, 'utf8')).input?.accepted,
  },
  {
    name: 'cli-general',
    label: 'callcenter-qa report without the fast path (the general streaming path; 1m files only)',
    argv: (input, out) =>
      !existsSync(cli)
        ? 'dist/cli.js is not built'
        : input.rows > 1_000_000 && !args['general-5m']
          ? 'runs on the 1m files (--general-5m for all)'
          : [cli, 'report', input.file, '--format', 'json', '--tz', BENCH_TIME_ZONE, '--out', out, '--rejects', `${out}.rejects`, '--quiet', ...fastFlags.general],
    kpis: (_json, out) => fromReport(JSON.parse(readFileSync(out, 'utf8'))),
    rows: (_json, out) => JSON.parse(readFileSync(out, 'utf8')).input?.accepted,
  },
  {
    name: 'fast',
    label: 'our fast path + report builder (src/scripts/fast, 2 threads: this one and a worker, JSON report written)',
    argv: (input, out) => [join(here, 'contenders', 'fast.mjs'), input.file, out, '2'],
    kpis: (_json, out) => fromReport(JSON.parse(readFileSync(out, 'utf8'))),
    rows: (json) => json?.rows,
  },
  {
    name: 'library',
    label: 'computeKpis over an in-memory array (compute only)',
    argv: (input) => (input.format === 'ndjson' ? [bigHeap, join(here, 'contenders', 'library.mjs'), input.file] : 'runs on the NDJSON inputs'),
    timeFrom: 'innerSeconds',
  },
  {
    name: 'duckdb-1t',
    label: 'DuckDB, 1 thread',
    argv: (input) => [join(here, 'contenders', 'duckdb.mjs'), input.file, input.format, '1'],
  },
  {
    name: 'duckdb-2t',
    label: 'DuckDB, 2 threads',
    argv: (input) => [join(here, 'contenders', 'duckdb.mjs'), input.file, input.format, '2'],
  },
  {
    name: 'arquero',
    label: 'arquero loadCSV + groupby/rollup',
    argv: (input) => (input.format === 'csv' ? [bigHeap, join(here, 'contenders', 'arquero.mjs'), input.file, 'csv'] : 'reads CSV only'),
  },
  {
    name: 'read-floor',
    label: 'floor: read the file (fs.readSync, count lines)',
    argv: (input) => [join(here, 'contenders', 'read-floor.mjs'), input.file, input.format],
    floor: true,
  },
  {
    name: 'json-parse-floor',
    label: 'floor: JSON.parse of each line',
    argv: (input) => (input.format === 'ndjson' ? [join(here, 'contenders', 'json-parse-floor.mjs'), input.file] : 'NDJSON only'),
    floor: true,
  },
].filter((c) => only === undefined || only.has(c.name));

/**
 * Reads the file through once, untimed, so the run starts with it in the page cache: this
 * machine's kernel reclaims file pages left unread for a while (a 2 GB input was seen 1.6 GB
 * resident between runs), and a run that reads part of its input from disk took 2.6–4.6 s
 * instead of 2.3 s, for us and for DuckDB alike.
 */
function warmFile(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 22);
  try {
    let at = 0;
    for (let n; (n = readSync(fd, buf, 0, buf.length, at)) > 0; ) at += n;
  } finally {
    closeSync(fd);
  }
}

/** Runs one contender process; resolves to { wallSeconds, maxRssKb, json, out, error }. */
function runOnce(contender, input, index) {
  if (input.file !== undefined) warmFile(input.file);
  const out = join(work, `${contender.name}-${input.name}-${index}.json`);
  const rssFile = `${out}.rss`;
  const argv = contender.argv(input, out);
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', hook, ...argv], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, TZ: BENCH_TIME_ZONE, BENCH_TZ: BENCH_TIME_ZONE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      let maxRssKb = null;
      let cpuSeconds = null;
      try {
        const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
        maxRssKb = usage.maxRssKb;
        cpuSeconds = (usage.userCpuUs + usage.systemCpuUs) / 1e6;
      } catch {
        // the process died before its exit hook
      }
      // The last line of stdout that is a JSON object (scripts may print a readable line after it).
      const jsonLines = [];
      for (const line of stdout.trim().split('\n')) {
        if (!line.trim().startsWith('{')) continue;
        try {
          jsonLines.push(JSON.parse(line));
        } catch {
          // not JSON after all
        }
      }
      const json = jsonLines.at(-1) ?? null;
      const error = code !== 0 ? `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : undefined;
      resolve({ wallSeconds, maxRssKb, cpuSeconds, json, jsonLines, out, error });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 3) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

async function benchInput(input) {
  log(`\n== ${input.name} (${input.rows.toLocaleString('en')} rows, ${(input.bytes / 1e6).toFixed(0)} MB)`);
  const results = {};
  // Verification round: each contender once (this also warms the page cache).
  let reference = null;
  let referenceName = null;
  for (const c of contenders) {
    const argv = c.argv(input, '');
    if (typeof argv === 'string') {
      results[c.name] = { label: c.label, skipped: argv };
      log(`  ${c.name}: skipped — ${argv}`);
      continue;
    }
    const r = await runOnce(c, input, 'verify');
    const entry = { label: c.label, runs: [], verified: false };
    results[c.name] = entry;
    if (r.error || r.json?.unavailable) {
      entry.unavailable = r.json?.unavailable ?? r.error;
      log(`  ${c.name}: not run — ${entry.unavailable}`);
      continue;
    }
    let rows = null;
    let kpis = null;
    try {
      rows = c.rows ? c.rows(r.json, r.out) : r.json?.rows;
      kpis = c.kpis ? c.kpis(r.json, r.out) : (r.json?.kpis ?? null);
    } catch (error) {
      entry.unavailable = `output unreadable: ${error.message}`;
      log(`  ${c.name}: ${entry.unavailable}`);
      continue;
    }
    entry.rows = rows;
    if (rows !== input.rows) entry.problems = [`rows: expected ${input.rows}, got ${rows}`];
    if (kpis !== null) {
      if (reference === null) {
        reference = kpis;
        referenceName = c.name;
      } else {
        const problems = compareCanonical(reference, kpis);
        if (problems.length > 0) entry.problems = [...(entry.problems ?? []), ...problems.map((p) => `vs ${referenceName}: ${p}`)];
      }
    }
    entry.verified = entry.problems === undefined;
    entry.verifiedAgainst = kpis !== null ? referenceName : 'row count';
    log(`  ${c.name}: ${entry.verified ? 'verified' : 'MISMATCH ' + entry.problems.join('; ')} (${r.wallSeconds.toFixed(2)} s)`);
  }
  // Timed rounds, alternating the order so no contender always runs first; the headline pair
  // first (last in reversed rounds), next to each other. Then rounds of that pair alone up to
  // `headlineReps`.
  const runnable = contenders.filter((c) => results[c.name].runs !== undefined && results[c.name].unavailable === undefined);
  const pair = runnable.filter((c) => headline.has(c.name));
  const ordered = [...pair, ...runnable.filter((c) => !headline.has(c.name))];
  for (let rep = 0; rep < Math.max(reps, pair.length > 0 ? headlineReps : 0); rep++) {
    const round = rep < reps ? ordered : pair;
    const order = rep % 2 === 0 ? round : [...round].reverse();
    for (const c of order) {
      const r = await runOnce(c, input, rep);
      const entry = results[c.name];
      if (r.error) {
        entry.errors = [...(entry.errors ?? []), r.error];
        continue;
      }
      const seconds = c.timeFrom ? r.json?.[c.timeFrom] : r.wallSeconds;
      if (typeof seconds !== 'number' || r.json?.unavailable) {
        entry.errors = [...(entry.errors ?? []), r.json?.unavailable ?? 'no time reported'];
        log(`  ${c.name} #${rep + 1}: ${r.json?.unavailable ?? 'no time reported'}`);
        continue;
      }
      entry.runs.push({ round: rep, seconds, wallSeconds: r.wallSeconds, cpuSeconds: r.cpuSeconds, maxRssKb: r.maxRssKb, loadAverage: loadavg()[0], ...(c.timeFrom ? { loadSeconds: r.json?.loadSeconds } : {}) });
      log(`  ${c.name} #${rep + 1}: ${seconds.toFixed(2)} s, ${((r.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
    }
  }
  const duck = median(results['duckdb-2t']?.runs?.map((r) => r.seconds) ?? []);
  for (const entry of Object.values(results)) {
    if (!entry.runs || entry.runs.length === 0) continue;
    entry.medianWallSeconds = round(median(entry.runs.map((r) => r.seconds)));
    entry.medianCpuSeconds = round(median(entry.runs.map((r) => r.cpuSeconds ?? 0)));
    entry.peakRssMb = round(Math.max(...entry.runs.map((r) => r.maxRssKb ?? 0)) / 1024, 1);
    entry.rowsPerSecond = Math.round(input.rows / entry.medianWallSeconds);
    entry.ratioToDuckdb = duck ? round(entry.medianWallSeconds / duck) : null;
  }
  // The headline pair ran next to each other in every round: the ratio of each round's two runs,
  // and its median, drift between rounds cancelled (beside the ratio of the medians).
  const duckRuns = new Map((results['duckdb-2t']?.runs ?? []).map((r) => [r.round, r.seconds]));
  if (results.cli?.runs) {
    const ratios = results.cli.runs.filter((r) => duckRuns.has(r.round)).map((r) => round(r.seconds / duckRuns.get(r.round)));
    if (ratios.length > 0) Object.assign(results.cli, { pairedRatiosToDuckdb: ratios, medianPairedRatioToDuckdb: round(median(ratios)) });
  }
  // The headline is the CLI end to end; until it runs the fast path, the fast path's own entry.
  const ours = results.cli?.medianWallSeconds !== undefined && results.cli.verified ? results.cli : (results.fast ?? {});
  return {
    file: input.file.slice(root.length + 1),
    rows: input.rows,
    bytes: input.bytes,
    medianWallSeconds: ours.medianWallSeconds ?? null,
    peakRssMb: ours.peakRssMb ?? null,
    rowsPerSecond: ours.rowsPerSecond ?? null,
    ratioToDuckdb: ours.ratioToDuckdb ?? null,
    medianPairedRatioToDuckdb: ours.medianPairedRatioToDuckdb ?? null,
    verified: ours.verified ?? false,
    headline: ours === results.cli ? 'cli' : 'fast',
    contenders: results,
  };
}

/** Runs the other rooms' micro-benchmarks (one JSON line each) when their files exist. */
async function extras() {
  const out = {};
  for (const name of ['rubrics', 'transcript', 'calendar', 'metrics']) {
    const file = join(here, `${name}.mjs`);
    if (!existsSync(file)) {
      out[name] = { missing: `bench/${name}.mjs is not there yet` };
      continue;
    }
    log(`\n== bench/${name}.mjs`);
    const r = await runOnce({ name, argv: () => [file] }, { name: 'extra' }, 0);
    // One JSON line is the convention; a script printing several (one per case) keeps them all.
    out[name] = r.error ? { error: r.error } : r.jsonLines.length > 1 ? { ...r.json, cases: r.jsonLines } : (r.json ?? { error: 'no JSON line on stdout' });
    log(`  ${JSON.stringify(out[name]).slice(0, 300)}`);
  }
  return out;
}

function markdown(result) {
  const lines = [];
  lines.push(`# Benchmark: ${result.date}`, '');
  lines.push(
    `Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, ${result.machine.os}, Node ${result.machine.node}. ` +
      `Commit ${result.commit ?? '(unknown)'}. ${result.reps} timed run(s) per contender after a verification run (${result.headlineReps ?? result.reps} for \`cli\` and \`duckdb-2t\`, run next to each other); median wall time; CPU s = user + system of the whole process (all threads). ` +
        `Load average at start ${result.loadAverageAtStart.map((x) => x.toFixed(1)).join(' / ')}, at end ${result.loadAverageAtEnd?.map((x) => x.toFixed(1)).join(' / ') ?? '—'} (the machine is shared: compare ratios within one run).`,
    '',
  );
  for (const [name, input] of Object.entries(result.report)) {
    lines.push(`## ${name}: ${input.rows.toLocaleString('en')} rows, ${(input.bytes / 1e6).toFixed(0)} MB`, '');
    lines.push('| contender | median s | CPU s | peak RSS MB | rows/s | ÷ DuckDB 2t | verified |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const [cname, c] of Object.entries(input.contenders)) {
      if (c.skipped) continue;
      if (c.unavailable) {
        lines.push(`| ${cname} | — | — | — | — | — | not run: ${String(c.unavailable).replace(/\|/g, '/').slice(0, 120)} |`);
        continue;
      }
      const v = c.verified ? `yes (vs ${c.verifiedAgainst})` : `NO: ${(c.problems ?? []).slice(0, 2).join('; ').replace(/\|/g, '/')}`;
      const earlier = result.mergedWith !== undefined && c.mergedFrom === undefined ? ' †' : '';
      lines.push(
        `| ${cname}${earlier} | ${c.medianWallSeconds?.toFixed(2) ?? '—'} | ${c.medianCpuSeconds?.toFixed(1) ?? '—'} | ${c.peakRssMb?.toFixed(0) ?? '—'} | ${c.rowsPerSecond?.toLocaleString('en') ?? '—'} | ${c.ratioToDuckdb?.toFixed(2) ?? '—'} | ${v} |`,
      );
    }
    const paired = input.contenders.cli?.pairedRatiosToDuckdb;
    if (paired?.length) {
      lines.push('', `\`cli\` ÷ \`duckdb-2t\` round by round (the two ran next to each other): ${paired.map((x) => x.toFixed(2)).join(', ')}; median ${input.contenders.cli.medianPairedRatioToDuckdb.toFixed(2)}.`);
    }
    lines.push('');
  }
  if (result.extras) {
    lines.push('## Other benchmarks', '', '| benchmark | ops/s | baseline ops/s | ratio |', '| --- | ---: | ---: | ---: |');
    for (const [name, e] of Object.entries(result.extras)) {
      if (e.missing || e.error) lines.push(`| ${name} | — | — | ${e.missing ?? e.error} |`);
      else if (e.cases) for (const c of e.cases) lines.push(`| ${c.name ?? name} | ${Math.round(c.opsPerSecond ?? 0).toLocaleString('en')} | ${Math.round(c.baselineOpsPerSecond ?? 0).toLocaleString('en')} | ${round(c.ratio, 3) ?? '—'} |`);
      else lines.push(`| ${e.name ?? name} | ${Math.round(e.opsPerSecond ?? 0).toLocaleString('en')} | ${Math.round(e.baselineOpsPerSecond ?? 0).toLocaleString('en')} | ${round(e.ratio, 2) ?? '—'} |`);
    }
    lines.push('');
  }
  if (result.mergedWith !== undefined) {
    lines.push(`† measured in an earlier run (kept by \`--merge\`; last merged with the run of ${result.mergedWith}); its ratio is to that run's DuckDB 2t.`, '');
  }
  lines.push('`library` times `computeKpis` only, over records already parsed into memory (its load time is in latest.json); the others are whole-process wall time from spawn to exit.', '');
  return lines.join('\n');
}

async function gitCommit() {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let s = '';
    child.stdout.on('data', (d) => (s += d));
    child.on('close', () => resolve(s.trim() || null));
    child.on('error', () => resolve(null));
  });
}

const inputs = [];
for (const size of sizes) {
  const rows = rowsOf[size];
  if (rows === undefined) throw new Error(`unknown size ${size}: expected 1m or 5m`);
  const data = ensureData(rows, { log });
  inputs.push({ name: `csv-${size}`, file: data.csv, format: 'csv', rows, bytes: data.csvBytes });
  inputs.push({ name: `ndjson-${size}`, file: data.ndjson, format: 'ndjson', rows, bytes: data.ndjsonBytes });
}
const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
  },
  commit: await gitCommit(),
  quick: args.quick,
  reps,
  headlineReps,
  month: BENCH_MONTH,
  timeZone: BENCH_TIME_ZONE,
  loadAverageAtStart: loadavg(),
  cliFlags: fastFlags,
  report: {},
};
// --merge: keep an earlier run's figures for the inputs and contenders this run does not measure
// (each input's ratios stay within one run as long as duckdb-2t is measured with what replaces it).
const previous = args.merge && existsSync(join(here, 'results', 'latest.json')) ? JSON.parse(readFileSync(join(here, 'results', 'latest.json'), 'utf8')) : null;
function mergeInto(name, fresh) {
  const old = previous?.report?.[name];
  if (!old) return fresh;
  const contenders = { ...old.contenders };
  for (const [k, v] of Object.entries(fresh.contenders)) if (!v.skipped && !v.unavailable) contenders[k] = { ...v, mergedFrom: result.date };
  const ours = contenders.cli?.verified ? contenders.cli : contenders.fast ?? {};
  return { ...fresh, contenders, medianWallSeconds: ours.medianWallSeconds ?? null, peakRssMb: ours.peakRssMb ?? null,
    rowsPerSecond: ours.rowsPerSecond ?? null, ratioToDuckdb: ours.ratioToDuckdb ?? null,
    medianPairedRatioToDuckdb: ours.medianPairedRatioToDuckdb ?? null, verified: ours.verified ?? false,
    headline: ours === contenders.cli ? 'cli' : 'fast' };
}
const write = (final) => {
  if (args['no-write']) return;
  mkdirSync(join(here, 'results'), { recursive: true });
  const name = args.quick ? 'quick' : 'latest';
  if (previous) {
    for (const [k, v] of Object.entries(previous.report ?? {})) if (!(k in result.report)) result.report[k] = v;
    result.mergedWith = previous.date;
  }
  writeFileSync(join(here, 'results', `${name}.json`), JSON.stringify({ ...result, complete: final }, null, 2) + '\n');
  writeFileSync(join(here, 'results', `${name}.md`), markdown(result));
  if (final) log(`\nwrote bench/results/${name}.json and ${name}.md`);
};
for (const input of inputs) {
  result.report[input.name] = mergeInto(input.name, await benchInput(input));
  write(false); // a checkpoint: a long run that fails later keeps what it measured
}
if (!args['no-extras']) result.extras = await extras();
result.loadAverageAtEnd = loadavg();
rmSync(work, { recursive: true, force: true });

write(true);
process.stdout.write(markdown(result));

// A seeded generator of a realistic month of flat contacts (calls and chats, no transcripts) for
// the benchmark: 500 agents, 200,000 customers, March 2026 in Asia/Shanghai, written as NDJSON
// and CSV in the records room's field names with ISO timestamps carrying +08:00.
//
// Same seed and row count → byte-identical files. Files are cached in bench/data/ (git-ignored):
// a `.meta.json` beside each pair records what produced it, so a changed generator regenerates.
//
//   node bench/generate.mjs 1000000 [--dirty]     writes bench/data/contacts-1m.{ndjson,csv}
//
// `--dirty` (tests of the fast path only, never timed against the contenders) sprinkles rows the
// schema must reject and duplicate ids.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/mulberry32.mjs';

export const GENERATOR_VERSION = 3;
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
export const BENCH_MONTH = '2026-03';
export const BENCH_TIME_ZONE = 'Asia/Shanghai';

export const CSV_COLUMNS = [
  'id', 'channel', 'direction', 'agentId', 'customerId', 'queue', 'topic', 'kind',
  'offeredAt', 'answered', 'answeredAt', 'endedAt', 'waitSeconds', 'talkSeconds', 'holdSeconds',
  'wrapUpSeconds', 'resolvedAtFirstContact', 'escalated', 'surveyed', 'satisfaction', 'csat', 'nps',
];

/** Short label for a row count: 1000000 → "1m", 5000000 → "5m", 20000 → "20k". */
export const sizeLabel = (rows) =>
  rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);

/** Paths of the data files for a row count. */
export function dataPaths(rows, { dirty = false, dir = DATA_DIR } = {}) {
  const base = join(dir, `contacts-${sizeLabel(rows)}${dirty ? '-dirty' : ''}`);
  return { ndjson: `${base}.ndjson`, csv: `${base}.csv`, meta: `${base}.meta.json` };
}


const pad2 = (n) => (n < 10 ? '0' + n : String(n));
const OFFSET_MS = 8 * 3600_000;
// 2026-03-01T00:00:00+08:00
const MONTH_START = Date.UTC(2026, 2, 1) - OFFSET_MS;
const MONTH_DAYS = 31;

/** `2026-03-01T07:59:12+08:00` from epoch ms (whole seconds), without Date objects. */
function isoShanghai(ms) {
  const local = ms + OFFSET_MS;
  const d = new Date(local); // only UTC getters: cheap and zone-free
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}+08:00`;
}

// Traffic by hour of day (Shanghai): quiet at night, peaks mid-morning and early evening.
const HOURLY = [3, 2, 1, 1, 1, 2, 5, 12, 40, 70, 80, 75, 55, 60, 72, 70, 62, 55, 50, 48, 40, 30, 15, 7];
const QUEUES = ['hotline-general', 'hotline-billing', 'hotline-repair', 'online-presales', 'online-aftersales', 'vip'];
const TOPICS = ['账单查询', 'Technical Support', 'Delivery', 'Refund', 'Account', '燃气报修', 'Contract related', 'Payment', 'Streaming', 'Admin Support'];
const KINDS = ['consultation', 'complaint', 'suggestion', 'repair', 'other'];
const KIND_WEIGHTS = [0.66, 0.1, 0.05, 0.12, 0.07];

function minuteTable() {
  // Cumulative weight per minute of the month; weekends carry 70 % of a weekday's traffic.
  const minutes = MONTH_DAYS * 1440;
  const cum = new Float64Array(minutes);
  let total = 0;
  for (let m = 0; m < minutes; m++) {
    const day = Math.floor(m / 1440);
    const weekday = (day + 0) % 7; // 2026-03-01 is a Sunday
    const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
    total += HOURLY[Math.floor((m % 1440) / 60)] * weekend;
    cum[m] = total;
  }
  for (let m = 0; m < minutes; m++) cum[m] /= total;
  return cum;
}

function pick(weights, u) {
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/**
 * Generates `rows` contacts and calls `emit(record)` for each, in order of `offeredAt`.
 * A record holds only present fields; timestamps are ISO strings with +08:00.
 */
export function generateContacts(rows, emit, { seed = 20260301, dirty = false } = {}) {
  const random = mulberry32(seed);
  const cum = minuteTable();
  // 500 agents with their own skill: wait, handle time and satisfaction follow it.
  const agents = Array.from({ length: 500 }, (_, i) => ({
    id: `A${String(i + 1).padStart(4, '0')}`,
    skill: 0.5 + random(),
    chat: i % 5 === 0, // one agent in five works the chat desk
  }));
  const phoneAgents = agents.filter((a) => !a.chat);
  const chatAgents = agents.filter((a) => a.chat);
  let minute = 0;
  const seen = [];
  for (let i = 0; i < rows; i++) {
    const u = (i + random()) / rows;
    while (minute < cum.length - 1 && cum[minute] < u) minute++;
    const offeredAt = MONTH_START + minute * 60_000 + Math.floor(random() * 60) * 1000;
    const chat = random() < 0.3;
    const inbound = chat || random() < 0.9;
    const answered = chat ? random() < 0.97 : inbound ? random() < 0.91 : random() < 0.6;
    const agent = (chat ? chatAgents : phoneAgents)[Math.floor(random() * (chat ? chatAgents.length : phoneAgents.length))];
    // Customers: a long tail, some call often.
    const customer = Math.floor(200_000 * Math.pow(random(), 1.6));
    const r = {
      id: `${chat ? 'W' : 'P'}${String(i + 1).padStart(9, '0')}`,
      channel: chat ? 'chat' : 'phone',
      direction: inbound ? 'inbound' : 'outbound',
    };
    if (answered) r.agentId = agent.id;
    if (random() < 0.97) r.customerId = `C${String(customer + 1).padStart(6, '0')}`;
    r.queue = chat ? QUEUES[3 + Math.floor(random() * 2)] : QUEUES[Math.floor(random() * 3) + (random() < 0.05 ? 3 : 0)];
    if (random() < 0.95) r.topic = TOPICS[Math.floor(random() * TOPICS.length)];
    if (random() < 0.9) r.kind = KINDS[pick(KIND_WEIGHTS, random())];
    r.offeredAt = isoShanghai(offeredAt);
    r.answered = answered;
    const skill = agent.skill;
    if (answered) {
      const wait = Math.floor((chat ? 4 : 2) + -Math.log(1 - random()) * (chat ? 20 : 10) / skill);
      const talk = Math.floor(30 + -Math.log(1 - random()) * (chat ? 400 : 240) / skill);
      const hold = random() < 0.2 ? Math.floor(10 + random() * 200) : 0;
      const wrap = Math.floor(10 + random() * 90);
      const answeredAt = offeredAt + wait * 1000;
      // 3 % of exports leave the answer time out and give only the wait (a realistic gap).
      if (random() < 0.97) r.answeredAt = isoShanghai(answeredAt);
      r.endedAt = isoShanghai(answeredAt + (talk + hold) * 1000);
      r.waitSeconds = wait;
      r.talkSeconds = talk;
      r.holdSeconds = hold;
      if (random() < 0.98) r.wrapUpSeconds = wrap;
      const fcr = random();
      if (fcr < 0.9) r.resolvedAtFirstContact = fcr < 0.9 * Math.min(0.97, 0.7 + 0.2 * skill);
      r.escalated = random() < 0.05 / skill;
      const surveyed = random() < 0.6;
      r.surveyed = surveyed;
      if (surveyed) {
        const mood = Math.min(0.999, random() * 0.6 + 0.4 * Math.min(1, skill / 1.3));
        if (random() < 0.45) r.satisfaction = mood > 0.35 ? 'satisfied' : mood > 0.2 ? 'neutral' : 'unsatisfied';
        if (random() < 0.4) r.csat = 1 + Math.floor(mood * 5);
        if (random() < 0.25) r.nps = Math.floor(mood * 11);
      }
    } else {
      r.endedAt = isoShanghai(offeredAt + Math.floor(5 + random() * 115) * 1000);
      r.waitSeconds = Math.floor((Date.parse(r.endedAt) - offeredAt) / 1000);
    }
    if (dirty) {
      const d = random();
      if (d < 0.0005) r.waitSeconds = -3;
      else if (d < 0.001) r.csat = 7;
      else if (d < 0.0015) r.offeredAt = '2026-03-01 09:00:00'; // no offset
      else if (d < 0.002) r.kind = 'billing';
      else if (d < 0.0025) r.topic = 'Billing, "urgent"'; // valid, but needs CSV quoting
      else if (d < 0.003 && seen.length > 0) r.id = seen[Math.floor(random() * seen.length)];
      if (i % 97 === 0) seen.push(r.id);
    }
    emit(r);
  }
}

const csvCell = (v) => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes the NDJSON and CSV files for `rows` contacts unless the cache already holds them. */
export function ensureData(rows, { dirty = false, dir = DATA_DIR, log = () => {} } = {}) {
  const paths = dataPaths(rows, { dirty, dir });
  const meta = { generator: GENERATOR_VERSION, rows, dirty, month: BENCH_MONTH, timeZone: BENCH_TIME_ZONE };
  if (existsSync(paths.meta) && existsSync(paths.ndjson) && existsSync(paths.csv)) {
    try {
      const old = JSON.parse(readFileSync(paths.meta, 'utf8'));
      if (old.generator === meta.generator && old.rows === rows && old.dirty === dirty) return { ...paths, ...old };
    } catch {
      // unreadable meta: regenerate
    }
  }
  mkdirSync(dir, { recursive: true });
  log(`generating ${rows} contacts${dirty ? ' (dirty)' : ''} into ${dir} …`);
  const started = process.hrtime.bigint();
  const nd = openSync(paths.ndjson + '.tmp', 'w');
  const cs = openSync(paths.csv + '.tmp', 'w');
  writeSync(cs, CSV_COLUMNS.join(',') + '\n');
  let ndChunk = [];
  let csChunk = [];
  let ndjsonBytes = 0;
  let csvBytes = 0;
  const flush = () => {
    const a = ndChunk.join('');
    const b = csChunk.join('');
    ndjsonBytes += Buffer.byteLength(a);
    csvBytes += Buffer.byteLength(b);
    writeSync(nd, a);
    writeSync(cs, b);
    ndChunk = [];
    csChunk = [];
  };
  generateContacts(
    rows,
    (r) => {
      const json = r.channel === 'chat' ? { ...r, messages: [] } : r;
      ndChunk.push(JSON.stringify(json) + '\n');
      let line = '';
      for (let c = 0; c < CSV_COLUMNS.length; c++) line += (c === 0 ? '' : ',') + csvCell(r[CSV_COLUMNS[c]]);
      csChunk.push(line + '\n');
      if (ndChunk.length === 20_000) flush();
    },
    { dirty },
  );
  flush();
  closeSync(nd);
  closeSync(cs);
  renameSync(paths.ndjson + '.tmp', paths.ndjson);
  renameSync(paths.csv + '.tmp', paths.csv);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const written = { ...meta, ndjsonBytes, csvBytes, generatedIn: Math.round(seconds * 10) / 10 };
  writeFileSync(paths.meta, JSON.stringify(written, null, 2) + '\n');
  log(`  done in ${seconds.toFixed(1)} s (${(ndjsonBytes / 1e6).toFixed(0)} MB NDJSON, ${(csvBytes / 1e6).toFixed(0)} MB CSV)`);
  return { ...paths, ...written };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const dirty = process.argv.includes('--dirty');
  const out = ensureData(rows, { dirty, log: (m) => console.error(m) });
  console.log(JSON.stringify(out));
}

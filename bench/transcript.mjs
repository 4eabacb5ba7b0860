// Benchmark of the transcript room's phrase scan: Chinese chat messages scanned with phrasebooks
// of 10, 1,000 and 10,000 phrases. Goal (issue "Transcript checks"): ≥ 30 MB/s on one core with
// 1,000 phrases, and nearly the same with 10 and 10,000.
//
// MB = 10^6 bytes of the input text encoded as UTF-8 (a CJK character is 3 bytes).
// Baseline, in the same run: a plain loop reading every UTF-16 code unit of the same messages
// (the least any scan must do).
//
// Times are CPU time of one process (one core), fastest of many passes.
//
// Run: npx tsup && node bench/transcript.mjs   (CALLCENTER_QA_DIST=/path/to/index.js to use another build)

import { mulberry32 } from './lib/mulberry32.mjs';

const dist = process.env.CALLCENTER_QA_DIST ?? new URL('../dist/index.js', import.meta.url).href;
const { definePhrasebook, findPhrases } = await import(dist);

const rand = mulberry32(20260302); // every run scans the same text
// The 2,500 most common characters of a chat are approximated by the first 2,500 of the CJK block
// spread out (every 8th code point of 一..龥), with a Zipf-like skew toward the first ones.
const pool = Array.from({ length: 2500 }, (_, i) => String.fromCharCode(0x4e00 + i * 8));
const pick = () => pool[Math.floor(pool.length * rand() ** 2)];
const punctuation = [',', '。', '?', '!', '、', ' ', ',', '…'];

// About 4 MB of UTF-8: chat-sized messages (20–300 characters), punctuation every few characters,
// some ASCII (order numbers) and an emoji now and then.
const messages = [];
let bytes = 0;
while (bytes < 4_000_000) {
  const length = 20 + Math.floor(rand() * 280);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (r < 0.08) text += punctuation[Math.floor(rand() * punctuation.length)];
    else if (r < 0.1) text += String(Math.floor(rand() * 1000));
    else if (r < 0.102) text += '😀';
    else text += pick();
  }
  messages.push(text);
  bytes += Buffer.byteLength(text, 'utf8');
}
const megabytes = bytes / 1e6;

function phrasebookOf(count) {
  const seen = new Set();
  const entries = [];
  while (entries.length < count) {
    const length = 2 + Math.floor(rand() * 5);
    let phrase = '';
    for (let i = 0; i < length; i++) phrase += pick();
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    entries.push({
      id: `bench.${entries.length}`,
      rule: 'forbidden',
      phrases: [phrase],
      label: { zh: phrase, en: 'generated' },
      seeds: ['bench'],
      severity: 'minor',
      speakers: ['agent'],
    });
  }
  return definePhrasebook({ id: `bench-${count}`, label: { zh: '基准', en: 'bench' }, entries, templates: [] });
}

// The machine is shared: each pass is timed in CPU time of this process (process.cpuUsage, so
// time spent waiting for a core does not count) and the fastest pass is the figure.
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(fn, minMs = 2000) {
  fn(); // warm up (and compile the phrasebook)
  let best = Infinity;
  const start = performance.now();
  let passes = 0;
  while (performance.now() - start < minMs || passes < 5) {
    const t = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - t);
    passes++;
  }
  return best / 1000; // seconds per pass over all messages
}

let sink = 0;
const baselineSeconds = time(() => {
  let sum = 0;
  for (const text of messages) for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  sink ^= sum;
});
const baselineMbPerSecond = megabytes / baselineSeconds;

const results = [];
for (const count of [10, 1000, 10000]) {
  const book = phrasebookOf(count);
  const compileStart = performance.now();
  findPhrases('预热', book);
  const compileMs = performance.now() - compileStart;
  let hits = 0;
  const seconds = time(() => {
    hits = 0;
    for (const text of messages) hits += findPhrases(text, book).length;
  });
  const mbPerSecond = megabytes / seconds;
  const line = {
    name: `transcript.findPhrases.${count}-phrases`,
    opsPerSecond: Math.round(messages.length / seconds),
    baselineOpsPerSecond: Math.round(messages.length / baselineSeconds),
    ratio: Number((baselineSeconds / seconds).toFixed(4)),
    mbPerSecond: Number(mbPerSecond.toFixed(1)),
    baselineMbPerSecond: Number(baselineMbPerSecond.toFixed(1)),
    phrases: count,
    messages: messages.length,
    megabytesUtf8: Number(megabytes.toFixed(2)),
    hitsPerPass: hits,
    compileMs: Number(compileMs.toFixed(1)),
  };
  results.push(line);
  console.log(JSON.stringify(line));
  console.log(
    `  ${count} phrases: ${mbPerSecond.toFixed(1)} MB/s (UTF-8) over ${messages.length} messages, ${hits} hits a pass; ` +
      `baseline loop ${baselineMbPerSecond.toFixed(0)} MB/s; compile ${compileMs.toFixed(0)} ms`,
  );
}
const [small, middle, large] = results;
console.log(
  `  1,000-phrase scan ${middle.mbPerSecond} MB/s (goal ≥ 30): ${middle.mbPerSecond >= 30 ? 'met' : 'NOT met'}; ` +
    `10 → ${small.mbPerSecond}, 10,000 → ${large.mbPerSecond} MB/s` + (sink === 0.5 ? '' : ''),
);

// Throughput of computeKpis with every phone KPI over in-memory contacts, on one core.
// Usage: npx tsup && node bench/metrics.mjs [count]   (METRICS_DIST=/path/index.js to use another build)
// The built package; METRICS_DIST points at another build while dist/ is someone else's WIP.
const lib = await import(process.env.METRICS_DIST ?? '../dist/index.js');

const count = Number(process.argv[2] ?? 5_000_000);
const t0 = Date.UTC(2026, 2, 1);

// Deterministic pseudo-random data (xorshift), one object shape for every contact.
let seed = 0x2545f491;
const next = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const contacts = new Array(count);
for (let i = 0; i < count; i++) {
  const answered = next() < 0.92;
  const wait = Math.floor(next() * 90);
  contacts[i] = {
    id: `c${i}`,
    channel: 'phone',
    direction: 'inbound',
    agentId: answered ? `a${i % 40}` : undefined,
    offeredAt: t0 + i * 500,
    answered,
    answeredAt: answered ? t0 + i * 500 + wait * 1000 : undefined,
    endedAt: t0 + i * 500 + wait * 1000 + 240_000,
    waitSeconds: wait,
    talkSeconds: answered ? 60 + Math.floor(next() * 600) : undefined,
    holdSeconds: answered && next() < 0.2 ? 30 : undefined,
    wrapUpSeconds: answered ? 20 : undefined,
  };
}

// Options as a platform-style month would use them (thresholds everywhere, short abandons out).
const options = {
  answerRate: { answeredWithinSeconds: 60 },
  abandonRate: { shortAbandonSeconds: 5 },
  serviceLevel: { thresholdSeconds: 20, shortAbandonSeconds: 5 },
  ringsToAnswer: { maxRings: 3, ringSeconds: 6 },
};

const baseline = () => {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += contacts[i].waitSeconds ?? 0;
  return sum;
};
const run = () => lib.computeKpis(contacts, lib.phoneKpiNames, options);

const time = (fn) => {
  const start = process.hrtime.bigint();
  const out = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, out };
};

// Warm up, then take the best of five runs of each.
for (let i = 0; i < 2; i++) { baseline(); run(); }
let best = Infinity;
let bestBaseline = Infinity;
let last;
for (let i = 0; i < 5; i++) {
  const b = time(baseline);
  bestBaseline = Math.min(bestBaseline, b.seconds);
  const r = time(run);
  best = Math.min(best, r.seconds);
  last = r.out;
}
const opsPerSecond = Math.round(count / best);
const baselineOpsPerSecond = Math.round(count / bestBaseline);
console.log(JSON.stringify({
  name: 'metrics.computeKpis.phone',
  kpis: lib.phoneKpiNames.length,
  contacts: count,
  opsPerSecond,
  baselineOpsPerSecond,
  ratio: Number((opsPerSecond / baselineOpsPerSecond).toFixed(3)),
}));
console.log(
  `computeKpis, ${lib.phoneKpiNames.length} phone KPIs: ${(opsPerSecond / 1e6).toFixed(2)} M contacts/s ` +
    `(${((best / count) * 1e9).toFixed(0)} ns/contact); baseline loop summing waitSeconds: ` +
    `${(baselineOpsPerSecond / 1e6).toFixed(2)} M contacts/s; answerRate = ${last.answerRate.value?.toFixed(4)}`,
);

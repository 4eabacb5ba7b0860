// Benchmark: checkSla of a realistic rule set for 1,000,000 complaints on the China calendar.
// Goal (issue): at least 500,000 complaints a second on one core.
// Run: npx tsup && node bench/calendar.mjs   (CALENDAR_BENCH_DIST=/tmp/x-dist to use another build)
const dist = process.env.CALENDAR_BENCH_DIST ?? '../dist';
const { calendars, checkSla, slaRuleSets, slaCompliance } = await import(`${dist}/index.js`);

const N = Number(process.env.CALENDAR_BENCH_N ?? 1_000_000);
const calendar = calendars.chinaMainland;

// Deterministic pseudo-random complaints over 2025–2026 (mulberry32).
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const from = Date.parse('2025-01-01T00:00:00+08:00');
const span = Date.parse('2026-12-31T00:00:00+08:00') - from;
const hour = 3_600_000;
const complaints = new Array(N);
for (let i = 0; i < N; i++) {
  const filedAt = from + Math.floor(random() * span);
  const level = 1 + Math.floor(random() * 3);
  const c = { id: `c${i}`, level, filedAt };
  if (random() < 0.95) c.firstContactAt = filedAt + Math.floor(random() * 30 * hour);
  if (random() < 0.9) c.resolvedAt = filedAt + Math.floor(random() * 14 * 24 * hour);
  complaints[i] = c;
}
const now = Date.parse('2027-01-01T00:00:00+08:00');
const ruleSet = slaRuleSets.ecommerceComplaintLevels; // levels 1–3: elapsed hours and 7 working days

const time = (fn) => {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, out };
};

// Warm up (JIT, and lays out every date of the calendar once).
for (let i = 0; i < 50_000; i++) checkSla(complaints[i], ruleSet, calendar, { now });

// Baseline: a plain loop over the same data doing the elapsed-hours part of the same checks by hand.
const baseline = time(() => {
  let met = 0;
  for (let i = 0; i < N; i++) {
    const c = complaints[i];
    const limit = c.level === 1 ? 24 * hour : c.level === 2 ? 48 * hour : 168 * hour;
    if (c.resolvedAt !== undefined && c.resolvedAt - c.filedAt <= limit) met++;
    if (c.firstContactAt !== undefined && c.firstContactAt - c.filedAt <= hour) met++;
  }
  return met;
});

const run = time(() => {
  let missed = 0;
  for (let i = 0; i < N; i++) {
    const steps = checkSla(complaints[i], ruleSet, calendar, { now });
    for (const s of steps) if (s.status === 'missed' || s.status === 'overdue') missed++;
  }
  return missed;
});

const compliance = time(() => slaCompliance(complaints, slaRuleSets.gasUtilityComplaintLevels, calendar, { now }));

const opsPerSecond = Math.round(N / run.seconds);
const baselineOpsPerSecond = Math.round(N / baseline.seconds);
// The readable line first; the JSON line last (bench/run.mjs reads the last stdout line).
console.log(
  `checkSla: ${N.toLocaleString('en')} complaints in ${run.seconds.toFixed(2)} s = ${opsPerSecond.toLocaleString('en')}/s ` +
    `(goal ≥ 500,000/s: ${opsPerSecond >= 500_000 ? 'met' : 'NOT met'}); plain-loop baseline ${baselineOpsPerSecond.toLocaleString('en')}/s; ` +
    `slaCompliance(gasUtilityComplaintLevels) ${Math.round(N / compliance.seconds).toLocaleString('en')}/s`,
);
console.log(
  JSON.stringify({
    name: 'calendar.checkSla(ecommerceComplaintLevels, chinaMainland)',
    opsPerSecond,
    baselineOpsPerSecond,
    ratio: Number((opsPerSecond / baselineOpsPerSecond).toFixed(4)),
    complaints: N,
    slaComplianceOpsPerSecond: Math.round(N / compliance.seconds),
  }),
);

// Throughput of QC v3.1 scoring on one core: the full explainable report (scoreEvaluation) and
// the lean totals (scoreTotal), against a baseline loop that only reads every score of the same
// evaluations (the floor: what touching the data costs).
// Usage: npx tsup && node bench/rubrics.mjs [distinct evaluations] [passes]
// (RUBRICS_DIST=/path/index.js to use another build while dist/ is someone else's WIP.)
const lib = await import(process.env.RUBRICS_DIST ?? '../dist/index.js');

const distinct = Number(process.argv[2] ?? 200_000);
const passes = Number(process.argv[3] ?? 5);
const rubric = lib.qcRubricV31;

// Deterministic pseudo-random data (xorshift). Evaluations come from JSON.parse of NDJSON
// lines, as the CLI reads them: mostly good calls, some N/A, bonuses, a deduction now and then,
// red lines rarely.
let seed = 0x2545f491;
const next = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const lines = [];
for (let i = 0; i < distinct; i++) {
  const scores = {};
  for (const item of rubric.items) {
    const r = next();
    const levels = item.levels;
    scores[item.id] =
      item.notApplicable === 'full' && r < 0.1 ? 'na' : r < 0.7 ? levels[0].points : levels[Math.floor(next() * levels.length)].points;
  }
  const evaluation = { contactId: `C${i}`, raterId: `R${i % 7}`, rubricId: 'qc-v3.1', scores };
  if (next() < 0.2) evaluation.bonuses = ['greeting'];
  if (next() < 0.05 && scores.customerInfoVerification !== 'na') evaluation.deductions = ['customerInfoVerification'];
  if (next() < 0.01) evaluation.redLines = [next() < 0.5 ? 'noAgent' : 'forbiddenPhrase'];
  lines.push(JSON.stringify(evaluation));
}
const evaluations = lines.map((line) => JSON.parse(line));
const count = distinct * passes;

const baseline = () => {
  let sum = 0;
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < distinct; i++) {
      const scores = evaluations[i].scores;
      for (const key in scores) {
        const v = scores[key];
        if (typeof v === 'number') sum += v;
      }
    }
  }
  return sum;
};
const full = () => {
  let sum = 0;
  for (let p = 0; p < passes; p++) for (let i = 0; i < distinct; i++) sum += lib.scoreEvaluation(rubric, evaluations[i]).total;
  return sum;
};
const lean = () => {
  let sum = 0;
  for (let p = 0; p < passes; p++) for (let i = 0; i < distinct; i++) sum += lib.scoreTotal(rubric, evaluations[i]).total;
  return sum;
};

// CPU time of this process (user + system), not wall time: the goal is "per second on one
// core", and on a shared machine wall time mostly measures the neighbours. (GC helper threads
// count too, so this is, if anything, pessimistic.)
const time = (fn) => {
  const start = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, out };
};

// Warm up, then take the best of five runs of each, interleaved so load spikes hit all alike.
baseline();
full();
lean();
const best = { baseline: Infinity, full: Infinity, lean: Infinity };
const totals = {};
for (let i = 0; i < 5; i++) {
  for (const [name, fn] of Object.entries({ baseline, full, lean })) {
    const r = time(fn);
    best[name] = Math.min(best[name], r.seconds);
    totals[name] = r.out;
  }
}
if (totals.full !== totals.lean) throw new Error(`scoreEvaluation and scoreTotal disagree: ${totals.full} vs ${totals.lean}`);

const baselineOpsPerSecond = Math.round(count / best.baseline);
for (const [name, seconds] of [['rubrics.scoreEvaluation.qc-v3.1', best.full], ['rubrics.scoreTotal.qc-v3.1', best.lean]]) {
  const opsPerSecond = Math.round(count / seconds);
  console.log(JSON.stringify({ name, evaluations: count, clock: "cpu", opsPerSecond, baselineOpsPerSecond, ratio: Number((opsPerSecond / baselineOpsPerSecond).toFixed(3)) }));
}
console.log(
  `QC v3.1 (26 items), CPU time of one thread: scoreEvaluation (full report) ${(count / best.full / 1e6).toFixed(2)} M/s ` +
    `(${((best.full / count) * 1e9).toFixed(0)} ns each), scoreTotal (lean) ${(count / best.lean / 1e6).toFixed(2)} M/s ` +
    `(${((best.lean / count) * 1e9).toFixed(0)} ns each); baseline loop reading every score: ` +
    `${(baselineOpsPerSecond / 1e6).toFixed(2)} M/s; mean total ${(totals.full / count).toFixed(2)} / 109`,
);

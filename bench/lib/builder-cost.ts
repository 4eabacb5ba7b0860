// How much of a row's cost is the report builder's, and how much a builder that adds each row
// ONCE (to a cell keyed by agent × channel × topic × month, expanded to the four group
// dimensions only at the end, by merge) would cost with the same KPI accumulators.
// Run: node bench/contenders/run-ts.mjs bench/lib/builder-cost.ts bench/data/contacts-1m.ndjson
import { readFileSync } from 'node:fs';
import { createReportBuilder, monthOfIn, reportKpis } from '../../src/report/index.js';
import { safeParseContact, type Contact } from '../../src/records/index.js';

const file = process.argv[2] ?? 'bench/data/contacts-1m.ndjson';
const n = Number(process.argv[3] ?? 200_000);
const lines = readFileSync(file, 'utf8').split('\n', n + 1).slice(0, n);
const contacts: Contact[] = lines.map((l) => {
  const r = safeParseContact(JSON.parse(l));
  if (!r.success) throw r.error;
  return r.data;
});
const cpu = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / contacts.length;
};
const kpis = reportKpis().kpis.filter((k) => k.reads === 'contact');
for (let rep = 0; rep < 3; rep++) {
  const builder = createReportBuilder({ timeZone: 'Asia/Shanghai' });
  const now = cpu(() => {
    for (const c of contacts) builder.addContact(c);
  });
  // One pass a row: nested Maps keyed by the (interned) strings, one state array a cell.
  const monthOf = monthOfIn('Asia/Shanghai');
  const cells = new Map<string, Map<string, Map<string, Map<string, unknown[]>>>>();
  const cellCost = cpu(() => {
    for (const c of contacts) {
      const m = monthOf(c.offeredAt);
      let a = cells.get(m);
      if (a === undefined) cells.set(m, (a = new Map()));
      let b = a.get(c.agentId ?? '');
      if (b === undefined) a.set(c.agentId ?? '', (b = new Map()));
      let d = b.get(c.channel);
      if (d === undefined) b.set(c.channel, (d = new Map()));
      let states = d.get(c.topic ?? '');
      if (states === undefined) d.set(c.topic ?? '', (states = kpis.map((k) => k.accumulator.empty())));
      for (let i = 0; i < kpis.length; i++) states[i] = kpis[i]!.accumulator.add(states[i], c);
    }
  });
  console.log(
    JSON.stringify({ contactKpis: kpis.length, builderCpuMicrosPerRow: +now.toFixed(3), oneCellPassCpuMicrosPerRow: +cellCost.toFixed(3) }),
  );
}

// Contender: arquero loading the CSV (its streaming `loadCSV`) and computing the compared KPIs
// per month and per agent with `groupby().rollup()`. Column types are explicit (`parse`), so
// nothing is guessed; the month is taken in the center's zone by running this process with
// TZ set to it (arquero's `op.year`/`op.month` read local time).
//   TZ=Asia/Shanghai node bench/contenders/arquero.mjs <file.csv>
import { canonical } from '../kpis.mjs';

const [file, format = 'csv'] = process.argv.slice(2);
if (format !== 'csv') {
  console.log(JSON.stringify({ unavailable: 'the arquero contender reads CSV only' }));
  process.exit(0);
}
let aq;
try {
  aq = await import('arquero');
} catch (error) {
  console.log(JSON.stringify({ unavailable: `arquero cannot be imported: ${error.message}` }));
  process.exit(0);
}
const { op } = aq;
const started = performance.now();
const text = (v) => (v === '' ? null : v);
const num = (v) => (v === '' ? null : Number(v));
const bool = (v) => (v === 'true' ? true : v === 'false' ? false : null);
const instant = (v) => (v === '' ? null : Date.parse(v));
const parse = {
  id: text, channel: text, direction: text, agentId: text, customerId: text, queue: text, topic: text, kind: text,
  offeredAt: instant, answered: bool, answeredAt: instant, endedAt: instant,
  waitSeconds: num, talkSeconds: num, holdSeconds: num, wrapUpSeconds: num,
  resolvedAtFirstContact: bool, escalated: bool, surveyed: bool, satisfaction: text, csat: num, nps: num,
};
const table = (await aq.loadCSV(file, { autoType: false, parse }))
  .derive({
    month: (d) => op.year(d.offeredAt) * 100 + op.month(d.offeredAt) + 1,
    wait: (d) => (d.waitSeconds != null ? d.waitSeconds : d.answeredAt != null ? (d.answeredAt - d.offeredAt) / 1000 : null),
    handle: (d) => (d.talkSeconds || 0) + (d.holdSeconds || 0) + (d.wrapUpSeconds || 0),
  });
const sums = {
  offered: op.count(),
  answered: (d) => op.sum(d.answered ? 1 : 0),
  waitSum: (d) => op.sum(d.answered && d.wait != null ? d.wait : 0),
  waitN: (d) => op.sum(d.answered && d.wait != null ? 1 : 0),
  handleSum: (d) => op.sum(d.answered ? d.handle : 0),
  handleN: (d) => op.sum(d.answered ? 1 : 0),
  satisfied: (d) => op.sum(d.satisfaction === 'satisfied' || (d.satisfaction == null && d.csat != null && d.csat >= 4) ? 1 : 0),
  satisfactionN: (d) => op.sum(d.satisfaction != null || d.csat != null ? 1 : 0),
  csatSum: (d) => op.sum(d.csat != null ? d.csat : 0),
  csatN: (d) => op.valid(d.csat),
  promoters: (d) => op.sum(d.nps != null && d.nps >= 9 ? 1 : 0),
  detractors: (d) => op.sum(d.nps != null && d.nps <= 6 ? 1 : 0),
  npsN: (d) => op.valid(d.nps),
  fcrYes: (d) => op.sum(d.resolvedAtFirstContact === true ? 1 : 0),
  fcrN: (d) => op.valid(d.resolvedAtFirstContact),
  escYes: (d) => op.sum(d.escalated === true ? 1 : 0),
  escN: (d) => op.valid(d.escalated),
};
const byMonth = {};
const byAgent = {};
let rows = 0;
for (const r of table.groupby('month').rollup(sums).objects()) {
  byMonth[`${Math.floor(r.month / 100)}-${String(r.month % 100).padStart(2, '0')}`] = r;
  rows += r.offered;
}
for (const r of table.filter((d) => d.agentId != null).groupby('agentId').rollup(sums).objects()) byAgent[r.agentId] = r;
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows, innerSeconds: seconds, kpis: canonical({ byMonth, byAgent }) }));

// Contender: DuckDB (@duckdb/node-api) computing the compared KPIs per month and per agent
// straight from the file, with explicit column types. The month is taken in the center's own
// zone (SET TimeZone + TIMESTAMPTZ): left to guess, DuckDB reads "+08:00" timestamps as UTC
// and moves early calls on the 1st into the previous month.
//   node bench/contenders/duckdb.mjs <file> <csv|ndjson> <threads>
import { canonical } from '../kpis.mjs';

const [file, format, threads = '2'] = process.argv.slice(2);
const timeZone = process.env.BENCH_TZ ?? 'Asia/Shanghai';

const types = {
  id: 'VARCHAR', channel: 'VARCHAR', direction: 'VARCHAR', agentId: 'VARCHAR', customerId: 'VARCHAR',
  queue: 'VARCHAR', topic: 'VARCHAR', kind: 'VARCHAR', offeredAt: 'TIMESTAMPTZ', answered: 'BOOLEAN',
  answeredAt: 'TIMESTAMPTZ', endedAt: 'TIMESTAMPTZ', waitSeconds: 'DOUBLE', talkSeconds: 'DOUBLE',
  holdSeconds: 'DOUBLE', wrapUpSeconds: 'DOUBLE', resolvedAtFirstContact: 'BOOLEAN', escalated: 'BOOLEAN',
  surveyed: 'BOOLEAN', satisfaction: 'VARCHAR', csat: 'DOUBLE', nps: 'DOUBLE',
};
const columns = `{${Object.entries(types).map(([k, t]) => `'${k}': '${t}'`).join(', ')}}`;
const path = file.replace(/'/g, "''");
const source =
  format === 'csv'
    ? `read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', columns = ${columns})`
    : `read_json('${path}', format = 'newline_delimited', columns = ${columns})`;

const sql = `
with t as (
  select *, strftime(offeredAt, '%Y-%m') as month,
         coalesce(waitSeconds, epoch(answeredAt) - epoch(offeredAt)) as wait
  from ${source}
)
select grouping(month) as gm, month, agentId,
  count(*) as offered,
  count(*) filter (where answered) as answered,
  coalesce(sum(wait) filter (where answered), 0) as waitSum,
  count(wait) filter (where answered) as waitN,
  coalesce(sum(coalesce(talkSeconds, 0) + coalesce(holdSeconds, 0) + coalesce(wrapUpSeconds, 0)) filter (where answered), 0) as handleSum,
  count(*) filter (where answered) as handleN,
  count(*) filter (where satisfaction = 'satisfied' or (satisfaction is null and csat >= 4)) as satisfied,
  count(*) filter (where satisfaction is not null or csat is not null) as satisfactionN,
  coalesce(sum(csat), 0) as csatSum, count(csat) as csatN,
  count(*) filter (where nps >= 9) as promoters, count(*) filter (where nps <= 6) as detractors, count(nps) as npsN,
  count(*) filter (where resolvedAtFirstContact) as fcrYes, count(resolvedAtFirstContact) as fcrN,
  count(*) filter (where escalated) as escYes, count(escalated) as escN
from t
group by grouping sets ((month), (agentId))
`;

let DuckDBInstance;
try {
  ({ DuckDBInstance } = await import('@duckdb/node-api'));
} catch (error) {
  console.log(JSON.stringify({ unavailable: `@duckdb/node-api cannot be imported: ${error.message}` }));
  process.exit(0);
}
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await db.connect();
await conn.run(`SET TimeZone = '${timeZone}'`);
const result = await conn.runAndReadAll(sql);
const byMonth = {};
const byAgent = {};
let rows = 0;
for (const r of result.getRowObjectsJson()) {
  const raw = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
  if (Number(r.gm) === 0) {
    byMonth[r.month] = raw;
    rows += raw.offered;
  } else if (r.agentId !== null) byAgent[r.agentId] = raw;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows, innerSeconds: seconds, kpis: canonical({ byMonth, byAgent }) }));

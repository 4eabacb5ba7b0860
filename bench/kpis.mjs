// The KPIs every contender computes, per agent and per month, as numerator/denominator pairs,
// and the comparison that verifies a contender before it is timed.
//
// Each contender returns the same raw sums per group (`RAW_COLUMNS`); `toPairs` turns them into
// `{ kpi: [numerator, denominator] }`, the form our report JSON carries for each KPI.
// Definitions (chosen to match the metrics room's defaults; see docs/bench.md):
//   answerRate              answered ÷ offered                          (all contacts of the group)
//   averageSpeedOfAnswer    Σ wait ÷ answered contacts with a wait      (wait = waitSeconds, or answeredAt − offeredAt)
//   averageHandleTime       Σ (talk + hold + wrap-up) ÷ answered contacts (absent parts count 0)
//   satisfactionRate        satisfied ÷ contacts with a three-way answer, or else a csat (4–5 satisfied; the metrics room's default rating scale)
//   csat                    Σ csat ÷ contacts with a csat
//   nps                     (promoters − detractors) ÷ contacts with an nps   (×100 when shown)
//   firstContactResolution  resolved at first contact ÷ contacts where it is known
//   escalationRate          escalated ÷ contacts where it is known
// Groups: month of `offeredAt` in the center's own zone (Asia/Shanghai), and agentId (contacts
// without an agent belong to no agent group).

export const RAW_COLUMNS = [
  'offered', 'answered', 'waitSum', 'waitN', 'handleSum', 'handleN', 'satisfied', 'satisfactionN',
  'csatSum', 'csatN', 'promoters', 'detractors', 'npsN', 'fcrYes', 'fcrN', 'escYes', 'escN',
];

export const COMPARED_KPIS = [
  'answerRate', 'averageSpeedOfAnswer', 'averageHandleTime', 'satisfactionRate', 'csat', 'nps',
  'firstContactResolution', 'escalationRate',
];

/** `{ kpi: [numerator, denominator] }` from the raw sums of one group. */
export function toPairs(raw) {
  const n = (k) => Number(raw[k] ?? 0);
  return {
    answerRate: [n('answered'), n('offered')],
    averageSpeedOfAnswer: [n('waitSum'), n('waitN')],
    averageHandleTime: [n('handleSum'), n('handleN')],
    satisfactionRate: [n('satisfied'), n('satisfactionN')],
    csat: [n('csatSum'), n('csatN')],
    nps: [n('promoters') - n('detractors'), n('npsN')],
    firstContactResolution: [n('fcrYes'), n('fcrN')],
    escalationRate: [n('escYes'), n('escN')],
  };
}

/** A zeroed group of raw sums. */
export const emptyRaw = () => Object.fromEntries(RAW_COLUMNS.map((k) => [k, 0]));

const present = (v) => v !== undefined && v !== null && v !== '';

/**
 * Adds one record (JSON-parsed, fields as in the files: ISO strings, numbers, booleans) to a group.
 * The plain-JavaScript reference of the definitions above (for reading, and for checking a contender by hand).
 */
export function addRaw(g, r) {
  g.offered++;
  if (r.answered === true) {
    g.answered++;
    let wait = present(r.waitSeconds) ? Number(r.waitSeconds) : undefined;
    if (wait === undefined && present(r.answeredAt)) wait = (Date.parse(r.answeredAt) - Date.parse(r.offeredAt)) / 1000;
    if (wait !== undefined) {
      g.waitSum += wait;
      g.waitN++;
    }
    g.handleSum += (Number(r.talkSeconds) || 0) + (Number(r.holdSeconds) || 0) + (Number(r.wrapUpSeconds) || 0);
    g.handleN++;
  }
  if (present(r.satisfaction)) {
    g.satisfactionN++;
    if (r.satisfaction === 'satisfied') g.satisfied++;
  } else if (present(r.csat)) {
    g.satisfactionN++;
    if (Number(r.csat) >= 4) g.satisfied++;
  }
  if (present(r.csat)) {
    g.csatSum += Number(r.csat);
    g.csatN++;
  }
  if (present(r.nps)) {
    const v = Number(r.nps);
    g.npsN++;
    if (v >= 9) g.promoters++;
    else if (v <= 6) g.detractors++;
  }
  if (typeof r.resolvedAtFirstContact === 'boolean') {
    g.fcrN++;
    if (r.resolvedAtFirstContact) g.fcrYes++;
  }
  if (typeof r.escalated === 'boolean') {
    g.escN++;
    if (r.escalated) g.escYes++;
  }
}

/** The month (`YYYY-MM`) of an ISO timestamp in a zone with a fixed offset (minutes east of UTC). */
export function monthIn(iso, offsetMinutes = 480) {
  const d = new Date(Date.parse(iso) + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `{ byMonth: { key: pairs }, byAgent: { key: pairs } }` from raw groups. */
export function canonical({ byMonth, byAgent }) {
  const map = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, raw]) => [k, toPairs(raw)]));
  return { byMonth: map(byMonth), byAgent: map(byAgent) };
}

const close = (a, b) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Compares two canonical results: every group of each side, every compared KPI's numerator and
 * denominator. Returns a list of differences (empty when they agree); at most `limit` listed.
 */
export function compareCanonical(expected, actual, limit = 10) {
  const problems = [];
  let count = 0;
  for (const dim of ['byMonth', 'byAgent']) {
    const e = expected?.[dim] ?? {};
    const a = actual?.[dim] ?? {};
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    for (const key of keys) {
      if (!(key in e) || !(key in a)) {
        count++;
        if (problems.length < limit) problems.push(`${dim}.${key}: only in ${key in e ? 'expected' : 'actual'}`);
        continue;
      }
      for (const kpi of COMPARED_KPIS) {
        const [en, ed] = e[key][kpi] ?? [];
        const [an, ad] = a[key][kpi] ?? [];
        if (!close(en, an) || !close(ed, ad)) {
          count++;
          if (problems.length < limit) problems.push(`${dim}.${key}.${kpi}: expected ${en}/${ed}, got ${an}/${ad}`);
        }
      }
    }
  }
  if (count > problems.length) problems.push(`… ${count - problems.length} more`);
  return problems;
}

/**
 * Our report's KPI names for each compared KPI (the metrics room's function names), and how to
 * read numerator and denominator from a KPI result in the report JSON.
 */
export const REPORT_KPI_NAMES = {
  answerRate: 'answerRate',
  averageSpeedOfAnswer: 'averageSpeedOfAnswer',
  averageHandleTime: 'averageHandleTime',
  satisfactionRate: 'satisfactionRate',
  csat: 'csat',
  nps: 'nps',
  firstContactResolution: 'firstContactResolution',
  escalationRate: 'escalationRate',
};

/** Canonical KPI numbers from our report JSON (`byMonth` / `byAgent`, each with `kpis`). */
export function fromReport(report) {
  const side = (groups) => {
    const out = {};
    for (const [key, group] of Object.entries(groups ?? {})) {
      if (key === '(none)') continue; // contacts without an agent: no agent group in the other contenders
      const kpis = group?.kpis ?? {};
      const pairs = {};
      for (const [ours, theirs] of Object.entries(REPORT_KPI_NAMES)) {
        const k = kpis[theirs];
        if (k && typeof k === 'object') pairs[ours] = [k.numerator, k.denominator];
      }
      out[key] = pairs;
    }
    return out;
  };
  return { byMonth: side(report.byMonth), byAgent: side(report.byAgent) };
}

import { maskCustomerId, maskText } from './mask.js';
import type { MonthlyReport, ReportGroup } from './types.js';

/**
 * Masks each key of one dimension once. Two keys can mask alike (employee numbers 10012345 and
 * 10022345 both read 100*2345): the later ones, in key order, get ` (2)`, ` (3)`… so no group is
 * lost from a rendered report and the agent tables, flags and awards still point at the same row.
 */
function keyMasker(keys: Iterable<string>): (key: string) => string {
  const masked = new Map<string, string>();
  const used = new Set<string>();
  for (const key of [...new Set(keys)].sort()) {
    const base = maskText(key);
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base} (${i})`;
    used.add(name);
    masked.set(key, name);
  }
  return (key) => masked.get(key) ?? maskText(key);
}

const maskKeys = (groups: Readonly<Record<string, ReportGroup>>, mask: (key: string) => string = keyMasker(Object.keys(groups))): Record<string, ReportGroup> =>
  Object.fromEntries(Object.entries(groups).map(([key, g]) => [mask(key), g]));

/**
 * A copy of the report with personal data masked, the one step every renderer takes first:
 * customer ids of listed complaints keep their last 4 characters (phones: 138****5678), and
 * phone numbers inside free text (agent, topic and channel keys, notes) are masked. Keys that
 * mask alike stay apart (`100*2345`, `100*2345 (2)`): no group is merged or lost.
 *
 * @param report - the report from `finish()`
 * @param showPii - return the report unchanged
 * @returns the masked report
 * @example
 * maskReport(report, false).sla?.missed[0]?.customerId //=> '138****5678'
 */
export function maskReport(report: MonthlyReport, showPii = false): MonthlyReport {
  if (showPii) return report;
  const agents = report.agents;
  const agent = keyMasker([
    ...Object.keys(report.byAgent),
    ...Object.keys(agents.flags),
    ...agents.awards.map((a) => a.agentId),
    ...agents.ranking.map((r) => r.agentId),
  ]);
  return {
    ...report,
    byAgent: maskKeys(report.byAgent, agent),
    byChannel: maskKeys(report.byChannel),
    byTopic: maskKeys(report.byTopic),
    sla:
      report.sla === null
        ? null
        : { ...report.sla, missed: report.sla.missed.map((m) => ({ ...m, id: maskText(m.id), customerId: m.customerId === null ? null : maskCustomerId(m.customerId) })) },
    agents: {
      ...agents,
      flags: Object.fromEntries(Object.entries(agents.flags).map(([k, v]) => [agent(k), v])),
      awards: agents.awards.map((a) => ({ ...a, agentId: agent(a.agentId) })),
      ranking: agents.ranking.map((r) => ({ ...r, agentId: agent(r.agentId) })),
    },
    notes: report.notes.map(maskText),
  };
}

import { maskCustomerId, maskText } from './mask.js';
import type { MonthlyReport, ReportGroup } from './types.js';

const maskKeys = (groups: Readonly<Record<string, ReportGroup>>): Record<string, ReportGroup> =>
  Object.fromEntries(Object.entries(groups).map(([key, g]) => [maskText(key), g]));

/**
 * A copy of the report with personal data masked, the one step every renderer takes first:
 * customer ids of listed complaints keep their last 4 characters (phones: 138****5678), and
 * phone numbers inside free text (agent, topic and channel keys, notes) are masked.
 *
 * @param report - the report from `finish()`
 * @param showPii - return the report unchanged
 * @returns the masked report
 * @example
 * maskReport(report, false).sla?.missed[0]?.customerId //=> '138****5678'
 */
export function maskReport(report: MonthlyReport, showPii = false): MonthlyReport {
  if (showPii) return report;
  return {
    ...report,
    byAgent: maskKeys(report.byAgent),
    byChannel: maskKeys(report.byChannel),
    byTopic: maskKeys(report.byTopic),
    sla:
      report.sla === null
        ? null
        : { ...report.sla, missed: report.sla.missed.map((m) => ({ ...m, id: maskText(m.id), customerId: m.customerId === null ? null : maskCustomerId(m.customerId) })) },
    agents: {
      ...report.agents,
      flags: Object.fromEntries(Object.entries(report.agents.flags).map(([k, v]) => [maskText(k), v])),
      awards: report.agents.awards.map((a) => ({ ...a, agentId: maskText(a.agentId) })),
      ranking: report.agents.ranking.map((r) => ({ ...r, agentId: maskText(r.agentId) })),
    },
    notes: report.notes.map(maskText),
  };
}

// The report builder's door for pre-aggregated contacts: a reader that already summed a cell's
// rows (the CLI's fast path, whose fused kernel counts KPIs in typed arrays without building a
// contact object a row) hands the builder one state per contact KPI for the cell. Internal: not
// exported from the package, reached through these symbols only.

/** What the builder's contact KPIs are, so a kernel can tell whether it computes them exactly. */
export interface CellPlan {
  /** The builder's time zone: a contact's month is that of its `offeredAt` there. */
  readonly timeZone: string;
  /** Each contact KPI's key and the metrics room's name, in the builder's order. */
  readonly contactKpis: readonly { readonly key: string; readonly kpi: string }[];
}

/**
 * `builder[cellPlan]()`: the plan when every contact KPI has its default options (no preset, no
 * `kpiOptions`) and no evaluation was added (so no contact counts as sampled); otherwise `null`,
 * and contacts must go through `addContact`.
 */
export const cellPlan: unique symbol = Symbol('callcenter-qa.report.cellPlan');

/**
 * `builder[addCell](month, agentId, channel, topic, contacts, states)`: adds `contacts` contacts of
 * one month × agent × channel × topic at once; `states` holds one accumulator state per contact
 * KPI, in {@link CellPlan} order, exactly what adding the contacts one by one would have given.
 * The states are taken over (merged in, then no longer the caller's).
 */
export const addCell: unique symbol = Symbol('callcenter-qa.report.addCell');

/** The builder as a cell reader sees it. */
export interface CellSink {
  [cellPlan](): CellPlan | null;
  [addCell](month: string, agentId: string | undefined, channel: string, topic: string | undefined, contacts: number, states: unknown[]): void;
}

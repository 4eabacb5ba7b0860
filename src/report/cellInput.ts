// The report builder's door for pre-aggregated contacts: a reader that already summed a group's
// rows (the CLI's fast path, whose fused kernel counts KPIs in typed arrays without building a
// contact object a row) hands the builder one state per contact KPI for the group. Internal: not
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
 * `kpiOptions` entry set) and no evaluation was added (so no contact counts as sampled); otherwise `null`,
 * and contacts must go through `addContact`.
 */
export const cellPlan: unique symbol = Symbol('callcenter-qa.report.cellPlan');

/** The groups a report keeps for each month. */
export type GroupDimension = 'all' | 'agent' | 'channel' | 'topic';

/**
 * `builder[addGroup](month, dimension, value, contacts, states)`: adds `contacts` contacts of one
 * month to ONE of its groups: the whole month (`all`, which also counts them in the input), or
 * one agent, channel or topic (`value` undefined for contacts without one: the `(none)` group).
 * A reader calls it once for `all` and once in each other dimension for the same contacts.
 * `states` holds one accumulator state per contact KPI, in {@link CellPlan} order, exactly what
 * adding the contacts one by one would have given; the builder merges them in.
 */
export const addGroup: unique symbol = Symbol('callcenter-qa.report.addGroup');

/** The builder as a group reader sees it. */
export interface CellSink {
  [cellPlan](): CellPlan | null;
  [addGroup](month: string, dimension: GroupDimension, value: string | undefined, contacts: number, states: readonly unknown[]): void;
}

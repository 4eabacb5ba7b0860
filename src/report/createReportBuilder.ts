import { calendars, checkSla, defineCalendar, isWorkingTime, slaRuleSets, type BusinessCalendar, type SlaRuleSet } from '../calendar/index.js';
import { agentPerformance, checkTargets, targetPresets, type AgentMonth, type KpiResult, type Label, type TargetPreset } from '../metrics/index.js';
import { isKnownTimeZone, type Complaint, type Contact, type Evaluation } from '../records/index.js';
import { qcRubricV31, scoreEvaluation } from '../rubrics/index.js';
import { defaultPhrasebook, scriptCompliant } from '../transcript/index.js';
import { monthOfIn, previousMonth } from './monthOf.js';
import { ReportError } from './errors.js';
import { addGroup, cellPlan, type CellPlan, type CellSink } from './cellInput.js';
import { reportKpis } from './reportKpis.js';
import type {
  MonthlyReport,
  ReportAgents,
  ReportBuilderOptions,
  ReportChange,
  ReportGroup,
  ReportInputCounts,
  ReportKpi,
  ReportKpiEntry,
  ReportQa,
  ReportScore,
  ReportSla,
  ReportSlaCheck,
  ReportTarget,
} from './types.js';

/** The dimensions a report groups by; `all` is the whole input. */
type Dimension = 'all' | 'agent' | 'channel' | 'topic';

/** One group × month: its contact count and one state per KPI (plain data). */
interface GroupState {
  contacts: number;
  kpis: unknown[];
}

/**
 * A builder's whole state: plain data (structured-clone safe), so worker partitions can send it
 * to the main thread and `merge` it there.
 */
export interface ReportState {
  readonly version: 1;
  readonly timeZone: string;
  readonly month: string | null;
  readonly kpiNames: readonly string[];
  /** Key: `dimension \u0000 value \u0000 YYYY-MM` (month `''` for evaluations matched to no contact). */
  groups: Record<string, GroupState>;
  noted: { rows: number; accepted: number; rejected: number; duplicates: number; calls: number };
  counts: { contacts: number; complaints: number; evaluations: number; outsidePeriod: number };
  qa: { scored: number; unscored: number; sum: number; min: number | null; max: number | null; buckets: number[]; redLines: Record<string, number> };
  /** Evaluation scores waiting for their contact, by contact id. */
  pending: Record<string, ReportScore[]>;
  sla: {
    complaints: number;
    rules: Record<string, { label: Label | null; met: number; missed: number; pending: number }>;
    missed: { id: string; customerId: string | null; level: number | null; rules: string[] }[];
  };
  unscoredReasons: Record<string, number>;
}

/** What {@link createReportBuilder} returns. */
export interface ReportBuilder {
  /** Adds a call or chat. The object may be reused by the caller afterwards: nothing keeps it. */
  addContact(contact: Contact): void;
  /** Adds a complaint (KPIs on complaints, SLA compliance). */
  addComplaint(complaint: Complaint): void;
  /**
   * Adds a QA evaluation: scored at once for the QA statistics; its score joins the agent,
   * channel, topic and month of its contact when that contact is added later, so add
   * evaluations before contacts (the CLI does).
   */
  addEvaluation(evaluation: Evaluation): void;
  /** Adds the reader's counts (rows read, rejected, duplicates); called once per file or at the end. */
  noteInput(counts: Partial<ReportInputCounts>): void;
  /** The builder's state, plain data. */
  state(): ReportState;
  /** Merges another builder (or its state) into this one; both must share options. */
  merge(other: ReportBuilder | ReportState): void;
  /** The report. Does not change the builder. */
  finish(): MonthlyReport;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const none = '(none)';
const bucketCount = 10;

const emptyState = (timeZone: string, month: string | null, kpiNames: readonly string[]): ReportState => ({
  version: 1,
  timeZone,
  month,
  kpiNames,
  groups: {},
  noted: { rows: 0, accepted: 0, rejected: 0, duplicates: 0, calls: 0 },
  counts: { contacts: 0, complaints: 0, evaluations: 0, outsidePeriod: 0 },
  qa: { scored: 0, unscored: 0, sum: 0, min: null, max: null, buckets: new Array<number>(bucketCount).fill(0), redLines: {} },
  pending: {},
  sla: { complaints: 0, rules: {}, missed: [] },
  unscoredReasons: {},
});

/**
 * Builds the monthly report in one streaming pass: for the whole input, each month (in the
 * center's time zone), each agent, channel and topic it keeps one state per KPI, so memory
 * grows with the number of groups, never with the number of rows. States merge, so worker
 * partitions can each build and the main thread merge (`merge` of any split = one builder over
 * all, tested). A contact is added once, to its month × agent × channel × topic cell; the cells
 * are merged into the groups when the state is read (`state`, `merge`, `finish`), at most
 * 50,000 cells at a time.
 *
 * Rules (docs/report.md has the full schema):
 * - a contact belongs to the month of its `offeredAt` in `timeZone`; a complaint to that of its
 *   `filedAt`; an evaluation to its contact's groups (or the whole only, when never matched);
 * - with `month`, records outside that month and the one before are counted in
 *   `input.outsidePeriod` and left out; the month before feeds only `change` and `byMonth`;
 * - `change` is always "latest month of the period against the month before";
 * - contacts without an agent or topic are grouped under `(none)`, never dropped.
 *
 * @param options - time zone, target preset, month, and the rooms' functions (KPIs, scorer, SLA checker)
 * @returns the builder
 * @throws {ReportError} listing every bad option (unknown zone, month not `YYYY-MM`, unknown preset)
 * @example
 * const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', preset: 'platform-service-provider' });
 * for (const c of contacts) builder.addContact(c);
 * builder.finish().kpis.answerRate.value //=> 0.95
 */
export function createReportBuilder(options: ReportBuilderOptions = {}): ReportBuilder {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const problems: { path: string; message: string }[] = [];
  if (!isKnownTimeZone(timeZone)) {
    problems.push({ path: 'timeZone', message: `expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(timeZone)}` });
  }
  if (options.month !== undefined && !monthPattern.test(options.month)) {
    problems.push({ path: 'month', message: `expected YYYY-MM, got ${JSON.stringify(options.month)}` });
  }
  let preset: TargetPreset | null = null;
  if (typeof options.preset === 'string') {
    preset = Object.hasOwn(targetPresets, options.preset) ? targetPresets[options.preset] : null;
    if (preset === null) {
      problems.push({ path: 'preset', message: `expected one of ${Object.keys(targetPresets).map((p) => JSON.stringify(p)).join(' | ')}, got ${JSON.stringify(options.preset)}` });
    }
  } else if (options.preset !== undefined) preset = options.preset;
  if (problems.length > 0) throw new ReportError(problems);

  const calendar = options.calendar ?? defaultCalendarFor(timeZone);
  const phrasebook = options.phrasebook === undefined ? defaultPhrasebook : options.phrasebook;
  const unjudged = Symbol('unjudged');
  let compliance: boolean | null | typeof unjudged = unjudged;
  // qaSamplingRate asks whether the contact being added was evaluated: the builder knows it from
  // the evaluations added before (the same map that carries their scores to the contact).
  let currentEvaluated = false;
  const kpiOptions = options.kpiOptions ?? {};
  const { kpis, skipped, targetKeys } = reportKpis({
    ...(options.kpis === undefined ? {} : { names: options.kpis }),
    preset,
    bind: {
      ...kpiOptions,
      qaSamplingRate: { isEvaluated: () => currentEvaluated, ...kpiOptions.qaSamplingRate },
      // Only contacts with a transcript can be checked; the rest are "not checked", not failures.
      // Judged once per contact (the four groups share the answer).
      scriptCompliance: {
        isCompliant: (c: Contact) => {
          // A chat with no message has nothing to check (scriptCompliant's own answer, null),
          // known without analysing it.
          if (compliance === unjudged) compliance = phrasebook === null || c.channel !== 'chat' || (Array.isArray(c.messages) && c.messages.length === 0) ? null : scriptCompliant(c, phrasebook);
          return compliance;
        },
        ...kpiOptions.scriptCompliance,
      },
    },
    provide: { isWorkingTime: (ms: number) => isWorkingTime(calendar, ms) },
  });
  const contactKpis = kpis.map((k, i) => [k, i] as const).filter(([k]) => k.reads === 'contact');
  const complaintKpis = kpis.map((k, i) => [k, i] as const).filter(([k]) => k.reads === 'complaint');
  const scoreKpis = kpis.map((k, i) => [k, i] as const).filter(([k]) => k.reads === 'scoreReport');
  // Only targets whose own KPI is measured: one left out is never judged against a plain KPI of its name.
  const targets = new Map<string, ReportTarget>(
    (preset?.targets ?? [])
      .filter((t) => targetKeys.has(t.id))
      .map((t) => [t.id, { id: t.id, kpi: t.kpi, comparator: t.comparator, threshold: t.threshold, label: t.label, source: t.source }]),
  );
  const month = options.month ?? null;
  const allowed = month === null ? null : new Set([month, previousMonth(month)]);
  const monthOf = monthOfIn(timeZone);
  const listMissed = options.listMissed ?? 20;
  const checkComplaint = options.checkComplaint ?? slaChecker(options.slaRuleSets ?? defaultSlaRuleSets(preset), calendar, options.now);
  const rubric = options.rubric ?? qcRubricV31;
  const score =
    options.scoreEvaluation ??
    ((evaluation: Evaluation): ReportScore => {
      const report = scoreEvaluation(rubric, evaluation);
      return { percent: report.percent, redLines: report.redLines.map((r) => r.id) };
    });
  const setupNotes = skipped.map((s) => `Not computed: ${s}.`);
  const st = emptyState(timeZone, month, kpis.map((k) => k.key));

  const groupFor = (dim: Dimension, value: string, m: string): GroupState => {
    const key = `${dim}\u0000${value}\u0000${m}`;
    let g = st.groups[key];
    if (g === undefined) {
      g = { contacts: 0, kpis: kpis.map((k) => k.accumulator.empty()) };
      st.groups[key] = g;
    }
    return g;
  };
  const addTo = (g: GroupState, list: readonly (readonly [ReportKpi, number])[], record: unknown): void => {
    for (const [k, i] of list) g.kpis[i] = k.accumulator.add(g.kpis[i], record as never);
  };
  // An index of the groups by month and dimension, so a new cell or a complaint finds its groups without
  // building keys; it points at the same objects as `st.groups` (a merge adds to both in place).
  interface MonthGroups {
    readonly all: GroupState;
    readonly agent: Map<string, GroupState>;
    readonly channel: Map<string, GroupState>;
    readonly topic: Map<string, GroupState>;
  }
  const index = new Map<string, MonthGroups>();
  let lastMonth = '';
  let last: MonthGroups | undefined;
  const monthGroups = (m: string): MonthGroups => {
    if (m === lastMonth && last !== undefined) return last;
    let mg = index.get(m);
    if (mg === undefined) {
      mg = { all: groupFor('all', '', m), agent: new Map(), channel: new Map(), topic: new Map() };
      index.set(m, mg);
    }
    lastMonth = m;
    last = mg;
    return mg;
  };
  const groupIn = (mg: MonthGroups, dim: 'agent' | 'channel' | 'topic', value: string, m: string): GroupState => {
    let g = mg[dim].get(value);
    if (g === undefined) {
      g = groupFor(dim, value, m);
      mg[dim].set(value, g);
    }
    return g;
  };

  // The hot path. A contact is added ONCE, to its finest cell (month × agent × channel × topic),
  // and the cells are merged into their four groups (all, agent, channel, topic of the month)
  // when the state is read: `state()`, `merge()`, `finish()`, or when `maxCells` cells pile up
  // (so memory stays bounded whatever the keys' cardinality). Merge of any split = whole is
  // every KPI's law, so the groups hold what adding to each of them would give, at a quarter of
  // the `add` calls (numbers equal up to floating-point summation order, as for worker splits).
  // Plain arrays of functions indexed like a cell's states: no tuples, closures or keys a row.
  const contactSlots = contactKpis.map(([, i]) => i);
  const contactAdds = contactKpis.map(([k]) => k.accumulator.add as (state: unknown, record: Contact) => unknown);
  const contactMerges = contactKpis.map(([k]) => k.accumulator.merge as (a: unknown, b: unknown) => unknown);
  const contactEmpties = contactKpis.map(([k]) => k.accumulator.empty as () => unknown);
  const scoreSlots = scoreKpis.map(([, i]) => i);
  const scoreAdds = scoreKpis.map(([k]) => k.accumulator.add as (state: unknown, record: ReportScore) => unknown);
  const scoreMerges = scoreKpis.map(([k]) => k.accumulator.merge as (a: unknown, b: unknown) => unknown);
  interface Cell {
    contacts: number;
    /** One state per contact KPI, in `contactSlots` order. */
    readonly states: unknown[];
    /** One state per score KPI (`scoreSlots` order), once a contact of the cell had a score. */
    scores: unknown[] | null;
    /** all, agent, channel, topic of the cell's month: the groups it is merged into. */
    readonly groups: readonly [GroupState, GroupState, GroupState, GroupState];
  }
  // At most this many cells are kept: then they are merged into their groups. When they held
  // under two rows each on average (keys of high cardinality, e.g. a topic per contact), cells
  // cost more than they save, and the builder adds each later contact to its four groups itself.
  const maxCells = 50_000;
  let rowsInCells = 0;
  let direct = false;
  // How many contact ids `st.pending` holds (evaluations waiting for their contact).
  let pendingIds = 0;
  const waitForContact = (contactId: string, scored: ReportScore): void => {
    if (own(st.pending, contactId) === undefined) pendingIds += 1;
    pendingFor(st.pending, contactId).push(scored);
  };
  // month → agent → channel → topic → cell; `cellList` lists the same cells for flushing.
  let cells = new Map<string, Map<string, Map<string, Map<string, Cell>>>>();
  let cellList: Cell[] = [];
  let cellMonth = '';
  let cellAgents: Map<string, Map<string, Map<string, Cell>>> | undefined;
  const newCell = (m: string, agent: string, channel: string, topic: string): Cell | undefined => {
    if (cellList.length >= maxCells) {
      direct = rowsInCells < 2 * cellList.length;
      flushCells();
      if (direct) return undefined;
    }
    // The groups are created here, in the order of the rows that first reach them (as adding
    // to them directly would), so the state's groups keep today's order.
    const mg = monthGroups(m);
    const cell: Cell = {
      contacts: 0,
      states: contactEmpties.map((empty) => empty()),
      scores: null,
      groups: [mg.all, groupIn(mg, 'agent', agent, m), groupIn(mg, 'channel', channel, m), groupIn(mg, 'topic', topic, m)],
    };
    cellList.push(cell);
    let agents = cells.get(m);
    if (agents === undefined) cells.set(m, (agents = new Map()));
    let channels = agents.get(agent);
    if (channels === undefined) agents.set(agent, (channels = new Map()));
    let topics = channels.get(channel);
    if (topics === undefined) channels.set(channel, (topics = new Map()));
    topics.set(topic, cell);
    cellMonth = m;
    cellAgents = agents;
    return cell;
  };
  const cellFor = (m: string, agent: string, channel: string, topic: string): Cell | undefined => {
    let agents = cellAgents;
    if (m !== cellMonth || agents === undefined) {
      agents = cells.get(m);
      if (agents === undefined) return newCell(m, agent, channel, topic);
      cellMonth = m;
      cellAgents = agents;
    }
    const cell = agents.get(agent)?.get(channel)?.get(topic);
    return cell === undefined ? newCell(m, agent, channel, topic) : cell;
  };
  /** Adds a contact and its scores to one group (when cells do not pay, see `maxCells`). */
  const addToGroup = (g: GroupState, contact: Contact, scores: readonly ReportScore[] | undefined): void => {
    g.contacts += 1;
    const states = g.kpis;
    for (let j = 0; j < contactSlots.length; j++) {
      const i = contactSlots[j] as number;
      states[i] = (contactAdds[j] as (state: unknown, record: Contact) => unknown)(states[i], contact);
    }
    if (scores !== undefined) for (const s of scores) if (s.percent !== null) addTo(g, scoreKpis, s);
  };
  /** Merges every cell into its four groups and forgets the cells. */
  const flushCells = (): void => {
    const list = cellList;
    if (list.length === 0) return;
    cells = new Map();
    cellList = [];
    rowsInCells = 0;
    cellMonth = '';
    cellAgents = undefined;
    for (const cell of list) {
      for (const g of cell.groups) {
        g.contacts += cell.contacts;
        const states = g.kpis;
        // merge mutates only its first argument (the group's state): the cell's state can go
        // into each of its four groups, and is dropped afterwards.
        for (let j = 0; j < contactSlots.length; j++) {
          const i = contactSlots[j] as number;
          states[i] = (contactMerges[j] as (a: unknown, b: unknown) => unknown)(states[i], cell.states[j]);
        }
        const scores = cell.scores;
        if (scores !== null) {
          for (let j = 0; j < scoreSlots.length; j++) {
            const i = scoreSlots[j] as number;
            states[i] = (scoreMerges[j] as (a: unknown, b: unknown) => unknown)(states[i], scores[j]);
          }
        }
      }
    }
  };

  // Groups summed elsewhere (the fast path's kernel) are exact only under default KPI options and
  // while no contact can count as QA-sampled.
  // Default KPIs: no preset and no KPI option set (`kpiOptions: {}` or all-undefined entries set none).
  const noKpiOptions = options.kpiOptions === undefined || Object.values(options.kpiOptions).every((o) => o === undefined);
  const plainKpis = (options.preset === undefined || options.preset === null) && noKpiOptions;
  const builder: ReportBuilder & CellSink = {
    [cellPlan](): CellPlan | null {
      if (!plainKpis || st.counts.evaluations > 0 || pendingIds > 0) return null;
      return { timeZone, contactKpis: contactKpis.map(([k]) => ({ key: k.key, kpi: k.kpi })) };
    },
    [addGroup](m, dimension, value, contacts, states) {
      if (states.length !== contactKpis.length) throw new Error(`addGroup: expected ${contactKpis.length} states, got ${states.length}`);
      if (allowed !== null && !allowed.has(m)) {
        if (dimension === 'all') st.counts.outsidePeriod += contacts;
        return;
      }
      const mg = monthGroups(m);
      let g: GroupState;
      if (dimension === 'all') {
        st.counts.contacts += contacts;
        g = mg.all;
      } else g = groupIn(mg, dimension, value ?? none, m);
      g.contacts += contacts;
      // merge mutates its first argument only (the group's state), as in flushCells.
      for (let j = 0; j < contactSlots.length; j++) {
        const i = contactSlots[j] as number;
        g.kpis[i] = (contactMerges[j] as (a: unknown, b: unknown) => unknown)(g.kpis[i], states[j]);
      }
    },
    addContact(contact) {
      const m = monthOf(contact.offeredAt);
      if (allowed !== null && !allowed.has(m)) {
        st.counts.outsidePeriod += 1;
        return;
      }
      st.counts.contacts += 1;
      const agent = contact.agentId ?? none;
      const topic = contact.topic ?? none;
      const cell = direct ? undefined : cellFor(m, agent, contact.channel, topic);
      // Without evaluations waiting, no lookup (a property lookup by a fresh id string costs).
      const scores = pendingIds === 0 ? undefined : own(st.pending, contact.id);
      if (scores !== undefined) {
        delete st.pending[contact.id];
        pendingIds -= 1;
      }
      currentEvaluated = scores !== undefined;
      compliance = unjudged;
      if (cell === undefined) {
        const mg = monthGroups(m);
        addToGroup(mg.all, contact, scores);
        addToGroup(groupIn(mg, 'agent', agent, m), contact, scores);
        addToGroup(groupIn(mg, 'channel', contact.channel, m), contact, scores);
        addToGroup(groupIn(mg, 'topic', topic, m), contact, scores);
        return;
      }
      rowsInCells += 1;
      cell.contacts += 1;
      const states = cell.states;
      for (let j = 0; j < contactAdds.length; j++) {
        states[j] = (contactAdds[j] as (state: unknown, record: Contact) => unknown)(states[j], contact);
      }
      if (scores !== undefined) {
        const cellScores = (cell.scores ??= scoreKpis.map(([k]) => k.accumulator.empty()));
        for (const s of scores) {
          if (s.percent === null) continue;
          for (let j = 0; j < scoreAdds.length; j++) {
            cellScores[j] = (scoreAdds[j] as (state: unknown, record: ReportScore) => unknown)(cellScores[j], s);
          }
        }
      }
    },
    addComplaint(complaint) {
      const m = monthOf(complaint.filedAt);
      if (allowed !== null && !allowed.has(m)) {
        st.counts.outsidePeriod += 1;
        return;
      }
      st.counts.complaints += 1;
      const mg = monthGroups(m);
      for (const g of [mg.all, groupIn(mg, 'agent', complaint.agentId ?? none, m), groupIn(mg, 'topic', complaint.topic ?? none, m)]) {
        addTo(g, complaintKpis, complaint);
      }
      if (checkComplaint === null || (allowed !== null && m !== month)) return;
      st.sla.complaints += 1;
      const missed: string[] = [];
      for (const check of checkComplaint(complaint)) {
        const rule = (st.sla.rules[check.rule] ??= { label: check.label ?? null, met: 0, missed: 0, pending: 0 });
        if (check.met === true) rule.met += 1;
        else if (check.met === false) {
          rule.missed += 1;
          missed.push(check.rule);
        } else rule.pending += 1;
      }
      if (missed.length > 0) {
        st.sla.missed.push({ id: complaint.id, customerId: complaint.customerId ?? null, level: complaint.level ?? null, rules: missed });
        // The first `listMissed` by id, whatever the order of arrival or of merging.
        if (st.sla.missed.length > 2 * listMissed) st.sla.missed = firstById(st.sla.missed, listMissed);
      }
    },
    addEvaluation(evaluation) {
      st.counts.evaluations += 1;
      let scored: ReportScore;
      try {
        scored = score(evaluation);
      } catch (error) {
        // An evaluation the rubric refuses is counted with its reason, never dropped silently.
        st.qa.unscored += 1;
        const reason = error instanceof Error ? error.message.split('\n')[0] ?? 'unscorable' : 'unscorable';
        increment(st.unscoredReasons, reason);
        waitForContact(evaluation.contactId, { percent: null });
        return;
      }
      const qa = st.qa;
      const percent = scored.percent;
      if (percent === null || !Number.isFinite(percent)) {
        qa.unscored += 1;
        increment(st.unscoredReasons, 'no score (every item not applicable)');
      } else {
        qa.scored += 1;
        qa.sum += percent;
        qa.min = qa.min === null ? percent : Math.min(qa.min, percent);
        qa.max = qa.max === null ? percent : Math.max(qa.max, percent);
        const bucket = Math.min(bucketCount - 1, Math.max(0, Math.floor(percent / 10)));
        qa.buckets[bucket] = (qa.buckets[bucket] ?? 0) + 1;
      }
      for (const rule of scored.redLines ?? []) increment(qa.redLines, rule);
      // Remembered for the contact: its score joins the contact's groups, and it counts as sampled.
      waitForContact(evaluation.contactId, { percent: percent !== null && Number.isFinite(percent) ? percent : null });
    },
    noteInput(counts) {
      st.noted.calls += 1;
      st.noted.rows += counts.rows ?? 0;
      st.noted.accepted += counts.accepted ?? 0;
      st.noted.rejected += counts.rejected ?? 0;
      st.noted.duplicates += counts.duplicates ?? 0;
    },
    state() {
      flushCells();
      return st;
    },
    merge(other) {
      const o = 'state' in other && typeof other.state === 'function' ? other.state() : (other as ReportState);
      const p: { path: string; message: string }[] = [];
      if (o.timeZone !== st.timeZone) p.push({ path: 'timeZone', message: `expected ${st.timeZone}, got ${o.timeZone}` });
      if (o.month !== st.month) p.push({ path: 'month', message: `expected ${String(st.month)}, got ${String(o.month)}` });
      if (o.kpiNames.join('\u0000') !== st.kpiNames.join('\u0000')) p.push({ path: 'kpis', message: 'expected the same KPIs in both builders' });
      if (p.length > 0) throw new ReportError(p);
      // The cells point at this state's groups: merge them in first. The state is merged in
      // place, so the index of groups stays right (groups new from `o` are found by key).
      flushCells();
      mergeStates(st, o, kpis, listMissed);
      pendingIds = Object.keys(st.pending).length;
    },
    finish() {
      flushCells();
      return finishReport(st, kpis, targets, preset, month, options.training, setupNotes, listMissed, checkComplaint !== null);
    },
  };
  return builder;
}

const firstById = <T extends { id: string }>(list: T[], n: number): T[] =>
  list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, n);

/**
 * Merges `b` into `a` in place (a builder's own state). Nothing of `b` is changed
 * or kept: its new groups, pending scores and missed deadlines are cloned, and its KPI states are
 * only read (`merge` never keeps its second argument), so `a.merge(a)` doubles and a state may
 * be merged into several builders.
 */
function mergeStates(a: ReportState, b: ReportState, kpis: readonly ReportKpi[], listMissed: number): void {
  const out = a;
  for (const [key, g] of Object.entries(b.groups)) {
    const mine = out.groups[key];
    if (mine === undefined) {
      out.groups[key] = structuredClone(g);
      continue;
    }
    mine.contacts += g.contacts;
    // merge never changes nor keeps its second argument (the accumulator contract): no copy needed.
    kpis.forEach((k, i) => {
      mine.kpis[i] = k.accumulator.merge(mine.kpis[i], g.kpis[i]);
    });
  }
  for (const key of ['rows', 'accepted', 'rejected', 'duplicates', 'calls'] as const) out.noted[key] += b.noted[key];
  for (const key of ['contacts', 'complaints', 'evaluations', 'outsidePeriod'] as const) out.counts[key] += b.counts[key];
  const qa = out.qa;
  qa.scored += b.qa.scored;
  qa.unscored += b.qa.unscored;
  qa.sum += b.qa.sum;
  qa.min = qa.min === null ? b.qa.min : b.qa.min === null ? qa.min : Math.min(qa.min, b.qa.min);
  qa.max = qa.max === null ? b.qa.max : b.qa.max === null ? qa.max : Math.max(qa.max, b.qa.max);
  qa.buckets = qa.buckets.map((n, i) => n + (b.qa.buckets[i] ?? 0));
  for (const [rule, n] of Object.entries(b.qa.redLines)) increment(qa.redLines, rule, n);
  for (const [id, scores] of Object.entries(b.pending)) pendingFor(out.pending, id).push(...structuredClone(scores));
  out.sla.complaints += b.sla.complaints;
  for (const [rule, r] of Object.entries(b.sla.rules)) {
    const mine = (out.sla.rules[rule] ??= { label: r.label, met: 0, missed: 0, pending: 0 });
    mine.met += r.met;
    mine.missed += r.missed;
    mine.pending += r.pending;
  }
  out.sla.missed = firstById([...out.sla.missed, ...structuredClone(b.sla.missed)], listMissed);
  for (const [reason, n] of Object.entries(b.unscoredReasons)) increment(out.unscoredReasons, reason, n);
}

/** Reads an own property only: keys from data (`constructor`, `__proto__`) never reach a prototype. */
const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
const increment = (record: Record<string, number>, key: string, n = 1): void => {
  Object.defineProperty(record, key, { value: (own(record, key) ?? 0) + n, enumerable: true, writable: true, configurable: true });
};
const pendingFor = (pending: Record<string, ReportScore[]>, id: string): ReportScore[] => {
  let list = own(pending, id);
  if (list === undefined) {
    list = [];
    Object.defineProperty(pending, id, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return list;
};

const parseKey = (key: string): [Dimension, string, string] => key.split('\u0000') as [Dimension, string, string];

function finishReport(
  st: ReportState,
  kpis: readonly ReportKpi[],
  targets: ReadonlyMap<string, ReportTarget>,
  preset: TargetPreset | null,
  month: string | null,
  training: Readonly<Record<string, number>> | undefined,
  setupNotes: readonly string[],
  listMissed: number,
  slaChecked: boolean,
): MonthlyReport {
  const notes: string[] = [...setupNotes];
  // Evaluations whose contact never came: their scores count in the whole only (month '').
  const unmatchedEvaluations = Object.values(st.pending).flat();
  const pendingScores = unmatchedEvaluations.filter((s) => s.percent !== null);
  const scoreKpis = kpis.map((k, i) => [k, i] as const).filter(([k]) => k.reads === 'scoreReport');
  const groups = new Map<string, GroupState>(Object.entries(st.groups));
  if (unmatchedEvaluations.length > 0) {
    notes.push(`${unmatchedEvaluations.length} evaluation(s) matched no contact (add evaluations before contacts): counted in the whole only.`);
  }
  if (pendingScores.length > 0) {
    const g: GroupState = { contacts: 0, kpis: kpis.map((k) => k.accumulator.empty()) };
    for (const s of pendingScores) for (const [k, i] of scoreKpis) g.kpis[i] = k.accumulator.add(g.kpis[i], s as never);
    groups.set(`all\u0000\u0000`, g);
  }

  const months = [...new Set([...groups.keys()].map((k) => parseKey(k)[2]).filter((m) => m !== ''))].sort();
  const periodMonths = month === null ? months : months.filter((m) => m === month);
  const latest = month ?? months[months.length - 1] ?? null;
  const inPeriod = new Set<string>([...periodMonths, '']);

  // dimension → value → month → state
  const byDim = new Map<Dimension, Map<string, Map<string, GroupState>>>();
  for (const [key, g] of groups) {
    const [dim, value, m] = parseKey(key);
    let values = byDim.get(dim);
    if (values === undefined) byDim.set(dim, (values = new Map()));
    let ms = values.get(value);
    if (ms === undefined) values.set(value, (ms = new Map()));
    ms.set(m, g);
  }

  // A group's results are read up to three times (the period's total, the latest month, the month
  // before): each state's are worked out once.
  const resultsOf = new Map<GroupState, KpiResult[]>();
  const results = (g: GroupState): KpiResult[] => {
    let r = resultsOf.get(g);
    if (r === undefined) resultsOf.set(g, (r = kpis.map((k, i) => k.accumulator.result(g.kpis[i]))));
    return r;
  };
  const combine = (states: readonly GroupState[]): GroupState => {
    // One state is its own total (merging it into empty ones gives the same results).
    if (states.length === 1) return states[0]!;
    const out: GroupState = { contacts: 0, kpis: kpis.map((k) => k.accumulator.empty()) };
    for (const g of states) {
      out.contacts += g.contacts;
      // merge may mutate its first argument only; the fresh `out` takes that.
      // merge never changes nor keeps its second argument (the accumulator contract): no copy.
      kpis.forEach((k, i) => (out.kpis[i] = k.accumulator.merge(out.kpis[i], g.kpis[i])));
    }
    return out;
  };
  const entries = (total: KpiResult[], current: KpiResult[] | null, before: KpiResult[] | null, m: string | null): Record<string, ReportKpiEntry> => {
    const out: Record<string, ReportKpiEntry> = {};
    kpis.forEach((k, i) => {
      const r = total[i] as KpiResult;
      const target = targets.get(k.key) ?? null;
      const value = r.value !== null && Number.isFinite(r.value) ? r.value : null;
      let met: boolean | null = null;
      let margin: number | null = null;
      if (target !== null && value !== null) {
        // The metrics room's checkTargets rule: margin = value − threshold (atLeast) or threshold −
        // value (atMost); within 1e-9 of the threshold meets it.
        margin = target.comparator === 'atLeast' ? value - target.threshold : target.threshold - value;
        met = margin >= -1e-9;
      }
      let change: ReportChange | null = null;
      if (m !== null) {
        const v = current?.[i]?.value ?? null;
        const p = before?.[i]?.value ?? null;
        const prev = previousMonth(m);
        change =
          v !== null && p !== null
            ? { month: m, previousMonth: prev, value: v, previous: p, delta: v - p }
            : { month: m, previousMonth: prev, value: v, previous: p, delta: null, reason: p === null ? `no value for ${prev}` : `no value for ${m}` };
      }
      // Built key by key in the report's order (no spread objects: this runs for every KPI of every group).
      const entry: { -readonly [K in keyof ReportKpiEntry]: ReportKpiEntry[K] } = { value, numerator: r.numerator, denominator: r.denominator } as ReportKpiEntry;
      if (value === null) entry.reason = r.reason ?? 'no value';
      if (r.excluded !== undefined && r.excluded > 0) entry.excluded = r.excluded;
      entry.unit = k.unit;
      entry.label = k.label;
      entry.target = target;
      entry.met = met;
      entry.margin = margin;
      entry.change = change;
      out[k.key] = entry;
    });
    return out;
  };
  const groupReport = (ms: Map<string, GroupState>): ReportGroup => {
    const total = combine([...ms].filter(([m]) => inPeriod.has(m)).map(([, g]) => g));
    const cur = latest === null ? undefined : ms.get(latest);
    const prev = latest === null ? undefined : ms.get(previousMonth(latest));
    return {
      contacts: total.contacts,
      kpis: entries(results(total), cur === undefined ? null : results(cur), prev === undefined ? null : results(prev), latest),
    };
  };
  const dimension = (dim: Dimension): Record<string, ReportGroup> => {
    const values = [...(byDim.get(dim) ?? new Map<string, Map<string, GroupState>>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // fromEntries defines own properties: a topic named "__proto__" stays a key.
    return Object.fromEntries(
      values.filter(([, ms]) => [...ms.keys()].some((m) => inPeriod.has(m) && m !== '')).map(([value, ms]) => [value, groupReport(ms)]),
    );
  };

  const all = byDim.get('all')?.get('') ?? new Map<string, GroupState>();
  const whole = groupReport(all);
  const byMonth: Record<string, ReportGroup> = {};
  for (const m of months) {
    const g = all.get(m) as GroupState;
    const prev = all.get(previousMonth(m));
    byMonth[m] = { contacts: g.contacts, kpis: entries(results(g), results(g), prev === undefined ? null : results(prev), m) };
  }
  const byAgent = dimension('agent');

  const accepted = st.counts.contacts + st.counts.complaints + st.counts.evaluations + st.counts.outsidePeriod;
  const input = {
    rows: st.noted.calls > 0 ? st.noted.rows : accepted,
    accepted: st.noted.calls > 0 ? st.noted.accepted : accepted,
    rejected: st.noted.rejected,
    duplicates: st.noted.duplicates,
    ...st.counts,
  };
  if (st.counts.outsidePeriod > 0) notes.push(`${st.counts.outsidePeriod} record(s) fell outside ${String(month)} and the month before; left out.`);
  for (const [reason, n] of Object.entries(st.unscoredReasons)) notes.push(`${n} evaluation(s) could not be scored: ${reason}`);
  if (st.counts.complaints > 0 && !slaChecked) {
    notes.push('No SLA checker was given: SLA compliance is not reported.');
  }

  return {
    schema: 'callcenter-qa/monthly-report@1',
    input,
    period: { from: periodMonths[0] ?? null, to: periodMonths[periodMonths.length - 1] ?? null, months: periodMonths, timeZone: st.timeZone },
    preset: preset?.name ?? null,
    kpis: whole.kpis,
    byMonth,
    byAgent,
    byChannel: dimension('channel'),
    byTopic: dimension('topic'),
    qa: qaReport(st, unmatchedEvaluations.length),
    sla: slaReport(st, listMissed),
    agents: agentsReport(byDim.get('agent'), byAgent, kpis, results, preset, month ?? latest, training),
    notes,
  };
}

function qaReport(st: ReportState, unmatched: number): ReportQa {
  const qa = st.qa;
  const base = {
    evaluations: qa.scored,
    unscored: qa.unscored,
    unmatched,
    distribution: qa.buckets.map((count, i) => ({ from: i * 10, to: i * 10 + 10, count })),
    redLines: { ...qa.redLines },
  };
  return qa.scored === 0
    ? { ...base, mean: null, min: null, max: null, reason: st.counts.evaluations === 0 ? 'no evaluations' : 'no evaluation could be scored' }
    : { ...base, mean: qa.sum / qa.scored, min: qa.min, max: qa.max };
}

function slaReport(st: ReportState, listMissed: number): ReportSla | null {
  if (st.sla.complaints === 0 && Object.keys(st.sla.rules).length === 0) return null;
  let met = 0;
  let missed = 0;
  const rules: Record<string, ReportSla['rules'][string]> = {};
  for (const [rule, r] of Object.entries(st.sla.rules)) {
    met += r.met;
    missed += r.missed;
    rules[rule] = { ...r, rate: r.met + r.missed === 0 ? null : r.met / (r.met + r.missed) };
  }
  const compliance = met + missed === 0 ? null : met / (met + missed);
  return {
    complaints: st.sla.complaints,
    compliance,
    ...(compliance === null ? { reason: 'no deadline was due yet' } : {}),
    rules,
    missed: firstById([...st.sla.missed], listMissed),
  };
}

/**
 * Agent flags and awards through the metrics room's `agentPerformance` (seed 002 §7.3): each
 * agent-month's KPI attainment is the share of the preset's targets it met; customer feedback
 * is its satisfaction rate (else (CSAT − 1) ÷ 4); training comes from `options.training`. Without
 * training data the score is KPI 75 % + feedback 25 % (the seed's 60 : 20 rescaled), said in `weights`.
 */
function agentsReport(
  months: Map<string, Map<string, GroupState>> | undefined,
  byAgent: Record<string, ReportGroup>,
  kpis: readonly ReportKpi[],
  results: (g: GroupState) => KpiResult[],
  preset: TargetPreset | null,
  month: string | null,
  training: Readonly<Record<string, number>> | undefined,
): ReportAgents {
  const weights = training === undefined ? { kpi: 0.75, feedback: 0.25, training: 0 } : { kpi: 0.6, feedback: 0.2, training: 0.2 };
  const rows: AgentMonth[] = [];
  const measured = new Map<string, { attainment: number | null; feedback: number | null }>();
  for (const [agentId, ms] of months ?? []) {
    if (agentId === none) continue;
    for (const [m, g] of ms) {
      if (m === '') continue;
      const r = results(g);
      const byKey: Record<string, KpiResult> = {};
      kpis.forEach((k, i) => (byKey[k.key] = r[i] as KpiResult));
      const attainment = preset === null ? null : checkTargets(byKey, preset).attainment.value;
      const satisfaction = byKey['satisfactionRate']?.value ?? null;
      const csat = byKey['csat']?.value ?? null;
      const feedback = satisfaction ?? (csat === null ? null : (csat - 1) / 4);
      const fcr = byKey['firstContactResolution']?.value ?? null;
      const trained = training === undefined ? 0 : Object.hasOwn(training, agentId) ? (training[agentId] ?? null) : null;
      rows.push({ agentId, month: m, kpiAttainment: attainment, customerFeedback: feedback, training: trained, csat, fcr });
      if (m === month) measured.set(agentId, { attainment, feedback });
    }
  }
  const empty: ReportAgents = { month: null, weights, flags: {}, awards: [], ranking: [] };
  if (rows.length === 0 || month === null) return empty;
  const result = agentPerformance(rows, { month, weights });
  const flags: Record<string, string[]> = {};
  const flag = (id: string, f: string): void => {
    const list = Object.hasOwn(flags, id) ? (flags[id] as string[]) : [];
    list.push(f);
    Object.defineProperty(flags, id, { value: list, enumerable: true, writable: true, configurable: true });
  };
  for (const id of result.retraining) flag(id, 'retraining');
  for (const id of result.promotion) flag(id, 'promotion');
  // An award is the month's value (the one it was judged on), never the whole period's.
  const awards: ReportAgents['awards'][number][] = [];
  const ofMonth = (id: string): AgentMonth | undefined => rows.find((r) => r.agentId === id && r.month === month);
  for (const id of result.awards.highestCsat) {
    const value = ofMonth(id)?.csat ?? null;
    if (value !== null) awards.push({ award: 'highestCsat', label: { zh: '满意度之星', en: 'Highest CSAT' }, agentId: id, value });
  }
  for (const id of result.awards.highestFcr) {
    const value = ofMonth(id)?.fcr ?? null;
    if (value !== null) awards.push({ award: 'highestFcr', label: { zh: '一次解决之星', en: 'Highest FCR' }, agentId: id, value });
  }
  const ranking = result.agents.map((a) => ({
    agentId: a.agentId,
    score: a.score,
    rank: a.rank,
    attainment: measured.get(a.agentId)?.attainment ?? null,
    feedback: measured.get(a.agentId)?.feedback ?? null,
    contacts: (Object.hasOwn(byAgent, a.agentId) ? byAgent[a.agentId]?.contacts : undefined) ?? 0,
  }));
  return { month: result.month, weights, flags, awards, ranking };
}

/** The SLA rule sets a preset implies (sla-rules.md): its own seed's complaint deadlines. */
function defaultSlaRuleSets(preset: TargetPreset | null): SlaRuleSet[] {
  switch (preset?.name) {
    case 'platform-service-provider':
      return [slaRuleSets.platformServiceProvider];
    case 'gas-utility-hotline':
      return [slaRuleSets.gasUtilityComplaintLevels, slaRuleSets.hotlineCallback];
    default:
      // Seed 002's tiers (levels 1–3) are the most common export; with seed 001's callback rule.
      return [slaRuleSets.ecommerceComplaintLevels, slaRuleSets.ecommerceFollowUp, slaRuleSets.hotlineCallback];
  }
}

/** Checks a complaint with the calendar room's `checkSla`: met → true, missed or overdue → false, pending → null; notStarted skipped. */
function slaChecker(
  ruleSets: readonly SlaRuleSet[],
  calendar: Parameters<typeof checkSla>[2],
  now: number | undefined,
): ((complaint: Complaint) => ReportSlaCheck[]) | null {
  if (ruleSets.length === 0) return null;
  return (complaint) => {
    const out: ReportSlaCheck[] = [];
    for (const set of ruleSets) {
      for (const step of checkSla(complaint, set, calendar, now === undefined ? {} : { now })) {
        if (step.status === 'notStarted') continue;
        out.push({
          rule: `${set.id}.${step.ruleId}`,
          label: step.label,
          met: step.status === 'met' ? true : step.status === 'missed' || step.status === 'overdue' ? false : null,
        });
      }
    }
    return out;
  };
}

/**
 * The calendar a report uses when none is given: mainland China's working days for a center in
 * `Asia/Shanghai` (seed 000's platform is there), otherwise seed 000's hours, 09:00–18:00 Monday
 * to Friday, in the center's own zone. Judging a Swiss center's 09:00 calls against Shanghai's
 * office hours would put them at 16:00 and most of the day outside working time.
 */
function defaultCalendarFor(timeZone: string): BusinessCalendar {
  if (timeZone === calendars.chinaMainland.timeZone) return calendars.chinaMainland;
  const day = '09:00-18:00';
  return defineCalendar({
    timeZone,
    workingHours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
    label: { zh: `工作日 9:00–18:00(${timeZone})`, en: `Weekdays 09:00–18:00 (${timeZone})` },
  });
}

import { defaultConsultationReplyMinutes } from '../../metrics/complaints/replyTimeliness.js';
import { defaultRingSeconds } from '../../metrics/phone/ringsToAnswer.js';
import { defaultServiceLevelSeconds } from '../../metrics/phone/serviceLevel.js';
import { defaultRequiredFields } from '../../metrics/quality/recordCompleteness.js';
import { defaultRatingScale } from '../../metrics/voice/ratingScale.js';
import { addGroup, cellPlan, type CellSink, type GroupDimension } from '../../report/cellInput.js';
import { monthIndexIn } from '../../report/monthOf.js';
import type { Interner } from './interner.js';
import type { ScannedContact } from './contactScanner.js';

// The fused KPI kernel of the fast path. The report builder adds a contact to its cell (month ×
// agent × channel × topic) by calling each KPI's accumulator in turn: about twenty calls a row
// through an array of functions, which on millions of rows costs more than reading them. Here
// the same rules are written once, side by side, over the scanner's reused row: a row adds to
// the 29 counters of its cell (answered, wait known, wait sum, met 20 s…), only those it moves,
// in its 128-byte cell (counts as 32-bit integers, sums of seconds and ratings as doubles).
// At the end the cells are summed into the four groups of their month (the whole month,
// the agent, the channel, the topic), each group becomes one state per KPI, exactly the
// accumulators' own shape, and goes to the builder through `addGroup`.
//
// The rules are those of the metrics room under DEFAULT options only (the builder says so
// through `cellPlan`, which is null under a preset or a kpiOptions entry), for flat rows (a chat's
// messages are the empty list, so the chat timing and script KPIs have nothing to judge). A test
// runs every rule against its accumulator over arbitrary flat contacts: a change of a default
// there fails it here.

/** The counters of a group block. Every KPI state is derived from them (see {@link readers}). */
const CONTACTS = 0;
const ANSWERED = 1;
const CHATS = 2;
const WAIT_KNOWN = 3; // answered, wait known
const WITHIN_SERVICE_LEVEL = 4; // answered within the service level's 20 s
const WITHIN_RINGS = 5; // answered within 3 rings of 6 s
const HANDLE_KNOWN = 6; // answered, talk time known
const OUTCOME_KNOWN = 7; // answered, resolvedAtFirstContact known
const RESOLVED = 8;
const ESCALATION_FLAGGED = 9; // answered, escalated known
const ESCALATED = 10;
const COMPLETE = 11; // answered, with topic, kind and outcome
const SATISFACTION_ANSWERS = 12; // a satisfaction answer or a rating
const SATISFIED = 13;
const RATINGS = 14;
const OFFER_KNOWN = 15; // surveyed known
const SURVEY_ANSWERS = 16; // csat, satisfaction or nps given
const SURVEYED_UNANSWERED = 17;
const PROMOTERS = 18;
const PASSIVES = 19;
const DETRACTORS = 20;
const CONSULTATIONS = 21;
const CONSULTATIONS_ANSWERED = 22;
const REPLY_TIME_UNKNOWN = 23; // answered consultations whose reply time is unknown
const REPLIED_ON_TIME = 24;
const CONSULTATIONS_SATISFIED = 25;
/** The counters above are counts (integers); from here on they are sums. */
const FIRST_SUM = 26;
const WAIT_SUM = FIRST_SUM; // wait of the answered contacts whose wait is known, seconds
const HANDLE_SUM = FIRST_SUM + 1; // talk + hold (or answer to end) + wrap-up, seconds
const RATING_SUM = FIRST_SUM + 2;
const COUNTERS = 29;
/** A group's block (Float64Array): the 29 counters, padded to 32 slots (256 bytes). */
const SLOTS = 32;

type Reader = (s: Float64Array, b: number) => unknown;
const tally = (numerator: number, denominator: number, excluded: number) => ({
  numerator,
  denominator,
  excluded,
});

/** Each KPI the kernel computes, by the metrics room's name: its state, from a block's counters. */
const readers: Readonly<Record<string, Reader>> = {
  answerRate: (s, b) => tally(s[b + ANSWERED]!, s[b + CONTACTS]!, 0),
  abandonRate: (s, b) => tally(s[b + CONTACTS]! - s[b + ANSWERED]!, s[b + CONTACTS]!, 0),
  // Offered: answered with a known wait, plus every unanswered contact; unknown waits excluded.
  serviceLevel: (s, b) =>
    tally(s[b + WITHIN_SERVICE_LEVEL]!, s[b + WAIT_KNOWN]! + s[b + CONTACTS]! - s[b + ANSWERED]!, s[b + ANSWERED]! - s[b + WAIT_KNOWN]!),
  averageSpeedOfAnswer: (s, b) => tally(s[b + WAIT_SUM]!, s[b + WAIT_KNOWN]!, s[b + ANSWERED]! - s[b + WAIT_KNOWN]!),
  ringsToAnswer: (s, b) => tally(s[b + WITHIN_RINGS]!, s[b + WAIT_KNOWN]!, s[b + ANSWERED]! - s[b + WAIT_KNOWN]!),
  averageHandleTime: (s, b) => tally(s[b + HANDLE_SUM]!, s[b + HANDLE_KNOWN]!, s[b + ANSWERED]! - s[b + HANDLE_KNOWN]!),
  // A flat chat has no messages: no response to time, no turn to count.
  firstResponseTime: (s, b) => tally(0, 0, s[b + CHATS]!),
  averageResponseTime: () => tally(0, 0, 0),
  satisfactionRate: (s, b) => tally(s[b + SATISFIED]!, s[b + SATISFACTION_ANSWERS]!, 0),
  csat: (s, b) => tally(s[b + RATING_SUM]!, s[b + RATINGS]!, 0),
  surveyResponseRate: (s, b) => ({
    ...tally(s[b + SURVEY_ANSWERS]!, s[b + SURVEY_ANSWERS]! + s[b + SURVEYED_UNANSWERED]!, 0),
    offerKnown: s[b + OFFER_KNOWN]!,
  }),
  nps: (s, b) => ({
    promoters: s[b + PROMOTERS]!,
    passives: s[b + PASSIVES]!,
    detractors: s[b + DETRACTORS]!,
  }),
  firstContactResolution: (s, b) => tally(s[b + RESOLVED]!, s[b + OUTCOME_KNOWN]!, s[b + ANSWERED]! - s[b + OUTCOME_KNOWN]!),
  escalationRate: (s, b) => ({
    ...tally(s[b + ESCALATED]!, s[b + ANSWERED]!, 0),
    flagged: s[b + ESCALATION_FLAGGED]!,
  }),
  replyRate: (s, b) => tally(s[b + CONSULTATIONS_ANSWERED]!, s[b + CONSULTATIONS]!, 0),
  replyTimeliness: (s, b) => tally(s[b + REPLIED_ON_TIME]!, s[b + CONSULTATIONS]! - s[b + REPLY_TIME_UNKNOWN]!, s[b + REPLY_TIME_UNKNOWN]!),
  consultationSatisfaction: (s, b) => tally(s[b + CONSULTATIONS_SATISFIED]!, s[b + CONSULTATIONS]!, 0),
  // The report judges scripts only in chats with messages: none in a flat export.
  scriptCompliance: (s, b) => tally(0, 0, s[b + CONTACTS]!),
  recordCompleteness: (s, b) => tally(s[b + COMPLETE]!, s[b + ANSWERED]!, 0),
  // No evaluations (or the builder would have declined): no contact was sampled.
  qaSamplingRate: (s, b) => tally(0, s[b + CONTACTS]!, 0),
};

/** The KPI names the kernel computes (under default options). */
export const kernelKpis: readonly string[] = Object.keys(readers);

const serviceLevelSeconds = defaultServiceLevelSeconds;
const ringLimitSeconds = 3 * defaultRingSeconds;
const consultationReplyMs = defaultConsultationReplyMinutes * 60_000;
const satisfiedFrom = defaultRatingScale.satisfiedFrom;
// recordCompleteness reads these three fields by default; the kernel tests them directly.
const completenessFields = ['topic', 'kind', 'resolvedAtFirstContact'];
const completenessMatches =
  defaultRequiredFields.length === completenessFields.length && defaultRequiredFields.every((f, i) => f === completenessFields[i]);

/**
 * One month's groups, each a block of {@link SLOTS} doubles: the whole month, the two channels,
 * and one per agent and per topic (by their text number + 1; 0 is "none"), made only for those
 * the month has, so memory follows the groups the report will hold anyway.
 */
interface MonthGroups {
  readonly all: Float64Array;
  readonly channel: Float64Array;
  readonly agent: Map<number, Float64Array>;
  readonly topic: Map<number, Float64Array>;
}

const groupIn = (groups: Map<number, Float64Array>, key: number): Float64Array => {
  let block = groups.get(key);
  if (block === undefined) groups.set(key, (block = new Float64Array(SLOTS)));
  return block;
};

/** Cells kept before they are summed into their groups (bounded memory whatever the keys). */
const MAX_CELLS = 1 << 16;
/** Rows before the cells are summed into their groups, so no 32-bit count can overflow. */
const MAX_ROWS = 0x7fffffff;
/**
 * A cell is 128 bytes (two cache lines): its 26 counts as 32-bit integers, then its 3 sums as
 * doubles at bytes 104–127 (Float64 slots 13–15 of the cell). A row touches one cell.
 */
const CELL_INTS = 32;
const CELL_DOUBLES = 16;
const SUMS_AT = 13;
/** A hash slot is 8 ints (32 bytes): month, agent + 1, topic + 1, channel, cell + 1 (0: empty). */
const SLOT_INTS = 8;

/**
 * Counts flat contact rows into per-cell KPI counters. Build it with {@link ContactKernel.for};
 * feed it with {@link add}; hand the groups to the builder with {@link flushInto}.
 */
export class ContactKernel {
  /** The cells: counts and sums, two views of one buffer (see {@link CELL_INTS}). */
  private counts = new Int32Array(CELL_INTS * 1024);
  private sums = new Float64Array(this.counts.buffer);
  private cells = 0;
  private rows = 0;
  /** Each cell's four keys, by cell number (so cells are summed in order of first sight). */
  private cellKeys = new Int32Array(4 * 1024);
  /** Open addressing on the four keys (see {@link SLOT_INTS}): one cache line a probe. */
  private table = new Int32Array(SLOT_INTS * 4096);
  private mask = 4095;
  private lastKey0 = -1;
  private lastKey1 = -1;
  private lastKey2 = -1;
  private lastKey3 = -1;
  private lastCell = -1;
  private readonly months: ReturnType<typeof monthIndexIn>;
  private monthFrom = 0;
  private monthTo = -1;
  private month = 0;
  /** The groups, filled from the cells when they are summed. */
  private readonly byMonth = new Map<number, MonthGroups>();
  private readonly plan: readonly string[];
  private readonly maxCells: number;

  private constructor(timeZone: string, plan: readonly string[], maxCells: number) {
    this.months = monthIndexIn(timeZone);
    this.plan = plan;
    this.maxCells = maxCells;
  }

  /**
   * A kernel for this sink, when the sink is a report builder whose contact KPIs the kernel
   * computes exactly (default options, no evaluations); otherwise `undefined`.
   *
   * @param sink - the fast path's sink
   * @param maxCells - cells kept before they are summed into their groups (default 65,536)
   * @returns the kernel, or undefined when rows must go to `sink.addContact`
   */
  static for(sink: unknown, maxCells = MAX_CELLS): ContactKernel | undefined {
    if (!completenessMatches || typeof sink !== 'object' || sink === null || !(cellPlan in sink)) return undefined;
    const plan = (sink as CellSink)[cellPlan]();
    if (plan === null) return undefined;
    for (const k of plan.contactKpis) if (k.key !== k.kpi || !Object.hasOwn(readers, k.kpi)) return undefined;
    return new ContactKernel(
      plan.timeZone,
      plan.contactKpis.map((k) => k.kpi),
      Math.max(1, maxCells)
    );
  }

  /** The month index of `ms` (local to the builder's zone). */
  private monthOf(ms: number): number {
    if (ms >= this.monthFrom && ms < this.monthTo) return this.month;
    const m = this.months.indexOf(ms);
    this.month = m;
    this.monthFrom = this.months.from(m);
    this.monthTo = this.months.from(m + 1);
    return m;
  }

  private cellFor(month: number, agent: number, topic: number, channel: number): number {
    if (month === this.lastKey0 && agent === this.lastKey1 && topic === this.lastKey2 && channel === this.lastKey3) return this.lastCell;
    const table = this.table;
    let h = slotOf(month, agent, topic, channel, this.mask);
    let cell: number;
    for (;;) {
      const k = h * SLOT_INTS;
      const entry = table[k + 4]!;
      if (entry === 0) {
        cell = this.newCell(k, month, agent, topic, channel);
        break;
      }
      if (table[k] === month && table[k + 1] === agent && table[k + 2] === topic && table[k + 3] === channel) {
        cell = entry - 1;
        break;
      }
      h = (h + 1) & this.mask;
    }
    this.lastKey0 = month;
    this.lastKey1 = agent;
    this.lastKey2 = topic;
    this.lastKey3 = channel;
    this.lastCell = cell;
    return cell;
  }

  private newCell(k: number, month: number, agent: number, topic: number, channel: number): number {
    const cell = this.cells++;
    if ((cell + 1) * CELL_INTS > this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      this.sums = new Float64Array(counts.buffer);
      const cellKeys = new Int32Array(this.cellKeys.length * 2);
      cellKeys.set(this.cellKeys);
      this.cellKeys = cellKeys;
    }
    this.cellKeys.set([month, agent, topic, channel], cell * 4);
    const table = this.table;
    table[k] = month;
    table[k + 1] = agent;
    table[k + 2] = topic;
    table[k + 3] = channel;
    table[k + 4] = cell + 1;
    if (this.cells * 2 > this.mask + 1) this.grow();
    return cell;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(size * SLOT_INTS);
    this.mask = size - 1;
    this.lastKey0 = -1;
    for (let k = 0; k < old.length; k += SLOT_INTS) {
      if (old[k + 4] === 0) continue;
      let h = slotOf(old[k]!, old[k + 1]!, old[k + 2]!, old[k + 3]!, this.mask);
      while (this.table[h * SLOT_INTS + 4] !== 0) h = (h + 1) & this.mask;
      this.table.set(old.subarray(k, k + SLOT_INTS), h * SLOT_INTS);
    }
  }

  /**
   * Counts one accepted row. Each counter follows the metrics room's KPIs under their default
   * options (src/metrics), for a flat row; {@link readers} turns the counters into each KPI's state.
   *
   * @param c - the scanner's row (row mode)
   * @param agent - the agent's text number, -1 when absent
   * @param topic - the topic's text number, -1 when absent
   */
  add(c: ScannedContact, agent: number, topic: number): void {
    if (this.cells >= this.maxCells || this.rows >= MAX_ROWS) this.drain();
    this.rows++;
    const offeredAt = c.offeredAt;
    const chat = c.channel === 'chat';
    const cell = this.cellFor(this.monthOf(offeredAt), agent + 1, topic + 1, chat ? 1 : 0);
    const n = this.counts;
    const b = cell * CELL_INTS;
    const sums = this.sums;
    const f = cell * CELL_DOUBLES + SUMS_AT;
    const answered = c.answered;
    const answeredAt = c.answeredAt;
    const endedAt = c.endedAt;
    // waitSecondsOf (phone/serviceLevel.ts)
    let wait = c.waitSeconds;
    if (wait === undefined) {
      if (answered) {
        if (answeredAt !== undefined) wait = (answeredAt - offeredAt) / 1000;
      } else if (endedAt !== undefined) wait = (endedAt - offeredAt) / 1000;
    }
    n[b + CONTACTS]!++;
    if (chat) n[b + CHATS]!++;
    if (answered) {
      n[b + ANSWERED]!++;
      if (wait !== undefined) {
        n[b + WAIT_KNOWN]!++;
        sums[f + WAIT_SUM - FIRST_SUM]! += wait;
        if (wait <= serviceLevelSeconds) n[b + WITHIN_SERVICE_LEVEL]!++;
        if (wait <= ringLimitSeconds) n[b + WITHIN_RINGS]!++;
      }
      // averageHandleTime: talk + hold (or answer to end, which holds both) + wrap-up
      const talk = c.talkSeconds;
      const connected = talk !== undefined ? talk + (c.holdSeconds ?? 0) : answeredAt !== undefined && endedAt !== undefined ? (endedAt - answeredAt) / 1000 : undefined;
      if (connected !== undefined) {
        n[b + HANDLE_KNOWN]!++;
        sums[f + HANDLE_SUM - FIRST_SUM]! += connected + (c.wrapUpSeconds ?? 0);
      }
      // firstContactResolution (unknown outcome excluded), recordCompleteness
      const resolved = c.resolvedAtFirstContact;
      if (resolved !== undefined) {
        n[b + OUTCOME_KNOWN]!++;
        if (resolved) n[b + RESOLVED]!++;
        if (topic >= 0 && c.kind !== undefined) n[b + COMPLETE]!++;
      }
      // escalationRate (all handled contacts, unknown = not escalated)
      const escalated = c.escalated;
      if (escalated !== undefined) {
        n[b + ESCALATION_FLAGGED]!++;
        if (escalated) n[b + ESCALATED]!++;
      }
    }
    // satisfactionOf, default scale, ratings used (voice/ratingScale.ts)
    const csat = c.csat;
    const answer = c.satisfaction;
    const satisfied = answer !== undefined ? answer === 'satisfied' : csat !== undefined && csat >= satisfiedFrom;
    const hasSatisfaction = answer !== undefined || csat !== undefined;
    if (hasSatisfaction) {
      n[b + SATISFACTION_ANSWERS]!++;
      if (satisfied) n[b + SATISFIED]!++;
    }
    if (csat !== undefined) {
      n[b + RATINGS]!++;
      sums[f + RATING_SUM - FIRST_SUM]! += csat;
    }
    // surveyResponseRate (any answer), nps
    const nps = c.nps;
    const surveyed = c.surveyed;
    if (surveyed !== undefined) n[b + OFFER_KNOWN]!++;
    if (hasSatisfaction || nps !== undefined) n[b + SURVEY_ANSWERS]!++;
    else if (surveyed === true) n[b + SURVEYED_UNANSWERED]!++;
    if (nps !== undefined) n[b + (nps >= 9 ? PROMOTERS : nps >= 7 ? PASSIVES : DETRACTORS)]!++;
    // replyRate, replyTimeliness (30 minutes), consultationSatisfaction (unrated = not satisfied)
    if (c.kind === 'consultation') {
      n[b + CONSULTATIONS]!++;
      if (satisfied) n[b + CONSULTATIONS_SATISFIED]!++;
      if (answered) {
        n[b + CONSULTATIONS_ANSWERED]!++;
        const repliedAt = answeredAt !== undefined ? answeredAt : wait === undefined ? undefined : offeredAt + wait * 1000;
        if (repliedAt === undefined) n[b + REPLY_TIME_UNKNOWN]!++;
        else if (repliedAt <= offeredAt + consultationReplyMs) n[b + REPLIED_ON_TIME]!++;
      }
    }
  }

  /** Sums the cells into the groups of their months and forgets them. */
  private drain(): void {
    const counts = this.counts;
    const sums = this.sums;
    const keys = this.cellKeys;
    const cell = new Float64Array(COUNTERS);
    for (let i = 0; i < this.cells; i++) {
      for (let k = 0; k < FIRST_SUM; k++) cell[k] = counts[i * CELL_INTS + k]!;
      for (let k = FIRST_SUM; k < COUNTERS; k++) cell[k] = sums[i * CELL_DOUBLES + SUMS_AT + k - FIRST_SUM]!;
      const m = keys[i * 4]!;
      let month = this.byMonth.get(m);
      if (month === undefined) {
        month = { all: new Float64Array(SLOTS), channel: new Float64Array(2 * SLOTS), agent: new Map(), topic: new Map() };
        this.byMonth.set(m, month);
      }
      addRow(month.all, 0, cell);
      addRow(month.channel, keys[i * 4 + 3]! * SLOTS, cell);
      addRow(groupIn(month.agent, keys[i * 4 + 1]!), 0, cell);
      addRow(groupIn(month.topic, keys[i * 4 + 2]!), 0, cell);
    }
    this.counts = new Int32Array(CELL_INTS * 1024);
    this.sums = new Float64Array(this.counts.buffer);
    this.cellKeys = new Int32Array(4 * 1024);
    this.cells = 0;
    this.rows = 0;
    this.table = new Int32Array(SLOT_INTS * 4096);
    this.mask = 4095;
    this.lastKey0 = -1;
  }

  /**
   * Hands every group to the builder (one state per contact KPI, in the plan's order) and empties
   * the kernel.
   *
   * @param sink - the builder the kernel was made for
   * @param texts - the scanner's interner (agent and topic numbers to strings)
   */
  flushInto(sink: CellSink, texts: Pick<Interner, 'stringAt'>): void {
    this.drain();
    const reads = this.plan.map((name) => readers[name]!);
    const give = (month: string, dimension: GroupDimension, value: string | undefined, block: Float64Array, at = 0): void => {
      if (block[at + CONTACTS]! > 0) sink[addGroup](month, dimension, value, block[at + CONTACTS]!, reads.map((read) => read(block, at)));
    };
    const text = (key: number): string | undefined => (key === 0 ? undefined : texts.stringAt(key - 1));
    for (const [m, month] of [...this.byMonth].sort(([a], [b]) => a - b)) {
      const label = this.months.label(m);
      give(label, 'all', undefined, month.all);
      for (const [key, block] of month.agent) give(label, 'agent', text(key), block);
      give(label, 'channel', 'phone', month.channel, 0);
      give(label, 'channel', 'chat', month.channel, SLOTS);
      for (const [key, block] of month.topic) give(label, 'topic', text(key), block);
    }
    this.byMonth.clear();
  }
}

/** The hash slot of a cell's keys. */
function slotOf(month: number, agent: number, topic: number, channel: number, mask: number): number {
  let h = Math.imul(month ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ agent, 0xc2b2ae35);
  h = Math.imul(h ^ topic, 0x27d4eb2f);
  return (h ^ channel ^ (h >>> 15)) & mask;
}

/** Adds a row's counters to the block at `b`. */
function addRow(s: Float64Array, b: number, r: Float64Array): void {
  for (let k = 0; k < COUNTERS; k++) s[b + k]! += r[k]!;
}


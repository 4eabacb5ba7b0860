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
// in two small typed-array blocks (counts as 32-bit integers, sums of seconds and ratings as
// doubles). At the end the cells are summed into the four groups of their month (the whole month,
// the agent, the channel, the topic), each group becomes one state per KPI, exactly the
// accumulators' own shape, and goes to the builder through `addGroup`.
//
// The rules are those of the metrics room under DEFAULT options only (the builder says so
// through `cellPlan`, which is null under a preset or kpiOptions), for flat rows (a chat's
// messages are the empty list, so the chat timing and script KPIs have nothing to judge). A test
// runs every rule against its accumulator over arbitrary flat contacts: a change of a default
// there fails it here.

/** The counters of a group block. Every KPI state is derived from them (see {@link readers}). */
const CONTACTS = 0;
const ANSWERED = 1;
const CHATS = 2;
const WAIT_KNOWN = 3; // answered, wait known
const WAIT_SUM = 4; // their wait, seconds
const WITHIN_SERVICE_LEVEL = 5; // answered within the service level's 20 s
const WITHIN_RINGS = 6; // answered within 3 rings of 6 s
const HANDLE_KNOWN = 7; // answered, talk time known
const HANDLE_SUM = 8; // talk + hold + wrap-up, seconds
const OUTCOME_KNOWN = 9; // answered, resolvedAtFirstContact known
const RESOLVED = 10;
const ESCALATION_FLAGGED = 11; // answered, escalated known
const ESCALATED = 12;
const COMPLETE = 13; // answered, with topic, kind and outcome
const SATISFACTION_ANSWERS = 14; // a satisfaction answer or a rating
const SATISFIED = 15;
const RATINGS = 16;
const RATING_SUM = 17;
const OFFER_KNOWN = 18; // surveyed known
const SURVEY_ANSWERS = 19; // csat, satisfaction or nps given
const SURVEYED_UNANSWERED = 20;
const PROMOTERS = 21;
const PASSIVES = 22;
const DETRACTORS = 23;
const CONSULTATIONS = 24;
const CONSULTATIONS_ANSWERED = 25;
const REPLY_TIME_UNKNOWN = 26; // answered consultations whose reply time is unknown
const REPLIED_ON_TIME = 27;
const CONSULTATIONS_SATISFIED = 28;
const COUNTERS = 29;
/** A block: the counters, padded to 256 bytes. */
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

/** One month's groups: the whole month, the two channels, and a block per agent and topic number (+ 1; 0 is "none"). */
interface MonthBlocks {
  readonly all: Float64Array;
  readonly channel: Float64Array;
  agent: Float64Array;
  topic: Float64Array;
}

const blocks = (n: number): Float64Array => new Float64Array(n * SLOTS);
const withRoomFor = (array: Float64Array, block: number): Float64Array => {
  if ((block + 1) * SLOTS <= array.length) return array;
  let n = array.length / SLOTS;
  while (n <= block) n *= 2;
  const bigger = blocks(n);
  bigger.set(array);
  return bigger;
};

/** Cells kept before they are summed into their groups (bounded memory whatever the keys). */
const MAX_CELLS = 1 << 16;
/** Rows before the cells are summed into their groups, so no 32-bit count can overflow. */
const MAX_ROWS = 0x7fffffff;
/** The three sums of a cell, in its `sums` block. */
const SUM_SLOTS = 4;
const sumSlot = (counter: number): number => (counter === WAIT_SUM ? 0 : counter === HANDLE_SUM ? 1 : counter === RATING_SUM ? 2 : -1);

/**
 * Counts flat contact rows into per-cell KPI counters. Build it with {@link ContactKernel.for};
 * feed it with {@link add}; hand the groups to the builder with {@link flushInto}.
 */
export class ContactKernel {
  /** Each cell's counts (32 a cell; the sum slots unused) and sums (wait, handle, rating). */
  private counts = new Int32Array(SLOTS * 1024);
  private sums = new Float64Array(SUM_SLOTS * 1024);
  private cells = 0;
  private rows = 0;
  /** Each cell's four keys, by cell number (so cells are summed in order of first sight). */
  private cellKeys = new Int32Array(4 * 1024);
  // Open addressing: four int keys a slot (month, agent + 1, topic + 1, channel), cell + 1 in `index`.
  private keys = new Int32Array(4 * 4096);
  private index = new Int32Array(4096);
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
  private readonly byMonth = new Map<number, MonthBlocks>();
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
    let h = slotOf(month, agent, topic, channel, this.mask);
    const keys = this.keys;
    let cell: number;
    for (;;) {
      const entry = this.index[h]!;
      if (entry === 0) {
        cell = this.newCell(h, month, agent, topic, channel);
        break;
      }
      const k = h * 4;
      if (keys[k] === month && keys[k + 1] === agent && keys[k + 2] === topic && keys[k + 3] === channel) {
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

  private newCell(at: number, month: number, agent: number, topic: number, channel: number): number {
    const cell = this.cells++;
    if ((cell + 1) * SLOTS > this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
      const cellKeys = new Int32Array(this.cellKeys.length * 2);
      cellKeys.set(this.cellKeys);
      this.cellKeys = cellKeys;
    }
    const c = cell * 4;
    this.cellKeys[c] = month;
    this.cellKeys[c + 1] = agent;
    this.cellKeys[c + 2] = topic;
    this.cellKeys[c + 3] = channel;
    const k = at * 4;
    this.keys[k] = month;
    this.keys[k + 1] = agent;
    this.keys[k + 2] = topic;
    this.keys[k + 3] = channel;
    this.index[at] = cell + 1;
    if (this.cells * 2 > this.index.length) this.grow();
    return cell;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIndex = this.index;
    const size = oldIndex.length * 2;
    this.keys = new Int32Array(size * 4);
    this.index = new Int32Array(size);
    this.mask = size - 1;
    this.lastKey0 = -1;
    for (let i = 0; i < oldIndex.length; i++) {
      const entry = oldIndex[i]!;
      if (entry === 0) continue;
      const k = i * 4;
      let h = slotOf(oldKeys[k]!, oldKeys[k + 1]!, oldKeys[k + 2]!, oldKeys[k + 3]!, this.mask);
      while (this.index[h] !== 0) h = (h + 1) & this.mask;
      this.index[h] = entry;
      this.keys.set(oldKeys.subarray(k, k + 4), h * 4);
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
    const b = cell * SLOTS;
    const sums = this.sums;
    const f = cell * SUM_SLOTS;
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
        sums[f]! += wait;
        if (wait <= serviceLevelSeconds) n[b + WITHIN_SERVICE_LEVEL]!++;
        if (wait <= ringLimitSeconds) n[b + WITHIN_RINGS]!++;
      }
      // averageHandleTime: talk (or answer to end) + hold + wrap-up
      let talk = c.talkSeconds;
      if (talk === undefined && answeredAt !== undefined && endedAt !== undefined) talk = (endedAt - answeredAt) / 1000;
      if (talk !== undefined) {
        n[b + HANDLE_KNOWN]!++;
        sums[f + 1]! += talk + (c.holdSeconds ?? 0) + (c.wrapUpSeconds ?? 0);
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
      sums[f + 2]! += csat;
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
      const b = i * SLOTS;
      for (let k = 0; k < COUNTERS; k++) {
        const slot = sumSlot(k);
        cell[k] = slot < 0 ? counts[b + k]! : sums[i * SUM_SLOTS + slot]!;
      }
      const m = keys[i * 4]!;
      let month = this.byMonth.get(m);
      if (month === undefined) {
        month = {
          all: blocks(1),
          channel: blocks(2),
          agent: blocks(64),
          topic: blocks(64),
        };
        this.byMonth.set(m, month);
      }
      const agent = keys[i * 4 + 1]!;
      const topic = keys[i * 4 + 2]!;
      month.agent = withRoomFor(month.agent, agent);
      month.topic = withRoomFor(month.topic, topic);
      addRow(month.all, 0, cell);
      addRow(month.channel, keys[i * 4 + 3]! * SLOTS, cell);
      addRow(month.agent, agent * SLOTS, cell);
      addRow(month.topic, topic * SLOTS, cell);
    }
    this.counts = new Int32Array(SLOTS * 1024);
    this.sums = new Float64Array(SUM_SLOTS * 1024);
    this.cellKeys = new Int32Array(4 * 1024);
    this.cells = 0;
    this.rows = 0;
    this.keys = new Int32Array(4 * 4096);
    this.index = new Int32Array(4096);
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
    const give = (month: string, dimension: GroupDimension, array: Float64Array, valueOf: (block: number) => string | undefined): void => {
      for (const block of usedBlocks(array)) {
        const b = block * SLOTS;
        sink[addGroup](
          month,
          dimension,
          valueOf(block),
          array[b + CONTACTS]!,
          reads.map((read) => read(array, b))
        );
      }
    };
    const text = (block: number): string | undefined => (block === 0 ? undefined : texts.stringAt(block - 1));
    for (const [m, month] of [...this.byMonth].sort(([a], [b]) => a - b)) {
      const label = this.months.label(m);
      give(label, 'all', month.all, () => undefined);
      give(label, 'agent', month.agent, text);
      give(label, 'channel', month.channel, (block) => (block === 1 ? 'chat' : 'phone'));
      give(label, 'topic', month.topic, text);
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

/** The blocks that counted rows. */
function usedBlocks(array: Float64Array): number[] {
  const used: number[] = [];
  for (let block = 0; block * SLOTS < array.length; block++) if (array[block * SLOTS + CONTACTS]! > 0) used.push(block);
  return used;
}

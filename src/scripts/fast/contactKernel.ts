import { defaultConsultationReplyMinutes } from '../../metrics/complaints/replyTimeliness.js';
import { defaultRingSeconds } from '../../metrics/phone/ringsToAnswer.js';
import { defaultServiceLevelSeconds } from '../../metrics/phone/serviceLevel.js';
import { defaultRequiredFields } from '../../metrics/quality/recordCompleteness.js';
import { defaultRatingScale } from '../../metrics/voice/ratingScale.js';
import { addCell, cellPlan, type CellSink } from '../../report/cellInput.js';
import { monthIndexIn } from '../../report/monthOf.js';
import type { Interner } from './interner.js';
import type { ScannedContact } from './contactScanner.js';

// The fused KPI kernel of the fast path. The report builder adds a contact to its cell (month ×
// agent × channel × topic) by calling each KPI's accumulator in turn: about twenty calls a row
// through an array of functions, which on millions of rows costs more than reading them. Here
// the same rules are written once, side by side, over the scanner's reused row, and each cell's
// counters live in one Float64Array; at the end every cell becomes one state per KPI, exactly the
// accumulators' own shape, and goes to the builder through `addCell`.
//
// The rules are those of the metrics room under DEFAULT options only (the builder says so
// through `cellPlan`, which is null under a preset or kpiOptions), for flat rows (a chat's
// messages are the empty list, so the chat timing and script KPIs have nothing to judge). A test
// runs every rule against its accumulator over arbitrary flat contacts: a change of a default
// there fails it here.

/** Slot of each counter in a cell's block. Tally KPIs use three slots: numerator, denominator, excluded. */
const CONTACTS = 0;
const ANSWER = 1;
const ABANDON = 4;
const SERVICE_LEVEL = 7;
const SPEED = 10;
const RINGS = 13;
const HANDLE = 16;
const FIRST_RESPONSE = 19;
const RESPONSE = 22;
const SATISFACTION = 25;
const CSAT = 28;
const SURVEY = 31; // + offerKnown at 34
const NPS = 35; // promoters, passives, detractors
const FCR = 38;
const ESCALATION = 41; // + flagged at 44
const REPLY = 45;
const REPLY_TIMELY = 48;
const CONSULTATION_SAT = 51;
const SCRIPT = 54;
const COMPLETENESS = 57;
const SAMPLING = 60;
const SLOTS = 63;

type Reader = (s: Float64Array, b: number) => unknown;
const tally =
  (at: number): Reader =>
  (s, b) => ({ numerator: s[b + at]!, denominator: s[b + at + 1]!, excluded: s[b + at + 2]! });

/** Each KPI the kernel computes, by the metrics room's name: how its cell state is read from the slots. */
const readers: Readonly<Record<string, Reader>> = {
  answerRate: tally(ANSWER),
  abandonRate: tally(ABANDON),
  serviceLevel: tally(SERVICE_LEVEL),
  averageSpeedOfAnswer: tally(SPEED),
  ringsToAnswer: tally(RINGS),
  averageHandleTime: tally(HANDLE),
  firstResponseTime: tally(FIRST_RESPONSE),
  averageResponseTime: tally(RESPONSE),
  satisfactionRate: tally(SATISFACTION),
  csat: tally(CSAT),
  surveyResponseRate: (s, b) => ({ ...(tally(SURVEY)(s, b) as object), offerKnown: s[b + SURVEY + 3]! }),
  nps: (s, b) => ({ promoters: s[b + NPS]!, passives: s[b + NPS + 1]!, detractors: s[b + NPS + 2]! }),
  firstContactResolution: tally(FCR),
  escalationRate: (s, b) => ({ ...(tally(ESCALATION)(s, b) as object), flagged: s[b + ESCALATION + 3]! }),
  replyRate: tally(REPLY),
  replyTimeliness: tally(REPLY_TIMELY),
  consultationSatisfaction: tally(CONSULTATION_SAT),
  scriptCompliance: tally(SCRIPT),
  recordCompleteness: tally(COMPLETENESS),
  qaSamplingRate: tally(SAMPLING),
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
 * Counts flat contact rows into per-cell KPI counters. Build it with {@link ContactKernel.for};
 * feed it with {@link add}; hand the cells to the builder with {@link flushInto}.
 */
export class ContactKernel {
  private slots = new Float64Array(SLOTS * 1024);
  private cells = 0;
  /** Each cell's four keys, by cell number (so cells are handed over in order of first sight). */
  private cellKeys = new Int32Array(4 * 1024);
  // Open addressing: four int keys a slot (month, agent + 1, topic + 1, channel), cell + 1 in `index`.
  private keys = new Int32Array(4 * 4096);
  private index = new Int32Array(4096);
  private mask = 4095;
  private readonly months: ReturnType<typeof monthIndexIn>;
  private monthFrom = 0;
  private monthTo = -1;
  private month = 0;
  private lastKey0 = -1;
  private lastKey1 = -1;
  private lastKey2 = -1;
  private lastKey3 = -1;
  private lastCell = -1;
  private readonly plan: readonly string[];

  private constructor(timeZone: string, plan: readonly string[]) {
    this.months = monthIndexIn(timeZone);
    this.plan = plan;
  }

  /**
   * A kernel for this sink, when the sink is a report builder whose contact KPIs the kernel
   * computes exactly (default options, no evaluations); otherwise `undefined`.
   *
   * @param sink - the fast path's sink
   * @returns the kernel, or undefined when rows must go to `sink.addContact`
   */
  static for(sink: unknown): ContactKernel | undefined {
    if (!completenessMatches || typeof sink !== 'object' || sink === null || !(cellPlan in sink)) return undefined;
    const plan = (sink as CellSink)[cellPlan]();
    if (plan === null) return undefined;
    for (const k of plan.contactKpis) if (k.key !== k.kpi || !Object.hasOwn(readers, k.kpi)) return undefined;
    return new ContactKernel(plan.timeZone, plan.contactKpis.map((k) => k.kpi));
  }

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
    let h = Math.imul(month ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ agent, 0xc2b2ae35);
    h = Math.imul(h ^ topic, 0x27d4eb2f);
    h = (h ^ channel ^ (h >>> 15)) & this.mask;
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
    if ((cell + 1) * SLOTS > this.slots.length) {
      const bigger = new Float64Array(this.slots.length * 2);
      bigger.set(this.slots);
      this.slots = bigger;
      const keys = new Int32Array(this.cellKeys.length * 2);
      keys.set(this.cellKeys);
      this.cellKeys = keys;
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
      const month = oldKeys[k]!;
      const agent = oldKeys[k + 1]!;
      const topic = oldKeys[k + 2]!;
      const channel = oldKeys[k + 3]!;
      let h = Math.imul(month ^ 0x9e3779b9, 0x85ebca6b);
      h = Math.imul(h ^ agent, 0xc2b2ae35);
      h = Math.imul(h ^ topic, 0x27d4eb2f);
      h = (h ^ channel ^ (h >>> 15)) & this.mask;
      while (this.index[h] !== 0) h = (h + 1) & this.mask;
      this.index[h] = entry;
      this.keys.set(oldKeys.subarray(k, k + 4), h * 4);
    }
  }

  /**
   * Counts one accepted row. Each block below is the named KPI's `add` under its default
   * options (src/metrics), for a flat row.
   *
   * @param c - the scanner's row (row mode)
   * @param agent - the agent's text number, -1 when absent
   * @param topic - the topic's text number, -1 when absent
   */
  add(c: ScannedContact, agent: number, topic: number): void {
    const offeredAt = c.offeredAt;
    const chat = c.channel === 'chat';
    const b = this.cellFor(this.monthOf(offeredAt), agent + 1, topic + 1, chat ? 1 : 0) * SLOTS;
    const s = this.slots;
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
    // satisfactionOf with the default scale, rating used (voice/ratingScale.ts)
    const csat = c.csat;
    let satisfied = -1; // -1 no answer, 0 not satisfied, 1 satisfied
    const answer = c.satisfaction;
    if (answer !== undefined) satisfied = answer === 'satisfied' ? 1 : 0;
    else if (csat !== undefined) satisfied = csat >= satisfiedFrom ? 1 : 0; // neutral and unsatisfied alike
    const consultation = c.kind === 'consultation';

    s[b + CONTACTS]! += 1;
    // answerRate
    s[b + ANSWER + 1]! += 1;
    if (answered) s[b + ANSWER]! += 1;
    // abandonRate (no short-abandon threshold)
    s[b + ABANDON + 1]! += 1;
    if (!answered) s[b + ABANDON]! += 1;
    // serviceLevel (threshold 20 s, denominator offered)
    if (answered) {
      if (wait === undefined) s[b + SERVICE_LEVEL + 2]! += 1;
      else {
        s[b + SERVICE_LEVEL + 1]! += 1;
        if (wait <= serviceLevelSeconds) s[b + SERVICE_LEVEL]! += 1;
      }
    } else s[b + SERVICE_LEVEL + 1]! += 1;
    if (answered) {
      // averageSpeedOfAnswer
      if (wait === undefined) s[b + SPEED + 2]! += 1;
      else {
        s[b + SPEED]! += wait;
        s[b + SPEED + 1]! += 1;
      }
      // ringsToAnswer (3 rings of 6 s, answered contacts)
      if (wait === undefined) s[b + RINGS + 2]! += 1;
      else {
        s[b + RINGS + 1]! += 1;
        if (wait <= ringLimitSeconds) s[b + RINGS]! += 1;
      }
      // averageHandleTime (talk + hold + wrap-up)
      let talk = c.talkSeconds;
      if (talk === undefined && answeredAt !== undefined && endedAt !== undefined) talk = (endedAt - answeredAt) / 1000;
      if (talk === undefined) s[b + HANDLE + 2]! += 1;
      else {
        s[b + HANDLE]! += talk + (c.holdSeconds ?? 0) + (c.wrapUpSeconds ?? 0);
        s[b + HANDLE + 1]! += 1;
      }
      // firstContactResolution (unknown outcome excluded)
      const resolved = c.resolvedAtFirstContact;
      if (resolved === undefined) s[b + FCR + 2]! += 1;
      else {
        s[b + FCR + 1]! += 1;
        if (resolved) s[b + FCR]! += 1;
      }
      // escalationRate (all handled contacts, unknown = not escalated)
      const escalated = c.escalated;
      if (escalated !== undefined) s[b + ESCALATION + 3]! += 1;
      s[b + ESCALATION + 1]! += 1;
      if (escalated === true) s[b + ESCALATION]! += 1;
      // recordCompleteness (topic, kind, resolvedAtFirstContact; answered contacts)
      s[b + COMPLETENESS + 1]! += 1;
      if (topic >= 0 && c.kind !== undefined && resolved !== undefined) s[b + COMPLETENESS]! += 1;
    }
    // firstResponseTime: a flat chat has no messages, so no response to time
    if (chat) s[b + FIRST_RESPONSE + 2]! += 1;
    // averageResponseTime: no turns in a flat chat (adds 0 to every counter)
    // satisfactionRate
    if (satisfied >= 0) {
      s[b + SATISFACTION + 1]! += 1;
      if (satisfied === 1) s[b + SATISFACTION]! += 1;
    }
    // csat
    if (csat !== undefined) {
      s[b + CSAT]! += csat;
      s[b + CSAT + 1]! += 1;
    }
    // surveyResponseRate (any answer)
    const surveyed = c.surveyed;
    const nps = c.nps;
    if (surveyed !== undefined) s[b + SURVEY + 3]! += 1;
    if (csat !== undefined || answer !== undefined || nps !== undefined) {
      s[b + SURVEY]! += 1;
      s[b + SURVEY + 1]! += 1;
    } else if (surveyed === true) s[b + SURVEY + 1]! += 1;
    // nps
    if (nps !== undefined) s[b + (nps >= 9 ? NPS : nps >= 7 ? NPS + 1 : NPS + 2)]! += 1;
    if (consultation) {
      // replyRate (contacts)
      s[b + REPLY + 1]! += 1;
      if (answered) s[b + REPLY]! += 1;
      // replyTimeliness (consultations within 30 minutes of the offer)
      const repliedAt = !answered ? undefined : answeredAt !== undefined ? answeredAt : wait === undefined ? undefined : offeredAt + wait * 1000;
      if (answered && repliedAt === undefined) s[b + REPLY_TIMELY + 2]! += 1;
      else {
        s[b + REPLY_TIMELY + 1]! += 1;
        if (repliedAt !== undefined && repliedAt <= offeredAt + consultationReplyMs) s[b + REPLY_TIMELY]! += 1;
      }
      // consultationSatisfaction (unrated = not satisfied)
      s[b + CONSULTATION_SAT + 1]! += 1;
      if (satisfied === 1) s[b + CONSULTATION_SAT]! += 1;
    }
    // scriptCompliance: the report judges only chats with messages; none here
    s[b + SCRIPT + 2]! += 1;
    // qaSamplingRate: no evaluations, so no contact was sampled
    s[b + SAMPLING + 1]! += 1;
  }

  /** How many cells hold rows. */
  get size(): number {
    return this.cells;
  }

  /**
   * Hands every cell to the builder (one state per contact KPI, in the plan's order) and empties
   * the kernel.
   *
   * @param sink - the builder the kernel was made for
   * @param texts - the scanner's interner (agent and topic numbers to strings)
   */
  flushInto(sink: CellSink, texts: Pick<Interner, 'stringAt'>): void {
    const reads = this.plan.map((name) => readers[name]!);
    const keys = this.cellKeys;
    for (let cell = 0; cell < this.cells; cell++) {
      const b = cell * SLOTS;
      const k = cell * 4;
      const agent = keys[k + 1]!;
      const topic = keys[k + 2]!;
      sink[addCell](
        this.months.label(keys[k]!),
        agent === 0 ? undefined : texts.stringAt(agent - 1),
        keys[k + 3] === 1 ? 'chat' : 'phone',
        topic === 0 ? undefined : texts.stringAt(topic - 1),
        this.slots[b + CONTACTS]!,
        reads.map((read) => read(this.slots, b)),
      );
    }
    this.slots = new Float64Array(SLOTS * 1024);
    this.cells = 0;
    this.cellKeys = new Int32Array(4 * 1024);
    this.keys = new Int32Array(4 * 4096);
    this.index = new Int32Array(4096);
    this.mask = 4095;
    this.lastKey0 = -1;
  }
}

import { TZDate } from '@date-fns/tz';
import { isKnownTimeZone, type ChatMessageInput, type ComplaintInput, type ContactInput, type EvaluationInput } from '../../records/index.js';
import { createRandom, type Random } from './random.js';
import {
  agentGreetings,
  agentReplyToThanks,
  alertPhrases,
  beforeClosing,
  botAutoReply,
  botQueueNotice,
  closings,
  customerThanks,
  flatGreetings,
  forbiddenPhrases,
  holdAsk,
  holdThanks,
  queues,
  sampleTopics,
  surnames,
  type SampleTopic,
} from './sampleContent.js';
import { sampleRedLines, sampleRubricId, sampleRubricItems } from './sampleRubric.js';

/** Options of {@link generateSampleMonth}. */
export interface SampleMonthOptions {
  /** A whole number from 0 to 2^32 − 1; the same seed gives byte-identical output. Default 20260301. */
  readonly seed?: number;
  /** The month to generate, `YYYY-MM`. */
  readonly month: string;
  /** Number of agents; traffic scales with it (≈ 600 calls and 140 chats per agent a month). Default 50. */
  readonly agents?: number;
  /** The center's IANA time zone: opening hours and the offsets written on timestamps. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** Multiplies the traffic (0.1 for a quick test month). Default 1. */
  readonly scale?: number;
}

/** A generated month, as it would arrive in exports: timestamps are ISO 8601 strings with the zone's offset. */
export interface SampleMonth {
  /** Calls and chats, ordered by `offeredAt`. */
  readonly contacts: ContactInput[];
  /** Complaint tickets, ordered by `filedAt`. */
  readonly complaints: ComplaintInput[];
  /** QA evaluations (QC v3.1) of about 20 % of answered contacts. */
  readonly evaluations: EvaluationInput[];
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

// Share of a day's calls in each hour, 8:00–20:59: a morning peak, the lunch dip, an afternoon
// hump, a quiet evening (typical inbound curve of a utility hotline).
const callHourWeights: readonly (readonly [number, number])[] = [
  [8, 5], [9, 11], [10, 14], [11, 12], [12, 6], [13, 7], [14, 10], [15, 10], [16, 9], [17, 7], [18, 4], [19, 3], [20, 2],
];
// Chats are flatter, with an evening bump after work.
const chatHourWeights: readonly (readonly [number, number])[] = [
  [8, 4], [9, 8], [10, 10], [11, 9], [12, 6], [13, 7], [14, 8], [15, 8], [16, 8], [17, 7], [18, 6], [19, 8], [20, 7], [21, 4],
];
const peakCallWeight = 14;

interface Agent {
  readonly id: string;
  readonly number: string;
  /** Standard-normal skill: shorter handling, better resolution, happier customers, higher QA. */
  readonly skill: number;
}

interface Customer {
  readonly phone: string;
  readonly chatId: string;
  readonly keyAccount: boolean;
}

/** What the generator remembers of a contact to derive complaints and evaluations from it. */
interface ContactFacts {
  readonly id: string;
  readonly channel: 'phone' | 'chat';
  readonly agent: Agent | undefined;
  readonly customer: Customer;
  readonly topic: SampleTopic;
  readonly endedAt: number;
  readonly held: boolean;
  readonly forbidden: boolean;
  readonly alert: boolean;
  readonly resolved: boolean;
  readonly unsatisfied: boolean;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Generates a realistic month of a contact center, seeded and deterministic: calls and chats
 * with Chinese transcripts, complaint tickets with their handling times, and QC v3.1 evaluations.
 *
 * What makes it realistic (each a knob inside, documented in docs/report.md):
 * - traffic: busier mornings, a lunch dip, weekdays ≈ 1.8 × weekend days, Mondays busiest;
 * - waits: log-normal (most under 20 s, a tail), longer in busy hours; callers give up after an
 *   exponential patience, so abandons rise with the wait;
 * - handling: phone AHT ≈ 4–6 min, holds on about a third of calls; agents differ in skill, which
 *   moves their handle time, first-contact resolution, satisfaction and QA scores;
 * - surveys: about three quarters of answered inbound contacts are surveyed, half of those answer;
 * - chats: the bot's auto-reply (seed 000 template) comes before any person; a few agents use a
 *   forbidden phrase (seed 000 三), a few customers write alert words (seed 002 7.1);
 * - complaints (levels 1–3, seed 002): review, acceptance, first contact, resolution, callback
 *   and follow-up times, some late, some repeats of an earlier complaint, some key accounts;
 *   moments after the export (3 days after month end) are left out, as a real export would;
 * - evaluations: about 20 % of answered contacts a day (seed 002), valid QC v3.1 levels, N/A on
 *   the business items that allow it, occasional bonuses and deductions, a rare red line.
 *
 * @param options - seed, month, agents, time zone, scale
 * @returns contacts, complaints and evaluations as they would arrive in exports
 * @throws {RangeError} when the month is not `YYYY-MM`, the seed not a whole number in [0, 2^32), the time zone unknown,
 *   agents not a whole number ≥ 1, or the scale not positive
 * @example
 * const month = generateSampleMonth({ seed: 7, month: '2026-03', agents: 50, timeZone: 'Asia/Shanghai' });
 * month.contacts.length //=> about 37 000 (same number on every run with seed 7)
 */
export function generateSampleMonth(options: SampleMonthOptions): SampleMonth {
  const seed = options.seed ?? 20260301;
  const agentCount = options.agents ?? 50;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const scale = options.scale ?? 1;
  const m = monthPattern.exec(options.month);
  const problems: string[] = [];
  if (m === null) problems.push(`month: expected YYYY-MM, got ${JSON.stringify(options.month)}`);
  // createRandom keeps `seed >>> 0`: outside 0 … 2^32 − 1 two seeds (1.5 and 1, −1 and 2^32 − 1) would silently give one month.
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) problems.push(`seed: expected a whole number in [0, 2^32), got ${seed}`);
  if (!isKnownTimeZone(timeZone)) problems.push(`timeZone: expected an IANA time zone, got ${JSON.stringify(timeZone)}`);
  if (!Number.isInteger(agentCount) || agentCount < 1) problems.push(`agents: expected a whole number ≥ 1, got ${agentCount}`);
  if (!(scale > 0) || !Number.isFinite(scale)) problems.push(`scale: expected a number > 0, got ${scale}`);
  if (problems.length > 0 || m === null) throw new RangeError(problems.join('; '));
  const year = Number(m[1]);
  const monthIndex = Number(m[2]) - 1;

  const random = createRandom(seed);
  // Exports carry whole seconds.
  const iso = (ms: number): string => new TZDate(Math.round(ms / 1000) * 1000, timeZone).toISOString().replace('.000', '');
  const at = (d: number, h: number, min = 0): number => new TZDate(year, monthIndex, d, h, min, 0, 0, timeZone).getTime();
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const exportCutoff = at(daysInMonth, 0) + 4 * day;
  const traffic = (agentCount / 50) * scale;

  const agents: Agent[] = Array.from({ length: agentCount }, (_, i) => ({
    id: `A${pad(i + 1, 3)}`,
    number: pad(1000 + i + 1, 4),
    skill: clamp(random.normal(0, 1), -2.5, 2.5),
  }));
  const agentWeights = agents.map((a) => [a, 1 + 0.1 * a.skill] as const);
  const customerPool = makeCustomers(random, Math.max(200, Math.round(22_000 * traffic)));
  // A few customers call again and again; most once or twice (skewed pick).
  const pickCustomer = (): Customer => customerPool[Math.floor(customerPool.length * random.next() ** 1.7)] as Customer;
  const topicWeights = sampleTopics.map((t) => [t, t.weight] as const);

  const contacts: { offeredAt: number; record: ContactInput; facts: ContactFacts | undefined }[] = [];
  for (let d = 1; d <= daysInMonth; d++) {
    const weekday = new TZDate(year, monthIndex, d, 12, 0, 0, 0, timeZone).getDay();
    const weekend = weekday === 0 || weekday === 6;
    const dayFactor = (weekend ? 0.55 : weekday === 1 ? 1.15 : 1) * random.uniform(0.92, 1.08);
    const calls = Math.round(1080 * dayFactor * traffic);
    const chats = Math.round(250 * (weekend ? 0.75 : 1) * random.uniform(0.9, 1.1) * traffic);
    const stamp = `${year}${pad(monthIndex + 1, 2)}${pad(d, 2)}`;
    for (let i = 0; i < calls; i++) {
      const h = random.weighted(callHourWeights);
      const offeredAt = at(d, h) + random.int(0, hour / 1000 - 1) * 1000;
      const load = (callHourWeights.find(([x]) => x === h)?.[1] ?? 1) / peakCallWeight;
      contacts.push(makeCall(`P${stamp}-${pad(i + 1, 5)}`, offeredAt, load * (weekend ? 0.8 : 1)));
    }
    for (let i = 0; i < chats; i++) {
      const h = random.weighted(chatHourWeights);
      const offeredAt = at(d, h) + random.int(0, hour / 1000 - 1) * 1000;
      contacts.push(makeChat(`W${stamp}-${pad(i + 1, 5)}`, offeredAt));
    }
  }
  contacts.sort((a, b) => a.offeredAt - b.offeredAt || (a.record.id < b.record.id ? -1 : 1));

  const complaints = makeComplaints(contacts.flatMap((c) => (c.facts === undefined ? [] : [c.facts])));
  const evaluations = makeEvaluations(contacts.flatMap((c) => (c.facts === undefined ? [] : [c.facts])));
  return { contacts: contacts.map((c) => c.record), complaints, evaluations };

  // ——— calls ———
  function makeCall(id: string, offeredAt: number, load: number): (typeof contacts)[number] {
    const customer = pickCustomer();
    const topic = random.weighted(topicWeights);
    const outbound = random.chance(0.04);
    const base = {
      id,
      channel: 'phone' as const,
      direction: outbound ? ('outbound' as const) : ('inbound' as const),
      customerId: customer.phone,
      queue: customer.keyAccount ? (queues[1] as string) : (queues[0] as string),
      topic: topic.topic,
      kind: topic.kind,
      offeredAt: iso(offeredAt),
    };
    // Wait: log-normal, median 5 s off-peak rising to ≈ 12 s at the peak; patience exponential.
    const wait = outbound ? random.uniform(4, 25) : random.logNormal(5 * (1 + 1.5 * load * load), 0.95);
    const patience = outbound ? 30 : 4 + random.exponential(85);
    if (wait > patience) {
      const waited = round1(patience);
      return {
        offeredAt,
        facts: undefined,
        record: { ...base, answered: false, waitSeconds: waited, endedAt: iso(offeredAt + Math.round(waited * 1000)) },
      };
    }
    const agent = random.weighted(agentWeights);
    const answeredAt = offeredAt + Math.round(wait * 1000);
    const topicLength = topic.kind === 'repair' ? 1.25 : topic.kind === 'complaint' ? 1.5 : 1;
    const talk = Math.max(25, Math.round(random.logNormal(200 * (1 - 0.08 * agent.skill) * topicLength, 0.5)));
    const held = random.chance(0.3 - 0.05 * agent.skill);
    const hold = held ? Math.round(random.logNormal(40, 0.6)) : 0;
    const wrapUp = Math.round(random.logNormal(35, 0.4));
    const endedAt = answeredAt + (talk + hold) * 1000;
    const resolved = random.chance(
      clamp(0.88 + 0.04 * agent.skill - (topic.kind === 'repair' ? 0.12 : 0) - (topic.kind === 'complaint' ? 0.25 : 0), 0.3, 0.99),
    );
    const escalated = random.chance(topic.kind === 'complaint' ? 0.2 : 0.025);
    const survey = makeSurvey(agent, wait, resolved, topic, outbound);
    const record = {
      ...base,
      agentId: agent.id,
      answered: true,
      answeredAt: iso(answeredAt),
      endedAt: iso(endedAt),
      waitSeconds: round1(wait),
      talkSeconds: talk,
      holdSeconds: hold,
      wrapUpSeconds: wrapUp,
      resolvedAtFirstContact: resolved,
      escalated,
      ...survey.fields,
    } as ContactInput;
    return {
      offeredAt,
      record,
      facts: { id, channel: 'phone', agent, customer, topic, endedAt, held, forbidden: random.chance(0.004), alert: false, resolved, unsatisfied: survey.unsatisfied },
    };
  }

  // ——— chats ———
  function makeChat(id: string, offeredAt: number): (typeof contacts)[number] {
    const customer = pickCustomer();
    const topic = random.weighted(topicWeights);
    const messages: ChatMessageInput[] = [];
    let t = offeredAt;
    const say = (from: 'customer' | 'agent' | 'bot', text: string, afterSeconds: number): void => {
      t += Math.max(1, Math.round(afterSeconds)) * 1000;
      messages.push({ from, at: iso(t), text });
    };
    // The bot's auto-reply comes first (seed 000 template); bot messages never count as a response.
    messages.push({ from: 'bot', at: iso(offeredAt), text: botAutoReply });
    const opener = random.pick(topic.openers);
    const alert = random.chance(topic.kind === 'complaint' ? 0.25 : 0.008);
    say('customer', alert ? `${opener},${random.pick(alertPhrases)}!` : opener, random.logNormal(12, 0.6));
    const firstResponse = random.logNormal(16, 0.85);
    const patience = 20 + random.exponential(300);
    const base = {
      id,
      channel: 'chat' as const,
      direction: 'inbound' as const,
      customerId: customer.chatId,
      queue: queues[2] as string,
      topic: topic.topic,
      kind: topic.kind,
      offeredAt: iso(offeredAt),
    };
    if (firstResponse > 25) say('bot', botQueueNotice, 20);
    if (firstResponse > patience) {
      if (patience > 60) say('customer', '有人吗?', patience / 2);
      return {
        offeredAt,
        facts: undefined,
        record: { ...base, answered: false, endedAt: iso(t + 5000), messages },
      };
    }
    const agent = random.weighted(agentWeights);
    const customerAt = t;
    const greeting = random.chance(0.04 - 0.02 * agent.skill) ? random.pick(flatGreetings) : random.pick(agentGreetings);
    say('agent', greeting.replace('**', agent.number), firstResponse);
    const answeredAt = t;
    const reply = (): number => random.logNormal(14 * (1 - 0.1 * agent.skill), 0.7);
    const surname = random.pick(surnames);
    say('customer', `我姓${surname}`, random.logNormal(8, 0.5));
    say('agent', `${surname}先生/女士您好,请您稍等,我看一下您的问题。`, reply());
    const held = random.chance(0.25 - 0.04 * agent.skill);
    if (held) {
      say('agent', holdAsk, reply());
      say('customer', '好的', random.logNormal(5, 0.4));
      say('agent', holdThanks, random.logNormal(45, 0.6));
    }
    const forbidden = random.chance(clamp(0.012 * (1 - 0.5 * agent.skill), 0.002, 0.05));
    if (forbidden) say('agent', random.pick(forbiddenPhrases), reply());
    say('agent', random.pick(topic.answers), reply());
    say('customer', random.pick(customerThanks), random.logNormal(20, 0.6));
    say('agent', agentReplyToThanks, reply());
    say('agent', beforeClosing, random.logNormal(4, 0.3));
    say('customer', '没有了', random.logNormal(10, 0.5));
    say('agent', random.pick(closings), reply());
    const endedAt = t + 5000;
    const resolved = random.chance(clamp(0.86 + 0.04 * agent.skill - (topic.kind === 'repair' ? 0.15 : 0) - (forbidden ? 0.3 : 0), 0.3, 0.99));
    const survey = makeSurvey(agent, (answeredAt - customerAt) / 1000, resolved && !forbidden, topic, false);
    const record = {
      ...base,
      agentId: agent.id,
      answered: true,
      answeredAt: iso(answeredAt),
      endedAt: iso(endedAt),
      talkSeconds: Math.round((t - answeredAt) / 1000),
      holdSeconds: 0,
      wrapUpSeconds: Math.round(random.logNormal(30, 0.4)),
      resolvedAtFirstContact: resolved,
      escalated: random.chance(alert ? 0.3 : 0.02),
      messages,
      ...survey.fields,
    } as ContactInput;
    return {
      offeredAt,
      record,
      facts: { id, channel: 'chat', agent, customer, topic, endedAt, held, forbidden, alert, resolved, unsatisfied: survey.unsatisfied },
    };
  }

  // ——— surveys: a latent mood from skill, wait and resolution, read out as the three answers ———
  function makeSurvey(
    agent: Agent,
    waitSeconds: number,
    resolved: boolean,
    topic: SampleTopic,
    outbound: boolean,
  ): { fields: Record<string, unknown>; unsatisfied: boolean } {
    if (outbound || !random.chance(0.75)) return { fields: {}, unsatisfied: false };
    if (!random.chance(0.5)) return { fields: { surveyed: true }, unsatisfied: false };
    const mood = random.normal(
      1.4 + 0.35 * agent.skill - 0.012 * Math.max(0, waitSeconds - 15) - (resolved ? 0 : 1) - (topic.kind === 'complaint' ? 0.7 : 0),
      0.8,
    );
    const csat = mood > 0.9 ? 5 : mood > 0 ? 4 : mood > -0.7 ? 3 : mood > -1.3 ? 2 : 1;
    const satisfaction = csat >= 4 ? 'satisfied' : csat === 3 ? 'neutral' : 'unsatisfied';
    const fields: Record<string, unknown> = { surveyed: true, satisfaction, csat };
    // NPS is a second question: fewer answer it.
    if (random.chance(0.6)) fields['nps'] = clamp(Math.round(7.2 + 1.7 * mood + random.normal(0, 1)), 0, 10);
    return { fields, unsatisfied: csat <= 2 };
  }

  // ——— complaints ———
  function makeComplaints(facts: readonly ContactFacts[]): ComplaintInput[] {
    const out: { filedAt: number; record: ComplaintInput }[] = [];
    const lastByCustomer = new Map<string, string>();
    let n = 0;
    const fileOne = (f: ContactFacts, filedAt: number, repeatOf: string | undefined): string => {
      n += 1;
      const id = `K${year}${pad(monthIndex + 1, 2)}-${pad(n, 4)}`;
      const level = random.weighted([[1, 65], [2, 28], [3, 7]] as const);
      const local = new TZDate(filedAt, timeZone);
      const h = local.getHours();
      // Seed 000: reviewed within 1 h; filed 18:00–09:00 → by 10:00 the next morning.
      const night = h >= 18 || h < 9;
      const morning = night ? new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + (h >= 18 ? 1 : 0), 9, 0, 0, 0, timeZone).getTime() : filedAt;
      const reviewedAt = morning + Math.round(random.logNormal(night ? 25 : 20, 0.7) * minute);
      const acceptedAt = reviewedAt + Math.round(random.logNormal(10, 0.6) * minute);
      const firstContactAt = acceptedAt + Math.round(random.logNormal(25, 0.8) * minute);
      const confirmedAt = firstContactAt + random.int(10, 60) * minute;
      const resolveHours = level === 1 ? random.logNormal(5, 1) : level === 2 ? random.logNormal(20, 0.7) : random.logNormal(72, 0.5);
      const resolvedAt = confirmedAt + Math.round(resolveHours * hour);
      const rectifiedAt = resolvedAt - random.int(0, 30) * minute;
      const repliedAt = resolvedAt + random.int(5, 30) * minute;
      const closedAt = repliedAt + random.int(0, 120) * minute;
      const calledBackAt = random.chance(0.97) ? filedAt + Math.round(random.logNormal(6, 1) * hour) : undefined;
      const followedUpAt = level >= 2 ? closedAt + Math.round(random.logNormal(36, 0.6) * hour) : undefined;
      const lateness = (resolveHours > (level === 1 ? 24 : level === 2 ? 48 : 168) ? 1 : 0) + (firstContactAt - acceptedAt > hour ? 1 : 0);
      const record: Record<string, unknown> = {
        id,
        customerId: f.channel === 'phone' ? f.customer.phone : f.customer.chatId,
        level,
        topic: f.topic.topic,
        filedAt: iso(filedAt),
        callbackRequired: true,
        keyAccount: f.customer.keyAccount,
      };
      if (f.agent !== undefined) record['agentId'] = f.agent.id;
      if (repeatOf !== undefined) record['repeatOf'] = repeatOf;
      const moments = { reviewedAt, acceptedAt, firstContactAt, confirmedAt, rectifiedAt, resolvedAt, repliedAt, closedAt, calledBackAt, followedUpAt };
      for (const [key, value] of Object.entries(moments)) {
        if (value !== undefined && value <= exportCutoff) record[key] = iso(value);
      }
      if (closedAt <= exportCutoff) record['satisfied'] = random.chance(clamp(0.85 - 0.25 * lateness - (repeatOf === undefined ? 0 : 0.3), 0.1, 0.95));
      out.push({ filedAt, record: record as ComplaintInput });
      lastByCustomer.set(record['customerId'] as string, id);
      return id;
    };
    for (const f of facts) {
      const asks = f.topic.kind === 'complaint' ? 0.12 : f.unsatisfied || f.alert ? 0.15 : 0.0015;
      if (!random.chance(asks)) continue;
      const customerKey = f.channel === 'phone' ? f.customer.phone : f.customer.chatId;
      const earlier = lastByCustomer.get(customerKey);
      const filedAt = f.endedAt + random.int(1, 10) * minute;
      const id = fileOne(f, filedAt, earlier !== undefined && random.chance(0.6) ? earlier : undefined);
      // Seed 003's repeat complaint: the same issue again a few days later.
      if (random.chance(0.035)) {
        const again = filedAt + Math.round(random.uniform(1, 6) * day);
        if (again < at(daysInMonth, 23)) fileOne(f, again, id);
      }
    }
    out.sort((a, b) => a.filedAt - b.filedAt);
    return out.map((c) => c.record);
  }

  // ——— QA evaluations ———
  function makeEvaluations(facts: readonly ContactFacts[]): EvaluationInput[] {
    const raters = ['QA01', 'QA02', 'QA03', 'QA04'];
    const out: EvaluationInput[] = [];
    for (const f of facts) {
      // Seed 002: at least 20 % of contacts sampled daily; a little over, as QA teams do.
      if (f.agent === undefined || !random.chance(0.215)) continue;
      const skill = f.agent.skill;
      const scores: Record<string, number | 'na'> = {};
      const bonuses: string[] = [];
      const deductions: string[] = [];
      const redLines: string[] = [];
      const dispatch = f.topic.kind === 'repair' || f.topic.kind === 'complaint';
      for (const item of sampleRubricItems) {
        if (item.notApplicable !== undefined && !(item.id === 'politeWords' && f.forbidden) && random.chance(item.id === 'customerInfoVerification' && dispatch ? 0.1 : item.notApplicable)) {
          scores[item.id] = 'na';
          continue;
        }
        let k = 0;
        if (item.voice === true && f.channel === 'chat') k = 0;
        else if (item.id === 'holdHandling' && !f.held) k = random.chance(0.97) ? 0 : 1;
        else if (item.id === 'politeWords' && f.forbidden) k = item.levels.length - 1;
        else {
          // Pass/fail items are mostly passed; graded items slip a level or two more often.
          const top = sigmoid((item.levels.length === 2 ? 2.6 : 1.2) + 0.8 * skill + random.normal(0, 0.6));
          while (k < item.levels.length - 1 && !random.chance(k === 0 ? top : 0.6)) k += 1;
        }
        const points = item.levels[k] as number;
        scores[item.id] = points;
        if (item.bonus === true && random.chance(k === 0 ? 0.03 : 0.05 + 0.02 * skill)) bonuses.push(item.id);
        if (item.deduction === true && random.chance(0.03)) deductions.push(item.id);
      }
      if (f.forbidden) redLines.push(sampleRedLines.forbiddenPhrase);
      else if (f.channel === 'phone' && random.chance(0.0015)) redLines.push(sampleRedLines.noAgent);
      const evaluation: Record<string, unknown> = {
        contactId: f.id,
        raterId: random.pick(raters),
        rubricId: sampleRubricId,
        evaluatedAt: iso(Math.min(exportCutoff, f.endedAt + Math.round(random.uniform(2, 30) * hour))),
        scores,
      };
      if (bonuses.length > 0) evaluation['bonuses'] = bonuses;
      if (deductions.length > 0) evaluation['deductions'] = deductions;
      if (redLines.length > 0) evaluation['redLines'] = redLines;
      if (f.forbidden) evaluation['comments'] = '使用服务禁用语,礼貌用语项记 0 分。';
      else if (f.alert) evaluation['comments'] = '客户情绪激动,注意安抚话术。';
      out.push(evaluation as EvaluationInput);
    }
    return out;
  }
}

function makeCustomers(random: Random, count: number): Customer[] {
  const prefixes = ['138', '139', '135', '136', '137', '150', '151', '158', '159', '186', '187', '188', '189', '131', '132', '177', '199'];
  return Array.from({ length: count }, (_, i) => ({
    phone: `${random.pick(prefixes)}${pad(random.int(0, 99_999_999), 8)}`,
    chatId: `wx_${pad(random.int(0, 9_999_999_999), 10)}`,
    keyAccount: i % 17 === 0,
  }));
}

import type { Contact } from '../../records/index.js';
import { MetricsError, type MetricsIssue } from '../errors.js';

/** Options of {@link sampleForQa}. */
export interface SampleForQaOptions {
  /** Share of each stratum to sample, in [0, 1] (seed 002: at least 0.2 daily). */
  readonly rate: number;
  /** At least this many contacts of each agent (and day) — all of them when fewer. Default 0. */
  readonly minPerAgent?: number;
  /** Any string or number; the same seed gives the same sample. */
  readonly seed: string | number;
  /** Stratify by day as well as by agent (default `true`, seed 002's daily 抽检). */
  readonly byDay?: boolean;
  /** IANA zone the day is taken in (default `UTC`; pass the center's zone, e.g. `Asia/Shanghai`). */
  readonly timeZone?: string;
}

/** One stratum of the sample. */
export interface QaStratum {
  /** `null` for contacts no agent handled. */
  readonly agentId: string | null;
  /** `YYYY-MM-DD` in the time zone; `null` when not stratified by day. */
  readonly day: string | null;
  readonly size: number;
  readonly sampled: number;
}

/** What {@link sampleForQa} returns. */
export interface QaSample<C extends Contact = Contact> {
  /** The sampled contacts, by stratum (agent, day) then by their draw order. */
  readonly contacts: readonly C[];
  readonly strata: readonly QaStratum[];
}

// FNV-1a over UTF-16 code units, then murmur3's finaliser: a well-mixed 32-bit draw per contact.
const draw = (seed: string, id: string): number => {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/**
 * A reproducible stratified QA sample (seed 002 §7.1: 品控专员每日抽检…抽检率不低于20%). Contacts
 * are grouped by agent (and by day in `timeZone`); each group gives
 * `min(size, max(ceil(rate × size), minPerAgent))` contacts, those with the smallest draws — a
 * hash of the seed and the contact id — so the sample depends only on the seed and the set of
 * contacts, never on their order. Contact ids should be unique.
 *
 * @param contacts - the contacts that may be sampled
 * @param options - rate, minimum per agent, seed, day stratification, time zone
 * @returns the sampled contacts and every stratum's size and count
 * @example
 * sampleForQa(monthOfCalls, { rate: 0.2, minPerAgent: 2, seed: '2026-03', timeZone: 'Asia/Shanghai' }).strata[0]
 * //=> { agentId: 'a01', day: '2026-03-01', size: 23, sampled: 5 }  (ceil(23 × 0.2) = 5)
 * @throws {MetricsError} when `rate` is outside [0, 1], `minPerAgent` is not a whole number ≥ 0, or the zone is unknown
 */
export function sampleForQa<C extends Contact>(contacts: Iterable<C>, options: SampleForQaOptions): QaSample<C> {
  const issues: MetricsIssue[] = [];
  const { rate, seed } = options;
  const minPerAgent = options.minPerAgent ?? 0;
  if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) issues.push({ path: ['rate'], message: `expected a fraction in [0, 1], got ${String(rate)}` });
  if (!Number.isInteger(minPerAgent) || minPerAgent < 0) issues.push({ path: ['minPerAgent'], message: `expected a whole number ≥ 0, got ${String(minPerAgent)}` });
  if (typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) issues.push({ path: ['seed'], message: `expected a string or finite number, got ${String(seed)}` });
  const byDay = options.byDay ?? true;
  let dayOf: ((ms: number) => string) | undefined;
  if (byDay) {
    try {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
      dayOf = (ms) => format.format(ms);
    } catch {
      issues.push({ path: ['timeZone'], message: `expected an IANA time zone, got ${JSON.stringify(options.timeZone)}` });
    }
  }
  if (issues.length > 0) throw new MetricsError(issues);
  const seedText = String(seed);
  const groups = new Map<string, { agentId: string | null; day: string | null; items: { contact: C; draw: number }[] }>();
  for (const contact of contacts) {
    const agentId = contact.agentId ?? null;
    const day = dayOf === undefined ? null : dayOf(contact.offeredAt);
    const key = `${agentId ?? ''}\u0000${agentId === null ? 0 : 1}\u0000${day ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { agentId, day, items: [] }));
    group.items.push({ contact, draw: draw(seedText, contact.id) });
  }
  const keys = [...groups.keys()].sort();
  const sampled: C[] = [];
  const strata: QaStratum[] = [];
  for (const key of keys) {
    const group = groups.get(key)!;
    const size = group.items.length;
    const quota = Math.min(size, Math.max(Math.ceil(rate * size - 1e-9), minPerAgent));
    group.items.sort((a, b) => a.draw - b.draw || (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0));
    for (let i = 0; i < quota; i++) sampled.push(group.items[i]!.contact);
    strata.push({ agentId: group.agentId, day: group.day, size, sampled: quota });
  }
  return { contacts: sampled, strata };
}

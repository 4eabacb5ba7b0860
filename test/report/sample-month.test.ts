import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParseComplaint, safeParseContact, safeParseEvaluation, type ChatRecord, type Contact } from '../../src/records/index.js';
import { qcRubricV31, scoreEvaluation } from '../../src/rubrics/index.js';
import { createRandom, generateSampleMonth, sampleMonthFiles, writeSampleMonth } from '../../src/scripts/sample/index.js';

const month = generateSampleMonth({ seed: 7, month: '2026-03', agents: 50, timeZone: 'Asia/Shanghai' });
const contacts = month.contacts.map((c) => {
  const r = safeParseContact(c);
  if (!r.success) throw r.error;
  return r.data;
});
const calls = contacts.filter((c) => c.channel === 'phone');
const chats = contacts.filter((c): c is ChatRecord => c.channel === 'chat');
const hourOf = (c: Contact): number => new Date(c.offeredAt + 8 * 3_600_000).getUTCHours();
const share = <T>(xs: readonly T[], p: (x: T) => boolean): number => xs.filter(p).length / xs.length;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

describe('generateSampleMonth', () => {
  it('is deterministic: the same seed gives the same month, another seed another', () => {
    const a = generateSampleMonth({ seed: 3, month: '2026-02', scale: 0.03 });
    const b = generateSampleMonth({ seed: 3, month: '2026-02', scale: 0.03 });
    const c = generateSampleMonth({ seed: 4, month: '2026-02', scale: 0.03 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(createRandom(1).next()).toBe(createRandom(1).next());
  });

  it('writes every record so the records room parses it, with ISO timestamps carrying +08:00', () => {
    expect(month.contacts[0]?.offeredAt).toMatch(/^2026-03-01T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(month.complaints.every((c) => safeParseComplaint(c).success)).toBe(true);
    expect(month.evaluations.every((e) => safeParseEvaluation(e).success)).toBe(true);
  });

  it('gives QC v3.1 evaluations that score (valid levels, N/A only where allowed, known red lines)', () => {
    const reports = month.evaluations.map((e) => {
      const parsed = safeParseEvaluation(e);
      if (!parsed.success) throw parsed.error;
      return scoreEvaluation(qcRubricV31, parsed.data);
    });
    const percents = reports.map((r) => r.percent ?? 0);
    // About 20 % of answered contacts are sampled (seed 002).
    const answered = contacts.filter((c) => c.answered).length;
    expect(reports.length / answered).toBeGreaterThan(0.19);
    expect(reports.length / answered).toBeLessThan(0.24);
    expect(median(percents)).toBeGreaterThan(80);
    expect(month.evaluations.some((e) => Object.values(e.scores).includes('na'))).toBe(true);
    expect(month.evaluations.some((e) => (e.bonuses ?? []).length > 0)).toBe(true);
    const redLines = month.evaluations.filter((e) => (e.redLines ?? []).length > 0).length;
    expect(redLines).toBeGreaterThan(0);
    expect(redLines / month.evaluations.length).toBeLessThan(0.02);
  });

  it('has the volume of a 50-agent centre: 20–40k calls, 5–10k chats', () => {
    expect(calls.length).toBeGreaterThan(20_000);
    expect(calls.length).toBeLessThan(40_000);
    expect(chats.length).toBeGreaterThan(5_000);
    expect(chats.length).toBeLessThan(10_000);
    expect(new Set(contacts.flatMap((c) => (c.agentId === undefined ? [] : [c.agentId]))).size).toBe(50);
  });

  it('is busier in the morning than at lunch, and on weekdays than at weekends', () => {
    const byHour = (h: number) => calls.filter((c) => hourOf(c) === h).length;
    expect(byHour(10)).toBeGreaterThan(1.7 * byHour(12));
    // 2026-03-02 is a Monday, 2026-03-07 a Saturday.
    const onDay = (d: string) => calls.filter((c) => new Date(c.offeredAt + 8 * 3_600_000).toISOString().startsWith(d)).length;
    expect(onDay('2026-03-02')).toBeGreaterThan(1.5 * onDay('2026-03-07'));
  });

  it('skews waits (most under 20 s, a tail) and loses more callers the longer they wait', () => {
    const inbound = calls.filter((c) => c.direction === 'inbound');
    const waits = inbound.filter((c) => c.answered).map((c) => c.waitSeconds ?? 0);
    expect(share(waits, (w) => w < 20)).toBeGreaterThan(0.75);
    expect(Math.max(...waits)).toBeGreaterThan(90);
    const abandonedWhenWaiting = (lo: number, hi: number) => share(inbound.filter((c) => (c.waitSeconds ?? 0) >= lo && (c.waitSeconds ?? 0) < hi), (c) => !c.answered);
    expect(abandonedWhenWaiting(30, 600)).toBeGreaterThan(abandonedWhenWaiting(0, 10) + 0.1);
  });

  it('handles calls in 4–6 minutes on average, with agents differing', () => {
    const handled = calls.filter((c) => c.answered);
    const aht = handled.reduce((s, c) => s + (c.talkSeconds ?? 0) + (c.holdSeconds ?? 0) + (c.wrapUpSeconds ?? 0), 0) / handled.length;
    expect(aht / 60).toBeGreaterThan(4);
    expect(aht / 60).toBeLessThan(6);
    const byAgent = new Map<string, number[]>();
    for (const c of handled) byAgent.set(c.agentId ?? '', [...(byAgent.get(c.agentId ?? '') ?? []), c.talkSeconds ?? 0]);
    const means = [...byAgent.values()].map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(40);
  });

  it('leaves survey gaps: surveyed contacts without an answer, answers without NPS', () => {
    const surveyed = contacts.filter((c) => c.surveyed === true);
    expect(share(surveyed, (c) => c.csat === undefined)).toBeGreaterThan(0.3);
    expect(share(surveyed.filter((c) => c.csat !== undefined), (c) => c.nps === undefined)).toBeGreaterThan(0.2);
  });

  it('writes chats in Chinese with the bot first, and a few forbidden phrases and alert words', () => {
    const answered = chats.filter((c) => c.answered);
    expect(chats.every((c) => c.messages[0]?.from === 'bot')).toBe(true);
    expect(answered.every((c) => c.messages.findIndex((m) => m.from === 'customer') < c.messages.findIndex((m) => m.from === 'agent'))).toBe(true);
    const said = (c: ChatRecord, words: RegExp) => c.messages.some((m) => words.test(m.text));
    const forbidden = share(answered, (c) => said(c, /我管不了|这不是我的工作|公司的规定|我不清楚|你听不明白|我不是跟你说过了吗/));
    expect(forbidden).toBeGreaterThan(0.002);
    expect(forbidden).toBeLessThan(0.05);
    expect(share(chats, (c) => said(c, /态度差|不解决/))).toBeGreaterThan(0.005);
    expect(answered.some((c) => said(c, /感谢您的(来电|咨询)/))).toBe(true);
  });

  it('files complaints with levels, some late, some repeats, some key accounts', () => {
    const complaints = month.complaints.map((c) => {
      const r = safeParseComplaint(c);
      if (!r.success) throw r.error;
      return r.data;
    });
    expect(complaints.length).toBeGreaterThan(200);
    expect(new Set(complaints.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
    const repeats = complaints.filter((c) => c.repeatOf !== undefined);
    expect(repeats.length).toBeGreaterThan(0);
    const ids = new Set(complaints.map((c) => c.id));
    expect(repeats.every((c) => ids.has(c.repeatOf as string))).toBe(true);
    expect(complaints.some((c) => c.keyAccount === true)).toBe(true);
    // Some first contacts later than 1 h after acceptance (seed 000's deadline), most within.
    const late = share(complaints, (c) => (c.firstContactAt ?? 0) - (c.acceptedAt ?? 0) > 3_600_000);
    expect(late).toBeGreaterThan(0.02);
    expect(late).toBeLessThan(0.3);
  });

  it('refuses bad options, all at once', () => {
    expect(() => generateSampleMonth({ month: '2026-13', agents: 0 })).toThrow(/month: expected YYYY-MM.*agents: expected a whole number ≥ 1/);
    // mulberry32 keeps seed >>> 0, so 1.5 would silently be seed 1, 2^32 seed 0 and −1 seed 2^32 − 1; an unknown zone threw 'Invalid time value' mid-run.
    expect(() => generateSampleMonth({ month: '2026-03', seed: 1.5, timeZone: 'Mars/Olympus' })).toThrow(
      /seed: expected a whole number.*timeZone: expected an IANA time zone/,
    );
    for (const seed of [2 ** 32, -1]) expect(() => generateSampleMonth({ month: '2026-03', seed })).toThrow(/seed: expected a whole number in \[0, 2\^32\)/);
  });
});

describe('writeSampleMonth', () => {
  it('writes the three NDJSON files, and leaves them alone with ifAbsent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-sample-'));
    try {
      const first = await writeSampleMonth({ dir, month: '2026-03', seed: 5, scale: 0.01, ifAbsent: true });
      expect(first.written).toBe(true);
      expect(first.files.contacts).toBe(join(dir, sampleMonthFiles.contacts));
      const lines = (await readFile(first.files.contacts, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(first.counts.contacts);
      expect(safeParseContact(JSON.parse(lines[0] as string)).success).toBe(true);
      const before = (await stat(first.files.evaluations)).mtimeMs;
      const second = await writeSampleMonth({ dir, month: '2026-03', seed: 6, scale: 0.01, ifAbsent: true });
      expect(second.written).toBe(false);
      expect((await stat(first.files.evaluations)).mtimeMs).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

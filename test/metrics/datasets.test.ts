import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { averageHandleTime, computeKpis, nps } from '../../src/metrics/index.js';
import type { CallRecord } from '../../src/records/index.js';

// Real exports in /work/shared/data/external (see its README). Expected figures are computed here
// with plain arithmetic over the parsed rows, never by the code under test.

const pwcPath = fileURLToPath(new URL('../../../shared/data/external/pwc-call-center-2021q1.csv', import.meta.url));
const npsPath = fileURLToPath(new URL('../../../shared/data/external/nps-student-feedback-2017.csv', import.meta.url));

/** Splits CSV text into rows of fields; handles quotes, CRLF and a byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe.skipIf(!existsSync(pwcPath))('PwC call-center data, Q1 2021 (5,000 calls)', () => {
  // A skipped describe still runs its body to collect its tests: without the file, say so visibly.
  if (!existsSync(pwcPath)) {
    it.skip(`needs ${pwcPath}`, () => {});
    return;
  }
  const [header, ...rows] = parseCsv(readFileSync(pwcPath, 'utf8'));
  // Decision from the data: unanswered calls have an EMPTY speed of answer (946 of 946), talk 0 and
  // no rating, so no wait is invented for them; answered calls all carry speed, talk and rating.
  const calls: CallRecord[] = rows.map(([id, agent, date, time, topic, answered, resolved, speed, talk, rating]) => {
    const [m, d, y] = date!.split('/').map(Number);
    const [hh, mm, ss] = time!.split(':').map(Number);
    const isAnswered = answered === 'Y';
    const call: CallRecord = {
      id: id!,
      channel: 'phone',
      direction: 'inbound',
      offeredAt: Date.UTC(y!, m! - 1, d!, hh!, mm!, ss!),
      answered: isAnswered,
      topic: topic!,
    };
    if (isAnswered) {
      Object.assign(call, {
        agentId: agent!,
        resolvedAtFirstContact: resolved === 'Y',
        talkSeconds: Number(talk),
        csat: Number(rating),
      });
      if (speed !== '') call.waitSeconds = Number(speed);
    }
    return call;
  });

  it('reads every row', () => {
    expect(header).toEqual(['call id', 'agent', 'date', 'time', 'topic', 'answered (Y/N)', 'resolved', 'speed of answer(seconds)', 'talk duration', 'satisfaction rating']);
    expect(rows).toHaveLength(5000);
    expect(rows.filter((r) => r[5] === 'N').every((r) => r[7] === '' && r[8] === '0' && r[9] === '')).toBe(true);
  });

  it('answer rate, ASA, FCR, CSAT, satisfaction rate match plain arithmetic', () => {
    const answered = rows.filter((r) => r[5] === 'Y');
    const waits = answered.map((r) => Number(r[7]));
    const ratings = answered.map((r) => Number(r[9]));
    const expected = {
      answerRate: answered.length / rows.length,
      answerRate60: waits.filter((w) => w <= 60).length / rows.length,
      asa: waits.reduce((a, b) => a + b, 0) / answered.length,
      fcr: answered.filter((r) => r[6] === 'Y').length / answered.length,
      csat: ratings.reduce((a, b) => a + b, 0) / ratings.length,
      satisfaction: ratings.filter((r) => r >= 4).length / ratings.length,
    };
    const got = computeKpis(calls, [
      'answerRate',
      { kpi: 'answerRate', key: 'answerRate60', options: { answeredWithinSeconds: 60 } },
      'averageSpeedOfAnswer',
      'firstContactResolution',
      'csat',
      'satisfactionRate',
    ]);
    expect(got.answerRate.value).toBeCloseTo(expected.answerRate, 12); // 4054 ÷ 5000 = 0.8108
    expect(got.answerRate60.value).toBeCloseTo(expected.answerRate60, 12); // 1796 ÷ 5000 = 0.3592
    expect(got.averageSpeedOfAnswer.value).toBeCloseTo(expected.asa, 9); // 67.52 s
    expect(got.firstContactResolution.value).toBeCloseTo(expected.fcr, 12); // 3646 ÷ 4054 = 0.8994
    expect(got.csat.value).toBeCloseTo(expected.csat, 12); // 3.4036
    expect(got.satisfactionRate.value).toBeCloseTo(expected.satisfaction, 12); // 2023 ÷ 4054 = 0.4990
    expect(got.answerRate).toMatchObject({ numerator: 4054, denominator: 5000 });
    expect(got.firstContactResolution).toMatchObject({ numerator: 3646, denominator: 4054 });
  });

  it('AHT per agent (talk only: the export has no hold or wrap-up)', () => {
    const agents = [...new Set(rows.filter((r) => r[5] === 'Y').map((r) => r[1]!))].sort();
    expect(agents).toHaveLength(8);
    for (const agent of agents) {
      const talks = rows.filter((r) => r[5] === 'Y' && r[1] === agent).map((r) => Number(r[8]));
      const aht = averageHandleTime(calls, { where: (c) => c.agentId === agent });
      expect(aht.denominator).toBe(talks.length);
      expect(aht.value).toBeCloseTo(talks.reduce((a, b) => a + b, 0) / talks.length, 9);
    }
    // e.g. Dan: 523 answered calls, mean talk 231.19 s
    expect(averageHandleTime(calls, { where: (c) => c.agentId === 'Dan' }).value).toBeCloseTo(231.19, 2);
  });
});

describe.skipIf(!existsSync(npsPath))('NPS student feedback 2017 (0–10 answers, BOM, #ERROR! cells)', () => {
  if (!existsSync(npsPath)) {
    it.skip(`needs ${npsPath}`, () => {});
    return;
  }
  const text = readFileSync(npsPath, 'utf8');
  const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
  const column = header!.indexOf('Rating (Num)');
  const valid = rows.filter((r) => /^(10|[0-9])$/.test(r[column]!.trim()));
  const rejected = rows.filter((r) => !/^(10|[0-9])$/.test(r[column]!.trim()));

  it('strips the BOM and counts the rejects instead of dropping them', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(header![0]).toBe('ID');
    expect(rejected.map((r) => r[column])).toEqual(['#ERROR!', '#ERROR!', '#ERROR!']);
    expect(valid.length + rejected.length).toBe(rows.length);
  });

  it('NPS matches plain arithmetic', () => {
    const scores = valid.map((r) => Number(r[column]));
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    const contacts: CallRecord[] = valid.map((r, i) => ({
      id: `nps-${r[0] ?? i}-${i}`,
      channel: 'phone',
      direction: 'inbound',
      offeredAt: 0,
      answered: true,
      nps: Number(r[column]),
    }));
    const result = nps(contacts);
    expect(result).toMatchObject({ promoters, detractors, passives: scores.length - promoters - detractors, denominator: scores.length });
    expect(result.value).toBeCloseTo(((promoters - detractors) / scores.length) * 100, 12); // (760 − 121) ÷ 1450 × 100 = 44.07
  });
});

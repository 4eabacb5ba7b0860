import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, repoRoot, runCli } from './cli-runner.js';

// End to end: the built CLI on the real PwC call-center export with the shipped mapping, its
// top-line figures checked against the same figures worked out here with plain arithmetic.
// `--calendar alwaysOpen`: no call is left out as outside working hours (the default calendar
// for Europe/Zurich is 09:00–18:00 on weekdays), so the figures below hold with any preset.
const pwcPath = fileURLToPath(new URL('../../../shared/data/external/pwc-call-center-2021q1.csv', import.meta.url));
const mappingPath = join(repoRoot, 'examples/mappings/pwc-call-center.json');

interface Entry {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface Report {
  schema: string;
  input: { rows: number; accepted: number; rejected: number; duplicates: number };
  period: { months: string[]; timeZone: string };
  kpis: Record<string, Entry>;
  byMonth: Record<string, { contacts: number; kpis: Record<string, Entry> }>;
  byAgent: Record<string, { contacts: number; kpis: Record<string, Entry> }>;
}

describe.skipIf(!existsSync(pwcPath))('callcenter-qa report on the PwC call-center export', () => {
  let report: Report;
  let stderr: string;
  let status: number | null;
  // The independent figures: the file has no quoted fields, so splitting on commas is exact.
  const text = existsSync(pwcPath) ? readFileSync(pwcPath, 'utf8') : '';
  const rows = text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  // columns: 0 call id, 1 agent, 2 date (M/D/YYYY), 3 time, 4 topic, 5 answered, 6 resolved, 7 speed of answer, 8 talk, 9 rating
  const answered = rows.filter((r) => r[5] === 'Y');
  const rated = rows.filter((r) => r[9] !== '');

  beforeAll(() => {
    ensureBuilt();
    const out = join(mkdtempSync(join(tmpdir(), 'cq-pwc-')), 'pwc.json');
    const run = runCli(['report', pwcPath, '--map', mappingPath, '--calendar', 'alwaysOpen', '--format', 'json', '--out', out, '--quiet']);
    status = run.status;
    stderr = run.stderr;
    report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  }, 180_000);

  it('reads every row of the export, rejecting none', () => {
    expect(text).not.toContain('"');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(rows.length).toBe(5000);
    expect(report.input).toMatchObject({ rows: 5000, accepted: 5000, rejected: 0, duplicates: 0 });
  });

  it('reports the monthly-report schema', () => {
    expect(report.schema).toBe('callcenter-qa/monthly-report@1');
    expect(report.period.timeZone).toBe('Europe/Zurich');
    expect(report.period.months).toEqual(['2021-01', '2021-02', '2021-03']);
  });

  it('answer rate = answered ÷ offered', () => {
    // 4054 of the 5000 calls were answered (the other 946 have answered = N).
    expect(answered.length).toBe(4054);
    expect(report.kpis['answerRate']).toMatchObject({ numerator: 4054, denominator: 5000, value: 4054 / 5000 });
  });

  it('ASA = Σ speed of answer of answered calls ÷ answered calls', () => {
    const sum = answered.reduce((s, r) => s + Number(r[7]), 0);
    const asa = report.kpis['averageSpeedOfAnswer']!;
    expect(asa.numerator).toBe(sum);
    expect(asa.denominator).toBe(4054);
    expect(asa.value).toBeCloseTo(sum / 4054, 10);
  });

  it('CSAT = mean satisfaction rating of rated calls', () => {
    const sum = rated.reduce((s, r) => s + Number(r[9]), 0);
    expect(rated.length).toBe(4054);
    expect(report.kpis['csat']).toMatchObject({ numerator: sum, denominator: rated.length });
    expect(report.kpis['csat']!.value).toBeCloseTo(sum / rated.length, 10);
  });

  it('FCR = answered calls resolved ÷ answered calls', () => {
    const resolved = answered.filter((r) => r[6] === 'Y').length;
    expect(resolved).toBe(3646);
    expect(report.kpis['firstContactResolution']).toMatchObject({ numerator: 3646, denominator: 4054 });
  });

  it('splits the quarter by month and by agent', () => {
    const byMonth = new Map<string, number>();
    const byAgent = new Map<string, number>();
    for (const r of rows) {
      const [m, , y] = r[2]!.split('/');
      const key = `${y}-${m!.padStart(2, '0')}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + 1);
      byAgent.set(r[1]!, (byAgent.get(r[1]!) ?? 0) + 1);
    }
    expect(Object.fromEntries(Object.entries(report.byMonth).map(([k, g]) => [k, g.contacts]))).toEqual(Object.fromEntries(byMonth));
    expect(Object.fromEntries(Object.entries(report.byAgent).map(([k, g]) => [k, g.contacts]))).toEqual(Object.fromEntries(byAgent));
    expect(byAgent.size).toBe(8);
  });
});

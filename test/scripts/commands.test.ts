import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactSchema } from '../../src/records/index.js';
import { mappableFields } from '../../src/scripts/ingest/mapping.js';
import { pathToFileURL } from 'node:url';
import { defaultRejectsPath, outputPaths, readFormats, runReport } from '../../src/scripts/commands/report.js';
import { cliPath, ensureBuilt, runCli, type CliRun } from './cli-runner.js';

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('where outputs and rejects go', () => {
  it('puts the rejects beside the output, its extension dropped, or beside the first input', () => {
    expect(defaultRejectsPath('reports/march.html', 'in.csv')).toBe('reports/march.rejects.ndjson');
    expect(defaultRejectsPath('reports/march', 'in.csv')).toBe('reports/march.rejects.ndjson');
    expect(defaultRejectsPath('reports/', 'in.csv')).toBe(join('reports', 'report.rejects.ndjson'));
    // score, scan and sample write NDJSON.
    expect(defaultRejectsPath('out/scores.ndjson', 'ev.ndjson')).toBe('out/scores.rejects.ndjson');
    expect(defaultRejectsPath(undefined, 'data/calls.csv.gz')).toBe(join('data', 'calls.rejects.ndjson'));
  });

  it('reads formats from --format, else from --out, else md; several formats share a stem', () => {
    expect(readFormats(undefined, 'r.html')).toEqual(['html']);
    expect(readFormats(undefined, undefined)).toEqual(['md']);
    expect(readFormats(['json,csv', 'markdown'], undefined)).toEqual(['json', 'csv', 'md']);
    expect(outputPaths('reports/march', ['html', 'csv'])).toEqual({ html: 'reports/march.html', csv: 'reports/march.csv' });
    expect(outputPaths('reports/march.md', ['md'])).toEqual({ md: 'reports/march.md' });
  });
});

describe('the mapping format covers the records', () => {
  it('every contact field but messages can be mapped', () => {
    const fields = new Set([...Object.keys(contactSchema.options[0].shape), ...Object.keys(contactSchema.options[1].shape)]);
    fields.delete('messages');
    expect(new Set(Object.keys(mappableFields.contact))).toEqual(fields);
  });
});

describe('report --fast', () => {
  it('gives the same counts, rejects and KPIs as the general path', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'cq-fast-'));
    const rows = ['id,channel,direction,agentId,offeredAt,answered,waitSeconds,csat'];
    for (let i = 0; i < 400; i += 1) {
      rows.push(`C${i},phone,inbound,A${i % 7},2026-03-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:15:00+08:00,${i % 4 !== 0},${i % 90},${i % 3 === 0 ? '' : 1 + (i % 5)}`);
    }
    rows.push('C5,phone,inbound,A1,2026-03-02T09:00:00+08:00,true,3,5'); // a duplicate id
    rows.push('C900,phone,inbound,A1,2026-03-02T09:00:00+08:00,maybe,3,5'); // not a yes/no
    rows.push('C901,phone,inbound,A1,2026-03-02T09:00:00+08:00,true,3,5,extra'); // an extra column
    const input = join(dir, 'calls.csv');
    writeFileSync(input, rows.join('\n') + '\n');
    const outputs = ['general', 'fast'].map((mode) => {
      const out = join(dir, `${mode}.json`);
      const run = runCli(['report', input, '--tz', 'Asia/Shanghai', '--calendar', 'alwaysOpen', '--format', 'json', '--out', out, '--quiet', ...(mode === 'fast' ? [] : ['--no-fast'])]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { input: Record<string, number>; kpis: Record<string, { value: number | null; denominator: number }> };
      const rejects = readFileSync(join(dir, `${mode}.rejects.ndjson`), 'utf8');
      return { report, rejects };
    });
    const [general, fast] = outputs as [(typeof outputs)[0], (typeof outputs)[0]];
    expect(general.report.input).toMatchObject({ rows: 403, accepted: 400, rejected: 2, duplicates: 1 });
    expect(fast.report.input).toEqual(general.report.input);
    expect(fast.rejects).toBe(general.rejects);
    for (const [name, entry] of Object.entries(general.report.kpis)) {
      expect(fast.report.kpis[name]?.denominator, name).toBe(entry.denominator);
      if (entry.value === null) expect(fast.report.kpis[name]?.value, name).toBeNull();
      else expect(fast.report.kpis[name]?.value, name).toBeCloseTo(entry.value, 9);
    }
  });
});

describe('report on a file the fast path splits between threads', () => {
  it('gives the general path’s report: this thread and a worker each read a range, ids checked across them', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'cq-split-'));
    const header =
      'id,channel,direction,agentId,customerId,queue,topic,kind,offeredAt,answered,answeredAt,endedAt,waitSeconds,talkSeconds,holdSeconds,wrapUpSeconds,resolvedAtFirstContact,escalated,surveyed,satisfaction,csat,nps';
    const rows = [header];
    // Past 16 MiB, so the file is cut in two; numbered ids (bit lanes) and a few others (byte table).
    for (let i = 0; rows.length < 110_000; i += 1) {
      const id = i % 1000 === 7 ? `ext-${i}-x` : `${i % 3 === 0 ? 'W' : 'P'}${String(i).padStart(9, '0')}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const answered = i % 9 !== 0;
      rows.push(
        `${id},${i % 3 === 0 ? 'chat' : 'phone'},inbound,A${String(i % 53).padStart(4, '0')},C${i % 9000},queue-${i % 4},Topic ${i % 17},${['consultation', 'complaint', 'repair'][i % 3]},` +
          `2026-03-${day}T${String(i % 24).padStart(2, '0')}:15:00+08:00,${answered},${answered ? `2026-03-${day}T${String(i % 24).padStart(2, '0')}:15:${String(i % 60).padStart(2, '0')}+08:00` : ''},,` +
          `${i % 60},${answered ? 100 + (i % 400) : ''},${i % 5},${i % 30},${i % 4 === 0 ? '' : i % 4 !== 1},${i % 7 === 0},${i % 2 === 0},${['satisfied', 'neutral', ''][i % 3]},${i % 6 === 0 ? '' : 1 + (i % 5)},${i % 11}`,
      );
    }
    // Duplicates of rows in the first half, near the end (the worker's range): the first stays.
    rows.push(rows[5]!.replace(',A00', ',A99'), rows[8]!.replace(',A00', ',A98'));
    const input = join(dir, 'calls.csv');
    writeFileSync(input, rows.join('\n') + '\n');
    expect(statSync(input).size).toBeGreaterThan(16 * 2 ** 20);
    type Run = { report: { input: Record<string, number>; kpis: Record<string, { value: number | null; denominator: number }>; byAgent: Record<string, unknown> }; rejects: string };
    const [general, fast] = ['general', 'fast'].map((mode): Run => {
      const out = join(dir, `${mode}.json`);
      const run = runCli(['report', input, '--tz', 'Asia/Shanghai', '--format', 'json', '--out', out, '--quiet', ...(mode === 'fast' ? [] : ['--no-fast'])]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return { report: JSON.parse(readFileSync(out, 'utf8')) as Run['report'], rejects: readFileSync(join(dir, `${mode}.rejects.ndjson`), 'utf8') };
    }) as [Run, Run];
    expect(general.report.input).toMatchObject({ rows: 110_001, accepted: 109_999, duplicates: 2 });
    expect(fast.report.input).toEqual(general.report.input);
    expect(fast.rejects).toBe(general.rejects);
    expect(Object.keys(fast.report.byAgent)).toEqual(Object.keys(general.report.byAgent));
    for (const [name, entry] of Object.entries(general.report.kpis)) {
      expect(fast.report.kpis[name]?.denominator, name).toBe(entry.denominator);
      if (entry.value === null) expect(fast.report.kpis[name]?.value, name).toBeNull();
      else expect(fast.report.kpis[name]?.value, name).toBeCloseTo(entry.value, 9);
    }
    // And it was the fast path, in two ranges or more (the CLI would fall back silently).
    const direct = await runReport({ files: [input], timeZone: 'Asia/Shanghai', formats: ['json'], out: join(dir, 'direct.json'), quiet: true, workerUrl: pathToFileURL(cliPath) });
    expect(direct.fastRanges).toBeGreaterThanOrEqual(2);
    expect(direct.contacts).toMatchObject({ rows: 110_001, accepted: 109_999, duplicates: 2 });
  }, 120_000);
});

describe('start, score, scan and sample on the generated month', () => {
  let dir: string;
  let start: CliRun;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cq-start-'));
    start = runCli(['start', '--data', join(dir, 'data'), '--out', join(dir, 'reports'), '--quiet']);
  }, 180_000);

  it('start generates the month, reports it in every format and prints a summary', () => {
    expect(start.stderr).toBe('');
    expect(start.status).toBe(0);
    expect(start.stdout).toMatch(/^Generated the sample month 2026-03 into /);
    expect(start.stdout).toMatch(/\ninput +rows +accepted +rejected +duplicates\ncontacts +\d+/);
    expect(start.stdout).toMatch(/\nanswerRate +\d+\.\d%/);
    for (const ext of ['html', 'md', 'json', 'csv']) {
      const path = join(dir, 'reports', `monthly-report.${ext}`);
      expect(existsSync(path)).toBe(true);
      expect(start.stdout).toContain(path);
    }
    const contacts = lines(join(dir, 'data', 'contacts.ndjson')).length;
    const complaints = lines(join(dir, 'data', 'complaints.ndjson')).length;
    const evaluations = lines(join(dir, 'data', 'evaluations.ndjson')).length;
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'monthly-report.json'), 'utf8')) as { input: Record<string, number> };
    // The generator writes valid, distinct records: every row of the three files is accepted.
    const rows = contacts + complaints + evaluations;
    expect(report.input).toMatchObject({ rows, accepted: rows, rejected: 0, duplicates: 0, contacts, complaints, evaluations });
    // A second run keeps the data and says so.
    const again = runCli(['start', '--data', join(dir, 'data'), '--out', join(dir, 'reports'), '--quiet']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Using the sample month already in /);
    // Asking for another month over kept data says it is not applied, never silently ignored.
    const other = runCli(['start', '--data', join(dir, 'data'), '--out', join(dir, 'reports-may'), '--month', '2026-05', '--quiet']);
    expect(other.stdout).toMatch(/: --month 2026-05 applies only when the month is generated/);
  });

  it('score writes one score report per evaluation', () => {
    const out = join(dir, 'scores.ndjson');
    const run = runCli(['score', join(dir, 'data', 'evaluations.ndjson'), '--out', out]);
    expect(run.status).toBe(0);
    const evaluations = lines(join(dir, 'data', 'evaluations.ndjson'));
    const scores = lines(out);
    expect(run.stderr).toBe(`${evaluations.length} evaluations: ${scores.length} scored, 0 not scorable, 0 rejected, 0 duplicates\n`);
    expect(scores.length).toBe(evaluations.length);
    expect(scores[0]).toMatchObject({ rubricId: 'qc-v3.1', contactId: evaluations[0]!['contactId'], raterId: evaluations[0]!['raterId'] });
  });

  it('score writes its rejects into a folder it creates (as report does)', () => {
    const bad = join(dir, 'bad-evaluations.ndjson');
    writeFileSync(bad, '{"id":"E1"}\n');
    const rejects = join(dir, 'new-folder', 'score.rejects.ndjson');
    const run = runCli(['score', bad, '--out', join(dir, 'bad-scores.ndjson'), '--rejects', rejects, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(rejects)).toHaveLength(1);
  });

  it('sample refuses a blank --rate or --min-per-agent (Number("") is 0, which would sample nothing), and numbers not written in decimal', () => {
    for (const [flag, value] of [['--rate', ''], ['--min-per-agent', ''], ['--rate', '0x1'], ['--min-per-agent', '0x10'], ['--min-per-agent', '0b11'], ['--rate', 'Infinity']]) {
      const run = runCli(['sample', join(dir, 'data', 'contacts.ndjson'), '--date', '2026-03-02', flag!, value!, '--quiet']);
      expect(run.status, `${flag} ${value}`).toBe(2);
      expect(run.stderr).toContain(`${flag}: expected`);
      expect(run.stderr).toContain(JSON.stringify(value));
    }
    // The mapping room's decimal reader: spaces around a plain decimal are fine.
    const ok = runCli(['sample', join(dir, 'data', 'contacts.ndjson'), '--date', '2026-03-02', '--rate', ' 0.25 ', '--min-per-agent', '2', '--out', join(dir, 'sample-ok.ndjson'), '--quiet']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  });

  it('scan writes the transcripts that have hits', () => {
    const out = join(dir, 'hits.ndjson');
    const run = runCli(['scan', join(dir, 'data', 'contacts.ndjson'), '--out', out]);
    expect(run.status).toBe(0);
    const chats = lines(join(dir, 'data', 'contacts.ndjson')).filter((c) => c['channel'] === 'chat' && (c['messages'] as unknown[]).length > 0);
    expect(run.stderr).toMatch(new RegExp(`^\\d+ contacts: ${chats.length} transcripts scanned, \\d+ hits, 0 rejected, 0 duplicates\\n$`));
    const hits = lines(out);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => (h['hits'] as unknown[]).length > 0)).toBe(true);
  });

  it('sample draws ceil(20 %) of each agent’s answered contacts of the day', () => {
    const out = join(dir, 'sample.ndjson');
    const run = runCli(['sample', join(dir, 'data', 'contacts.ndjson'), '--date', '2026-03-02', '--tz', 'Asia/Shanghai', '--out', out]);
    expect(run.status).toBe(0);
    // 2 March 2026 in Shanghai (UTC+8) runs from 1 March 16:00Z to 2 March 16:00Z.
    const from = Date.UTC(2026, 2, 1, 16);
    const to = Date.UTC(2026, 2, 2, 16);
    const perAgent = new Map<string, number>();
    for (const c of lines(join(dir, 'data', 'contacts.ndjson'))) {
      const at = Date.parse(c['offeredAt'] as string);
      if (c['answered'] === true && at >= from && at < to) {
        const agent = (c['agentId'] as string | undefined) ?? '';
        perAgent.set(agent, (perAgent.get(agent) ?? 0) + 1);
      }
    }
    let expected = 0;
    for (const n of perAgent.values()) expected += Math.ceil(0.2 * n);
    const sample = lines(out);
    expect(sample.length).toBe(expected);
    const answered = [...perAgent.values()].reduce((a, b) => a + b, 0);
    expect(run.stderr).toBe(`${answered} answered contacts on 2026-03-02: ${expected} sampled across ${perAgent.size} agents\n`);
    // The same seed draws the same sample.
    const again = runCli(['sample', join(dir, 'data', 'contacts.ndjson'), '--date', '2026-03-02', '--tz', 'Asia/Shanghai', '--quiet']);
    expect(again.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(sample.map((c) => c['id']));
  });
});

describe('report with evaluations', () => {
  it('counts QA-sampled contacts whichever reader could have read the contacts', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'cq-eval-'));
    const rows = ['id,channel,direction,agentId,offeredAt,answered,waitSeconds'];
    for (let i = 0; i < 10; i += 1) rows.push(`C${i},phone,inbound,A1,2026-03-02T09:00:00+08:00,true,5`);
    writeFileSync(join(dir, 'calls.csv'), rows.join('\n') + '\n');
    const scores = { enthusiasm: 10 };
    writeFileSync(
      join(dir, 'evaluations.ndjson'),
      ['C1', 'C4', 'C7'].map((id) => JSON.stringify({ contactId: id, raterId: 'QA1', scores })).join('\n') + '\n',
    );
    const out = join(dir, 'report.json');
    const run = runCli(['report', join(dir, 'calls.csv'), '--evaluations', join(dir, 'evaluations.ndjson'), '--format', 'json', '--out', out, '--quiet']);
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { kpis: Record<string, { numerator: number; denominator: number }> };
    // 3 of the 10 contacts were evaluated.
    expect([report.kpis['qaSamplingRate']?.numerator, report.kpis['qaSamplingRate']?.denominator]).toEqual([3, 10]);
  });
});

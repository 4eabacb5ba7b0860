import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuilt, runCli } from './cli-runner.js';

// Each bad input is written to a temp folder and run through the built CLI; every test checks
// the exit code (0 done, 1 input rejected, 2 usage) and that stderr names the file and line.

const header = 'call id,agent,date,time,answered (Y/N),speed of answer(seconds),satisfaction rating';
const good = ['C1,Ann,1/4/2021,9:00:00,Y,12,5', 'C2,Bob,1/4/2021,9:05:00,N,,', 'C3,Ann,1/4/2021,9:10:00,Y,30,4'];
const mapping = {
  timeZone: 'Europe/Zurich',
  channel: 'phone',
  direction: 'inbound',
  fields: {
    id: 'call id',
    agentId: 'agent',
    offeredAt: { date: 'date', time: 'time', format: 'M/d/yyyy H:mm:ss' },
    answered: { column: 'answered (Y/N)', true: ['Y'], false: ['N'] },
    waitSeconds: 'speed of answer(seconds)',
    csat: 'satisfaction rating',
  },
};

let dir: string;
let mapPath: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const report = (path: string, ...extra: string[]) =>
  runCli(['report', path, '--map', mapPath, '--format', 'json', '--out', join(dir, `${path.split('/').pop()}.out.json`), '--quiet', ...extra]);
const rejectsOf = (path: string) =>
  readFileSync(join(dir, `${path.split('/').pop()}.out.rejects.ndjson`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string; line: number; raw: string; reasons: string[] });

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cq-bad-input-'));
  mapPath = file('map.json', JSON.stringify(mapping));
}, 180_000);

describe('bad input', () => {
  it('reads a good file: BOM, CRLF and ; delimiter, gzip recognised by its magic bytes', () => {
    const text = '\uFEFF' + [header, ...good].map((l) => l.replaceAll(',', ';')).join('\r\n') + '\r\n';
    const path = file('good.csv', gzipSync(Buffer.from(text, 'utf8')));
    const run = report(path);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'good.csv.out.rejects.ndjson'))).toBe(false);
  });

  it('malformed quoting inside a row: the row is rejected with its line; --strict stops there with exit 1', () => {
    const path = file('stray-quote.csv', [header, good[0], 'C9,An"n,1/4/2021,9:00:00,Y,12,5', good[2]].join('\n') + '\n');
    const run = report(path);
    expect(run.status).toBe(0);
    const rejects = rejectsOf(path);
    expect(rejects).toEqual([
      {
        file: path,
        line: 3,
        raw: 'C9,An"n,1/4/2021,9:00:00,Y,12,5',
        reasons: ['malformed CSV: a quote inside an unquoted field (column 2); quote the whole field and double the quote ("")'],
      },
    ]);
    const strict = report(path, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`${path}:3`);
  });

  it('a quote opened mid-file that closes lines later: one reject that names the lines it folded together', () => {
    // Line 3 opens a quote at the start of column 2 ("Ann…); it closes on line 4 (…Bob") and
    // text (x) follows: lines 3–4 are one malformed record. Lines 2 and 5 are read as usual.
    const path = file('folded.csv', [header, good[0], 'C9,"Ann,1/4/2021,9:00:00,Y,12,5', 'C8,Bob"x,1/4/2021,9:05:00,N,,', good[2]].join('\n') + '\n');
    expect(report(path).status).toBe(0);
    expect(rejectsOf(path)).toEqual([
      {
        file: path,
        line: 3,
        raw: 'C9,"Ann,1/4/2021,9:00:00,Y,12,5\nC8,Bob"x,1/4/2021,9:05:00,N,,',
        reasons: ['malformed CSV: text after the closing quote of column 2; the quote makes lines 3–4 one record'],
      },
    ]);
    const out = JSON.parse(readFileSync(join(dir, 'folded.csv.out.json'), 'utf8')) as { input: { rows: number; accepted: number; rejected: number } };
    expect(out.input).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('lines ending in CR alone (old Mac exports): exit 1 saying so, never an empty report', () => {
    const path = file('mac.csv', [header, ...good].join('\r') + '\r');
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `callcenter-qa report: ${path}:1: the header row holds a carriage return: the lines end in CR alone; save the file with LF or CRLF line endings\n`,
    );
    // Without a mapping too (the records' own field names), where the fast path reads first.
    const plain = file('mac-plain.csv', 'id,channel,direction,offeredAt,answered\rP1,phone,inbound,2026-03-01T09:00:00+08:00,true\r');
    const bare = runCli(['report', plain, '--format', 'json', '--out', join(dir, 'mac-plain.json'), '--quiet']);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('the lines end in CR alone');
  });

  it('a quote never closed: exit 1 naming the file and the line it opened on', () => {
    const path = file('unclosed.csv', [header, good[0], 'C9,"Ann,1/4/2021,9:00:00,Y,12,5', good[2]].join('\n') + '\n');
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `callcenter-qa report: ${path}:3: malformed CSV: the quoted field in column 2 opened on line 3 is never closed\n`,
    );
  });

  it('a truncated gzip: exit 1 naming the file', () => {
    const whole = gzipSync(Buffer.from([header, ...good, ...good.map((l) => l.replace('C', 'D'))].join('\n') + '\n'));
    const path = file('cut.csv.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^callcenter-qa report: ${path}: truncated gzip`));
  });

  it('a file that is not UTF-8 (Latin-1 é on line 3): exit 1 naming file and line', () => {
    const latin1 = Buffer.from([header, good[0], 'C5,Andr\u00e9,1/4/2021,9:00:00,Y,12,5'].join('\n') + '\n', 'latin1');
    const path = file('latin1.csv', latin1);
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^callcenter-qa report: ${path}:3: not UTF-8`));
  });

  it('a UTF-16 file: exit 1, named as such', () => {
    const path = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([header, good[0]].join('\n') + '\n', 'utf16le')]));
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`callcenter-qa report: ${path}:1: the file is UTF-16; save it as UTF-8 (with or without a byte-order mark)\n`);
  });

  it('a row with an extra column is rejected with the reason', () => {
    const path = file('extra.csv', [header, good[0], good[1] + ',surprise', good[2]].join('\n') + '\n');
    const run = report(path);
    expect(run.status).toBe(0);
    expect(rejectsOf(path)).toEqual([
      { file: path, line: 3, raw: good[1] + ',surprise', reasons: ['an extra column: the row has 8 fields, the header has 7'] },
    ]);
    const out = JSON.parse(readFileSync(join(dir, 'extra.csv.out.json'), 'utf8')) as { input: { rows: number; accepted: number; rejected: number } };
    expect(out.input).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('a missing mapped column: exit 1 before any row is read, naming the column', () => {
    const path = file('no-time.csv', [header.replace(',time', ''), 'C1,Ann,1/4/2021,Y,"unclosed'].join('\n') + '\n');
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path}:1, field "time": the header does not fit the mapping:\n✖ mapped column "time" is not in the header`);
    expect(run.stderr).not.toContain('never closed'); // stopped at the header, before reading the rows
  });

  it('an empty file: exit 1 naming the file', () => {
    const path = file('empty.csv', '');
    const run = report(path);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`callcenter-qa report: ${path}: the file is empty (0 bytes): no header and no records\n`);
  });

  it('an ambiguous date is rejected, never guessed', () => {
    const ambiguousMap = file(
      'ambiguous-map.json',
      JSON.stringify({ ...mapping, fields: { ...mapping.fields, offeredAt: { date: 'date', time: 'time', format: ['M/d/yyyy H:mm:ss', 'd/M/yyyy H:mm:ss'] } } }),
    );
    const path = file('ambiguous.csv', [header, 'C1,Ann,13/1/2021,9:00:00,Y,12,5', 'C2,Ann,01/02/2021,9:00:00,Y,12,5'].join('\n') + '\n');
    const run = runCli(['report', path, '--map', ambiguousMap, '--format', 'json', '--out', join(dir, 'ambiguous.csv.out.json'), '--quiet']);
    expect(run.status).toBe(0);
    const [reject] = rejectsOf(path);
    expect(reject?.line).toBe(3);
    // 01/02/2021 09:00 in Zurich (CET, UTC+1): 2 January 08:00Z under M/d, 1 February 08:00Z under d/M.
    expect(reject?.reasons).toEqual([
      'offeredAt (column "date" + "time"): expected an unambiguous date: it reads as 2021-01-02T08:00:00.000Z under "M/d/yyyy H:mm:ss" and as 2021-02-01T08:00:00.000Z under "d/M/yyyy H:mm:ss", got "01/02/2021 9:00:00"',
    ]);
  });

  it('an invalid value names the field and the column; duplicates are counted and kept once', () => {
    const path = file('values.csv', [header, good[0], 'C2,Bob,1/4/2021,9:05:00,maybe,,', good[0], 'C4,Bob,1/4/2021,9:05:00,Y,-3,9'].join('\n') + '\n');
    const run = report(path);
    expect(run.status).toBe(0);
    const rejects = rejectsOf(path);
    expect(rejects.map((r) => [r.line, r.reasons])).toEqual([
      [3, ['answered (column "answered (Y/N)"): expected one of "y" | "n", got "maybe"']],
      [4, ['duplicate id "C1": an earlier row with this id is kept']],
      [5, [
        'waitSeconds (column "speed of answer(seconds)"): expected a duration in seconds or h:mm:ss, got "-3"',
        'csat (column "satisfaction rating"): expected a rating from 1 to 5, got 9',
      ]],
    ]);
    const out = JSON.parse(readFileSync(join(dir, 'values.csv.out.json'), 'utf8')) as { input: Record<string, number> };
    expect(out.input).toMatchObject({ rows: 4, accepted: 1, rejected: 2, duplicates: 1 });
    const strict = report(path, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(
      `callcenter-qa report: ${path}:3, field "answered": rejected row (--strict stops at the first):\n` +
        '✖ answered (column "answered (Y/N)"): expected one of "y" | "n", got "maybe"\n',
    );
  });
});

describe('usage errors exit 2', () => {
  it('an output or rejects file that cannot be written: exit 2 naming it, never an unexpected error', () => {
    const path = file('unwritable.csv', [header, good[0], 'C9,Ann,1/4/2021,9:00:00,Y,abc,5'].join('\n') + '\n');
    // A file stands where the output's folder would go.
    const out = report(path, '--out', join(path, 'report.json'));
    expect(out.status).toBe(2);
    // The rejects file beside it (report.rejects.ndjson) is the first to need that folder.
    expect(out.stderr).toContain(`${join(path, 'report.rejects.ndjson')}: cannot create the folder for this output: EEXIST`);
    // A folder stands where the rejects file would go (the row with speed "abc" is rejected).
    const rejects = report(path, '--rejects', dir);
    expect(rejects.status).toBe(2);
    expect(rejects.stderr).toContain(`${dir}: cannot replace the rejects file:`);
    for (const run of [out, rejects]) expect(run.stderr).not.toContain('unexpected error');
  });

  it('an unknown option, a missing file, an invalid mapping', () => {
    const unknown = runCli(['report', 'x.csv', '--colour']);
    expect(unknown.status).toBe(2);
    // The command is named once, by the entry.
    expect(unknown.stderr).toMatch(/^callcenter-qa report: Unknown option '--colour'/);
    const missing = runCli(['report', join(dir, 'nope.csv'), '--map', mapPath]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'nope.csv')}: cannot open: ENOENT (no such file)`);
    // A trailing comma on line 3 makes the "}" on line 4 unexpected: JSON.parse says position 33, we say line 4.
    const notJson = file('not-json.json', '{\n  "fields": {\n    "id": "x",\n  }\n}\n');
    const broken = runCli(['report', join(dir, 'nope.csv'), '--map', notJson]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${notJson}:4: the mapping is not JSON`);
    const badMap = file('bad-map.json', JSON.stringify({ timeZone: 'UTC', fields: { id: 'x' } }));
    const invalid = runCli(['report', join(dir, 'nope.csv'), '--map', badMap]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('✖ required: map a column or give { "constant": … } → at fields.offeredAt');
    expect(runCli(['nonsense']).status).toBe(2);
    for (const command of ['report', 'score', 'scan', 'sample', 'start']) {
      const help = runCli([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: callcenter-qa ${command}`));
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Contact } from '../../src/records/index.js';
import { CsvReader } from '../../src/scripts/ingest/csv.js';
import { ingestComplaints } from '../../src/scripts/ingest/ingest.js';
import { openTextFile, readTextChunks } from '../../src/scripts/ingest/read-text.js';
import { IdSet } from '../../src/scripts/ingest/id-set.js';
import { ingestContacts, type IngestReject } from '../../src/scripts/ingest/ingest.js';
import { parseMapping } from '../../src/scripts/ingest/mapping.js';
import { CliError } from '../../src/scripts/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cq-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(files: string[], options: Parameters<typeof ingestContacts>[1] = {}) {
  const contacts: Contact[] = [];
  const rejects: IngestReject[] = [];
  const counts = await ingestContacts(files, options, { onRecord: (c) => contacts.push(c), onReject: (r) => rejects.push(r) });
  return { contacts, rejects, counts };
}

describe('NDJSON', () => {
  it('reads records as they are, with --tz for timestamps without an offset; bad lines are rejected with their line', async () => {
    const lines = [
      JSON.stringify({ id: 'A', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T09:00:00+08:00', answered: true, waitSeconds: 3 }),
      '',
      '{"id": "B", oops',
      JSON.stringify({ id: 'C', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02 09:00:00', answered: false }),
      JSON.stringify({ id: 'A', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T10:00:00+08:00', answered: false }),
    ];
    const path = write('calls.ndjson.gz', gzipSync(lines.join('\r\n') + '\r\n'));
    const { contacts, rejects, counts } = await run([path], { timeZone: 'Asia/Shanghai' });
    // 2026-03-02 09:00 in Shanghai (UTC+8) is 01:00Z.
    expect(contacts.map((c) => [c.id, c.offeredAt])).toEqual([
      ['A', Date.UTC(2026, 2, 2, 1)],
      ['C', Date.UTC(2026, 2, 2, 1)],
    ]);
    expect(counts).toMatchObject({ rows: 4, accepted: 2, rejected: 1, duplicates: 1 });
    expect(rejects.map((r) => [r.line, r.reasons[0]?.slice(0, 10)])).toEqual([
      [3, 'not JSON: '],
      [5, 'duplicate '],
    ]);
  });

  it('without --tz an offset-less timestamp is rejected, not guessed', async () => {
    const path = write('no-tz.ndjson', JSON.stringify({ id: 'C', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02 09:00:00', answered: false }) + '\n');
    const { rejects } = await run([path]);
    expect(rejects[0]?.reasons).toEqual([
      'offeredAt: expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00); this one has no offset and no time zone was given, got "2026-03-02 09:00:00"',
    ]);
  });

  it('applies a mapping to NDJSON keys, matched ignoring case and spaces', async () => {
    const mapping = parseMapping({
      timeZone: 'Europe/Zurich',
      channel: 'chat',
      direction: 'inbound',
      fields: { id: 'Chat ID', offeredAt: { column: 'Started', format: 'dd.MM.yyyy HH:mm' }, answered: 'Handled', csat: 'Rating' },
    });
    const path = write('chats.jsonl', `${JSON.stringify({ chatid: 7, STARTED: '02.03.2026 09:30', handled: 'yes', rating: 4 })}\n`);
    const { contacts } = await run([path], { mapping });
    // 09:30 CET (UTC+1) = 08:30Z; a chat from a flat export gets no messages.
    expect(contacts).toEqual([
      { channel: 'chat', direction: 'inbound', id: '7', offeredAt: Date.UTC(2026, 2, 2, 8, 30), answered: true, csat: 4, messages: [] },
    ]);
  });
});

describe('CSV without a mapping', () => {
  it('reads a header that names the fields', async () => {
    const path = write('plain.csv', 'ID,Channel,Direction,Offered At,Answered,Wait Seconds\nX1,phone,inbound,2026-03-02T09:00:00Z,true,0:00:12\n');
    const { contacts } = await run([path]);
    expect(contacts).toEqual([{ id: 'X1', channel: 'phone', direction: 'inbound', offeredAt: Date.UTC(2026, 2, 2, 9), answered: true, waitSeconds: 12 }]);
  });

  it('refuses a header that names none of the required fields, saying what is missing', async () => {
    const path = write('foreign.csv', 'call,who\n1,2\n');
    await expect(run([path])).rejects.toThrowError(/foreign\.csv:1: no --map was given and the header does not name the contact's fields/);
  });
});

describe('complaints', () => {
  it('reads a complaint CSV through a mapping with "record": "complaint"', async () => {
    const mapping = parseMapping({
      record: 'complaint',
      timeZone: 'Asia/Shanghai',
      fields: { id: '工单号', level: '级别', filedAt: { column: '登记时间', format: 'yyyy-MM-dd HH:mm' }, keyAccount: { column: '大客户', true: ['是'], false: ['否'] } },
    });
    const path = write('complaints.csv', '工单号,级别,登记时间,大客户\nK1,2,2026-03-02 19:30,是\nK2,x,2026-03-02 19:45,否\n');
    const complaints: unknown[] = [];
    const rejects: IngestReject[] = [];
    const counts = await ingestComplaints([path], { mapping }, { onRecord: (c) => complaints.push(c), onReject: (r) => rejects.push(r) });
    // 19:30 in Shanghai (UTC+8) = 11:30Z.
    expect(complaints).toEqual([{ id: 'K1', level: 2, filedAt: Date.UTC(2026, 2, 2, 11, 30), keyAccount: true }]);
    expect(rejects.map((r) => r.reasons)).toEqual([['level (column "级别"): expected a number, got "x"']]);
    expect(counts).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
  });
});

describe('robustness', () => {
  it('reads UTF-8 text the same whatever the chunk size (characters split across chunks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '中', '\n', 'é', '😀', ',') , minLength: 1 }), fc.integer({ min: 1, max: 7 }), async (text, chunkBytes) => {
        const path = write('chunks.txt', text);
        let read = '';
        for await (const chunk of readTextChunks(await openTextFile(path), { chunkBytes })) read += chunk;
        expect(read).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('the CSV reader never throws anything but a CliError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', '\t') }), (text) => {
        const reader = new CsvReader({ file: 'x.csv' });
        try {
          reader.push(text, () => {});
          reader.end(() => {});
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
        }
      }),
    );
  });

  it('the id set answers like a Set of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (ids) => {
        const set = new IdSet(16);
        const reference = new Set<string>();
        for (const id of ids) {
          expect(set.add(id)).toBe(!reference.has(id));
          reference.add(id);
        }
        expect(set.size).toBe(reference.size);
      }),
    );
  });
});

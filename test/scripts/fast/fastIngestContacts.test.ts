import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/records/index.js';
import { createReportBuilder, type ReportState } from '../../../src/report/index.js';
import { reportSink } from '../../../src/scripts/commands/report.js';
import { fastIngestContacts } from '../../../src/scripts/fast/index.js';
import { ingestContacts, type IngestReject } from '../../../src/scripts/ingest/ingest.js';
import { cliPath, ensureBuilt } from '../cli-runner.js';

// The fast path must be indistinguishable from the general path (ingestContacts, no --map):
// same counts, same rejects with the same reasons and lines, same accepted contacts in the same
// order, duplicates kept once with the first in file order winning — whatever the ranges.

const dir = mkdtempSync(join(tmpdir(), 'cc-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const write = (ext: string, text: string): string => {
  const file = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(file, text);
  return file;
};

/** A contact as plain data: only present fields (the fast path's reused object has them all). */
const plain = (c: Contact): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(c).sort()) {
    const v = (c as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? [...v] : v;
  }
  return out;
};

interface Run {
  counts: unknown;
  rows: Record<string, unknown>[];
  rejects: [IngestReject, boolean][];
}

async function general(files: string[], timeZone?: string): Promise<Run> {
  const rows: Record<string, unknown>[] = [];
  const rejects: [IngestReject, boolean][] = [];
  const counts = await ingestContacts(files, { timeZone }, { onRecord: (c) => rows.push(plain(c)), onReject: (r, d) => rejects.push([r, d]) });
  return { counts, rows, rejects };
}

async function fast(files: string[], ranges: number, timeZone?: string, more: { readBytes?: number } = {}): Promise<Run | string> {
  const rejects: [IngestReject, boolean][] = [];
  // One sink a range, its state the contacts it took: a rescanned range replaces its state.
  const createSink = () => {
    const taken: Record<string, unknown>[] = [];
    return { addContact: (c: Contact) => void taken.push(plain(c)), state: () => taken };
  };
  const out = await fastIngestContacts(files, { timeZone, ranges, createSink, ...more }, { onReject: (r, d) => rejects.push([r, d]) });
  if (!out.ok) return out.reason;
  return { counts: out.counts, rows: (out.states as Record<string, unknown>[][]).flat(), rejects };
}

const header =
  'id,channel,direction,agentId,customerId,queue,topic,kind,offeredAt,answered,answeredAt,endedAt,waitSeconds,talkSeconds,holdSeconds,wrapUpSeconds,resolvedAtFirstContact,escalated,surveyed,satisfaction,csat,nps';

const goodCsv = [
  'P1,phone,inbound,A1,C1,q,Billing,consultation,2026-03-01T07:59:12+08:00,true,2026-03-01T07:59:20+08:00,2026-03-01T08:03:00+08:00,8,220,0,30,true,false,true,satisfied,5,9',
  'W2,chat,inbound,A2,,online,账单查询,,2026-03-02T10:00:00+08:00,true,,2026-03-02T10:10:00+08:00,12.5,300,0,,,false,false,,,',
  'P3,phone,outbound,,C3,q,,,2026-03-02T11:00:00Z,false,,2026-03-02T11:01:00Z,60,,,,,,,,,',
  'P4,phone,inbound,A1,C4,q,Billing,complaint,2026-03-03T09:00:00+08:00,true,2026-03-03T09:00:04+08:00,,,100,5,10,false,true,true,neutral,3,6',
];
// Rows the general path reads differently or refuses; each must come out exactly as it does there.
const oddCsv = [
  'P5,phone,inbound,A1,C5,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,,-3,10,0,0,,,,,,', // negative wait
  'P6,phone,inbound,A1,C6,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,7,', // csat out of range
  'P7,phone,inbound,A1,C7,q,"Billing, ""urgent""",consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // quoted
  'P8,Phone,Inbound, A1 ,C8,q,Billing,Consultation,2026-03-01 09:00:00+08:00,yes,,,0:01:05,10,0,0,,,,,,', // spellings ingest accepts
  'P9,phone,inbound,A1,C9,q,Billing,billing,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // unknown kind
  'P10,phone,inbound,A1,C10,q,Billing,consultation,2026-03-01T09:00:00+08:00,false,2026-03-01T09:00:03+08:00,,3,,,,,,,,,', // answer time, unanswered
  'P11,phone,inbound,A1,C11,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,2026-03-01T08:00:00+08:00,3,,,,,,,,,', // ends before offered
  'P12,phone,inbound,A1,C12', // missing columns
  'P13,phone,inbound,A1,C13,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,,,extra', // extra column
  'P1,phone,inbound,A9,C1,q,Billing,consultation,2026-03-05T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // duplicate of the first row
  'P14,phone,inbound,A1,C14,q,"multi',
  'line topic",consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // a quoted field over two lines
  '',
  'P15,phone,inbound,A1,C15,q,Billing,consultation,2026-02-31T09:00:00+08:00,true,,,3,10,0,0,,,,,,', // 31 February
  'P16,phone,inbound,A1,C16,q,Billing,consultation,2026-03-01T09:00:00+08:00,true,,,3,10,0,0,,,,,4.5,10.5', // nps not whole
  'P17,chat,inbound,A1,C17,q,Billing,consultation,2026-03-01T09:00:00.250+08:00,true,,,3,10,0,0,,,,,,', // fractions
];

const cell = fc.oneof(
  fc.constant(''),
  fc.constantFrom('phone', 'chat', 'Chat', 'inbound', 'outbound', 'true', 'false', 'Y', '0', ' 7 ', '4.5', '-1', '11', '0:01:05'),
  fc.constantFrom('2026-03-01T09:00:00+08:00', '2026-03-01T09:00:09+08:00', '2026-03-01T08:00:00Z', '2026-03-01 09:00:00', '2026-04-31T09:00:00+08:00'),
  fc.constantFrom('satisfied', 'neutral', 'billing', 'complaint', 'A1', ' A1', 'A1 ', '账单', '"quoted, ""x"""', '"two\nlines"', 'a"b'),
  // Numbers and times a naive digit reader gets wrong ('9' × 400 is Infinity, which the schema refuses).
  fc.constantFrom('1e3', '-0', '012', '5.', '.5', '0x10', '9'.repeat(400), '2026-02-30T09:00:00+08:00', '2026-03-01T09:00:00+25:00', '\uFEFFA1'),
);

describe('fastIngestContacts on CSV', () => {
  it('matches the general path on arbitrary rows of odd cells (property)', async () => {
    const columns = header.split(',');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(cell, { minLength: columns.length - 2, maxLength: columns.length })), { maxLength: 20 }),
        fc.integer({ min: 1, max: 300 }),
        async (rows, readBytes) => {
          const lines = rows.map(([id, cells]) => [`I${id}`, ...cells].join(','));
          const file = write('csv', [header, ...lines].join('\n') + '\n');
          const want = await general([file]);
          for (const ranges of [1, 3]) expect(await fast([file], ranges)).toEqual(want);
          // Reads of a few bytes cut rows between reads; the buffer keeps what earlier reads left.
          expect(await fast([file], 2, undefined, { readBytes })).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a record whose quoted line feed comes before a read’s end and the rest of the record after it', async () => {
    // Every cut point: a record over two lines cut anywhere, its closing quote before the cut or after.
    const text = [header, goodCsv[0], `Q1,phone,inbound,A1,C1,q,"two\nlines",consultation,2026-03-01T09:00:00+08:00,true${','.repeat(12)}`, goodCsv[1]].join('\n') + '\n';
    const file = write('csv', text);
    const want = await general([file]);
    expect(want.counts).toMatchObject({ rows: 3 });
    for (let readBytes = 1; readBytes <= text.length; readBytes += 3) expect(await fast([file], 1, undefined, { readBytes }), `reads of ${readBytes} bytes`).toEqual(want);
  });

  it('refuses a read size that is not a whole number of bytes, naming it', async () => {
    const file = write('csv', [header, goodCsv[0]].join('\n') + '\n');
    for (const readBytes of [0, 1.5, Number.NaN, -4]) {
      await expect(fastIngestContacts([file], { createSink: () => ({ addContact: () => {}, state: () => null }), readBytes })).rejects.toThrow(
        `readBytes must be a whole number of bytes, at least 1; got ${String(readBytes)}`,
      );
    }
  });

  it('reads plain rows itself and gives exactly the general path’s contacts', async () => {
    const file = write('csv', [header, ...goodCsv].join('\n') + '\n');
    const want = await general([file]);
    expect(want.counts).toMatchObject({ rows: 4, accepted: 4, rejected: 0, duplicates: 0 });
    expect(await fast([file], 1)).toEqual(want);
  });

  it('sends every odd row through the general path: same rejects, reasons, lines and duplicates', async () => {
    const file = write('csv', [header, ...goodCsv, ...oddCsv].join('\r\n'));
    const want = await general([file]);
    // By hand: 4 good + P7, P8, P14, P17 accepted; P5 P6 P9 P10 P11 P12 P13 P15 P16 rejected; P1 again is a duplicate.
    expect(want.counts).toMatchObject({ rows: 18, accepted: 8, rejected: 9, duplicates: 1 });
    for (const ranges of [1, 2, 3, 5]) expect(await fast([file], ranges)).toEqual(want);
  });

  it('steps aside for what only the general path reads: a mapping-less header it cannot bind, `;`, gzip, an unclosed quote', async () => {
    const bad = write('csv', 'call id;agent\nID1;A\n');
    expect(await fast([bad], 1)).toMatch(/delimiter|header/);
    const unclosed = write('csv', `${header}\n${goodCsv[0]}\nP9,"never closed\n`);
    expect(await fast([unclosed], 1)).toMatch(/never closed/);
    const gz = write('csv.gz', 'x');
    expect(await fast([gz], 1)).toMatch(/gzip/);
    // A contact field the scanner does not check would be let through unchecked.
    const unread = write('csv', 'id,channel,direction,offeredAt,answered,scriptCompliant\nP1,phone,inbound,2026-03-01T09:00:00+08:00,true,maybe\n');
    expect(await fast([unread], 1)).toMatch(/does not read \(scriptCompliant\)/);
  });
});

const json = (o: Record<string, unknown>): string => JSON.stringify(o);
const base = { id: 'X', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-01T09:00:00+08:00', answered: true, waitSeconds: 4 };

describe('fastIngestContacts on NDJSON', () => {
  it('agrees with the general path on plain and odd lines', async () => {
    const lines = [
      json({ ...base, id: 'A', agentId: 'A1', csat: 4, nps: 10, satisfaction: 'satisfied', customerId: 'C1', queue: 'q' }),
      json({ ...base, id: 'B', channel: 'chat', messages: [], talkSeconds: 0.5 }),
      json({ ...base, id: 'C', channel: 'chat' }), // a chat without messages: the schema refuses it
      json({ ...base, id: 'D', agentId: '' , topic: null }), // '' and null are absent
      json({ ...base, id: 'E', waitSeconds: -1 }),
      json({ ...base, id: 'F', unknownKey: 1 }),
      '{"id":"G","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true,"topic":"say \\"hi\\""}',
      '   ',
      '{"id": "H", "channel": "phone"}',
      'not json',
      json({ ...base, id: 'A' }), // duplicate
      json({ ...base, id: 7 }), // a whole-number id is read as "7"
      json({ ...base, id: 'I', nps: 1e1 }),
      json({ ...base, id: 'J', offeredAt: 1772327700000 }),
      '{"id":"K","id":"K2","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":false}',
      json({ ...base, id: 'L', answered: 'true' }),
      json({ ...base, id: 'M', offeredAt: '2026-03-01T09:00:00' }), // no offset
      `${json({ ...base, id: 'N', waitSeconds: -2 })}\r\r`, // CR CR LF: the reject's raw text keeps one CR, as ingest's does
      `${json({ ...base, id: 'O' })}\r\r`,
    ];
    const file = write('ndjson', lines.join('\n'));
    for (const timeZone of [undefined, 'Asia/Shanghai']) {
      const want = await general([file], timeZone);
      for (const ranges of [1, 2, 4]) expect(await fast([file], ranges, timeZone)).toEqual(want);
    }
  });

  it('steps aside when a range read again for ids shared with earlier ranges passes maxRejects', async () => {
    // The second file repeats the first's ids: only the rescan of its range finds them duplicates.
    const ids = Array.from({ length: 12 }, (_, i) => `D${i}`);
    const a = write('ndjson', ids.map((id) => json({ ...base, id })).join('\n') + '\n');
    const b = write('ndjson', ids.map((id) => json({ ...base, id, waitSeconds: 7 })).join('\n') + '\n');
    const out = await fastIngestContacts([a, b], { createSink: () => ({ addContact: () => {}, state: () => null }), maxRejects: 5 });
    expect(out).toEqual({ ok: false, reason: `${b}: more than 5 rejects in one range` });
  });

  it('keeps the first of a duplicated id across files and ranges (file order)', async () => {
    const a = write('ndjson', ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => json({ ...base, id })).join('\n') + '\n');
    const b = write('ndjson', ['F', 'G', 'A', 'H', 'G'].map((id) => json({ ...base, id, waitSeconds: 9 })).join('\n') + '\n');
    const want = await general([a, b]);
    expect(want.counts).toMatchObject({ rows: 11, accepted: 8, duplicates: 3 });
    for (const ranges of [1, 2, 3]) expect(await fast([a, b], ranges)).toEqual(want);
  });

  it('matches the general path on arbitrary mixes of valid and broken lines (property)', async () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(''),
      fc.integer({ min: -2, max: 12 }),
      fc.double({ min: 0, max: 20, noNaN: true }),
      fc.constantFrom('phone', 'chat', 'inbound', 'satisfied', 'other', 'A1', ' A1', '2026-03-01T09:00:05+08:00', '2026-03-01T08:59:00+08:00'),
      fc.boolean(),
    );
    const keys = ['id', 'channel', 'agentId', 'topic', 'kind', 'answered', 'answeredAt', 'endedAt', 'waitSeconds', 'csat', 'nps', 'satisfaction', 'escalated'];
    const row = fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] });
    // Line ends as exports write them: LF, CR LF, white space before them, blank lines, a last line with or without one.
    const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', ' \n', '\n\n', '\r\n\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(row, fc.integer({ min: 0, max: 5 }), fc.boolean(), ending), { minLength: 1, maxLength: 25 }), fc.constantFrom('', '\n', '\r\n', '\r'), fc.integer({ min: 1, max: 600 }), async (items, last, readBytes) => {
        const text = items.map(([r, id, chat, end]) => {
          const o: Record<string, unknown> = { ...base, id: `I${id}`, channel: chat ? 'chat' : 'phone', ...(chat ? { messages: [] } : {}) };
          for (const [k, v] of Object.entries(r)) if (v !== undefined) o[k] = v;
          return JSON.stringify(o) + end;
        });
        const file = write('ndjson', text.join('').replace(/\s*$/, '') + last);
        const want = await general([file]);
        expect(await fast([file], 2)).toEqual(want);
        // Reads of a few bytes cut rows between reads; the buffer keeps what earlier reads left.
        expect(await fast([file], 2, undefined, { readBytes })).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fastIngestContacts with worker threads', () => {
  // Stand-in workers (plain modules): one that stops as soon as it is asked, one that reports an exception.
  const stops = write('mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
  const throws = write('mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'Error: boom' }));\n");
  const file = write('csv', `${header}\n${goodCsv.join('\n')}\n`);
  const createSink = () => ({ addContact: () => {}, state: () => null });

  it('gives the run back to the general path when a worker stops by itself (out of its heap, say)', async () => {
    const out = await fastIngestContacts([file], { ranges: 2, workers: 2, workerUrl: pathToFileURL(stops), createSink });
    expect(out).toEqual({ ok: false, reason: 'a fast-path worker stopped: exited with code 3' });
  });

  it('gives the run back when a worker stops while this thread is still reading (no unhandled rejection)', async () => {
    // A stand-in that claims a range from the shared counter, reads nothing and soon dies.
    const claimsThenDies = write(
      'mjs',
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => { if (m.type === 'queue') { Atomics.add(new Int32Array(m.payload.counter), 0, 1); setTimeout(() => process.exit(3), 20); } });\n",
    );
    const rows = Array.from({ length: 4000 }, (_, i) => json({ ...base, id: `S${i}` }));
    const big = write('ndjson', rows.join('\n') + '\n');
    // This thread is slowed (0.1 ms a row) so the worker is gone while it still reads its range.
    const slow = () => ({
      addContact: () => {
        const until = performance.now() + 0.1;
        while (performance.now() < until);
      },
      state: () => null,
    });
    const out = await fastIngestContacts([big], { ranges: 2, workers: 2, workerUrl: pathToFileURL(claimsThenDies), createSink: slow, minStealBytes: 1 << 10 });
    expect(out).toEqual({ ok: false, reason: 'a fast-path worker stopped: exited with code 3' });
  });

  it('throws an exception raised in a worker, as it would be in this thread (a bug is not hidden)', async () => {
    await expect(fastIngestContacts([file], { ranges: 2, workers: 2, workerUrl: pathToFileURL(throws), createSink })).rejects.toThrow(/fast-path worker: Error: boom/);
  });
});

describe('fastIngestContacts sharing ranges between threads', () => {
  // This thread's sink is slowed down (30 µs a row: over half a second a planned half), so the
  // worker, once it has loaded its module, reads its own half and then takes part of this
  // thread's range while it is still busy.
  const slowSink = (options: unknown) => {
    const builder = reportSink(options);
    return {
      addContact: (c: Contact) => {
        const until = performance.now() + 0.03;
        while (performance.now() < until);
        builder.addContact(c);
      },
      state: () => builder.state(),
    };
  };

  it('lets a thread out of ranges take parts of another’s and still gives the general path’s report', async () => {
    // The built CLI is the worker module (it serves fast-path requests when started as one).
    ensureBuilt();
    const day = (i: number) => String(1 + (i % 28)).padStart(2, '0');
    const rows = Array.from({ length: 40_000 }, (_, i) =>
      json({
        ...base,
        // Ids repeat near the end: the first in file order wins, across whatever parts were taken.
        id: i >= 39_990 ? `W${String(i - 39_000).padStart(7, '0')}` : `W${String(i).padStart(7, '0')}`,
        agentId: `A${i % 13}`,
        topic: i % 5 === 0 ? 'Billing' : 'Repair',
        offeredAt: `2026-03-${day(i)}T09:00:00+08:00`,
        answered: i % 4 !== 0,
        waitSeconds: i % 50,
        ...(i === 20_000 ? { channel: 'Phone' } : {}), // one reject, read by the general path
      }),
    );
    const file = write('ndjson', rows.join('\n') + '\n');
    const sinkOptions = { timeZone: 'Asia/Shanghai' };
    const fastRejects: [IngestReject, boolean][] = [];
    const out = await fastIngestContacts([file], { ranges: 2, workers: 2, workerUrl: pathToFileURL(cliPath), createSink: slowSink, sinkOptions, minStealBytes: 1 << 16 }, { onReject: (r, d) => fastRejects.push([r, d]) });
    if (!out.ok) throw new Error(out.reason);
    expect(out.ranges).toBeGreaterThan(2);
    const fastBuilder = createReportBuilder(sinkOptions);
    for (const state of out.states) fastBuilder.merge(state as ReportState);
    const generalBuilder = createReportBuilder(sinkOptions);
    const generalRejects: [IngestReject, boolean][] = [];
    const counts = await ingestContacts([file], sinkOptions, { onRecord: (c) => generalBuilder.addContact(c), onReject: (r, d) => generalRejects.push([r, d]) });
    expect(counts).toMatchObject({ rows: 40_000, accepted: 39_989, rejected: 1, duplicates: 10 });
    expect(out.counts).toEqual(counts);
    // Same rejects and duplicates, same lines (line 20,001 is the odd row), in the same order.
    expect(fastRejects).toEqual(generalRejects);
    expect(fastRejects[0]![0].line).toBe(20_001);
    expect(fastBuilder.finish()).toEqual(generalBuilder.finish());

    // Again with reads and claims of 97 bytes, shorter than a row: rows cut between claims,
    // parts cut while the other thread claims a few bytes at a time.
    const smallRejects: [IngestReject, boolean][] = [];
    const small = await fastIngestContacts([file], { ranges: 2, workers: 2, workerUrl: pathToFileURL(cliPath), createSink: slowSink, sinkOptions, minStealBytes: 1 << 16, readBytes: 97 }, { onReject: (r, d) => smallRejects.push([r, d]) });
    if (!small.ok) throw new Error(small.reason);
    expect(small.counts).toEqual(counts);
    expect(smallRejects).toEqual(generalRejects);
    const smallBuilder = createReportBuilder(sinkOptions);
    for (const state of small.states) smallBuilder.merge(state as ReportState);
    expect(smallBuilder.finish()).toEqual(generalBuilder.finish());
  }, 60_000);

  it('reads again without taking parts when a part would start inside a quoted field over several lines', async () => {
    ensureBuilt();
    // Every row's topic is quoted over two lines: any cut after a line break may fall inside one.
    const rows = Array.from({ length: 15_000 }, (_, i) => `P${i},phone,inbound,A${i % 7},C${i},q,"Topic ${i % 5}\nsecond line",consultation,2026-03-01T09:00:00+08:00,true,,,${i % 30},60,0,5,,,,,,`);
    const file = write('csv', `${header}\n${rows.join('\n')}\n`);
    const sinkOptions = { timeZone: 'Asia/Shanghai' };
    const out = await fastIngestContacts([file], { ranges: 2, workers: 2, workerUrl: pathToFileURL(cliPath), createSink: slowSink, sinkOptions, minStealBytes: 1 << 16 });
    if (!out.ok) throw new Error(out.reason);
    const generalBuilder = createReportBuilder(sinkOptions);
    const counts = await ingestContacts([file], sinkOptions, { onRecord: (c) => generalBuilder.addContact(c) });
    expect(counts).toMatchObject({ rows: 15_000, accepted: 15_000 });
    expect(out.counts).toEqual(counts);
    const fastBuilder = createReportBuilder(sinkOptions);
    for (const state of out.states) fastBuilder.merge(state as ReportState);
    expect(fastBuilder.finish()).toEqual(generalBuilder.finish());
  }, 60_000);
});

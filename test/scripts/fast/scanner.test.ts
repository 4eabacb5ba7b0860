import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstant, safeParseContact } from '../../../src/records/index.js';
import { ByteTable, hashBytes } from '../../../src/scripts/fast/byteTable.js';
import { ContactScanner, F, isTrimmedSpace } from '../../../src/scripts/fast/contactScanner.js';
import { findEarlierIds } from '../../../src/scripts/fast/crossRangeDuplicates.js';
import { IdSet } from '../../../src/scripts/fast/idSet.js';
import { Interner } from '../../../src/scripts/fast/interner.js';
import { GeneralRows } from '../../../src/scripts/fast/generalRow.js';
import { readIsoInstantBytes } from '../../../src/scripts/fast/isoInstant.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('readIsoInstantBytes', () => {
  it('reads the plain forms to the same epoch ms as the records room', () => {
    // 2026-03-01T07:59:12+08:00 = 2026-02-28T23:59:12Z: the month trap NOTES.md warns about.
    const t = bytes('2026-03-01T07:59:12+08:00');
    expect(readIsoInstantBytes(t, 0, t.length)).toBe(Date.UTC(2026, 1, 28, 23, 59, 12));
    const z = bytes('2024-02-29T00:00:00Z');
    expect(readIsoInstantBytes(z, 0, z.length)).toBe(Date.UTC(2024, 1, 29));
  });

  it('gives NaN (general path) for every other spelling and for impossible dates', () => {
    for (const s of ['202O-03-01T10:00:00+08:00', '2O26-03-01T10:00:00+08:00', '2026-03-01T10:00:0O+08:00', '2026-03-01T10:00:00+08:O0', '2026-02-29T00:00:00Z', '2026-03-01 09:00:00+08:00', '2026-03-01T09:00:00', '2026-03-01T24:00:00Z',
      '2026-03-01T09:00:00.5Z', '2026-03-01T09:00:00+19:00', '0099-03-01T09:00:00Z', '2026-03-01T09:00:00+0800', '9999-12-31T23:30:00-05:00', '1000-01-01T00:00:00+05:00']) {
      expect(readIsoInstantBytes(bytes(s), 0, Buffer.byteLength(s)), s).toBeNaN();
    }
  });

  it('never reads a timestamp with one character changed into something else (property)', () => {
    const valid = fc.constantFrom('2026-03-01T07:59:12+08:00', '2024-02-29T23:00:00-05:30', '1999-12-31T00:00:00Z');
    fc.assert(
      fc.property(valid, fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const b = bytes(text);
        b[at % b.length] = byte;
        const fast = readIsoInstantBytes(b, 0, b.length);
        if (Number.isNaN(fast)) return;
        // Read: the text must still be a timestamp the records room reads to the same instant.
        expect(fast).toBe(readInstant(Buffer.from(b).toString('latin1')));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with readInstant whenever it reads a timestamp (property)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const iso = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), two(13), two(32), two(25), two(60), two(60), fc.constantFrom('Z', '+08:00', '-05:30', '+18:59', '+14:00', '-00:00'))
      .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
    fc.assert(
      fc.property(iso, (s) => {
        const fast = readIsoInstantBytes(bytes(s), 0, s.length);
        const exact = readInstant(s);
        // Declining is always allowed (the general path reads it); reading must give the same ms.
        return Number.isNaN(fast) || fast === exact;
      }),
    );
  });
});

describe('ByteTable', () => {
  it('keeps each byte string once, compares bytes exactly and lists entries in insertion order', () => {
    const t = new ByteTable(4);
    const ids = ['P1', 'P2', '客户-1', 'P1', '', 'x'.repeat(300), 'P2'];
    const added = ids.map((id) => {
      const b = bytes(id);
      return t.add(b, 0, b.length, hashBytes(b, 0, b.length));
    });
    expect(added).toEqual([true, true, true, false, true, true, false]);
    const seen: string[] = [];
    t.forEach((arena, s, e) => seen.push(Buffer.from(arena.subarray(s, e)).toString('utf8')));
    expect(seen).toEqual(['P1', 'P2', '客户-1', '', 'x'.repeat(300)]);
  });

  it('never confuses two ids whose hashes collide', () => {
    const t = new ByteTable(4);
    const a = bytes('alpha');
    const b = bytes('bravo');
    expect(t.add(a, 0, 5, 42)).toBe(true);
    expect(t.add(b, 0, 5, 42)).toBe(true); // same hash, other bytes: a new entry
    expect(t.add(a, 0, 5, 42)).toBe(false);
  });

});

/** Ids of every kind: numbered (bit lanes, leading zeros and all), other text (byte table). */
const anyId = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc
    .tuple(fc.constantFrom('W', 'P', '', '客户-', 'A1x'), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 1, max: 7 }))
    .map(([prefix, n, width]) => prefix + String(n).padStart(width, '0')),
  fc.constantFrom('1234567890123456', 'W1234567890123456', 'x'.repeat(17) + '1'),
);
const setOf = (ids: readonly string[]): IdSet => {
  const set = new IdSet(4);
  for (const id of ids) {
    const b = bytes(id);
    set.add(b, 0, b.length, hashBytes(b, 0, b.length));
  }
  return set;
};

describe('IdSet', () => {
  it('keeps each id once, exactly: W01 and W001 differ, W001 twice does not', () => {
    const set = new IdSet(4);
    const added = ['W001', 'W01', 'W001', 'W1', '001', '1', 'W000000001', 'W000000001'].map((id) => {
      const b = bytes(id);
      return set.add(b, 0, b.length, hashBytes(b, 0, b.length));
    });
    expect(added).toEqual([true, true, false, true, true, true, true, false]);
    expect(set.tableCount).toBe(0); // all numbered: bits, not bytes
  });

  it('owns its bytes: ids read from one reused buffer stay what they were', () => {
    const set = new IdSet(4);
    const buf = Buffer.alloc(16);
    for (const id of ['W0001', 'P0002', 'W0003', 'P0001']) {
      buf.fill(0);
      const n = buf.write(id);
      set.add(buf, 0, n, hashBytes(buf, 0, n));
    }
    const lanes = set.data().lanes.map((l) => Buffer.from(l.prefix).toString('utf8'));
    expect(lanes).toEqual(['W', 'P']);
    const has = (id: string) => set.has(bytes(id), 0, bytes(id).length, hashBytes(bytes(id), 0, bytes(id).length));
    expect([has('W0001'), has('P0001'), has('W0002'), has('P0003')]).toEqual([true, true, false, false]);
  });

  it('adds as a Set does, for any ids (property)', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 80 }), (ids) => {
        const set = new IdSet(4);
        const seen = new Set<string>();
        for (const id of ids) {
          const b = bytes(id);
          expect(set.add(b, 0, b.length, hashBytes(b, 0, b.length))).toBe(!seen.has(id));
          seen.add(id);
        }
        for (const id of [...ids, 'never-seen', 'W9999999']) {
          const b = bytes(id);
          expect(IdSet.from(set.data()).has(b, 0, b.length, hashBytes(b, 0, b.length))).toBe(seen.has(id));
        }
      }),
    );
  });

  it('stays exact past its 64 lanes: later kinds of numbered id go to the byte table', () => {
    const many = Array.from({ length: 70 }, (_, i) => `K${i}x${String(i).padStart(3, '0')}`);
    const full = setOf(many);
    expect(full.tableCount).toBe(6);
    const other = setOf([...many].reverse()); // the other order: other kinds fill its lanes
    expect(findEarlierIds(other.data(), [full.data()]).map((b) => Buffer.from(b).toString('utf8')).sort()).toEqual([...many].sort());
    expect(findEarlierIds(full.data(), [other.data()]).length).toBe(70);
  });

  it('moves a form with sparse numbers to the byte table: memory follows the ids, membership stays exact', () => {
    // T + 12 scattered digits: one 8 KB page per id if kept in a lane (813 MB for 100,000).
    const sparse = Array.from({ length: 3000 }, (_, i) => `T${String((i * 7_919_993_137) % 999_999_999_999).padStart(12, '0')}`);
    const set = setOf(sparse);
    const data = set.data();
    expect(data.lanes.some((l) => Buffer.from(l.prefix).toString() === 'T')).toBe(false);
    expect(set.tableCount).toBe(new Set(sparse).size);
    for (const id of sparse) expect(set.add(Buffer.from(id), 0, id.length, hashBytes(Buffer.from(id), 0, id.length))).toBe(false);
    expect(set.add(Buffer.from('T000000000001'), 0, 13, hashBytes(Buffer.from('T000000000001'), 0, 13))).toBe(true);
    // Another set that kept the form in a lane still finds them, either way round.
    const dense = setOf(sparse.slice(0, 50));
    expect(findEarlierIds(dense.data(), [data]).length).toBe(50);
    expect(findEarlierIds(data, [dense.data()]).length).toBe(50);
    // Dense numbers of the same shape stay in their lane.
    const run = setOf(Array.from({ length: 20_000 }, (_, i) => `U${String(i).padStart(12, '0')}`));
    expect(run.tableCount).toBe(0);
  });

  it('finds the ids a range shares with earlier ranges (property: same as a Set)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), (ranges) => {
        const sets = ranges.map((ids) => setOf(ids).data());
        ranges.forEach((ids, j) => {
          const earlier = new Set(ranges.slice(0, j).flat());
          const want = [...new Set(ids)].filter((id) => earlier.has(id)).sort();
          const got = [0, 1, 2].flatMap((part) => findEarlierIds(sets[j]!, sets.slice(0, j), part, 3)).map((b) => Buffer.from(b).toString('utf8')).sort();
          expect(got).toEqual(want);
        });
      }),
    );
  });
});

describe('Interner', () => {
  it('decodes each distinct value once and returns the same string after', () => {
    const i = new Interner(2);
    const src = bytes('A0001,账单查询,A0001');
    const first = i.indexOf(src, 0, 5, hashBytes(src, 0, 5));
    expect(i.stringAt(first)).toBe('A0001');
    expect(i.indexOf(src, src.length - 5, src.length, hashBytes(src, src.length - 5, src.length))).toBe(first);
    expect(i.stringAt(i.indexOf(src, 6, 18, hashBytes(src, 6, 18)))).toBe('账单查询');
    expect(i.size).toBe(2);
  });
});

const header = ['id', 'channel', 'direction', 'agentId', 'customerId', 'offeredAt', 'answered', 'answeredAt', 'waitSeconds', 'csat', 'nps', 'satisfaction'];
const columns = header.map((h) => F[h as keyof typeof F]);

describe('ContactScanner', () => {
  it('reads a plain CSV row into the reused contact, as safeParseContact would', () => {
    const s = new ContactScanner(columns);
    const row = bytes('P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,2026-03-01T09:00:04+08:00,,5,9,satisfied');
    expect(s.scanCsv(row, 0, row.length)).toBe(true);
    const want = safeParseContact({ id: 'P1', channel: 'phone', direction: 'inbound', agentId: 'A1', customerId: 'C9',
      offeredAt: '2026-03-01T09:00:00+08:00', answered: true, answeredAt: '2026-03-01T09:00:04+08:00', csat: 5, nps: 9, satisfaction: 'satisfied' });
    expect(want.success).toBe(true);
    const got = Object.fromEntries(Object.entries({ ...s.contact }).filter(([, v]) => v !== undefined));
    expect(got).toEqual(want.success ? want.data : null); // waitSeconds derived: (09:00:04 − 09:00:00) / 1000 = 4
    const again = bytes('P2,chat,outbound,,,2026-03-02T10:00:00Z,false,,12,,,');
    expect(s.scanCsv(again, 0, again.length)).toBe(true);
    expect(s.contact).toMatchObject({ id: 'P2', channel: 'chat', direction: 'outbound', agentId: undefined, customerId: undefined, waitSeconds: 12, messages: [] });
  });

  it('leaves to the general path every row it cannot prove valid', () => {
    const s = new ContactScanner(columns);
    for (const row of [
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,-1,,,', // negative
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,1,6,,', // csat > 5
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,1,,10.5,', // nps not whole
      'P1,Phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,1,,,', // capital (ingest lower-cases it)
      'P1,phone,inbound, A1,C9,2026-03-01T09:00:00+08:00,true,,1,,,', // to be trimmed
      'P1,phone,inbound,"A1",C9,2026-03-01T09:00:00+08:00,true,,1,,,', // quoted
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,false,2026-03-01T09:00:04+08:00,,,,', // answer time, unanswered
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,2026-03-01T08:00:00+08:00,,,,', // answered before offered
      ',phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,1,,,', // no id
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,yes,,1,,,', // a flag word ingest reads
      'P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,1,,,,', // an extra column
    ]) {
      const b = bytes(row);
      expect(s.scanCsv(b, 0, b.length), row).toBe(false);
    }
  });

  it('reads compact JSON lines and refuses escapes, unknown keys, repeated keys and wrong types', () => {
    const s = new ContactScanner();
    const ok = bytes('{"id":"W1","channel":"chat","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true,"waitSeconds":3.5,"topic":null,"agentId":"","messages":[]}');
    expect(s.scanJson(ok, 0, ok.length)).toBe(true);
    expect(s.contact).toMatchObject({ id: 'W1', channel: 'chat', waitSeconds: 3.5, topic: undefined, agentId: undefined });
    for (const line of [
      '{"id":"W\\u0031","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true}',
      '{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true,"extra":1}',
      '{"id":"W1","id":"W2","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true}',
      '{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":"true"}',
      '{"id":"W1","channel":"chat","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true}',
      '{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true,"nps":01}',
      '{ "id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true}',
    ]) {
      const b = bytes(line);
      expect(s.scanJson(b, 0, b.length), line).toBe(false);
    }
  });
});

describe('ContactScanner.scanJsonLine', () => {
  const row = '{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true}';
  const at = (text: string, limit = Buffer.byteLength(text), final = true) => new ContactScanner().scanJsonLine(bytes(text), 0, limit, final);

  it('finds the line feed after the object itself: LF, CR LF, or the end of the input', () => {
    expect(at(`${row}\n{"id":"W2"`)).toBe(row.length);
    expect(at(`${row}\r\n`)).toBe(row.length + 1);
    expect(at(row)).toBe(row.length);
    expect(at(`${row}\r`)).toBe(row.length + 1);
  });

  it('says -1 (find the line feed, read the usual way) whenever the line is not one plain object', () => {
    expect(at(row, row.length, false)).toBe(-1); // more bytes may follow: the line may go on
    expect(at(`${row}\r`, row.length + 1, false)).toBe(-1);
    expect(at(`${row} \n`)).toBe(-1); // white space JSON.parse allows: the general path reads it
    expect(at(`${row}\rx\n`)).toBe(-1);
    expect(at(`${row}{}\n`)).toBe(-1);
    expect(at(`${row}\n`, row.length - 3)).toBe(-1); // the bytes read so far end inside the row
  });

  it('never lets bytes past the limit close a row (a reused buffer holds an earlier read there)', () => {
    // The limit falls just before the closing brace; the stale bytes after it would complete the row.
    for (const final of [false, true]) {
      expect(at(`${row}\n`, row.length - 1, final)).toBe(-1);
      expect(at(`${row.slice(0, -1)},"messages":[]}\n`, row.length + 12, final)).toBe(-1);
      expect(at(`${row.slice(0, -1)},"csat":4}\n`, row.length + 7, final)).toBe(-1);
    }
    expect(at(`${row.slice(0, -1)}\n,"endedAt":"2026-03-01T09:05:00+08:00"}\n`)).toBe(-1);
  });

  it('never reads into the next line: a timestamp cut by a line feed is not a timestamp', () => {
    // 25 bytes after the quote would end inside the next line, where a quote stands at the 26th.
    const cut = '{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00\n:00+08:00","answered":true}';
    expect(at(cut)).toBe(-1);
  });

  it('may refuse a row whose last timestamp is 20 bytes (`Z`) before CR LF: it peeks into the next line (scanRange reads the line again)', () => {
    const line = `${row.slice(0, -1)},"endedAt":"2026-03-01T09:01:00Z"}`;
    const text = bytes(`${line}\r\n${row}\r\n`);
    expect(new ContactScanner().scanJsonLine(text, 0, text.length, true)).toBe(-1);
    expect(new ContactScanner().scanJson(text, 0, line.length)).toBe(true);
  });

  it('accepts exactly the lines scanJson accepts, with the same row (property)', () => {
    const piece = fc.constantFrom(row, `${row.slice(0, -1)},"csat":4}`, `${row.slice(0, -1)},"nps":011}`, '{}', ' ', '\r', '\n', '\r\n', '"', '}', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), fc.nat(), (pieces, final, cut) => {
        // The bytes after the limit stay in the buffer, as a reused read buffer's would.
        const whole = bytes(pieces.join(''));
        const limit = whole.length === 0 ? 0 : cut % (whole.length + 1);
        const text = whole.subarray(0, limit);
        const nl = text.indexOf(10);
        const lineEnd = nl < 0 ? text.length : nl;
        const contentEnd = lineEnd > 0 && text[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
        const a = new ContactScanner();
        const b = new ContactScanner();
        const got = a.scanJsonLine(whole, 0, limit, final);
        const want = (nl >= 0 || final) && b.scanJson(text, 0, contentEnd) ? lineEnd : -1;
        expect(got).toBe(want);
        if (got >= 0) expect({ ...a.contact }).toEqual({ ...b.contact });
      }),
      { numRuns: 500 },
    );
  });
});

describe('isTrimmedSpace', () => {
  it('says of every code point above U+0020 what String.prototype.trim does', () => {
    for (let cp = 33; cp <= 0x10ffff; cp += cp < 0x3100 ? 1 : cp < 0xffff ? 7 : 4099) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(isTrimmedSpace(cp), cp.toString(16)).toBe(String.fromCodePoint(cp).trim() === '');
    }
    expect(isTrimmedSpace(0xfeff)).toBe(true);
  });

  it('keeps no text of a row in row mode: a thousand customers named 客户… leave only the agent numbered', () => {
    const s = new ContactScanner(columns, true);
    for (let i = 0; i < 1000; i++) {
      const b = bytes(`P${i},phone,inbound,A1,客户${i},2026-03-01T09:00:00+08:00,true,,1,,,`);
      expect(s.scanCsv(b, 0, b.length)).toBe(true);
    }
    expect(s.texts.size).toBe(1);
    expect(s.texts.stringAt(s.agentIndex)).toBe('A1');
  });

  it('lets the scanner judge a non-ASCII edge from its bytes: 客户1 is kept, 客户1 + U+3000 goes to the general path', () => {
    const s = new ContactScanner(columns);
    const row = (customer: string) => bytes(`P1,phone,inbound,A1,${customer},2026-03-01T09:00:00+08:00,true,,1,,,`);
    for (const [customer, plain] of [['客户1', true], ['客户1\u3000', false], ['\u00a0C1', false], ['C1\ufeff', false], ['é', true]] as const) {
      const b = row(customer);
      expect(s.scanCsv(b, 0, b.length), customer).toBe(plain);
    }
  });
});

describe('ContactScanner against the general path', () => {
  const many9 = '9'.repeat(400); // Number('9' × 400) = Infinity, which the schema's z.number() refuses

  it('declines a number too long to be finite (the schema rejects Infinity)', () => {
    const s = new ContactScanner(columns);
    for (const cell of [many9, `${many9}.5`]) {
      const row = bytes(`P1,phone,inbound,A1,C9,2026-03-01T09:00:00+08:00,true,,${cell},,,`);
      expect(s.scanCsv(row, 0, row.length), cell).toBe(false);
      const line = bytes(`{"id":"W1","channel":"phone","direction":"inbound","offeredAt":"2026-03-01T09:00:00+08:00","answered":true,"waitSeconds":${cell}}`);
      expect(s.scanJson(line, 0, line.length), cell).toBe(false);
    }
  });

  it('reads runs of timestamps that share a date, hour and offset as the general path does (property)', () => {
    // The scanner remembers the last timestamp's date, hour and offset: minutes and seconds (60
    // included, which no calendar has), offsets and dates change under it here.
    const general = new GeneralRows('x.csv', header, undefined);
    const s = new ContactScanner(columns);
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      // The edges of the records' range too: an hour that starts before year 1000 in UTC and ends after it.
      .tuple(fc.constantFrom('2026-03-01T09', '2026-03-01T10', '2026-02-29T09', '2024-02-29T23', '1000-01-01T00', '9999-12-31T23'), two(61), two(61), fc.constantFrom('+08:00', '-05:30', '+19:00', '+00:30', '-00:30'))
      .map(([hour, m, sec, offset]) => `${hour}:${m}:${sec}${offset}`);
    fc.assert(
      fc.property(fc.array(stamp, { minLength: 1, maxLength: 12 }), (stamps) => {
        for (const at of stamps) {
          const row = ['P1', 'phone', 'inbound', 'A1', 'C9', at, 'true', '', '1', '', '', ''].join(',');
          const b = Buffer.alloc(row.length + 10, 32);
          b.write(row, 5); // inside a buffer, as the reader holds rows
          const exact = general.csv(row, 1);
          if (s.scanCsv(b, 5, 5 + row.length)) {
            expect(exact.kind, at).toBe('record');
            if (exact.kind === 'record') expect(s.contact.offeredAt, at).toBe(exact.contact.offeredAt);
          } else expect(exact.kind === 'record' ? readIsoInstantBytes(bytes(at), 0, at.length) : Number.NaN, at).toBeNaN();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a number cell only when the general path reads the same value (property)', () => {
    const general = new GeneralRows('x.csv', header, undefined);
    const s = new ContactScanner(columns);
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9]{0,400}(\.[0-9]{0,20})?$/),
      fc.constantFrom('1e3', '-0', '012', ' 5', '5.', '.5', '0x10', '+5', '5 ', '00', '0.0', many9),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom(8, 9, 10), (text, col) => {
        const cells = ['P1', 'phone', 'inbound', 'A1', 'C9', '2026-03-01T09:00:00+08:00', 'true', '', '1', '', '', ''];
        cells[col] = text;
        const row = cells.join(',');
        const b = bytes(row);
        if (!s.scanCsv(b, 0, b.length)) return; // declining is always allowed
        const exact = general.csv(row, 1);
        expect(exact.kind).toBe('record');
        const field = header[col]!;
        if (exact.kind === 'record') expect((s.contact as unknown as Record<string, unknown>)[field]).toBe((exact.contact as Record<string, unknown>)[field]);
      }),
      { numRuns: 300 },
    );
  });
});

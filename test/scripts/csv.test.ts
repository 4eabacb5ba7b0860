import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, detectDelimiter, type CsvRecord } from '../../src/scripts/ingest/csv.js';
import { CliError } from '../../src/scripts/errors.js';

function readAll(text: string, chunks: number[] = [], delimiter?: ',' | ';' | '\t'): CsvRecord[] {
  const reader = new CsvReader({ file: 'x.csv', delimiter });
  const out: CsvRecord[] = [];
  let at = 0;
  for (const size of chunks) {
    reader.push(text.slice(at, at + size), (r) => out.push(r));
    at += size;
  }
  reader.push(text.slice(at), (r) => out.push(r));
  reader.end((r) => out.push(r));
  return out;
}

describe('CsvReader (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and CRLF', () => {
    const text = 'id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,plain';
    const records = readAll(text);
    expect(records.map((r) => r.fields)).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\r\nlines'],
      ['4', 'plain'],
    ]);
    // Lines: header 1, rows 2, 3, 4 (spans 4–5), 6.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    expect(records[3]!.raw).toBe('3,"two\r\nlines"');
  });

  it('reads ; and tab delimiters, detected from the header', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
    expect(readAll('a;b\n1;"2;3"\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2;3']]);
    expect(readAll('a\tb\n1\t2\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines but keeps a row of empty fields', () => {
    expect(readAll('a,b\n\n1,2\n,\n\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['', '']]);
  });

  it('reports a quote inside an unquoted field, or text after a closing quote, on that record only', () => {
    const records = readAll('a,b\n1,x"y\n2,"q"z\n3,ok\n');
    expect(records[1]!.problem).toMatch(/quote inside an unquoted field \(column 2\)/);
    expect(records[2]!.problem).toMatch(/text after the closing quote of column 2/);
    expect(records[3]!.problem).toBeUndefined();
    expect(records[3]!.fields).toEqual(['3', 'ok']);
  });

  it('says which lines a stray quote folded into one malformed record', () => {
    // Line 3 opens a quote mid-record ("x) that closes on line 5 (y"), followed by text: one
    // record of lines 3–5, rejected; line 6 reads normally again.
    const records = readAll('a,b\n1,ok\n2,"x\n3,z\n4,y"w\n5,ok\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(records[2]).toMatchObject({ line: 3, lastLine: 5, problem: 'malformed CSV: text after the closing quote of column 2' });
    expect(records[1]!.lastLine).toBeUndefined();
    expect(records[3]!.fields).toEqual(['5', 'ok']);
  });

  it('stops with the line a never-closed quote opened on', () => {
    try {
      readAll('a,b\n1,2\n3,"open\nmore\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(
        'x.csv:3: malformed CSV: the quoted field in column 2 opened on line 3 is never closed',
      );
      expect((error as CliError).exitCode).toBe(1);
    }
  });

  it('refuses to hold a record past the size limit, naming the line it started on', () => {
    const reader = new CsvReader({ file: 'big.csv', maxRecordChars: 100 });
    reader.push('a,b\n1,2\n3,"', () => {});
    expect(() => reader.push('x'.repeat(200), () => {})).toThrowError(
      'big.csv:3: malformed CSV: a record longer than 100 characters (the quoted field in column 2 opened on line 3 is still open)',
    );
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '中') }),
      fc.constantFrom('', 'x'),
    );
    const quote = (s: string) => (/[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat({ max: 7 }), { maxLength: 12 }),
        fc.boolean(),
        (rows, cuts, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join(eol) + eol;
          const whole = readAll(text);
          expect(whole.map((r) => r.fields)).toEqual([['h1', 'h2'], ...rows]);
          expect(readAll(text, cuts)).toEqual(whole);
        },
      ),
    );
  });
});

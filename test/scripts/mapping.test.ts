import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format as formatDate, parse } from 'date-fns';
import { TZDate, tz } from '@date-fns/tz';
import { compileDateFormat, compileDateFormats, compileSimpleFormat } from '../../src/scripts/ingest/date-format.js';
import { readDuration } from '../../src/scripts/ingest/duration.js';
import { bindHeader, compileMapping, mappingJsonSchema, normaliseColumn, parseMapping } from '../../src/scripts/ingest/mapping.js';
import { CliError } from '../../src/scripts/errors.js';

const zurich = 'Europe/Zurich';

describe('date formats', () => {
  it('reads M/d/yyyy H:mm:ss as Zurich wall-clock time', () => {
    const read = compileDateFormat('M/d/yyyy H:mm:ss', zurich);
    // 1 Jan 2021 09:12:58 CET (UTC+1) = 08:12:58Z.
    expect(read('1/1/2021 9:12:58')).toBe(Date.UTC(2021, 0, 1, 8, 12, 58));
    // 30 Jun 2021 23:59:59 CEST (UTC+2) = 21:59:59Z.
    expect(read('06/30/2021 23:59:59')).toBe(Date.UTC(2021, 5, 30, 21, 59, 59));
    expect(read('2/30/2021 9:00:00')).toEqual({ expected: expect.stringContaining('naming a real date') });
    expect(read('1/1/21 9:00:00')).toEqual({ expected: 'a date and time written as "M/d/yyyy H:mm:ss"' });
    expect(read('1/1/2021 9:00:00 extra')).toEqual({ expected: 'a date and time written as "M/d/yyyy H:mm:ss"' });
  });

  it('reads doubled tokens as exactly two digits', () => {
    const read = compileDateFormat('dd.MM.yyyy HH:mm', zurich);
    expect(read('02.03.2021 07:05')).toBe(Date.UTC(2021, 2, 2, 6, 5));
    expect(typeof read('2.3.2021 07:05')).toBe('object');
  });

  it('compiles only simple number tokens by hand; other formats go to date-fns', () => {
    expect(compileSimpleFormat('M/d/yyyy H:mm:ss')).toBeDefined();
    expect(compileSimpleFormat("yyyy-MM-dd'T'HH:mm")).toBeDefined();
    expect(compileSimpleFormat('MMM d, yyyy h:mm a')).toBeUndefined();
    const read = compileDateFormat('MMM d, yyyy h:mm a', zurich);
    // 3 Mar 2021 2:30 pm CET = 13:30Z.
    expect(read('Mar 3, 2021 2:30 PM')).toBe(Date.UTC(2021, 2, 3, 13, 30));
  });

  it('agrees with date-fns parse in the zone for every simple format', () => {
    const formats = ['M/d/yyyy H:mm:ss', 'd.M.yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'dd/MM/yyyy H:m:s', 'yyyyMMdd HHmmss'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(zurich, 'Asia/Shanghai', 'America/New_York', 'UTC'),
        (pattern, date, zone) => {
          const text = formatDate(new TZDate(date.getTime(), zone), pattern);
          const expected = parse(text, pattern, new TZDate(2000, 0, 1, zone), { in: tz(zone) }).getTime();
          expect(compileDateFormat(pattern, zone)(text)).toBe(expected);
        },
      ),
    );
  });

  it('rejects a date that alternatives read two ways, and accepts one they agree on', () => {
    const read = compileDateFormats(['M/d/yyyy', 'd/M/yyyy'], 'UTC');
    const ambiguous = read('01/02/2021');
    expect(ambiguous).toEqual({
      expected:
        'an unambiguous date: it reads as 2021-01-02T00:00:00.000Z under "M/d/yyyy" and as 2021-02-01T00:00:00.000Z under "d/M/yyyy"',
    });
    expect(read('13/02/2021')).toBe(Date.UTC(2021, 1, 13));
    expect(read('02/02/2021')).toBe(Date.UTC(2021, 1, 2));
  });
});

describe('durations', () => {
  it('reads seconds and h:mm:ss, and refuses two-part times', () => {
    expect(readDuration('143')).toBe(143);
    expect(readDuration('12.5')).toBe(12.5);
    expect(readDuration('0:02:23')).toBe(143); // 2·60 + 23
    expect(readDuration('1:05:00')).toBe(3900); // 3600 + 5·60
    expect(readDuration('1:30')).toBeUndefined();
    expect(readDuration('-3')).toBeUndefined();
  });
});

const pwcLike = {
  format: 'csv',
  timeZone: zurich,
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

describe('the mapping format', () => {
  it('matches columns ignoring case and spaces', () => {
    expect(normaliseColumn(' Speed of Answer (seconds) ')).toBe(normaliseColumn('speed of answer(seconds)'));
    const compiled = compileMapping(parseMapping(pwcLike));
    const header = ['Call ID', 'Agent', 'Date', 'Time', 'Answered (Y/N)', 'Speed Of Answer (seconds)', 'Satisfaction Rating'];
    const slots = bindHeader(compiled, header, 'x.csv');
    const row = ['ID0001', 'Diane', '1/1/2021', '9:12:58', 'Y', '109', '3'];
    const reasons: string[] = [];
    const input = compiled.toInput(slots.map((i) => row[i]), reasons);
    expect(reasons).toEqual([]);
    expect(input).toEqual({
      channel: 'phone',
      direction: 'inbound',
      id: 'ID0001',
      agentId: 'Diane',
      offeredAt: Date.UTC(2021, 0, 1, 8, 12, 58),
      answered: true,
      waitSeconds: 109,
      csat: 3,
    });
  });

  it('names each conversion problem with its field and column, and leaves blank cells out', () => {
    const compiled = compileMapping(parseMapping(pwcLike));
    const reasons: string[] = [];
    const input = compiled.toInput(['ID2', '', '1/1/2021', '9:12:58', 'maybe', '', ''], reasons);
    expect(reasons).toEqual(['answered (column "answered (Y/N)"): expected one of "y" | "n", got "maybe"']);
    expect(input).not.toHaveProperty('agentId');
  });

  it('reports every missing column before any row is read', () => {
    const compiled = compileMapping(parseMapping(pwcLike));
    expect(() => bindHeader(compiled, ['call id', 'agent', 'date'], 'pwc.csv')).toThrowError(
      /^pwc\.csv:1, field "time": the header does not fit the mapping:\n✖ mapped column "time" is not in the header\n✖ mapped column "answered \(Y\/N\)" is not in the header/,
    );
  });

  it('refuses a date format date-fns cannot read before any row (a usage error, never a crash on row 1)', () => {
    const withFormat = (format: string) => ({ timeZone: 'UTC', channel: 'phone', direction: 'inbound', fields: { id: 'id', offeredAt: { column: 'at', format }, answered: 'ans' } });
    for (const [format, why] of [
      ['YYYY-MM-dd HH:mm', 'YYYY is the week-numbering year: write yyyy'],
      ['yyyy-MM-ddTHH:mm', 'The format string mustn\'t contain `T` and any other token at the same time'],
      ['DD/MM/yyyy', 'D is the day of the year: write d or dd for the day of the month'],
    ] as const) {
      expect(() => parseMapping(withFormat(format), 'm.json')).toThrowError(
        `m.json: invalid mapping:\n✖ expected a date format date-fns can read, got ${JSON.stringify(format)}: ${why} → at fields.offeredAt.format`,
      );
    }
    expect(() => parseMapping(withFormat("yyyy-MM-dd'T'HH:mm"), 'm.json')).not.toThrow();
  });

  it('lists every problem of an invalid mapping, with its path', () => {
    try {
      parseMapping({ timeZone: 'Mars/Olympus', fields: { id: 'x', waitSecs: 'y', agentId: { column: 'a', true: ['Y'] } } }, 'm.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toBe(
        'm.json: invalid mapping:\n✖ expected an IANA time zone the runtime knows, such as "Europe/Zurich" → at timeZone',
      );
    }
    try {
      parseMapping({ timeZone: 'UTC', fields: { id: 'x', waitSecs: 'y', agentId: { column: 'a', true: ['Y'] } } }, 'm.json');
      expect.unreachable();
    } catch (error) {
      const lines = (error as CliError).message.split('\n');
      expect(lines[0]).toBe('m.json: invalid mapping:');
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/^✖ unknown contact field; expected one of id, channel, .* → at fields\.waitSecs$/),
        '✖ "true"/"false" lists only apply to yes/no fields; agentId is not one → at fields.agentId',
        '✖ required: map a column or give { "constant": … } → at fields.channel',
        '✖ required: map a column or give { "constant": … } (for an export of incoming calls: "direction": "inbound") → at fields.direction',
        '✖ required: map a column or give { "constant": … } → at fields.offeredAt',
        '✖ required: map a column or give { "constant": … } → at fields.answered',
      ]);
    }
  });
});

describe('the shipped mapping files', () => {
  it('mapping.schema.json is the JSON Schema generated from the zod schema', async () => {
    const { readFileSync } = await import('node:fs');
    const shipped = JSON.parse(readFileSync(new URL('../../examples/mappings/mapping.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(mappingJsonSchema());
  });

  it('pwc-call-center.json is a valid mapping', async () => {
    const { readFileSync } = await import('node:fs');
    const mapping = parseMapping(JSON.parse(readFileSync(new URL('../../examples/mappings/pwc-call-center.json', import.meta.url), 'utf8')));
    expect(mapping).toMatchObject({ timeZone: 'Europe/Zurich', channel: 'phone', direction: 'inbound', record: 'contact' });
  });
});

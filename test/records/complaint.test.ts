import { describe, expect, it } from 'vitest';
import { parseComplaint, safeParseComplaint } from '../../src/records/index.js';

const complaint = {
  id: 'K-1',
  customerId: 'U-88',
  level: 2,
  filedAt: '2026-03-06T19:30:00+08:00',
  acceptedAt: '2026-03-07T09:10:00+08:00',
  repliedAt: '2026-03-07T11:00:00+08:00',
  resolvedAt: '2026-03-08T18:00:00+08:00',
  satisfied: true,
  keyAccount: false,
};

const problems = (input: unknown): string => {
  const result = safeParseComplaint(input);
  if (result.success) throw new Error('expected a rejection');
  return result.error.format();
};

describe('parseComplaint', () => {
  it('reads every moment into epoch milliseconds', () => {
    const read = parseComplaint(complaint);
    expect(read.filedAt).toBe(Date.UTC(2026, 2, 6, 11, 30));
    expect(read.resolvedAt).toBe(Date.UTC(2026, 2, 8, 10, 0));
    expect(read.level).toBe(2);
  });

  it('accepts empty strings for absent moments, as exports write them', () => {
    const read = parseComplaint({ ...complaint, repliedAt: '', resolvedAt: '', repeatOf: '' });
    expect(read.repliedAt).toBeUndefined();
    expect(read.repeatOf).toBeUndefined();
  });

  it('rejects a moment before the filing', () => {
    expect(problems({ ...complaint, resolvedAt: '2026-03-06T19:00:00+08:00' })).toBe(
      '✖ resolvedAt: expected a time at or after filedAt (2026-03-06T11:30:00.000Z), got "2026-03-06T19:00:00+08:00"',
    );
  });

  it('rejects a level that is not a whole number ≥ 1', () => {
    expect(problems({ ...complaint, level: 0 })).toBe('✖ level: expected a whole number ≥ 1, got 0');
    expect(problems({ ...complaint, level: 1.5 })).toBe('✖ level: expected a whole number ≥ 1, got 1.5');
  });

  it('rejects a complaint that repeats itself', () => {
    expect(problems({ ...complaint, repeatOf: 'K-1' })).toBe(
      '✖ repeatOf: expected the id of an earlier complaint, not its own, got "K-1"',
    );
  });

  it('rejects a missing filing time and flags given as text', () => {
    expect(problems({ id: 'K-2', satisfied: 'Y' })).toBe(
      [
        '✖ filedAt: expected an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00), got nothing',
        '✖ satisfied: expected true or false, got "Y"',
      ].join('\n'),
    );
  });
});

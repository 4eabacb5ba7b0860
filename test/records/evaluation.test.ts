import { describe, expect, it } from 'vitest';
import { parseEvaluation, safeParseEvaluation } from '../../src/records/index.js';

const evaluation = {
  contactId: 'C-1',
  raterId: 'R-3',
  rubricId: 'qc-v3.1',
  scores: { enthusiasm: 10, productVersionCheck: 'na' },
  bonuses: ['greeting'],
  deductions: [],
  redLines: [],
};

const problems = (input: unknown): string => {
  const result = safeParseEvaluation(input);
  if (result.success) throw new Error('expected a rejection');
  return result.error.format();
};

describe('parseEvaluation', () => {
  it('reads points and "na"', () => {
    const read = parseEvaluation(evaluation);
    expect(read.scores['enthusiasm']).toBe(10);
    expect(read.scores['productVersionCheck']).toBe('na');
    expect(read.bonuses).toEqual(['greeting']);
  });

  it('gives scores without a prototype, so any item id is a safe key', () => {
    const read = parseEvaluation(evaluation);
    expect(Object.getPrototypeOf(read.scores)).toBeNull();
    expect(read.scores['toString']).toBeUndefined();
  });

  it('refuses reserved keys as item ids instead of dropping them', () => {
    const input = JSON.parse('{"contactId":"C-1","raterId":"R-3","scores":{"__proto__":2,"greeting":2}}') as unknown;
    expect(problems(input)).toBe('✖ scores.__proto__: expected an item id, not a reserved key, got 2');
  });

  it('rejects points that are not numbers or "na"', () => {
    expect(problems({ ...evaluation, scores: { enthusiasm: 'ten' } })).toBe(
      '✖ scores.enthusiasm: expected a number of points or "na", got "ten"',
    );
  });

  it('rejects an id listed twice', () => {
    expect(problems({ ...evaluation, bonuses: ['greeting', 'greeting'] })).toBe(
      '✖ bonuses[1]: expected each id once; "greeting" is listed twice, got "greeting"',
    );
  });

  it('names the evaluation by its contact', () => {
    const result = safeParseEvaluation({ ...evaluation, raterId: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.message).toBe('Invalid evaluation "C-1": 1 problem\n✖ raterId: expected a non-empty rater id, got ""');
  });
});

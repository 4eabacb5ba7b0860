import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/records/index.js';
import { escalationRate, surveyResponseRate } from '../../src/metrics/index.js';

const answered = (id: string, extra: Partial<Contact> = {}): Contact =>
  ({ id, channel: 'phone', direction: 'inbound', offeredAt: 0, answered: true, ...extra }) as Contact;

describe('a KPI the data cannot measure has no value, not 0 % or 100 %', () => {
  it('escalationRate without any escalated flag is not measured', () => {
    const result = escalationRate([answered('a'), answered('b')]);
    expect(result.value).toBeNull();
    expect(result.denominator).toBe(2);
    expect(result.reason).toBe('no handled contact carries an escalated flag: the data does not record escalations');
  });

  it('escalationRate with one flag anywhere counts the unflagged as not escalated', () => {
    // 1 escalated of 4 handled = 0.25
    expect(escalationRate([answered('a', { escalated: true }), answered('b'), answered('c'), answered('d')]).value).toBe(0.25);
  });

  it('surveyResponseRate without any surveyed flag is not measured', () => {
    const result = surveyResponseRate([answered('a', { csat: 4 }), answered('b')]);
    expect(result.value).toBeNull();
    expect(result.reason).toBe('no contact says whether a survey was offered (surveyed): the rate would be 100 % by construction');
  });

  it('surveyResponseRate with surveyed flags: answered ÷ surveyed', () => {
    // surveyed: a (answered), b (not answered), c (answered, flag absent but an answer implies the offer) → 2 / 3
    const result = surveyResponseRate([
      answered('a', { surveyed: true, csat: 5 }),
      answered('b', { surveyed: true }),
      answered('c', { nps: 9 }),
      answered('d', { surveyed: false }),
    ]);
    expect([result.numerator, result.denominator]).toEqual([2, 3]);
  });
});

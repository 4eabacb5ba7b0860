import { describe, expect, it } from 'vitest';
import { escalationRate, firstContactResolution } from '../../src/metrics/index.js';
import { call } from './builders.js';

describe('firstContactResolution', () => {
  const calls = [
    call({ resolvedAtFirstContact: true }),
    call({ resolvedAtFirstContact: true }),
    call({ resolvedAtFirstContact: false }),
    call(),
    call({ answered: false, resolvedAtFirstContact: false }),
  ];
  it('resolved at first contact ÷ handled contacts with a known outcome', () => {
    // 2 ÷ 3; the unknown one excluded; the unanswered one not handled
    expect(firstContactResolution(calls)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, excluded: 1 });
  });
  it('seed 002: every inquiry in the denominator', () => {
    // 2 ÷ 4
    expect(firstContactResolution(calls, { unknownOutcome: 'unresolved' })).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });
  it('zero denominator', () => {
    expect(firstContactResolution([call()]).value).toBeNull();
  });
});

describe('escalationRate', () => {
  const calls = [
    call({ escalated: true, kind: 'complaint' }),
    call({ kind: 'complaint' }),
    call({ escalated: true }),
    call({ escalated: false }),
  ];
  it('escalated ÷ handled contacts', () => {
    // 2 ÷ 4
    expect(escalationRate(calls)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });
  it('seed 002: share of complaints (客诉)', () => {
    // 1 ÷ 2
    expect(escalationRate(calls, { base: 'complaints' })).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // unknown flag excluded: 1 ÷ 1
    expect(escalationRate(calls, { base: 'complaints', unknown: 'exclude' })).toEqual({ value: 1, numerator: 1, denominator: 1, excluded: 1 });
  });
  it('zero denominator', () => {
    expect(escalationRate([]).reason).toBe('no handled contacts');
  });
});

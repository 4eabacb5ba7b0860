import { describe, expect, it } from 'vitest';
import { averageResponseTime, firstResponseTime } from '../../src/metrics/index.js';
import { call, chat } from './builders.js';

describe('firstResponseTime', () => {
  it('from the first customer message to the first human agent message; bots do not count', () => {
    // A: customer 0, bot 1, agent 40 → 40 s; B: customer 5, agent 25 → 20 s; mean (40 + 20) ÷ 2 = 30
    const a = chat([['customer', 0], ['bot', 1], ['agent', 40]]);
    const b = chat([['agent', 0], ['customer', 5], ['agent', 25]]);
    expect(firstResponseTime([a, b, call()])).toEqual({ value: 30, numerator: 60, denominator: 2 });
  });

  it('chats nobody answered are excluded', () => {
    const botOnly = chat([['customer', 0], ['bot', 2]]);
    expect(firstResponseTime([botOnly])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no chats with a human response', excluded: 1 });
  });

  it('from the offer (seed 000 "客户发起对话")', () => {
    // offered at 0, customer at 5, agent at 25 → 25 s
    expect(firstResponseTime([chat([['customer', 5], ['agent', 25]])], { from: 'offered' }).value).toBe(25);
  });

  it('zero denominator', () => {
    expect(firstResponseTime([]).value).toBeNull();
  });
});

describe('averageResponseTime', () => {
  // customer 0, agent 20, customer 60, customer 70, bot 71, agent 100, customer 120 (never answered)
  const c = chat([['customer', 0], ['agent', 20], ['customer', 60], ['customer', 70], ['bot', 71], ['agent', 100], ['customer', 120]]);
  const d = chat([['customer', 0], ['agent', 10]]);

  it('seed 000: every answered customer turn', () => {
    // turns: 20 s and 40 s (from the turn's first message, 60 → 100), plus d's 10 s: 70 ÷ 3; one unanswered turn
    expect(averageResponseTime([c, d])).toEqual({ value: 70 / 3, numerator: 70, denominator: 3, excluded: 1 });
  });

  it('turn start at the last customer message', () => {
    // 20 + 30 + 10 = 60 ÷ 3 = 20
    expect(averageResponseTime([c, d], { turnStart: 'last' }).value).toBe(20);
  });

  it('seed 002 ART: per consultation, whole-consultation total or mean', () => {
    // totals: c 60, d 10 → 35; means: c 30, d 10 → 20
    expect(averageResponseTime([c, d], { per: 'contactTotal' })).toEqual({ value: 35, numerator: 70, denominator: 2 });
    expect(averageResponseTime([c, d], { per: 'contactMean' }).value).toBe(20);
  });

  it('zero denominator', () => {
    expect(averageResponseTime([call()]).reason).toBe('no customer turns answered by an agent');
  });
});

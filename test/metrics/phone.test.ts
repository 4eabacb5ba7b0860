import { describe, expect, it } from 'vitest';
import {
  abandonRate,
  answerRate,
  averageHandleTime,
  averageSpeedOfAnswer,
  MetricsError,
  ringsToAnswer,
  serviceLevel,
} from '../../src/metrics/index.js';
import { call, hour, sec, t0 } from './builders.js';

describe('answerRate', () => {
  const calls = [
    call({ waitSeconds: 3 }),
    call({ waitSeconds: 8 }),
    call({ answeredAt: t0 + 70 * sec }), // wait derived: 70 s
    call({ answered: false, waitSeconds: 30 }),
  ];

  it('plain: answered ÷ offered', () => {
    // 3 answered of 4 offered = 0.75
    expect(answerRate(calls)).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('seed 000: answered within 5 s', () => {
    // only the 3 s call counts: 1 ÷ 4
    expect(answerRate(calls, { answeredWithinSeconds: 5 })).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('seed 003: a wait over 60 s counts as not answered', () => {
    // 3 s and 8 s answered; 70 s is "not answered": 2 ÷ 4
    expect(answerRate(calls, { answeredWithinSeconds: 60 })).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('seed 000: only working hours (isWorkingTime bound by the caller)', () => {
    const evening = call({ offeredAt: t0 + 9 * hour, answered: false }); // 19:00
    const inHours = (ms: number) => {
      const h = new Date(ms + 8 * hour).getUTCHours();
      return h >= 9 && h < 18;
    };
    // the 19:00 call is out: 3 ÷ 4 as before
    expect(answerRate([...calls, evening], { isWorkingTime: inHours })).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('answered calls with no wait are excluded, not dropped, when a limit applies', () => {
    // the unknown-wait call is counted in `excluded`: 1 ÷ 1
    expect(answerRate([call(), call({ waitSeconds: 2 })], { answeredWithinSeconds: 5 })).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1,
      excluded: 1,
    });
  });

  it('zero denominator: null with a reason', () => {
    expect(answerRate([])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no contacts offered' });
  });

  it('rejects a negative limit with the path', () => {
    expect(() => answerRate([], { answeredWithinSeconds: -1 })).toThrowError(MetricsError);
    try {
      answerRate([], { answeredWithinSeconds: -1 });
    } catch (error) {
      expect((error as MetricsError).format()).toBe('✖ expected a finite number ≥ 0, got -1 → at answerRate.answeredWithinSeconds');
    }
  });
});

describe('abandonRate', () => {
  it('not answered ÷ offered, short abandons optional', () => {
    const calls = [call(), call({ answered: false, waitSeconds: 2 }), call({ answered: false, waitSeconds: 40 })];
    // 2 of 3 abandoned
    expect(abandonRate(calls).value).toBeCloseTo(2 / 3);
    // without the 2 s abandon: 1 ÷ 2
    expect(abandonRate(calls, { shortAbandonSeconds: 5 })).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('derives the abandon wait from endedAt', () => {
    const gaveUp = call({ answered: false, endedAt: t0 + 3 * sec }); // 3 s: short
    expect(abandonRate([gaveUp, call()], { shortAbandonSeconds: 5 })).toEqual({ value: 0, numerator: 0, denominator: 1 });
  });

  it('zero denominator', () => {
    expect(abandonRate([]).value).toBeNull();
  });
});

describe('serviceLevel', () => {
  const calls = [
    call({ waitSeconds: 3 }),
    call({ waitSeconds: 8 }),
    call({ waitSeconds: 25 }),
    call({ answered: false, waitSeconds: 2 }),
    call({ answered: false, waitSeconds: 50 }),
    call({ answered: false, direction: 'outbound', waitSeconds: 30 }),
  ];

  it('default: answered within 20 s ÷ offered (Amazon Connect style)', () => {
    // 3 s and 8 s within 20 s: 2 ÷ 6
    expect(serviceLevel(calls).numerator).toBe(2);
    expect(serviceLevel(calls).denominator).toBe(6);
  });

  it('seed 000: T = 5 s, short abandons < 5 s excluded', () => {
    // within 5 s: 1; denominator: 3 answered + the 50 s abandon + the outbound no-answer = 5
    expect(serviceLevel(calls, { thresholdSeconds: 5, shortAbandonSeconds: 5 })).toEqual({ value: 0.2, numerator: 1, denominator: 5 });
  });

  it('answered + abandoned (Genesys style) leaves out unanswered outbound attempts', () => {
    // 3 answered + 2 inbound abandons = 5; within 15 s: 2
    expect(serviceLevel(calls, { thresholdSeconds: 15, denominator: 'answeredAndAbandoned' })).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
  });

  it('answered only', () => {
    // 2 of 3 answered within 15 s (seed 002's phone 15 s)
    expect(serviceLevel(calls, { thresholdSeconds: 15, denominator: 'answered' }).value).toBeCloseTo(2 / 3);
  });

  it('zero denominator', () => {
    expect(serviceLevel([], { denominator: 'answered' })).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no contacts in the denominator' });
  });

  it('reports every bad option at once', () => {
    try {
      serviceLevel([], { thresholdSeconds: Number.NaN, denominator: 'all' as never });
      expect.unreachable();
    } catch (error) {
      expect((error as MetricsError).issues).toHaveLength(2);
    }
  });
});

describe('averageSpeedOfAnswer', () => {
  it('mean wait of answered calls only', () => {
    // (3 + 8) ÷ 2 = 5.5; the abandoned call's 90 s is not in it
    const calls = [call({ waitSeconds: 3 }), call({ answeredAt: t0 + 8 * sec }), call({ answered: false, waitSeconds: 90 })];
    expect(averageSpeedOfAnswer(calls)).toEqual({ value: 5.5, numerator: 11, denominator: 2 });
  });

  it('zero denominator', () => {
    expect(averageSpeedOfAnswer([call({ answered: false })])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no answered contacts' });
  });
});

describe('ringsToAnswer', () => {
  it('seed 001: within 3 rings of 6 s = 18 s', () => {
    // 12 s ✓, 18 s ✓, 20 s ✗: 2 ÷ 3
    const calls = [call({ waitSeconds: 12 }), call({ waitSeconds: 18 }), call({ waitSeconds: 20 }), call({ answered: false })];
    expect(ringsToAnswer(calls)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // ring of 5 s: 15 s limit → only 12 s; over offered: 1 ÷ 4
    expect(ringsToAnswer(calls, { ringSeconds: 5, denominator: 'offered' })).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('zero denominator', () => {
    expect(ringsToAnswer([]).value).toBeNull();
  });
});

describe('averageHandleTime', () => {
  it('talk + hold + wrap-up; missing hold or wrap-up adds nothing', () => {
    // (300 + 60 + 60) + 180 = 600; ÷ 2 = 300
    const calls = [call({ talkSeconds: 300, holdSeconds: 60, wrapUpSeconds: 60 }), call({ talkSeconds: 180 }), call({ answered: false })];
    expect(averageHandleTime(calls)).toEqual({ value: 300, numerator: 600, denominator: 2 });
  });

  it('falls back to endedAt − answeredAt for talk, and excludes what cannot be timed', () => {
    // 240 s from answer to end; the bare answered call is excluded
    const calls = [call({ answeredAt: t0 + 10 * sec, endedAt: t0 + 250 * sec }), call()];
    expect(averageHandleTime(calls)).toEqual({ value: 240, numerator: 240, denominator: 1, excluded: 1 });
  });

  it('does not add the hold twice: answer → end already holds it, so only the wrap-up is added', () => {
    // Answered at +10 s, ended at +610 s (60 s of it on hold), 30 s of wrap-up: 600 + 30 = 630.
    const held = call({ answeredAt: t0 + 10 * sec, endedAt: t0 + 610 * sec, holdSeconds: 60, wrapUpSeconds: 30 });
    expect(averageHandleTime([held]).value).toBe(630);
  });

  it("seed 002's resolution time: offered → ended", () => {
    // 250 s from offer to end
    expect(averageHandleTime([call({ talkSeconds: 10, endedAt: t0 + 250 * sec })], { definition: 'resolution' }).value).toBe(250);
  });

  it('zero denominator', () => {
    expect(averageHandleTime([]).reason).toBe('no answered contacts');
  });
});

import { describe, expect, it } from 'vitest';
import {
  callbackTimeliness,
  complaintSatisfaction,
  consultationSatisfaction,
  repeatComplaintRate,
  replyRate,
  replyTimeliness,
} from '../../src/metrics/index.js';
import type { Complaint, Contact } from '../../src/records/index.js';
import { call, complaint, hour, sec, t0 } from './builders.js';

describe('replyRate', () => {
  it('complaints: replied ÷ all', () => {
    // 1 ÷ 2
    expect(replyRate([complaint({ repliedAt: t0 + hour }), complaint()])).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('consultations: answered ÷ consultations; other kinds ignored', () => {
    // 2 of 3 consultations answered
    const contacts = [
      call({ kind: 'consultation' }),
      call({ kind: 'consultation' }),
      call({ kind: 'consultation', answered: false }),
      call({ kind: 'repair', answered: false }),
    ];
    expect(replyRate(contacts)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });
  it('zero denominator', () => {
    expect(replyRate([call({ kind: 'repair' })]).reason).toBe('no consultations or complaints');
  });
});

describe('replyTimeliness', () => {
  it('seed 003 complaint limits by level, from acceptance', () => {
    // L1 (2 h) replied 1 h ✓; L2 (48 h) replied 50 h ✗; L1 accepted +1 h, replied +2.5 h (1.5 h after) ✓;
    // L2 never replied ✗; no level → excluded. 2 ÷ 4
    const list = [
      complaint({ level: 1, repliedAt: t0 + hour }),
      complaint({ level: 2, repliedAt: t0 + 50 * hour }),
      complaint({ level: 1, acceptedAt: t0 + hour, repliedAt: t0 + 2.5 * hour }),
      complaint({ level: 2 }),
      complaint({ repliedAt: t0 + hour }),
    ];
    expect(replyTimeliness(list)).toEqual({ value: 0.5, numerator: 2, denominator: 4, excluded: 1 });
  });
  it('levels 3 and 4 (4 and 7 working days) need a bound deadline; no fixed hours stand in for them', () => {
    // Filed Fri 2026-03-06 10:00 +08:00; 4 working days later is Thu 2026-03-12 10:00 (144 h), not 96 h.
    const friday = Date.parse('2026-03-06T10:00:00+08:00');
    const l3 = complaint({ level: 3, filedAt: friday, repliedAt: friday + 120 * hour });
    const l4 = complaint({ level: 4, filedAt: friday });
    // unbound: neither can be judged → both excluded, nothing in the denominator
    expect(replyTimeliness([l3, l4])).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no consultations or complaints with a deadline', excluded: 2 });
    // bound: L3 due +144 h, replied +120 h ✓; L4 (7 working days → Tue 03-17 10:00, +264 h) never replied ✗ → 1 ÷ 2
    const deadline = (r: Contact | Complaint) => { const level = 'level' in r ? r.level : undefined; return level === 3 ? friday + 144 * hour : level === 4 ? friday + 264 * hour : undefined; };
    expect(replyTimeliness([l3, l4], { deadline })).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('a bound deadline wins; unreplied but not yet due is pending with asOf', () => {
    const deadline = () => t0 + 10 * hour;
    const list = [complaint({ level: 1, repliedAt: t0 + 5 * hour }), complaint({ level: 1 })];
    // 5 h ≤ 10 h ✓; the unreplied one is pending at t0 + 3 h → excluded: 1 ÷ 1
    expect(replyTimeliness(list, { deadline, asOf: t0 + 3 * hour })).toEqual({ value: 1, numerator: 1, denominator: 1, excluded: 1 });
  });
  it('consultations: answered within 30 min', () => {
    // answered after 20 s ✓; never answered ✗ → 1 ÷ 2
    const list = [call({ kind: 'consultation', answeredAt: t0 + 20 * sec }), call({ kind: 'consultation', answered: false })];
    expect(replyTimeliness(list)).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('a consultation answered at an unknown time is excluded, not counted on time', () => {
    // wait 40 min (> 30) ✗; answered, no answeredAt and no wait → excluded. 0 ÷ 1
    const list = [call({ kind: 'consultation', waitSeconds: 40 * 60 }), call({ kind: 'consultation' })];
    expect(replyTimeliness(list)).toEqual({ value: 0, numerator: 0, denominator: 1, excluded: 1 });
  });
  it('zero denominator', () => {
    expect(replyTimeliness([]).value).toBeNull();
  });
});

describe('repeatComplaintRate', () => {
  // 5 complaints, 1 a repeat
  const list = [complaint(), complaint(), complaint(), complaint(), complaint({ repeatOf: 'cmp-x' })];
  it("seed 003's denominator: repeats ÷ (all − repeats)", () => {
    // 1 ÷ (5 − 1) = 0.25
    expect(repeatComplaintRate(list)).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });
  it('conventional: repeats ÷ all', () => {
    // 1 ÷ 5
    expect(repeatComplaintRate(list, { denominator: 'all' })).toEqual({ value: 0.2, numerator: 1, denominator: 5 });
  });
  it('only repeats: no first-time complaints → null, not Infinity', () => {
    expect(repeatComplaintRate([complaint({ repeatOf: 'x' })])).toEqual({
      value: null,
      numerator: 1,
      denominator: 0,
      reason: 'no complaints that are not repeats',
    });
  });
});

describe('complaintSatisfaction', () => {
  const list = [
    complaint({ satisfied: true, keyAccount: true }),
    complaint({ satisfied: false, keyAccount: true }),
    complaint({ satisfied: true }),
    complaint(),
  ];
  it('satisfied ÷ all complaints (unrated count as not satisfied)', () => {
    // 2 ÷ 4
    expect(complaintSatisfaction(list)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    // unrated excluded: 2 ÷ 3
    expect(complaintSatisfaction(list, { unrated: 'exclude' })).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, excluded: 1 });
  });
  it('key accounts only', () => {
    // 1 ÷ 2
    expect(complaintSatisfaction(list, { keyAccountsOnly: true }).value).toBe(0.5);
  });
  it('zero denominator', () => {
    expect(complaintSatisfaction([complaint()], { keyAccountsOnly: true }).reason).toBe('no key-account complaints');
  });
});

describe('consultationSatisfaction', () => {
  it('satisfied ÷ consultations', () => {
    // satisfied, csat 5 (satisfied), csat 3 (neutral), unrated → 2 ÷ 4
    const list = [
      call({ kind: 'consultation', satisfaction: 'satisfied' }),
      call({ kind: 'consultation', csat: 5 }),
      call({ kind: 'consultation', csat: 3 }),
      call({ kind: 'consultation' }),
      call({ kind: 'complaint', satisfaction: 'satisfied' }),
    ];
    expect(consultationSatisfaction(list)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });
  it('zero denominator', () => {
    expect(consultationSatisfaction([]).value).toBeNull();
  });
});

describe('callbackTimeliness', () => {
  it('seed 001: called back within 24 h of being handled', () => {
    // resolved at 0, called back 23 h ✓; resolved at 0, called back 30 h ✗; closed at 2 h, never ✗;
    // no start → excluded; not flagged → ignored. 1 ÷ 3
    const list = [
      complaint({ callbackRequired: true, resolvedAt: t0, calledBackAt: t0 + 23 * hour }),
      complaint({ callbackRequired: true, resolvedAt: t0, calledBackAt: t0 + 30 * hour }),
      complaint({ callbackRequired: true, closedAt: t0 + 2 * hour }),
      complaint({ callbackRequired: true }),
      complaint({ resolvedAt: t0, calledBackAt: t0 + 100 * hour }),
    ];
    expect(callbackTimeliness(list)).toEqual({ value: 1 / 3, numerator: 1, denominator: 3, excluded: 1 });
  });
  it('seed 002: follow-up after closing, 3 days (or a bound working-day deadline)', () => {
    const list = [complaint({ closedAt: t0, followedUpAt: t0 + 70 * hour }), complaint({ closedAt: t0, followedUpAt: t0 + 80 * hour })];
    // all complaints, 72 h from closing: 1 ÷ 2
    expect(callbackTimeliness(list, { required: 'all', doneAt: 'followedUpAt', from: 'closedAt', withinHours: 72 }).value).toBe(0.5);
  });
  it('zero denominator', () => {
    expect(callbackTimeliness([complaint()]).reason).toBe('no complaints needing a callback');
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Complaint } from '../../src/records/index.js';
import {
  CalendarError,
  calendars,
  checkSla,
  defineCalendar,
  defineSlaRuleSet,
  msInHour,
  msInMinute,
  ruleDeadline,
  slaCompliance,
  slaComplianceAccumulator,
  slaDeadlineFor,
  slaRuleSets,
  type SlaRuleSetDefinition,
  type SlaStep,
} from '../../src/calendar/index.js';

const cn = (local: string) => Date.parse(`${local}+08:00`);
const { chinaMainland, platformWeekdays } = calendars;
const step = (steps: SlaStep[], ruleId: string): SlaStep => {
  const found = steps.find((s) => s.ruleId === ruleId);
  if (found === undefined) throw new Error(`no step ${ruleId}`);
  return found;
};

describe('seed 000: platformServiceProvider', () => {
  const set = slaRuleSets.platformServiceProvider;
  const now = cn('2026-04-01T00:00:00');

  it('order confirmed within 30 min of payment; 31 min counts against the rating', () => {
    const [s] = checkSla({ paidAt: cn('2026-03-09T10:00:00'), confirmedAt: cn('2026-03-09T10:31:00') }, set, platformWeekdays, { now });
    expect(s).toMatchObject({ ruleId: 'orderConfirmation', status: 'missed', dueAt: cn('2026-03-09T10:30:00'), lateMs: 1 * msInMinute });
    expect(s?.consequence?.code).toBe('ratingPenalty');
  });

  it('complaint filed Friday 19:30 is due by 10:00 the next day (the literal 次日: Saturday)', () => {
    const filedAt = cn('2026-03-06T19:30:00');
    const review = step(checkSla({ filedAt, reviewedAt: cn('2026-03-07T09:40:00') }, set, platformWeekdays, { now }), 'complaintReview');
    expect(review).toMatchObject({ status: 'met', dueAt: cn('2026-03-07T10:00:00'), lateMs: 0, consequence: null });
    // Reviewed Monday 09:30: Sat 10:00 → Mon 09:30 = 24 h + 23 h 30 min = 47 h 30 min late → missed, the platform decides.
    const late = step(checkSla({ filedAt, reviewedAt: cn('2026-03-09T09:30:00') }, set, platformWeekdays, { now }), 'complaintReview');
    expect(late.status).toBe('missed');
    expect(late.lateMs).toBe(47.5 * msInHour);
    expect(late.consequence?.code).toBe('platformDecides');
  });

  it('with nextDay: workingDay the same filing is due Monday 10:00 (configurable reading)', () => {
    const within = { amount: 1, unit: 'hours', overnight: { from: '18:00', to: '09:00', dueBy: '10:00', nextDay: 'workingDay' } } as const;
    expect(ruleDeadline(platformWeekdays, within, cn('2026-03-06T19:30:00')).getTime()).toBe(cn('2026-03-09T10:00:00'));
    // Before a National Day holiday on the China calendar: Tue 2025-09-30 19:00 → Thu Oct 9 10:00
    expect(ruleDeadline(chinaMainland, within, cn('2025-09-30T19:00:00')).getTime()).toBe(cn('2025-10-09T10:00:00'));
  });

  it.each([
    ['2026-03-09T09:00:00', '2026-03-09T10:00:00', 'opening: 1 h'],
    ['2026-03-09T17:30:00', '2026-03-09T18:30:00', 'before 18:00: 1 h'],
    ['2026-03-09T18:00:00', '2026-03-10T10:00:00', '18:00 opens the night window'],
    ['2026-03-10T02:00:00', '2026-03-10T10:00:00', '02:00 belongs to the night that began the evening before'],
    ['2026-03-10T08:59:00', '2026-03-10T10:00:00', 'just before 09:00'],
  ])('complaint review: filed %s → due %s (%s)', (filed, due) => {
    const [, review] = checkSla({ filedAt: cn(filed) }, set, platformWeekdays, { now: cn(filed) });
    expect(review).toMatchObject({ ruleId: 'complaintReview', status: 'pending', dueAt: cn(due), doneAt: null });
  });

  it('contact within 1 h of acceptance (exactly 1 h is on time); rectify within 24 h of confirmation', () => {
    const steps = checkSla(
      {
        filedAt: cn('2026-03-09T10:00:00'),
        reviewedAt: cn('2026-03-09T10:20:00'),
        acceptedAt: cn('2026-03-09T14:00:00'),
        firstContactAt: cn('2026-03-09T15:00:00'),
        confirmedAt: cn('2026-03-09T16:00:00'),
        rectifiedAt: cn('2026-03-10T16:00:01'),
      },
      set,
      platformWeekdays,
      { now },
    );
    expect(steps.map((s) => [s.ruleId, s.status])).toEqual([
      ['orderConfirmation', 'notStarted'],
      ['complaintReview', 'met'],
      ['firstContact', 'met'],
      ['rectification', 'missed'],
    ]);
    expect(step(steps, 'rectification')).toMatchObject({ lateMs: 1000, consequence: { code: 'deemedValidRefund' } });
  });

  it('open steps are pending before the due time and overdue after it', () => {
    const record = { acceptedAt: cn('2026-03-09T14:00:00') };
    expect(step(checkSla(record, set, platformWeekdays, { now: cn('2026-03-09T14:30:00') }), 'firstContact')).toMatchObject({ status: 'pending', lateMs: 0 });
    const overdue = step(checkSla(record, set, platformWeekdays, { now: '2026-03-09T15:45:00+08:00' }), 'firstContact');
    expect(overdue).toMatchObject({ status: 'overdue', lateMs: 45 * msInMinute, consequence: { code: 'deemedValidRefund' } });
  });
});

describe('seed 002: ecommerceComplaintLevels', () => {
  const set = slaRuleSets.ecommerceComplaintLevels;
  const now = cn('2026-06-01T00:00:00');

  it('level 1: agent responds within 1 h, resolved within 24 h', () => {
    const steps = checkSla(
      { level: 1, filedAt: cn('2026-03-09T10:00:00'), firstContactAt: cn('2026-03-09T10:45:00'), resolvedAt: cn('2026-03-10T11:00:00') },
      set,
      chinaMainland,
      { now },
    );
    expect(steps.map((s) => s.ruleId)).toEqual(['level1Response', 'level1Resolution']);
    expect(step(steps, 'level1Response').status).toBe('met');
    expect(step(steps, 'level1Resolution')).toMatchObject({ status: 'missed', lateMs: 1 * msInHour }); // due Tue 10:00
  });

  it('level 2: the first of a contact or a reply counts as the response (2 h); resolved and followed up within 48 h', () => {
    const complaint = { level: 2, filedAt: cn('2026-03-09T10:00:00'), repliedAt: cn('2026-03-09T11:50:00'), firstContactAt: cn('2026-03-09T12:30:00'), resolvedAt: cn('2026-03-11T09:00:00') };
    const steps = checkSla({ ...complaint, followedUpAt: cn('2026-03-11T10:00:00') }, set, chinaMainland, { now });
    expect(step(steps, 'level2Response')).toMatchObject({ status: 'met', doneAt: cn('2026-03-09T11:50:00') });
    // 解决并回访: done when the later of the two is, here the follow-up at exactly 48 h.
    expect(step(steps, 'level2Resolution')).toMatchObject({ status: 'met', dueAt: cn('2026-03-11T10:00:00'), doneAt: cn('2026-03-11T10:00:00') });
    // Resolved in time but never followed up, and the 48 h are past at `now`: overdue (not done).
    expect(step(checkSla(complaint, set, chinaMainland, { now }), 'level2Resolution').status).toBe('overdue');
  });

  it('level 3: responds within 24 h, resolved within 7 working days across Spring Festival and two exchanged Saturdays', () => {
    // Filed Fri 2026-02-13 10:00. Working days: Sat 14 (worked) 1; Feb 15–23 off; Tue 24 2, Wed 25 3, Thu 26 4,
    // Fri 27 5, Sat 28 (worked) 6, Mon Mar 2 7 → due Mon 2026-03-02 10:00.
    const steps = checkSla({ level: 3, filedAt: cn('2026-02-13T10:00:00'), firstContactAt: cn('2026-02-14T09:30:00') }, set, chinaMainland, {
      now: cn('2026-03-02T09:00:00'),
    });
    expect(step(steps, 'level3Response')).toMatchObject({ status: 'met', dueAt: cn('2026-02-14T10:00:00') });
    expect(step(steps, 'level3Resolution')).toMatchObject({ status: 'pending', dueAt: cn('2026-03-02T10:00:00') });
  });

  it('a complaint without a level gets no level rules', () => {
    expect(checkSla({ filedAt: cn('2026-03-09T10:00:00') }, set, chinaMainland, { now })).toEqual([]);
  });
});

describe('seed 003: gasUtilityComplaintLevels', () => {
  const set = slaRuleSets.gasUtilityComplaintLevels;

  it('keeps the seed’s limits: 2 h, 48 h, 4 and 7 working days', () => {
    expect(set.rules.map((r) => [r.levels, r.within.amount, r.within.unit])).toEqual([
      [[1], 2, 'hours'],
      [[2], 48, 'hours'],
      [[3], 4, 'workingDays'],
      [[4], 7, 'workingDays'],
    ]);
  });

  it('level 3 filed the day before National Day: 4 working days end Mon 2025-10-13', () => {
    // Accepted Tue 2025-09-30 10:00; Oct 1–8 off; Thu 9 1, Fri 10 2, Sat 11 (worked) 3, Mon 13 4 → Oct 13 10:00
    const record = { level: 3, filedAt: cn('2025-09-30T09:30:00'), acceptedAt: cn('2025-09-30T10:00:00'), resolvedAt: cn('2025-10-13T09:00:00'), repliedAt: cn('2025-10-13T09:50:00') };
    const [s] = checkSla(record, set, chinaMainland, { now: cn('2025-12-01T00:00:00') });
    expect(s).toMatchObject({ ruleId: 'level3Resolution', status: 'met', startedAt: cn('2025-09-30T10:00:00'), dueAt: cn('2025-10-13T10:00:00'), doneAt: cn('2025-10-13T09:50:00') });
    // Resolved in time but answered at 11:00: the seed's clock stops when resolved AND answered → missed by 1 h
    const [late] = checkSla({ ...record, repliedAt: cn('2025-10-13T11:00:00') }, set, chinaMainland, { now: cn('2025-12-01T00:00:00') });
    expect(late).toMatchObject({ status: 'missed', lateMs: 1 * msInHour });
  });

  it('level 4 from the same day: 7 working days → Thu 2025-10-16; without acceptance the filing starts the clock', () => {
    // Thu 9, Fri 10, Sat 11, Mon 13, Tue 14, Wed 15, Thu 16
    const [s] = checkSla({ level: 4, filedAt: cn('2025-09-30T10:00:00'), resolvedAt: cn('2025-10-15T10:00:00') }, set, chinaMainland, {
      now: cn('2025-10-17T10:00:00'),
    });
    expect(s).toMatchObject({ status: 'overdue', startedAt: cn('2025-09-30T10:00:00'), dueAt: cn('2025-10-16T10:00:00'), lateMs: 24 * msInHour });
  });

  it('a deadline across an exchanged Saturday: level 3 accepted Fri 2025-10-10 15:00 is due Wed Oct 15 15:00', () => {
    // Sat 11 (worked) 1, Mon 13 2, Tue 14 3, Wed 15 4; on platformWeekdays (no exchange) it would be Thu Oct 16.
    const record = { level: 3, filedAt: cn('2025-10-10T15:00:00') };
    expect(checkSla(record, set, chinaMainland, { now: 0 })[0]?.dueAt).toBe(cn('2025-10-15T15:00:00'));
    expect(checkSla(record, set, platformWeekdays, { now: 0 })[0]?.dueAt).toBe(cn('2025-10-16T15:00:00'));
  });

  it('level 1: 2 h elapsed', () => {
    const [s] = checkSla({ level: 1, filedAt: cn('2026-03-09T17:00:00'), resolvedAt: cn('2026-03-09T18:30:00'), repliedAt: cn('2026-03-09T18:40:00') }, set, chinaMainland, { now: 0 });
    expect(s).toMatchObject({ status: 'met', dueAt: cn('2026-03-09T19:00:00') });
  });
});

describe('seed 001 hotlineCallback and seed 002 ecommerceFollowUp', () => {
  it('callback within 24 h of handling, only when a callback is required', () => {
    const set = slaRuleSets.hotlineCallback;
    const base = { filedAt: cn('2026-03-09T10:00:00'), resolvedAt: cn('2026-03-09T15:00:00') };
    expect(checkSla({ ...base, callbackRequired: true, calledBackAt: cn('2026-03-10T14:00:00') }, set, chinaMainland)[0]).toMatchObject({ status: 'met', dueAt: cn('2026-03-10T15:00:00') });
    expect(checkSla({ ...base, callbackRequired: false }, set, chinaMainland)).toEqual([]);
    expect(checkSla({ ...base }, set, chinaMainland)).toEqual([]);
    // Only closed, not marked resolved: the closing starts the clock.
    expect(checkSla({ filedAt: base.filedAt, closedAt: cn('2026-03-09T16:00:00'), callbackRequired: true }, set, chinaMainland, { now: cn('2026-03-11T00:00:00') })[0]).toMatchObject({
      status: 'overdue',
      dueAt: cn('2026-03-10T16:00:00'),
    });
  });

  it('follow-up within 3 working days, across the exchanged Saturday 2026-05-09', () => {
    // Resolved Thu May 7 16:00: Fri 8 1, Sat 9 (worked) 2, Mon 11 3 → Mon May 11 16:00
    const [s] = checkSla({ filedAt: cn('2026-05-06T10:00:00'), resolvedAt: cn('2026-05-07T16:00:00'), followedUpAt: cn('2026-05-11T15:00:00') }, slaRuleSets.ecommerceFollowUp, chinaMainland);
    expect(s).toMatchObject({ status: 'met', dueAt: cn('2026-05-11T16:00:00') });
    // Resolved Thu Apr 30 16:00 before Labour Day (May 1–5): Wed 6, Thu 7, Fri 8 → Fri May 8 16:00
    const [t] = checkSla({ filedAt: cn('2026-04-29T10:00:00'), resolvedAt: cn('2026-04-30T16:00:00') }, slaRuleSets.ecommerceFollowUp, chinaMainland, { now: cn('2026-05-08T16:00:00') });
    expect(t).toMatchObject({ status: 'pending', dueAt: cn('2026-05-08T16:00:00') });
  });
});

describe('checkSla input', () => {
  it('accepts Complaint records, Dates and ISO strings; refuses a field that holds no instant', () => {
    const complaint: Complaint = { id: 'c1', level: 1, filedAt: cn('2026-03-09T10:00:00') };
    expectTypeOf(checkSla(complaint, slaRuleSets.gasUtilityComplaintLevels, chinaMainland)).toEqualTypeOf<SlaStep[]>();
    const asDates = { level: 1, filedAt: new Date(cn('2026-03-09T10:00:00')), resolvedAt: '2026-03-09T11:00:00+08:00', repliedAt: '2026-03-09T03:30:00Z' };
    expect(checkSla(asDates, slaRuleSets.gasUtilityComplaintLevels, chinaMainland)[0]?.status).toBe('met');
    expect(() => checkSla({ id: 'c9', level: 1, filedAt: 'yesterday' }, slaRuleSets.gasUtilityComplaintLevels, chinaMainland)).toThrow(
      /Invalid record "c9": 1 problem\n✖ expected an ISO 8601 timestamp.*got "yesterday" → at filedAt/,
    );
  });
});

describe('slaCompliance', () => {
  const set = slaRuleSets.hotlineCallback;
  const now = cn('2026-03-20T00:00:00');
  const resolvedAt = cn('2026-03-09T15:00:00');
  const records = [
    { callbackRequired: true, resolvedAt, calledBackAt: resolvedAt + 2 * msInHour }, // met
    { callbackRequired: true, resolvedAt, calledBackAt: resolvedAt + 30 * msInHour }, // missed
    { callbackRequired: true, resolvedAt }, // overdue at `now`
    { callbackRequired: true, resolvedAt: now - msInHour }, // pending
    { callbackRequired: true }, // not started
    { callbackRequired: false, resolvedAt }, // does not apply
  ];

  it('rate = met ÷ (met + missed + overdue); pending and not started are counted, not rated', () => {
    const result = slaCompliance(records, set, chinaMainland, { now });
    expect(result.rules['callback']).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3, met: 1, missed: 1, overdue: 1, pending: 1, notStarted: 1 });
    expect(result.overall).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    // the callbackRequired: false record is subject to no rule
    expect(result.unmatched).toBe(1);
  });

  it('records no rule applies to are counted in `unmatched`, not dropped', () => {
    // gas utility levels 1–4: a level-5 and a level-less complaint match no rule; the level-1 one
    // (accepted 10:00, resolved and replied 11:00, within 2 h) is met.
    const accepted = cn('2026-03-09T10:00:00');
    const complaints = [
      { level: 1, acceptedAt: accepted, resolvedAt: accepted + msInHour, repliedAt: accepted + msInHour },
      { level: 5, acceptedAt: accepted },
      { acceptedAt: accepted },
    ];
    const result = slaCompliance(complaints, slaRuleSets.gasUtilityComplaintLevels, chinaMainland, { now });
    expect(result.overall).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(result.unmatched).toBe(2);
  });

  it('an empty denominator gives null with a reason, never NaN', () => {
    const empty = slaCompliance([], set, chinaMainland, { now });
    expect(empty.rules['callback']).toMatchObject({ value: null, numerator: 0, denominator: 0, reason: 'no record this rule applies to' });
    expect(empty.overall.value).toBeNull();
    const onlyPending = slaCompliance([records[3]!], set, chinaMainland, { now });
    expect(onlyPending.rules['callback']?.reason).toMatch(/pending/);
  });

  it('merging any split equals the whole', () => {
    const acc = slaComplianceAccumulator(set, chinaMainland, { now });
    const whole = acc.result(records.reduce(acc.add, acc.empty()));
    const left = records.slice(0, 2).reduce(acc.add, acc.empty());
    const right = records.slice(2).reduce(acc.add, acc.empty());
    expect(acc.result(acc.merge(right, left))).toEqual(whole);
  });
});

describe('defineSlaRuleSet', () => {
  it('lists every problem with its path', () => {
    let err: unknown;
    try {
      defineSlaRuleSet({
        id: 'x',
        label: { zh: 'x', en: 'x' },
        rules: [
          { id: 'a', label: { zh: 'a', en: 'a' }, start: 'filedAt', stop: 'repliedAt', within: { amount: 1.5, unit: 'workingDays' } },
          { id: 'a', label: { zh: 'b', en: 'b' }, start: [], stop: 'repliedAt', within: { amount: 1, unit: 'fortnights', overnight: { from: '08:00', to: '18:00', dueBy: '25:00' } } },
        ],
      } as unknown as SlaRuleSetDefinition);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarError);
    const paths = (err as CalendarError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['rules.0.within.amount', 'rules.1.start', 'rules.1.within.unit', 'rules.1.within.overnight.dueBy']));
    expect((err as CalendarError).subject).toBe('ruleSet');
  });

  it('refuses a deadline longer than a year, naming the unit’s limit (1e9 working days would walk the calendar for hours)', () => {
    for (const [amount, unit, max] of [[1e9, 'workingDays', 366], [1e12, 'hours', 8784], [367, 'days', 366], [527_041, 'workingMinutes', 527_040]] as const) {
      expect(() =>
        defineSlaRuleSet({ id: 'x', label: { zh: 'x', en: 'x' }, rules: [{ id: 'r', label: { zh: 'r', en: 'r' }, start: 'filedAt', stop: 'repliedAt', within: { amount, unit } }] }),
        `${amount} ${unit}`,
      ).toThrow(`expected at most a year: ${max} ${unit} → at rules[0].within.amount`);
    }
    // A year itself is allowed.
    expect(defineSlaRuleSet({ id: 'x', label: { zh: 'x', en: 'x' }, rules: [{ id: 'r', label: { zh: 'r', en: 'r' }, start: 'filedAt', stop: 'repliedAt', within: { amount: 366, unit: 'workingDays' } }] }).rules[0]!.within.amount).toBe(366);
  });

  it('rejects duplicate rule ids and a night window that does not cross midnight', () => {
    const rule = { id: 'a', label: { zh: 'a', en: 'a' }, start: 'filedAt', stop: 'repliedAt', within: { amount: 1, unit: 'hours' as const } };
    expect(() => defineSlaRuleSet({ id: 'x', label: { zh: 'x', en: 'x' }, rules: [rule, rule] })).toThrow(/unique rule id, got "a" twice → at rules\[1\]\.id/);
    expect(() =>
      defineSlaRuleSet({
        id: 'x',
        label: { zh: 'x', en: 'x' },
        rules: [{ ...rule, within: { amount: 1, unit: 'hours', overnight: { from: '08:00', to: '18:00', dueBy: '10:00' } } }],
      }),
    ).toThrow(/crosses midnight/);
  });

  it('defaults levelField and the night rule’s next day', () => {
    const set = defineSlaRuleSet({
      id: 'x',
      label: { zh: 'x', en: 'x' },
      rules: [{ id: 'a', label: { zh: 'a', en: 'a' }, start: 'filedAt', stop: { allOf: ['resolvedAt', 'repliedAt'] }, within: { amount: 1, unit: 'hours', overnight: { from: '20:00', to: '08:00', dueBy: '09:00' } } }],
    });
    expect(set.levelField).toBe('level');
    expect(set.rules[0]?.within.overnight?.nextDay).toBe('calendarDay');
    expect(set.rules[0]?.stop).toEqual({ fields: ['resolvedAt', 'repliedAt'], when: 'all' });
    expect(Object.isFrozen(set.rules[0])).toBe(true);
  });
});

describe('slaDeadlineFor', () => {
  it('gives the due instant of the rule that applies, for the metrics room’s deadline option', () => {
    const deadline = slaDeadlineFor(slaRuleSets.gasUtilityComplaintLevels, chinaMainland);
    // Level 3 accepted Tue 2025-09-30 10:00 → Mon Oct 13 10:00 (see the seed 003 tests above)
    expect(deadline({ level: 3, filedAt: cn('2025-09-30T10:00:00') })).toBe(cn('2025-10-13T10:00:00'));
    expect(deadline({ level: 1, filedAt: cn('2025-09-30T10:00:00') })).toBe(cn('2025-09-30T12:00:00'));
    expect(deadline({ level: 9, filedAt: cn('2025-09-30T10:00:00') })).toBeUndefined();
    const callback = slaDeadlineFor(slaRuleSets.hotlineCallback, chinaMainland, { ruleId: 'callback' });
    expect(callback({ callbackRequired: true })).toBeUndefined(); // not handled yet
    expect(() => slaDeadlineFor(slaRuleSets.hotlineCallback, chinaMainland, { ruleId: 'nope' })).toThrow(/expected one of "callback", got "nope" → at ruleId/);
  });
});

describe('ruleDeadline units', () => {
  const nyOffice = defineCalendar({
    timeZone: 'America/New_York',
    workingHours: { monday: '09:00-17:00', tuesday: '09:00-17:00', wednesday: '09:00-17:00', thursday: '09:00-17:00', friday: '09:00-17:00' },
  });
  const est = (local: string) => Date.parse(`${local}-05:00`);
  const edt = (local: string) => Date.parse(`${local}-04:00`);

  it('a deadline across the New York spring-forward night (2026-03-08)', () => {
    const start = est('2026-03-07T12:00:00'); // Saturday noon EST
    // 24 elapsed hours end at 13:00 EDT on Sunday; 1 calendar day keeps the wall clock: 12:00 EDT, 23 h later
    expect(ruleDeadline(nyOffice, { amount: 24, unit: 'hours' }, start).getTime()).toBe(edt('2026-03-08T13:00:00'));
    expect(ruleDeadline(nyOffice, { amount: 1, unit: 'days' }, start).getTime()).toBe(edt('2026-03-08T12:00:00'));
    // 4 working hours from Saturday: Monday 09:00 EDT + 4 h = 13:00 EDT; 90 working minutes → 10:30 EDT
    expect(ruleDeadline(nyOffice, { amount: 4, unit: 'workingHours' }, start).getTime()).toBe(edt('2026-03-09T13:00:00'));
    expect(ruleDeadline(nyOffice, { amount: 90, unit: 'workingMinutes' }, start).getTime()).toBe(edt('2026-03-09T10:30:00'));
    // Seed 000's night rule in New York: Saturday 23:00 EST is due Sunday 10:00 EDT (the night is 1 h short)
    const night = { amount: 1, unit: 'hours', overnight: { from: '18:00', to: '09:00', dueBy: '10:00', nextDay: 'calendarDay' } } as const;
    expect(ruleDeadline(nyOffice, night, est('2026-03-07T23:00:00')).getTime()).toBe(edt('2026-03-08T10:00:00'));
  });
});

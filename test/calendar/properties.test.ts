import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingTime,
  CalendarError,
  calendars,
  checkSla,
  defineCalendar,
  isWorkingTime,
  nextWorkingTime,
  slaRuleSets,
  workingTimeBetween,
  type BusinessCalendar,
  type CalendarDefinition,
} from '../../src/calendar/index.js';

const newYorkShifts = defineCalendar({
  timeZone: 'America/New_York',
  workingHours: {
    monday: ['08:00-12:00', '13:00-17:00'],
    tuesday: ['08:00-12:00', '13:00-17:00'],
    wednesday: '22:00-06:00',
    friday: '00:00-24:00',
    saturday: '01:30-03:30', // crosses the spring-forward gap and the fall-back repeat
  },
  holidays: ['2026-07-03', '2026-11-26'],
});
const berlin = defineCalendar({ timeZone: 'Europe/Berlin', workingHours: { sunday: '02:00-03:00', monday: '08:00-16:00', thursday: '20:00-04:00' } });

const cases: [string, BusinessCalendar][] = [
  ['chinaMainland', calendars.chinaMainland],
  ['New York shifts', newYorkShifts],
  ['Berlin', berlin],
];

// Instants over 2025–2026, milliseconds included, and working durations up to 300 h.
const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') });
const durationMs = fc.integer({ min: 0, max: 300 * 3_600_000 });
const duration = durationMs.map((ms) => ({ seconds: ms / 1000 }));

describe.each(cases)('working-time properties on %s', (_name, cal) => {
  it('addWorkingTime is monotone in the start and in the duration', () => {
    fc.assert(
      fc.property(instant, instant, durationMs, durationMs, (a, b, d1, d2) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [dLo, dHi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const s = { seconds: dLo / 1000 };
        expect(addWorkingTime(cal, lo, s).getTime()).toBeLessThanOrEqual(addWorkingTime(cal, hi, s).getTime());
        expect(addWorkingTime(cal, lo, s).getTime()).toBeLessThanOrEqual(addWorkingTime(cal, lo, { seconds: dHi / 1000 }).getTime());
      }),
    );
  });

  it('workingTimeBetween(a, addWorkingTime(a, d)) = d', () => {
    fc.assert(
      fc.property(instant, duration, (a, d) => {
        expect(workingTimeBetween(cal, a, addWorkingTime(cal, a, d))).toBe(Math.round(d.seconds * 1000));
      }),
    );
  });

  it('nextWorkingTime(t) is working time and nothing between t and it is', () => {
    fc.assert(
      fc.property(instant, fc.double({ min: 0, max: 1, noNaN: true }), (t, f) => {
        const next = nextWorkingTime(cal, t).getTime();
        expect(next).toBeGreaterThanOrEqual(t);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(workingTimeBetween(cal, t, next)).toBe(0);
        const inBetween = t + Math.floor((next - t) * f);
        if (inBetween < next) expect(isWorkingTime(cal, inBetween)).toBe(false);
      }),
    );
  });

  it('workingTimeBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingTimeBetween(cal, a, b) + workingTimeBetween(cal, b, c)).toBe(workingTimeBetween(cal, a, c));
        expect(workingTimeBetween(cal, b, a) + workingTimeBetween(cal, a, b)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('addWorkingDays lands on working time, and more days never end earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (t, n, m) => {
        const [lo, hi] = n <= m ? [n, m] : [m, n];
        const due = addWorkingDays(cal, t, lo).getTime();
        expect(isWorkingTime(cal, due)).toBe(true);
        expect(due).toBeLessThanOrEqual(addWorkingDays(cal, t, hi).getTime());
      }),
      { numRuns: 50 },
    );
  });
});

describe('defineCalendar on arbitrary input', () => {
  it('returns a calendar or throws a CalendarError, nothing else', () => {
    const range = fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(
        ([a, b, c, d]) => `${a}:${String(b).padStart(2, '0')}-${c}:${String(d).padStart(2, '0')}`,
      ),
    );
    const definition = fc.record({
      timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Nowhere/City', ''),
      workingHours: fc.dictionary(fc.constantFrom('monday', 'tuesday', 'saturday', 'someday'), fc.oneof(range, fc.array(range, { maxLength: 3 }))),
      holidays: fc.array(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(definition, (def) => {
        try {
          const cal = defineCalendar(def as CalendarDefinition);
          expect(Object.isFrozen(cal)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CalendarError);
          expect((e as CalendarError).issues.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('checkSla on arbitrary records', () => {
  const sets = [slaRuleSets.platformServiceProvider, slaRuleSets.ecommerceComplaintLevels, slaRuleSets.gasUtilityComplaintLevels, slaRuleSets.hotlineCallback, slaRuleSets.ecommerceFollowUp];
  const field = fc.oneof(instant, fc.constant(undefined), fc.constant(null), fc.string(), fc.double(), fc.boolean());
  const record = fc.record(
    {
      id: fc.string(),
      level: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.string()),
      filedAt: field,
      acceptedAt: field,
      reviewedAt: field,
      firstContactAt: field,
      repliedAt: field,
      resolvedAt: field,
      closedAt: field,
      calledBackAt: field,
      followedUpAt: field,
      callbackRequired: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('gives consistent steps or a CalendarError, never NaN', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...sets), instant, (r, set, now) => {
        let steps;
        try {
          steps = checkSla(r, set, calendars.chinaMainland, { now });
        } catch (e) {
          expect(e).toBeInstanceOf(CalendarError);
          return;
        }
        for (const s of steps) {
          for (const v of [s.startedAt, s.dueAt, s.doneAt, s.lateMs]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          if (s.status === 'notStarted') expect(s.dueAt).toBeNull();
          else expect(s.dueAt!).toBeGreaterThanOrEqual(s.startedAt!);
          if (s.status === 'met') expect(s.doneAt!).toBeLessThanOrEqual(s.dueAt!);
          if (s.status === 'missed') expect(s.lateMs).toBe(s.doneAt! - s.dueAt!);
          if (s.status === 'overdue') expect(s.lateMs).toBe(now - s.dueAt!);
        }
      }),
    );
  });
});

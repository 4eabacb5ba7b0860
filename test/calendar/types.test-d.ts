import { expectTypeOf, test } from 'vitest';
import type { Complaint } from '../../src/records/index.js';
import {
  addWorkingDays,
  addWorkingTime,
  calendars,
  checkSla,
  defineCalendar,
  slaCompliance,
  slaRuleSets,
  workingTimeBetween,
  type BusinessCalendar,
  type SlaComplianceResult,
  type SlaStatus,
  type SlaStep,
} from '../../src/calendar/index.js';

test('calendar functions take Date | number | string and give Dates or milliseconds', () => {
  expectTypeOf(calendars.chinaMainland).toEqualTypeOf<BusinessCalendar>();
  expectTypeOf(addWorkingTime(calendars.chinaMainland, new Date(), { hours: 1 })).toEqualTypeOf<Date>();
  expectTypeOf(addWorkingDays(calendars.chinaMainland, 0, 3)).toEqualTypeOf<Date>();
  expectTypeOf(workingTimeBetween(calendars.chinaMainland, '2026-01-01T00:00:00Z', 0)).toEqualTypeOf<number>();
  // @ts-expect-error a working range list, not a number
  defineCalendar({ timeZone: 'UTC', workingHours: { monday: 9 } });
  // @ts-expect-error no such weekday
  defineCalendar({ timeZone: 'UTC', workingHours: { funday: '09:00-18:00' } });
});

test('checkSla reads any record by field name: complaints, orders, your own', () => {
  const complaint = {} as Complaint;
  expectTypeOf(checkSla(complaint, slaRuleSets.gasUtilityComplaintLevels, calendars.chinaMainland)).toEqualTypeOf<SlaStep[]>();
  interface Order {
    id: string;
    paidAt: number;
    confirmedAt?: number;
  }
  expectTypeOf(checkSla({} as Order, slaRuleSets.platformServiceProvider, calendars.platformWeekdays)).toEqualTypeOf<SlaStep[]>();
  expectTypeOf<SlaStep['status']>().toEqualTypeOf<SlaStatus>();
  expectTypeOf<SlaStatus>().toEqualTypeOf<'met' | 'missed' | 'pending' | 'overdue' | 'notStarted'>();
  expectTypeOf(slaCompliance([complaint], slaRuleSets.hotlineCallback, calendars.chinaMainland)).toEqualTypeOf<SlaComplianceResult>();
  expectTypeOf<SlaComplianceResult['overall']['value']>().toEqualTypeOf<number | null>();
});

import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { expect, it } from 'vitest';
import { monthOfIn } from '../../src/report/monthOf.js';
it('monthOfIn agrees with TZDate for any instant and zone, in any order', () => {
  for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
    const monthOf = monthOfIn(zone);
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
      const local = new TZDate(ms, zone);
      expect(monthOf(ms)).toBe(`${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`);
    }), { numRuns: 3000 });
  }
});

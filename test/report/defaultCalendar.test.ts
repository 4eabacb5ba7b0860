import { describe, expect, it } from 'vitest';
import { parseContact } from '../../src/records/index.js';
import { createReportBuilder } from '../../src/report/index.js';

const call = (id: string, offeredAt: string) =>
  parseContact({ id, channel: 'phone', direction: 'inbound', offeredAt, answered: true, waitSeconds: 3 });

describe("the default calendar follows the center's time zone", () => {
  it('a Zurich center is judged on 09:00–18:00 weekdays in Zurich, not in Shanghai', () => {
    const builder = createReportBuilder({ timeZone: 'Europe/Zurich', preset: 'platform-service-provider' });
    // Monday 2021-01-04 10:00 in Zurich (17:00 in Shanghai): in hours in Zurich.
    builder.addContact(call('a', '2021-01-04T10:00:00+01:00'));
    // Monday 2021-01-04 17:30 in Zurich (00:30 Tuesday in Shanghai): still in hours in Zurich.
    builder.addContact(call('b', '2021-01-04T17:30:00+01:00'));
    // Saturday 2021-01-02 10:00 in Zurich: outside working days.
    builder.addContact(call('c', '2021-01-02T10:00:00+01:00'));
    const answerRate = builder.finish().kpis['answerRate'];
    // Seed 000: answered within 5 s in working hours ÷ offered in working hours = 2 / 2.
    expect([answerRate?.numerator, answerRate?.denominator]).toEqual([2, 2]);
  });

  it("a Shanghai center keeps mainland China's official calendar", () => {
    const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', preset: 'platform-service-provider' });
    // 2025-10-11 is a Saturday worked in exchange for the National Day holiday.
    builder.addContact(call('a', '2025-10-11T10:00:00+08:00'));
    // 2025-10-03 is a Friday inside the holiday.
    builder.addContact(call('b', '2025-10-03T10:00:00+08:00'));
    const answerRate = builder.finish().kpis['answerRate'];
    expect([answerRate?.numerator, answerRate?.denominator]).toEqual([1, 1]);
  });
});

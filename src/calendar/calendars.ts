import { chinaMainlandExtraWorkdays, chinaMainlandHolidays } from './data/china-mainland.js';
import { defineCalendar, type BusinessCalendar } from './defineCalendar.js';

// Seed 000: "腾讯公司要求工作时间为早9:00-18:00（电话客服及在线咨询客服），暂定工作日。"
const platformHours = {
  monday: '09:00-18:00',
  tuesday: '09:00-18:00',
  wednesday: '09:00-18:00',
  thursday: '09:00-18:00',
  friday: '09:00-18:00',
} as const;

const allDay = '00:00-24:00';

/**
 * Preset calendars, each built with `defineCalendar` like a user's own.
 *
 * - `alwaysOpen`: 24 h a day, every day, in UTC (elapsed time; seed 003's 24 h emergency line).
 * - `platformWeekdays`: seed 000's 09:00–18:00, Monday to Friday, `Asia/Shanghai`, no holidays.
 * - `chinaMainland`: the same hours on mainland China's official holidays and exchanged working
 *   days for 2025 and 2026 (State Council notices 国办发明电〔2024〕12号 and 〔2025〕7号; see
 *   `data/china-mainland.ts`). Dates outside 2025–2026 are plain weekdays and weekends.
 *
 * @example
 * isWorkingTime(calendars.chinaMainland, '2025-10-11T10:00:00+08:00') //=> true (a Saturday worked in exchange)
 */
export const calendars: {
  readonly alwaysOpen: BusinessCalendar;
  readonly platformWeekdays: BusinessCalendar;
  readonly chinaMainland: BusinessCalendar;
} = Object.freeze({
  alwaysOpen: defineCalendar({
    timeZone: 'UTC',
    workingHours: { sunday: allDay, monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay },
    label: { zh: '全天候', en: 'Always open' },
  }),
  platformWeekdays: defineCalendar({
    timeZone: 'Asia/Shanghai',
    workingHours: platformHours,
    label: { zh: '平台工作日 9:00–18:00', en: 'Platform weekdays 09:00–18:00' },
  }),
  chinaMainland: defineCalendar({
    timeZone: 'Asia/Shanghai',
    workingHours: platformHours,
    holidays: chinaMainlandHolidays,
    extraWorkdays: chinaMainlandExtraWorkdays,
    label: { zh: '中国大陆工作日（含法定节假日与调休）', en: 'Mainland China working days (official holidays and exchanged working days)' },
  }),
});

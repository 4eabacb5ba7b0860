import type { CalendarDefinition } from '../defineCalendar.js';

/**
 * Mainland China's public holidays and exchanged working days (放假调休), as published each
 * November by the General Office of the State Council for the following year.
 *
 * Sources:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12
 *   (Xinhua, "受权发布丨国务院办公厅关于2025年部分节假日安排的通知").
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04
 *   (Xinhua).
 * Each span below is the notice's "放假调休" span, weekend days included; each extra working day
 * is one of the notice's "上班" days. Add a year by appending its notice's dates.
 */
export const chinaMainlandHolidays: NonNullable<CalendarDefinition['holidays']> = [
  // 2025 (国办发明电〔2024〕12号)
  { date: '2025-01-01', name: { zh: '元旦', en: "New Year's Day" } },
  { from: '2025-01-28', to: '2025-02-04', name: { zh: '春节', en: 'Spring Festival' } },
  { from: '2025-04-04', to: '2025-04-06', name: { zh: '清明节', en: 'Qingming Festival' } },
  { from: '2025-05-01', to: '2025-05-05', name: { zh: '劳动节', en: 'Labour Day' } },
  { from: '2025-05-31', to: '2025-06-02', name: { zh: '端午节', en: 'Dragon Boat Festival' } },
  { from: '2025-10-01', to: '2025-10-08', name: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' } },
  // 2026 (国办发明电〔2025〕7号)
  { from: '2026-01-01', to: '2026-01-03', name: { zh: '元旦', en: "New Year's Day" } },
  { from: '2026-02-15', to: '2026-02-23', name: { zh: '春节', en: 'Spring Festival' } },
  { from: '2026-04-04', to: '2026-04-06', name: { zh: '清明节', en: 'Qingming Festival' } },
  { from: '2026-05-01', to: '2026-05-05', name: { zh: '劳动节', en: 'Labour Day' } },
  { from: '2026-06-19', to: '2026-06-21', name: { zh: '端午节', en: 'Dragon Boat Festival' } },
  { from: '2026-09-25', to: '2026-09-27', name: { zh: '中秋节', en: 'Mid-Autumn Festival' } },
  { from: '2026-10-01', to: '2026-10-07', name: { zh: '国庆节', en: 'National Day' } },
];

/** Weekend days worked in exchange for the holidays above (调休上班), from the same notices. */
export const chinaMainlandExtraWorkdays: NonNullable<CalendarDefinition['extraWorkdays']> = [
  // 2025
  { date: '2025-01-26', name: { zh: '春节调休上班（周日）', en: 'Spring Festival exchange (Sunday worked)' } },
  { date: '2025-02-08', name: { zh: '春节调休上班（周六）', en: 'Spring Festival exchange (Saturday worked)' } },
  { date: '2025-04-27', name: { zh: '劳动节调休上班（周日）', en: 'Labour Day exchange (Sunday worked)' } },
  { date: '2025-09-28', name: { zh: '国庆节调休上班（周日）', en: 'National Day exchange (Sunday worked)' } },
  { date: '2025-10-11', name: { zh: '国庆节调休上班（周六）', en: 'National Day exchange (Saturday worked)' } },
  // 2026
  { date: '2026-01-04', name: { zh: '元旦调休上班（周日）', en: "New Year's Day exchange (Sunday worked)" } },
  { date: '2026-02-14', name: { zh: '春节调休上班（周六）', en: 'Spring Festival exchange (Saturday worked)' } },
  { date: '2026-02-28', name: { zh: '春节调休上班（周六）', en: 'Spring Festival exchange (Saturday worked)' } },
  { date: '2026-05-09', name: { zh: '劳动节调休上班（周六）', en: 'Labour Day exchange (Saturday worked)' } },
  { date: '2026-09-20', name: { zh: '国庆节调休上班（周日）', en: 'National Day exchange (Sunday worked)' } },
  { date: '2026-10-10', name: { zh: '国庆节调休上班（周六）', en: 'National Day exchange (Saturday worked)' } },
];

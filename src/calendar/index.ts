export { CalendarError, type CalendarIssue } from './errors.js';
export {
  msInMinute,
  msInHour,
  msInDay,
  minCalendarMs,
  maxCalendarMs,
  calendarWeekdays,
  type CalendarText,
  type CalendarInstant,
  type CalendarWeekday,
  type WorkingRange,
} from './types.js';
export { WorkingClock, type CalendarDay } from './clock.js';
export {
  defineCalendar,
  calendarDefinitionSchema,
  type CalendarDefinition,
  type BusinessCalendar,
  type CalendarDate,
} from './defineCalendar.js';
export { calendars } from './calendars.js';
export { chinaMainlandHolidays, chinaMainlandExtraWorkdays } from './data/china-mainland.js';
export { isWorkingTime } from './isWorkingTime.js';
export { nextWorkingTime } from './nextWorkingTime.js';
export { addWorkingTime } from './addWorkingTime.js';
export { addWorkingDays } from './addWorkingDays.js';
export { workingTimeBetween } from './workingTimeBetween.js';
export {
  defineSlaRuleSet,
  slaRuleSetSchema,
  slaUnits,
  type SlaRuleSetDefinition,
  type SlaRuleSet,
  type SlaRule,
  type SlaDeadline,
  type SlaOvernight,
  type SlaUnit,
  type SlaConsequence,
} from './defineSlaRuleSet.js';
export { slaRuleSets } from './slaRuleSets.js';
export { ruleDeadline } from './ruleDeadline.js';
export { checkSla, type CheckSlaOptions } from './checkSla.js';
export type { SlaStep, SlaStatus } from './slaStep.js';
export {
  slaCompliance,
  slaComplianceAccumulator,
  type SlaComplianceOptions,
  type SlaComplianceResult,
  type SlaComplianceState,
  type SlaComplianceAccumulator,
  type SlaRate,
  type SlaRuleCompliance,
} from './slaCompliance.js';
export { slaDeadlineFor, type SlaDeadlineForOptions } from './slaDeadlineFor.js';

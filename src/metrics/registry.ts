import { answerRateKpi } from './phone/answerRate.js';
import { abandonRateKpi } from './phone/abandonRate.js';
import { serviceLevelKpi } from './phone/serviceLevel.js';
import { averageSpeedOfAnswerKpi } from './phone/averageSpeedOfAnswer.js';
import { ringsToAnswerKpi } from './phone/ringsToAnswer.js';
import { averageHandleTimeKpi } from './phone/averageHandleTime.js';
import { firstResponseTimeKpi } from './chat/firstResponseTime.js';
import { averageResponseTimeKpi } from './chat/averageResponseTime.js';
import { satisfactionRateKpi } from './voice/satisfactionRate.js';
import { csatKpi } from './voice/csat.js';
import { surveyResponseRateKpi } from './voice/surveyResponseRate.js';
import { npsKpi } from './voice/nps.js';
import { firstContactResolutionKpi } from './resolution/firstContactResolution.js';
import { escalationRateKpi } from './resolution/escalationRate.js';
import { replyRateKpi } from './complaints/replyRate.js';
import { replyTimelinessKpi } from './complaints/replyTimeliness.js';
import { repeatComplaintRateKpi } from './complaints/repeatComplaintRate.js';
import { complaintSatisfactionKpi } from './complaints/complaintSatisfaction.js';
import { consultationSatisfactionKpi } from './complaints/consultationSatisfaction.js';
import { callbackTimelinessKpi } from './complaints/callbackTimeliness.js';
import { scriptComplianceKpi } from './quality/scriptCompliance.js';
import { recordCompletenessKpi } from './quality/recordCompleteness.js';
import { qaSamplingRateKpi } from './quality/qaSamplingRate.js';
import { qaScoreKpi } from './quality/qaScore.js';

/**
 * Every KPI by its public name. The names are the public API (target presets, report columns
 * and `computeKpis` requests use them).
 */
export const kpiDefinitions = {
  answerRate: answerRateKpi,
  abandonRate: abandonRateKpi,
  serviceLevel: serviceLevelKpi,
  averageSpeedOfAnswer: averageSpeedOfAnswerKpi,
  ringsToAnswer: ringsToAnswerKpi,
  averageHandleTime: averageHandleTimeKpi,
  firstResponseTime: firstResponseTimeKpi,
  averageResponseTime: averageResponseTimeKpi,
  satisfactionRate: satisfactionRateKpi,
  csat: csatKpi,
  surveyResponseRate: surveyResponseRateKpi,
  nps: npsKpi,
  firstContactResolution: firstContactResolutionKpi,
  escalationRate: escalationRateKpi,
  replyRate: replyRateKpi,
  replyTimeliness: replyTimelinessKpi,
  repeatComplaintRate: repeatComplaintRateKpi,
  complaintSatisfaction: complaintSatisfactionKpi,
  consultationSatisfaction: consultationSatisfactionKpi,
  callbackTimeliness: callbackTimelinessKpi,
  scriptCompliance: scriptComplianceKpi,
  recordCompleteness: recordCompletenessKpi,
  qaSamplingRate: qaSamplingRateKpi,
  qaScore: qaScoreKpi,
} as const;

/** The name of a KPI. */
export type KpiName = keyof typeof kpiDefinitions;
type DefinitionOf<K extends KpiName> = (typeof kpiDefinitions)[K];
type AccumulatorOf<K extends KpiName> = ReturnType<DefinitionOf<K>['accumulator']>;
/** The options a KPI takes. */
export type KpiOptions<K extends KpiName> = NonNullable<Parameters<DefinitionOf<K>['accumulator']>[0]>;
/** What a KPI returns. */
export type KpiResultOf<K extends KpiName> = ReturnType<AccumulatorOf<K>['result']>;
/** The record a KPI reads. */
export type KpiRecordOf<K extends KpiName> = Parameters<AccumulatorOf<K>['add']>[1];
/** Options for several KPIs at once, by name. */
export type KpiOptionsByName = { readonly [K in KpiName]?: KpiOptions<K> };

/** The names of the phone KPIs (the benchmark's "all phone KPIs"). */
export const phoneKpiNames = [
  'answerRate',
  'abandonRate',
  'serviceLevel',
  'averageSpeedOfAnswer',
  'ringsToAnswer',
  'averageHandleTime',
] as const satisfies readonly KpiName[];

/**
 * Whether `name` is a KPI name.
 *
 * @example
 * isKpiName('answerRate') //=> true
 */
export function isKpiName(name: unknown): name is KpiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(kpiDefinitions, name);
}

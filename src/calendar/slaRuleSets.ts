import { defineSlaRuleSet, type SlaRuleSet } from './defineSlaRuleSet.js';

const platformDecides = { code: 'platformDecides', label: { zh: '平台直接给出审核结果', en: 'The platform decides the review itself' } };
const deemedValidRefund = { code: 'deemedValidRefund', label: { zh: '平台默认用户投诉有效，做退款处理', en: 'The complaint is deemed valid and refunded' } };
const ratingPenalty = { code: 'ratingPenalty', label: { zh: '影响服务商评分和排序', en: "Counts against the provider's rating and ranking" } };

// "Responded" in seed 002 is the first contact with the customer, or a reply, whichever comes first.
const firstResponse = { anyOf: ['firstContactAt', 'repliedAt'] };

/**
 * Preset rule sets, one a seed standard, each built with `defineSlaRuleSet`.
 *
 * - `platformServiceProvider` (seed 000 §二.2, §四): order confirmed within 30 min of payment
 *   (`paidAt` → `confirmedAt`, on order records); complaint reviewed within 1 h, or by 10:00 the
 *   next day when filed 18:00–09:00 (`filedAt` → `reviewedAt`); customer contacted within 1 h of
 *   acceptance (`acceptedAt` → `firstContactAt`); rectified within 24 h of confirmation
 *   (`confirmedAt` → `rectifiedAt`). Elapsed time, as the seed words it ("1小时内", "24小时内").
 * - `ecommerceComplaintLevels` (seed 002 §3.3.2): level 1 response 1 h / resolved 24 h; level 2
 *   2 h / 48 h; level 3 24 h / 7 working days (`filedAt` → first contact or reply; → `resolvedAt`).
 * - `gasUtilityComplaintLevels` (seed 003 §四.2 投诉解决时限): from acceptance (`acceptedAt`, else
 *   `filedAt`) until resolved AND answered (`resolvedAt` and `repliedAt`): level 1 2 h, level 2
 *   48 h, level 3 4 working days, level 4 7 working days.
 * - `hotlineCallback` (seed 001 回访): complaints and complex issues marked `callbackRequired`
 *   are called back within 24 h of being handled (`resolvedAt`, else `closedAt` → `calledBackAt`).
 * - `ecommerceFollowUp` (seed 002 §3.3.3 售后回访): follow-up within 3 working days of the
 *   handling's completion (`resolvedAt`, else `closedAt` → `followedUpAt`).
 *
 * @example
 * slaRuleSets.gasUtilityComplaintLevels.rules.map((r) => r.within.amount) //=> [2, 48, 4, 7]
 */
export const slaRuleSets: {
  readonly platformServiceProvider: SlaRuleSet;
  readonly ecommerceComplaintLevels: SlaRuleSet;
  readonly gasUtilityComplaintLevels: SlaRuleSet;
  readonly hotlineCallback: SlaRuleSet;
  readonly ecommerceFollowUp: SlaRuleSet;
} = Object.freeze({
  platformServiceProvider: defineSlaRuleSet({
    id: 'platformServiceProvider',
    label: { zh: '平台服务商时限', en: 'Platform service provider deadlines' },
    rules: [
      {
        id: 'orderConfirmation',
        label: { zh: '30分钟内确认订单', en: 'Confirm a paid order within 30 min' },
        start: 'paidAt',
        stop: 'confirmedAt',
        within: { amount: 30, unit: 'minutes' },
        onMiss: ratingPenalty,
        source: 'seed 000 §二.2: 服务商需在30分钟内，对订单操作',
      },
      {
        id: 'complaintReview',
        label: { zh: '1小时内审核投诉（18:00–9:00提交的次日10点前）', en: 'Review a complaint within 1 h (filed 18:00–09:00: by 10:00 the next day)' },
        start: 'filedAt',
        stop: 'reviewedAt',
        within: { amount: 1, unit: 'hours', overnight: { from: '18:00', to: '09:00', dueBy: '10:00', nextDay: 'calendarDay' } },
        onMiss: platformDecides,
        source: 'seed 000 §四.1: 用户建立投诉单后，需在1小时内审核完成；当日18:00-次日9:00提交的投诉单，必须在次日10点前审核完成',
      },
      {
        id: 'firstContact',
        label: { zh: '受理后1小时内联系用户', en: 'Contact the customer within 1 h of accepting' },
        start: 'acceptedAt',
        stop: 'firstContactAt',
        within: { amount: 1, unit: 'hours' },
        onMiss: deemedValidRefund,
        source: 'seed 000 §四.1: 商户受理后，需在1小时内联系用户处理投诉',
      },
      {
        id: 'rectification',
        label: { zh: '确认投诉项后24小时内完成整改', en: 'Rectify within 24 h of confirming' },
        start: 'confirmedAt',
        stop: 'rectifiedAt',
        within: { amount: 24, unit: 'hours' },
        onMiss: deemedValidRefund,
        source: 'seed 000 §四.1: 商户确认投诉项，需在24小时内完成整改',
      },
    ],
  }),
  ecommerceComplaintLevels: defineSlaRuleSet({
    id: 'ecommerceComplaintLevels',
    label: { zh: '电商客诉分级响应', en: 'E-commerce complaint levels' },
    rules: [
      {
        id: 'level1Response',
        label: { zh: '一级客诉：客服专员1小时内响应', en: 'Level 1: an agent responds within 1 h' },
        levels: [1],
        start: 'filedAt',
        stop: firstResponse,
        within: { amount: 1, unit: 'hours' },
        source: 'seed 002 §3.3.2',
      },
      {
        id: 'level1Resolution',
        label: { zh: '一级客诉：24小时内解决', en: 'Level 1: resolved within 24 h' },
        levels: [1],
        start: 'filedAt',
        stop: 'resolvedAt',
        within: { amount: 24, unit: 'hours' },
        source: 'seed 002 §3.3.2',
      },
      {
        id: 'level2Response',
        label: { zh: '二级客诉：主管2小时内响应', en: 'Level 2: a supervisor responds within 2 h' },
        levels: [2],
        start: 'filedAt',
        stop: firstResponse,
        within: { amount: 2, unit: 'hours' },
        source: 'seed 002 §3.3.2',
      },
      {
        id: 'level2Resolution',
        label: { zh: '二级客诉：48小时内解决并回访', en: 'Level 2: resolved within 48 h, with a follow-up call' },
        levels: [2],
        start: 'filedAt',
        // "48小时内解决并回访": both the resolution and the follow-up call within the 48 hours.
        stop: { allOf: ['resolvedAt', 'followedUpAt'] },
        within: { amount: 48, unit: 'hours' },
        source: 'seed 002 §3.3.2',
      },
      {
        id: 'level3Response',
        label: { zh: '三级客诉：主管联合品控、法务24小时内响应', en: 'Level 3: supervisor with QA and legal respond within 24 h' },
        levels: [3],
        start: 'filedAt',
        stop: firstResponse,
        within: { amount: 24, unit: 'hours' },
        source: 'seed 002 §3.3.2',
      },
      {
        id: 'level3Resolution',
        label: { zh: '三级客诉：7个工作日内解决并出具书面处理报告', en: 'Level 3: resolved within 7 working days, with a written report' },
        levels: [3],
        start: 'filedAt',
        stop: 'resolvedAt',
        within: { amount: 7, unit: 'workingDays' },
        source: 'seed 002 §3.3.2',
      },
    ],
  }),
  gasUtilityComplaintLevels: defineSlaRuleSet({
    id: 'gasUtilityComplaintLevels',
    label: { zh: '燃气投诉解决时限', en: 'Gas utility complaint resolution limits' },
    rules: [
      { id: 'level1Resolution', label: { zh: '1级：不超过2小时', en: 'Level 1: within 2 h' }, levels: [1], within: { amount: 2, unit: 'hours' as const } },
      { id: 'level2Resolution', label: { zh: '2级：不超过48小时', en: 'Level 2: within 48 h' }, levels: [2], within: { amount: 48, unit: 'hours' as const } },
      { id: 'level3Resolution', label: { zh: '3级：不超过4个工作日', en: 'Level 3: within 4 working days' }, levels: [3], within: { amount: 4, unit: 'workingDays' as const } },
      { id: 'level4Resolution', label: { zh: '4级：不超过7个工作日', en: 'Level 4: within 7 working days' }, levels: [4], within: { amount: 7, unit: 'workingDays' as const } },
    ].map((r) => ({
      ...r,
      // "投诉解决时限：指从受理客户投诉时起，至投诉问题解决并答复客户所用的时间"
      start: ['acceptedAt', 'filedAt'],
      stop: { allOf: ['resolvedAt', 'repliedAt'] },
      source: 'seed 003 §四.2 投诉解决时限',
    })),
  }),
  hotlineCallback: defineSlaRuleSet({
    id: 'hotlineCallback',
    label: { zh: '热线回访', en: 'Hotline callback' },
    rules: [
      {
        id: 'callback',
        label: { zh: '投诉或复杂问题处理完毕后24小时内电话回访', en: 'Call back within 24 h of handling a complaint or complex issue' },
        requires: ['callbackRequired'],
        start: ['resolvedAt', 'closedAt'],
        stop: 'calledBackAt',
        within: { amount: 24, unit: 'hours' },
        source: 'seed 001 结束服务与回访: 对投诉或复杂问题处理完毕的客户，24小时内进行电话回访',
      },
    ],
  }),
  ecommerceFollowUp: defineSlaRuleSet({
    id: 'ecommerceFollowUp',
    label: { zh: '售后回访', en: 'After-sales follow-up' },
    rules: [
      {
        id: 'followUp',
        label: { zh: '处理完成后3个工作日内回访', en: 'Follow up within 3 working days of completing the handling' },
        start: ['resolvedAt', 'closedAt'],
        stop: 'followedUpAt',
        within: { amount: 3, unit: 'workingDays' },
        source: 'seed 002 §3.3.3: 退换货、客诉处理完成后3个工作日内进行电话/在线回访',
      },
    ],
  }),
});

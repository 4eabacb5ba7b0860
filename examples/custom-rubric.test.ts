// A team writes its own 100-point chat QA rubric as data and unit-tests it with the helpers of
// `callcenter-qa/testing`. Copy this file next to your rubric and adapt the hand-worked cases.
// (In your project: import from 'callcenter-qa' and 'callcenter-qa/testing'.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRubric, rubricOutline, scoreEvaluation, type ScorableEvaluation } from '../src/index.js';
import { arbitraryEvaluation, checkRubric } from '../src/testing/index.js';

const levels = (...list: [number, string, string][]) => list.map(([points, zh, en]) => ({ points, descriptor: { zh, en } }));
const passFail = (points: number, zh: string, en: string) => levels([points, zh, en], [0, '不符', 'Not met']);

// 40 + 40 + 20 = 100 points. Empathy may not arise (N/A leaves the maximum: "exclude"); a
// first-contact resolution bonus may win back points within its section; an abusive reply is a
// red line on the whole chat.
const chatRubric = defineRubric({
  id: 'acme-chat-2026',
  version: '2026.1',
  label: { zh: '在线客服质检表', en: 'Chat QA form' },
  bonusCap: 'section',
  sections: [
    { id: 'opening', label: { zh: '开场', en: 'Opening' }, max: 40 },
    { id: 'resolution', label: { zh: '问题解决', en: 'Resolution' }, max: 40 },
    { id: 'tone', label: { zh: '语气', en: 'Tone' }, max: 20 },
  ],
  items: [
    { id: 'greetingWithin30s', section: 'opening', label: { zh: '30秒内问候', en: 'Greets within 30 s' }, levels: passFail(20, '30秒内问候', 'Greeted within 30 s') },
    { id: 'identifiesNeed', section: 'opening', label: { zh: '明确需求', en: 'Identifies the need' }, levels: levels([20, '准确', 'Accurately'], [10, '部分', 'Partly'], [0, '未明确', 'Not at all']) },
    {
      id: 'solution',
      section: 'resolution',
      label: { zh: '解决方案', en: 'Solution' },
      levels: levels([30, '准确有效', 'Right and complete'], [15, '部分', 'Partial'], [0, '错误', 'Wrong']),
      bonus: { points: 5, label: { zh: '首次解决', en: 'Resolved at first contact' } },
    },
    { id: 'empathy', section: 'resolution', label: { zh: '共情', en: 'Empathy' }, levels: passFail(10, '表达理解', 'Acknowledged the feeling'), notApplicable: 'exclude' },
    { id: 'politeness', section: 'tone', label: { zh: '礼貌', en: 'Politeness' }, levels: levels([20, '礼貌', 'Polite'], [10, '一般', 'Curt'], [0, '不礼貌', 'Rude']) },
  ],
  redLines: [{ id: 'abuse', label: { zh: '辱骂客户', en: 'Abusive reply' }, scope: 'evaluation' }],
});

const chat = (scores: ScorableEvaluation['scores'], extra: Partial<ScorableEvaluation> = {}): ScorableEvaluation => ({
  contactId: 'chat-1',
  raterId: 'QA1',
  scores,
  ...extra,
});

describe('the Acme chat rubric', () => {
  it('is a 100-point form', () => {
    expect(rubricOutline(chatRubric).max).toBe(100);
  });

  it('satisfies every rubric property (max and 0 reachable, every level, bounds, monotonicity)', () => {
    expect(checkRubric(chatRubric).properties).toHaveLength(7);
  });

  it('scores hand-worked chats', () => {
    // 20 + 10 + 15 + 10 + 20 = 75 of 100.
    expect(scoreEvaluation(chatRubric, chat({ greetingWithin30s: 20, identifiesNeed: 10, solution: 15, empathy: 10, politeness: 20 })).percent).toBe(75);
    // Empathy did not arise: 20 + 20 + 30 + 20 = 90 of 90 → 100 %.
    const noEmpathy = scoreEvaluation(chatRubric, chat({ greetingWithin30s: 20, identifiesNeed: 20, solution: 30, empathy: 'na', politeness: 20 }));
    expect([noEmpathy.total, noEmpathy.max, noEmpathy.percent]).toEqual([90, 90, 100]);
    // The first-contact bonus wins back the missing empathy, within the section: 30 + 5 + 0 = 35 of 40.
    const bonus = scoreEvaluation(chatRubric, chat({ greetingWithin30s: 20, identifiesNeed: 20, solution: 30, empathy: 0, politeness: 20 }, { bonuses: ['solution'] }));
    expect(bonus.sections.find((s) => s.id === 'resolution')?.score).toBe(35);
    // An abusive reply zeroes the chat, and the report still shows what it would have scored.
    const abuse = scoreEvaluation(chatRubric, chat({ greetingWithin30s: 20, identifiesNeed: 20, solution: 30, empathy: 10, politeness: 0 }, { redLines: ['abuse'] }));
    expect([abuse.total, abuse.beforeRedLines.total]).toEqual([0, 80]);
  });

  it('never scores a generated chat outside 0–100 %', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(chatRubric), (evaluation) => {
        const { percent } = scoreEvaluation(chatRubric, evaluation);
        // Only an all-N/A chat could have no percentage, and here only empathy can be N/A.
        expect(percent).not.toBeNull();
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

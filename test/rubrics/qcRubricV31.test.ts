import { describe, expect, it } from 'vitest';
import { qcRubricV31, rubricOutline } from '../../src/rubrics/index.js';
import { checkRubric } from '../../src/testing/index.js';

describe('qcRubricV31 (seed 004, spec qc-rubric-v3.1.md)', () => {
  const outline = rubricOutline(qcRubricV31);

  it('has five sections, 37 + 30 + 14 + 10 + 18 = 109 points', () => {
    expect(outline.sections.map((s) => [s.id, s.max])).toEqual([
      ['serviceAwareness', 37],
      ['professionalism', 30],
      ['businessRequirements', 14],
      ['voiceAndTone', 10],
      ['etiquette', 18],
    ]);
    expect(outline.max).toBe(109);
  });

  it('has the spec item ids, section by section, with their levels', () => {
    const levels = Object.fromEntries(outline.items.map((i) => [i.id, i.levels]));
    expect(outline.sections.map((s) => s.itemIds)).toEqual([
      ['enthusiasm', 'patience', 'initiative', 'responsibility'],
      ['holdHandling', 'comprehension', 'expression'],
      ['customerInfoVerification', 'productVersionCheck', 'nonTechnicalAnswer', 'solution'],
      ['articulation', 'intonation', 'vocalPolish', 'noDrawl', 'pace', 'pausing'],
      ['greeting', 'closing', 'addressing', 'acknowledgement', 'mandarin', 'politeWords', 'thanks', 'replyToThanks', 'apology'],
    ]);
    expect(levels).toEqual({
      enthusiasm: [10, 6, 3, 0],
      patience: [6, 3, 0],
      initiative: [6, 3, 0],
      responsibility: [15, 12, 10, 8, 6, 4, 2, 0],
      holdHandling: [10, 6, 4, 2, 0],
      comprehension: [10, 8, 5, 0],
      expression: [10, 8, 6, 4, 2, 0],
      customerInfoVerification: [6, 4, 0],
      productVersionCheck: [2, 1, 0],
      nonTechnicalAnswer: [1, 0],
      solution: [5, 3, 0],
      articulation: [2, 0],
      intonation: [2, 0],
      vocalPolish: [1, 0],
      noDrawl: [2, 0],
      pace: [2, 0],
      pausing: [1, 0],
      greeting: [2, 1, 0],
      closing: [2, 0],
      addressing: [2, 1, 0],
      acknowledgement: [4, 2, 1, 0],
      mandarin: [2, 0],
      politeWords: [2, 0],
      thanks: [1, 0],
      replyToThanks: [1, 0],
      apology: [2, 0],
    });
  });

  it('splits etiquette into standard phrases (10) and polite language (8)', () => {
    const sum = (group: string) => outline.items.filter((i) => i.group === group).reduce((s, i) => s + i.max, 0);
    expect(sum('standardPhrases')).toBe(10); // 2 + 2 + 2 + 4
    expect(sum('politeLanguage')).toBe(8); // 2 + 2 + 1 + 1 + 2
  });

  it('has the three +1 bonuses, the −1 deduction, N/A = full where the seed says so, and two red lines', () => {
    expect(outline.items.filter((i) => i.bonus > 0).map((i) => [i.id, i.bonus])).toEqual([
      ['holdHandling', 1],
      ['comprehension', 1],
      ['greeting', 1],
    ]);
    expect(outline.items.filter((i) => i.deduction > 0).map((i) => [i.id, i.deduction])).toEqual([['customerInfoVerification', 1]]);
    expect(outline.items.filter((i) => i.notApplicable === 'full').map((i) => i.id)).toEqual([
      'customerInfoVerification',
      'productVersionCheck',
      'nonTechnicalAnswer',
      'mandarin',
      'politeWords',
      'thanks',
      'replyToThanks',
      'apology',
    ]);
    expect(outline.items.filter((i) => i.notApplicable !== 'full').every((i) => i.notApplicable === 'forbidden')).toBe(true);
    expect(outline.redLines).toEqual([
      { id: 'noAgent', scope: 'evaluation', target: null },
      { id: 'forbiddenPhrase', scope: 'item', target: 'politeWords' },
    ]);
    expect(qcRubricV31.bonusCap).toBe('section');
  });

  it('carries the seed\'s Chinese descriptors and the role notes', () => {
    const enthusiasm = qcRubricV31.items.find((i) => i.id === 'enthusiasm');
    expect(enthusiasm?.levels[0]?.descriptor.zh).toBe('精神饱满,服务状态积极,服务热情亲切');
    const verification = qcRubricV31.items.find((i) => i.id === 'customerInfoVerification');
    expect(verification?.roleNotes?.map((n) => `${n.role.zh}@${n.points}`)).toEqual(['关怀岗@6', '软加密@6', '关怀岗@4', '软加密@4', '关怀岗@0', '软加密@0']);
    for (const item of qcRubricV31.items) {
      for (const level of item.levels) expect(level.descriptor.zh.length * level.descriptor.en.length).toBeGreaterThan(0);
    }
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(qcRubricV31)).toBe(true);
    expect(Object.isFrozen(qcRubricV31.items[0]?.levels[0]?.descriptor)).toBe(true);
  });

  it('passes checkRubric', () => {
    expect(checkRubric(qcRubricV31, { numRuns: 100 }).properties).toHaveLength(7);
  });
});

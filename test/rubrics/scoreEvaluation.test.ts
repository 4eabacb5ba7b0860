import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Evaluation } from '../../src/records/index.js';
import {
  defineRubric,
  nothingApplicableReason,
  qcRubricV31,
  scoreEvaluation,
  scoreTotal,
  ScoringError,
  type ScoreReport,
  type RubricSpec,
  type ScorableEvaluation,
} from '../../src/rubrics/index.js';
import { qcEvaluation } from './fixtures.js';

const section = (report: ScoreReport, id: string) => report.sections.find((s) => s.id === id);
const item = (report: ScoreReport, id: string) => report.items.find((i) => i.id === id);

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringError) return error.issues.map((i) => [i.path.join('.'), i.expected, i.received]);
    throw error;
  }
  throw new Error('expected a ScoringError');
};

describe('scoreEvaluation: hand-worked QC v3.1 calls', () => {
  it('a perfect call scores 109 / 109, 100 %', () => {
    const report = scoreEvaluation(qcRubricV31, qcEvaluation());
    expect([report.total, report.max, report.percent, report.reason]).toEqual([109, 109, 100, null]);
    expect(report.sections.map((s) => s.score)).toEqual([37, 30, 14, 10, 18]);
    expect(report.beforeRedLines).toEqual({ total: 109, percent: 100 });
    expect(report.redLines).toEqual([]);
    expect(item(report, 'enthusiasm')).toMatchObject({ points: 10, max: 10, level: 10, na: false, bonus: 0, deduction: 0, redLine: null });
    expect(item(report, 'enthusiasm')?.descriptor?.zh).toBe('精神饱满,服务状态积极,服务热情亲切');
    expect(scoreTotal(qcRubricV31, qcEvaluation())).toEqual({ total: 109, max: 109, percent: 100 });
  });

  it('an evaluation made on another form is refused, never scored by this one', () => {
    const other = { ...qcEvaluation(), rubricId: 'qc-v2.0' };
    expect(issuesOf(() => scoreEvaluation(qcRubricV31, other))).toEqual([['rubricId', '"qc-v3.1", the rubric scoring it', '"qc-v2.0"']]);
    expect(() => scoreTotal(qcRubricV31, other)).toThrow(ScoringError);
    expect(scoreEvaluation(qcRubricV31, { ...qcEvaluation(), rubricId: 'qc-v3.1' }).total).toBe(109);
  });

  it('N/A items score full where the seed says 不涉及…默认为满分', () => {
    // enthusiasm 6 (−4), solution 3 (−2); customerInfoVerification, productVersionCheck and
    // politeWords N/A → full (6, 2, 2). Total 109 − 4 − 2 = 103, 103 / 109 = 94.495… %.
    const report = scoreEvaluation(
      qcRubricV31,
      qcEvaluation({ enthusiasm: 6, solution: 3, customerInfoVerification: 'na', productVersionCheck: 'na', politeWords: 'na' }),
    );
    expect(report.total).toBe(103);
    expect(report.max).toBe(109);
    expect(report.percent).toBeCloseTo((103 / 109) * 100, 10);
    expect(item(report, 'customerInfoVerification')).toMatchObject({ points: 6, max: 6, na: true, level: null, descriptor: null });
    expect(section(report, 'businessRequirements')?.score).toBe(12); // 6 + 2 + 1 + 3
  });

  it('bonuses lift an item but never a section above its maximum', () => {
    // professionalism: holdHandling 10 + 1, comprehension 10 + 1, expression 10 → raw 32, capped at 30.
    // etiquette: greeting 2 + 1 → raw 19, capped at 18. Total stays 109.
    const capped = scoreEvaluation(qcRubricV31, qcEvaluation({}, { bonuses: ['holdHandling', 'comprehension', 'greeting'] }));
    expect(section(capped, 'professionalism')).toMatchObject({ raw: 32, score: 30, max: 30 });
    expect(section(capped, 'etiquette')).toMatchObject({ raw: 19, score: 18, max: 18 });
    expect(item(capped, 'holdHandling')).toMatchObject({ points: 11, max: 10, bonus: 1 });
    expect(capped.total).toBe(109);

    // A bonus wins back points lost in its own section: expression 8 (−2), two bonuses (+2) → 30.
    const recovered = scoreEvaluation(qcRubricV31, qcEvaluation({ expression: 8 }, { bonuses: ['holdHandling', 'comprehension'] }));
    expect(section(recovered, 'professionalism')).toMatchObject({ raw: 30, score: 30 });
    expect(recovered.total).toBe(109);

    // …but not points lost in another section: enthusiasm 6 (−4), greeting bonus (+1, etiquette capped) → 105.
    const elsewhere = scoreEvaluation(qcRubricV31, qcEvaluation({ enthusiasm: 6 }, { bonuses: ['greeting'] }));
    expect(elsewhere.total).toBe(105);
  });

  it('the cap policy is a rubric setting: total and none', () => {
    const spec = (bonusCap: 'total' | 'none'): RubricSpec => ({
      ...(qcRubricV31 as unknown as RubricSpec),
      id: `qc-${bonusCap}`,
      bonusCap,
    });
    const evaluation = qcEvaluation({ enthusiasm: 6 }, { bonuses: ['holdHandling', 'greeting'] });
    // total cap: sections 33 + 31 + 14 + 10 + 19 = 107 ≤ 109 → 107 (bonuses win back points across sections).
    expect(scoreEvaluation(defineRubric(spec('total')), evaluation).total).toBe(107);
    // perfect + 3 bonuses: 112 → capped at 109 under `total`, 112 under `none`.
    const all = qcEvaluation({}, { bonuses: ['holdHandling', 'comprehension', 'greeting'] });
    expect(scoreEvaluation(defineRubric(spec('total')), all).total).toBe(109);
    const uncapped = scoreEvaluation(defineRubric(spec('none')), all);
    expect(uncapped.total).toBe(112);
    expect(uncapped.percent).toBeCloseTo(102.752, 3); // 112 / 109
  });

  it('a deduction takes its point away, and a section never goes below 0', () => {
    // customerInfoVerification 4 − 1 = 3; business 3 + 2 + 1 + 5 = 11; total 109 − 3 = 106.
    const report = scoreEvaluation(qcRubricV31, qcEvaluation({ customerInfoVerification: 4 }, { deductions: ['customerInfoVerification'] }));
    expect(item(report, 'customerInfoVerification')).toMatchObject({ points: 3, deduction: 1, level: 4 });
    expect(section(report, 'businessRequirements')?.score).toBe(11);
    expect(report.total).toBe(106);

    // Everything in the section at 0 and the deduction: raw −1, floored at 0; total 109 − 14 = 95.
    const floor = scoreEvaluation(
      qcRubricV31,
      qcEvaluation({ customerInfoVerification: 0, productVersionCheck: 0, nonTechnicalAnswer: 0, solution: 0 }, { deductions: ['customerInfoVerification'] }),
    );
    expect(section(floor, 'businessRequirements')).toMatchObject({ raw: -1, score: 0 });
    expect(floor.total).toBe(95);
    const lean = scoreTotal(qcRubricV31, qcEvaluation({ customerInfoVerification: 0, productVersionCheck: 0, nonTechnicalAnswer: 0, solution: 0 }, { deductions: ['customerInfoVerification'] }));
    expect(lean).toEqual({ total: 95, max: 109, percent: floor.percent });
    expect(lean.percent).toBeCloseTo(87.156, 3); // 95 / 109
  });

  it('red line forbiddenPhrase zeroes politeWords', () => {
    // politeWords 2 → 0; etiquette 16; total 107 = 98.165… %. Before red lines: 109, 100 %.
    const report = scoreEvaluation(qcRubricV31, qcEvaluation({}, { redLines: ['forbiddenPhrase'] }));
    expect(item(report, 'politeWords')).toMatchObject({ points: 0, level: 2, redLine: 'forbiddenPhrase' });
    expect(section(report, 'etiquette')?.score).toBe(16);
    expect(report.total).toBe(107);
    expect(report.percent).toBeCloseTo((107 / 109) * 100, 10);
    expect(report.beforeRedLines).toEqual({ total: 109, percent: 100 });
    expect(report.redLines).toEqual([
      { id: 'forbiddenPhrase', label: qcRubricV31.redLines[1]?.label, scope: 'item', target: 'politeWords', pointsZeroed: 2 },
    ]);
  });

  it('red line noAgent zeroes the whole evaluation', () => {
    // enthusiasm 6 → 105 before; noAgent → 0, 0 %.
    const report = scoreEvaluation(qcRubricV31, qcEvaluation({ enthusiasm: 6 }, { redLines: ['noAgent'] }));
    expect([report.total, report.max, report.percent]).toEqual([0, 109, 0]);
    expect(report.beforeRedLines.total).toBe(105);
    expect(report.beforeRedLines.percent).toBeCloseTo(96.330, 3); // 105 / 109
    expect(report.redLines.map((r) => [r.id, r.scope, r.target, r.pointsZeroed])).toEqual([['noAgent', 'evaluation', null, 105]]);
    expect(scoreTotal(qcRubricV31, qcEvaluation({ enthusiasm: 6 }, { redLines: ['noAgent'] }))).toEqual({ total: 0, max: 109, percent: 0 });
  });

  it('both red lines: narrowest first, each reporting what it zeroed', () => {
    const report = scoreEvaluation(qcRubricV31, qcEvaluation({}, { redLines: ['noAgent', 'forbiddenPhrase'] }));
    expect(report.redLines.map((r) => [r.id, r.pointsZeroed])).toEqual([
      ['forbiddenPhrase', 2],
      ['noAgent', 107],
    ]);
    expect(report.total).toBe(0);
  });

  it('accepts the records room\'s Evaluation type', () => {
    expectTypeOf<Evaluation>().toExtend<Parameters<typeof scoreEvaluation>[1]>();
    expectTypeOf(scoreEvaluation).returns.toEqualTypeOf<ScoreReport>();
    expectTypeOf<ScoreReport['percent']>().toEqualTypeOf<number | null>();
  });
});

describe('scoreEvaluation: the exclude and zero N/A policies', () => {
  const label = (en: string) => ({ zh: en, en });
  const levels = (...points: number[]) => points.map((p) => ({ points: p, descriptor: label(`${p} points`) }));
  const rubric = defineRubric({
    id: 'exclude-demo',
    version: '1',
    label: label('Exclude demo'),
    sections: [
      { id: 'first', label: label('First'), max: 10 },
      { id: 'second', label: label('Second'), max: 10 },
    ],
    items: [
      { id: 'a', section: 'first', label: label('A'), levels: levels(4, 2, 0), notApplicable: 'exclude' },
      { id: 'b', section: 'first', label: label('B'), levels: levels(6, 3, 0), notApplicable: 'zero' },
      { id: 'c', section: 'second', label: label('C'), levels: levels(10, 5, 0), notApplicable: 'exclude' },
    ],
  });
  const evaluate = (scores: Record<string, number | 'na'>) => scoreEvaluation(rubric, { contactId: 'x', raterId: 'r', scores });

  it('drops an excluded item from the maximum and rescales the percentage', () => {
    // a N/A (excluded): max 6 + 10 = 16; total 3 + 5 = 8 → 50 %.
    const report = evaluate({ a: 'na', b: 3, c: 5 });
    expect([report.total, report.max, report.percent]).toEqual([8, 16, 50]);
    expect(report.sections.map((s) => [s.score, s.max])).toEqual([[3, 6], [5, 10]]);
    expect(report.items[0]).toMatchObject({ id: 'a', points: 0, max: 0, na: true });
  });

  it('scores a `zero` N/A item 0 out of its maximum', () => {
    // b N/A (zero): 4 + 0 + 10 = 14 of 20 → 70 %.
    expect([evaluate({ a: 4, b: 'na', c: 10 }).total, evaluate({ a: 4, b: 'na', c: 10 }).percent]).toEqual([14, 70]);
  });

  it('gives a null percentage with a reason when nothing is applicable, never NaN', () => {
    const onlyExcludable = defineRubric({ ...(rubric as unknown as RubricSpec), id: 'all-excludable', sections: [{ id: 'second', label: label('Second'), max: 10 }], items: [rubric.items[2] as never] });
    const report = scoreEvaluation(onlyExcludable, { contactId: 'x', raterId: 'r', scores: { c: 'na' } });
    expect([report.total, report.max, report.percent, report.reason]).toEqual([0, 0, null, nothingApplicableReason]);
    expect(report.beforeRedLines).toEqual({ total: 0, percent: null });
    expect(scoreTotal(onlyExcludable, { contactId: 'x', raterId: 'r', scores: { c: 'na' } })).toEqual({ total: 0, max: 0, percent: null });
  });
});

describe('scoreEvaluation: red lines on a custom rubric', () => {
  const label = (en: string) => ({ zh: en, en });
  const rubric = defineRubric({
    id: 'red-lines',
    version: '1',
    label: label('Red lines'),
    sections: [
      { id: 'first', label: label('First'), max: 5 },
      { id: 'second', label: label('Second'), max: 5 },
    ],
    items: [
      { id: 'a', section: 'first', label: label('A'), levels: [{ points: 3, descriptor: label('3') }, { points: 0, descriptor: label('0') }], deduction: { points: 2, label: label('−2') } },
      { id: 'b', section: 'first', label: label('B'), levels: [{ points: 2, descriptor: label('2') }, { points: 0, descriptor: label('0') }] },
      { id: 'c', section: 'second', label: label('C'), levels: [{ points: 5, descriptor: label('5') }, { points: 0, descriptor: label('0') }] },
    ],
    redLines: [
      { id: 'strikeA', label: label('Strike A'), scope: 'item', target: 'a' },
      { id: 'strikeSecond', label: label('Strike second'), scope: 'section', target: 'second' },
    ],
  });
  const evaluate = (scores: Record<string, number>, extra: Partial<ScorableEvaluation> = {}) => scoreEvaluation(rubric, { contactId: 'x', raterId: 'r', scores, ...extra });

  it('a section red line zeroes its section and reports what it held', () => {
    // first 3 + 2 = 5, second 5 → 10; strikeSecond → 5.
    const report = evaluate({ a: 3, b: 2, c: 5 }, { redLines: ['strikeSecond'] });
    expect([report.total, report.beforeRedLines.total]).toEqual([5, 10]);
    expect(report.sections[1]).toMatchObject({ score: 0, redLine: 'strikeSecond' });
    expect(report.redLines.map((r) => [r.id, r.scope, r.target, r.pointsZeroed])).toEqual([['strikeSecond', 'section', 'second', 5]]);
  });

  it('an item red line never lifts a deduction: a = 0 − 2 stays −2', () => {
    // first: a 0 − 2 = −2, b 2 → raw 0; second 5 → 5. The red line takes nothing (a earned nothing).
    const report = evaluate({ a: 0, b: 2, c: 5 }, { deductions: ['a'], redLines: ['strikeA'] });
    expect(report.items[0]).toMatchObject({ points: -2, redLine: 'strikeA' });
    expect(report.redLines[0]?.pointsZeroed).toBe(0);
    expect([report.total, report.beforeRedLines.total]).toEqual([5, 5]);
    // a 3 − 2 = 1 earned: the red line takes that 1. first raw 3 − 1 = 2; total 2 + 5 = 7 (8 before).
    const earned = evaluate({ a: 3, b: 2, c: 5 }, { deductions: ['a'], redLines: ['strikeA'] });
    expect(earned.items[0]?.points).toBe(0);
    expect([earned.total, earned.beforeRedLines.total, earned.redLines[0]?.pointsZeroed]).toEqual([7, 8, 1]);
  });
});

describe('scoreEvaluation: errors', () => {
  it('lists every problem at once, each with its path, the value and what was expected', () => {
    const { enthusiasm: _dropped, ...withoutEnthusiasm } = qcEvaluation().scores;
    const issues = issuesOf(() =>
      scoreEvaluation(qcRubricV31, {
        contactId: 'C9',
        raterId: 'R1',
        scores: { ...withoutEnthusiasm, greeting: 7, patience: 'na', closing: 1.5, cheerfulness: 3 },
        bonuses: ['expression', 'greeting', 'greeting'],
        deductions: ['solution'],
        redLines: ['rudeness'],
      }),
    );
    expect(issues).toEqual([
      ['scores.enthusiasm', 'one of 10, 6, 3, 0 points', 'nothing'],
      ['scores.patience', 'one of 6, 3, 0 points ("na" is forbidden for this item)', '"na"'],
      ['scores.greeting', 'one of 2, 1, 0 points', '7'],
      ['scores.closing', 'one of 2, 0 points', '1.5'],
      ['scores.cheerfulness', expect.stringMatching(/^an item id of rubric qc-v3\.1 \(enthusiasm, patience, /), '3'],
      ['bonuses.0', 'an item with a bonus (holdHandling, comprehension, greeting)', '"expression"'],
      ['bonuses.2', 'each id once (already listed at bonuses[1])', '"greeting"'],
      ['deductions.0', 'an item with a deduction (customerInfoVerification)', '"solution"'],
      ['redLines.0', 'one of the red-line rules of rubric qc-v3.1 (noAgent, forbiddenPhrase)', '"rudeness"'],
    ]);
  });

  it('renders one line a problem: ✖ message → at path', () => {
    expect(() => scoreEvaluation(qcRubricV31, qcEvaluation({ greeting: 7 }))).toThrow(
      'Evaluation of contact "C1" cannot be scored against rubric "qc-v3.1": 1 problem\n✖ expected one of 2, 1, 0 points, got 7 → at scores.greeting',
    );
  });

  it('rejects a bonus or deduction on an item marked N/A', () => {
    expect(issuesOf(() => scoreEvaluation(qcRubricV31, qcEvaluation({ customerInfoVerification: 'na' }, { deductions: ['customerInfoVerification'] })))).toEqual([
      ['deductions.0', 'a deduction on an item that was scored, not "na"', '"customerInfoVerification"'],
    ]);
  });

  it('scoreTotal throws exactly what scoreEvaluation throws', () => {
    const bad = qcEvaluation({ greeting: 7 }, { bonuses: ['solution'] });
    expect(() => scoreTotal(qcRubricV31, bad)).toThrow(ScoringError);
    expect(issuesOf(() => scoreTotal(qcRubricV31, bad))).toEqual(issuesOf(() => scoreEvaluation(qcRubricV31, bad)));
  });

  it('keys like __proto__ and constructor are unknown items and pollute nothing', () => {
    const scores = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1, ${JSON.stringify(qcEvaluation().scores).slice(1)}`) as Record<string, number>;
    const issues = issuesOf(() => scoreEvaluation(qcRubricV31, { contactId: 'C1', raterId: 'R1', scores }));
    expect(issues.map(([path]) => path)).toEqual(['scores.__proto__', 'scores.constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A prototype-less object (as parseEvaluation returns) scores like any other.
    const bare = Object.assign(Object.create(null) as Record<string, number | 'na'>, qcEvaluation().scores);
    expect(scoreEvaluation(qcRubricV31, { contactId: 'C1', raterId: 'R1', scores: bare }).total).toBe(109);
  });

  it('an inherited name is a missing item, not a value', () => {
    const label = { zh: '构造', en: 'Constructor' };
    const rubric = defineRubric({
      id: 'odd-ids',
      version: '1',
      label,
      sections: [{ id: 'only', label, max: 1 }],
      items: [{ id: 'constructor', section: 'only', label, levels: [{ points: 1, descriptor: label }] }],
    });
    expect(issuesOf(() => scoreEvaluation(rubric, { contactId: 'x', raterId: 'r', scores: {} }))).toEqual([['scores.constructor', 'one of 1 points', 'nothing']]);
    expect(scoreEvaluation(rubric, { contactId: 'x', raterId: 'r', scores: { constructor: 1 } }).total).toBe(1);
  });

  it('rejects scores that are not an object', () => {
    expect(issuesOf(() => scoreEvaluation(qcRubricV31, { contactId: 'x', raterId: 'r', scores: null as never }))).toEqual([['scores', 'an object of item id → points or "na"', 'null']]);
  });
});

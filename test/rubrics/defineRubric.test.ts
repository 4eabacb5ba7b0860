import { describe, expect, expectTypeOf, it } from 'vitest';
import { compileRubric, defineRubric, qcRubricV31, RubricError, type Rubric, type RubricSpec } from '../../src/rubrics/index.js';

const label = (en: string) => ({ zh: `「${en}」`, en });
const levels = (...points: number[]) => points.map((p) => ({ points: p, descriptor: label(`${p} points`) }));

const valid = (): RubricSpec => ({
  id: 'mini',
  version: '1',
  label: label('Mini'),
  sections: [
    { id: 'manners', label: label('Manners'), max: 6 },
    { id: 'skill', label: label('Skill'), max: 10 },
  ],
  items: [
    { id: 'greeting', section: 'manners', label: label('Greeting'), levels: levels(2, 1, 0), bonus: { points: 1, label: label('Warm') } },
    { id: 'closing', section: 'manners', label: label('Closing'), levels: levels(4, 0), notApplicable: 'full' },
    { id: 'solution', section: 'skill', label: label('Solution'), levels: levels(10, 5, 0), deduction: { points: 2, label: label('Wrong ticket') } },
  ],
  redLines: [{ id: 'rude', label: label('Rude'), scope: 'section', target: 'manners' }],
});

const problems = (spec: unknown) => {
  try {
    defineRubric(spec as RubricSpec);
  } catch (error) {
    if (error instanceof RubricError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a RubricError');
};

describe('defineRubric', () => {
  it('returns the rubric frozen, with defaults filled in', () => {
    const rubric = defineRubric(valid());
    expect(Object.isFrozen(rubric)).toBe(true);
    expect(Object.isFrozen(rubric.items[0]?.levels)).toBe(true);
    expect(rubric.bonusCap).toBe('section');
    expect(rubric.groups).toEqual([]);
    expect(rubric.items.map((i) => i.notApplicable)).toEqual(['forbidden', 'full', 'forbidden']);
    expect(compileRubric(rubric).max).toBe(16);
    // The compiled tables ride along invisibly: the rubric is still plain JSON data.
    expect(JSON.parse(JSON.stringify(rubric))).toEqual(rubric);
  });

  it('lists every inconsistency at once, each with its path', () => {
    const spec = valid();
    const items = spec.items.map((item) => ({ ...item }));
    items[1] = { ...items[1]!, id: 'greeting' }; // duplicate id
    items[2] = { ...items[2]!, section: 'nowhere', levels: levels(5, 10, 0) }; // unknown section, unsorted levels
    const problemsFound = problems({
      ...spec,
      items,
      sections: [...spec.sections, { id: 'manners', label: label('Again'), max: 0 }],
      redLines: [
        { id: 'rude', label: label('Rude'), scope: 'item', target: 'nothing' },
        { id: 'silence', label: label('Silence'), scope: 'evaluation', target: 'greeting' },
      ],
    });
    expect(problemsFound).toEqual([
      'sections.2.id: expected a section id not used before, got "manners"',
      'items.1.id: expected an item id not used before, got "greeting"',
      'items.2.section: expected one of the section ids manners, skill, got "nowhere"',
      'items.2.levels.1.points: expected distinct levels, highest first: fewer than 5 points, got 10',
      'sections.1.id: expected a section with at least one item, got "skill"',
      'sections.2.max: expected the sum of its items\' top levels, 6, got 0',
      'redLines.0.target: expected an existing item id, got "nothing"',
      'redLines.1.target: expected no target for an evaluation-scope red line, got "greeting"',
    ]);
  });

  it('checks each section max against its items\' top levels', () => {
    const spec = valid();
    expect(problems({ ...spec, sections: [{ ...spec.sections[0]!, max: 7 }, spec.sections[1]!] })).toEqual([
      "sections.0.max: expected the sum of its items' top levels, 6, got 7",
    ]);
  });

  it('rejects repeated levels, negative bonuses and unsafe ids through the schema', () => {
    const spec = valid();
    const items = [
      { ...spec.items[0]!, id: '__proto__', bonus: { points: -1, label: label('Negative') } },
      { ...spec.items[1]!, levels: levels(4, 4, 0) },
      spec.items[2]!,
    ];
    const found = problems({ ...spec, items });
    expect(found).toContain('items.0.id: expected an item id: a letter, then letters, digits, "_" or "-", got "__proto__"');
    expect(found).toContain('items.0.bonus.points: expected a number of points > 0 (a bonus adds it, a deduction takes it away), got -1');
    expect(problems({ ...spec, items: [spec.items[0]!, { ...spec.items[1]!, levels: levels(4, 4, 0) }, spec.items[2]!] })).toEqual([
      'items.1.levels.1.points: expected distinct levels, highest first: fewer than 4 points, got 4',
    ]);
  });

  it('reports shape problems with what was expected', () => {
    expect(problems({ id: 'x', version: '1', label: { zh: '', en: 'X' }, sections: [], items: 'none' })).toEqual([
      'label.zh: expected a non-empty Chinese text, got ""',
      'sections: expected at least one section, got an array of 0',
      'items: expected a list of items, got "none"',
    ]);
  });

  it('names misspelt fields instead of dropping them', () => {
    const spec = valid();
    expect(problems({ ...spec, items: [{ ...spec.items[0]!, notApplicible: 'full' }, spec.items[1]!, spec.items[2]!] })).toEqual([
      'items.0.notApplicible: expected no such field (a misspelt one?), got "full"',
    ]);
  });

  it('renders one line a problem', () => {
    const spec = valid();
    expect(() => defineRubric({ ...spec, sections: [{ ...spec.sections[0]!, max: 7 }, spec.sections[1]!] })).toThrow(
      'Invalid rubric "mini": 1 problem\n✖ expected the sum of its items\' top levels, 6, got 7 → at sections[0].max',
    );
  });

  it('compileRubric checks a rubric that did not come from defineRubric', () => {
    const copy = JSON.parse(JSON.stringify(qcRubricV31)) as Rubric;
    expect(compileRubric(copy).max).toBe(109);
    const broken = { ...copy, sections: copy.sections.map((s) => ({ ...s, max: 1 })) } as Rubric;
    expect(() => compileRubric(broken)).toThrow(RubricError);
  });

  it('types: a spec in, a readonly rubric out', () => {
    expectTypeOf(defineRubric).parameter(0).toEqualTypeOf<RubricSpec>();
    expectTypeOf(defineRubric).returns.toEqualTypeOf<Rubric>();
    expectTypeOf<Rubric['items'][number]['notApplicable']>().toEqualTypeOf<'full' | 'exclude' | 'zero' | 'forbidden'>();
  });
});

import { describe, expect, it } from 'vitest';
import { MetricsError, qaSamplingRate, qaScore, recordCompleteness, scriptCompliance } from '../../src/metrics/index.js';
import type { Contact } from '../../src/records/index.js';
import { call } from './builders.js';

describe('scriptCompliance', () => {
  it('compliant ÷ checked, from the record field', () => {
    // 2 ÷ 3, one not checked
    const list = [call({ scriptCompliant: true }), call({ scriptCompliant: true }), call({ scriptCompliant: false }), call()];
    expect(scriptCompliance(list)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, excluded: 1 });
  });
  it('from a bound judgement (the transcript room)', () => {
    const isCompliant = (c: Contact) => (c.topic === undefined ? null : c.topic === 'ok');
    // 1 ÷ 2
    expect(scriptCompliance([call({ topic: 'ok' }), call({ topic: 'bad' }), call()], { isCompliant }).value).toBe(0.5);
  });
  it('zero denominator', () => {
    expect(scriptCompliance([call()]).reason).toBe('no contacts checked');
  });
});

describe('recordCompleteness', () => {
  it('records with every required field ÷ records', () => {
    // default fields topic, kind, resolvedAtFirstContact: only the first is complete → 1 ÷ 3
    const list = [
      call({ topic: '账单', kind: 'consultation', resolvedAtFirstContact: false }),
      call({ topic: '账单', kind: 'consultation' }),
      call({ topic: '', kind: 'consultation', resolvedAtFirstContact: true }),
    ];
    expect(recordCompleteness(list)).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    // only `kind` required: 3 ÷ 3
    expect(recordCompleteness(list, { requiredFields: ['kind'] }).value).toBe(1);
  });
  it('counts the records agents write: answered contacts by default, every contact with include: all', () => {
    // complete answered, incomplete answered, abandoned call (no CRM record written)
    const list = [
      call({ topic: '账单', kind: 'consultation', resolvedAtFirstContact: true }),
      call({ topic: '账单' }),
      call({ answered: false }),
    ];
    // answered only: 1 ÷ 2
    expect(recordCompleteness(list)).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // all: 1 ÷ 3
    expect(recordCompleteness(list, { include: 'all' })).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
  });
  it('refuses a field no contact has (a misspelt "topics" would make every record incomplete)', () => {
    expect(() => recordCompleteness([], { requiredFields: ['topic', 'topics'] })).toThrowError(/requiredFields\.1[\s\S]*got "topics"|got "topics"[\s\S]*requiredFields/);
  });
  it('refuses an empty field list (every record would be "complete") and an unknown include', () => {
    expect(() => recordCompleteness([], { requiredFields: [], include: 'some' as never })).toThrowError(
      /requiredFields[\s\S]*include/,
    );
  });
  it('zero denominator', () => {
    expect(recordCompleteness([]).value).toBeNull();
  });
});

describe('qaSamplingRate', () => {
  const list = Array.from({ length: 10 }, (_, i) => call({ id: `c${i}` }));
  it('evaluated ÷ contacts', () => {
    // 2 ÷ 10
    expect(qaSamplingRate(list, { evaluatedIds: new Set(['c1', 'c2', 'other']) })).toEqual({ value: 0.2, numerator: 2, denominator: 10 });
    expect(qaSamplingRate(list, { isEvaluated: (c) => c.id === 'c0' }).value).toBe(0.1);
  });
  it('needs a way to tell evaluated contacts', () => {
    expect(() => qaSamplingRate(list, {})).toThrowError(MetricsError);
  });
  it('zero denominator', () => {
    expect(qaSamplingRate([], { evaluatedIds: [] }).reason).toBe('no contacts');
  });
});

describe('qaScore', () => {
  it('mean percentage of scored evaluations', () => {
    // (90 + 80) ÷ 2 = 85; the null one excluded
    expect(qaScore([{ percent: 90 }, { percent: 80 }, { percent: null }])).toEqual({ value: 85, numerator: 170, denominator: 2, excluded: 1 });
  });
  it('zero denominator', () => {
    expect(qaScore([{ percent: null }]).value).toBeNull();
  });
});

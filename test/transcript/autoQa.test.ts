import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Evaluation } from '../../src/records/index.js';
import { qcRubricV31 } from '../../src/rubrics/index.js';
import {
  autoQa,
  autoQaItemIds,
  mergeAutoQa,
  scriptComplianceAccumulator,
  scriptCompliant,
  transcriptSummary,
  type AutoQaRubric,
  type TranscriptContact,
} from '../../src/transcript/index.js';
import { cleanChat, faultyCall, longHoldChat, s } from './fixtures.js';

// The machine-judgeable items of QC v3.1 (spec/qc-rubric-v3.1.md), plus one judgement item.
const levels = (...points: number[]) => points.map((p) => ({ points: p }));
const qc: AutoQaRubric = {
  items: [
    { id: 'enthusiasm', levels: levels(10, 6, 3, 0) },
    { id: 'greeting', levels: levels(2, 1, 0) },
    { id: 'closing', levels: levels(2, 0) },
    { id: 'addressing', levels: levels(2, 1, 0) },
    { id: 'politeWords', levels: levels(2, 0) },
    { id: 'thanks', levels: levels(1, 0) },
    { id: 'apology', levels: levels(2, 0) },
    { id: 'holdHandling', levels: levels(10, 6, 4, 2, 0) },
  ],
};
const points = (contact: TranscriptContact, rubric: AutoQaRubric = qc) =>
  Object.fromEntries(autoQa(contact, rubric).suggestions.map((sg) => [sg.itemId, sg.points]));

describe('autoQa', () => {
  it('suggests full marks for the clean chat, and 6 for a short hold asked for and apologised for', () => {
    expect(points(cleanChat)).toEqual({ greeting: 2, closing: 2, addressing: 2, politeWords: 2, thanks: 1, apology: 2, holdHandling: 6 });
    expect(autoQa(cleanChat, qc).redLines).toEqual([]);
  });

  it('scores the faulty call down, with the forbiddenPhrase red line and evidence', () => {
    const result = autoQa(faultyCall, qc);
    // greeting 1 (喂 before it), closing 0, addressing 0 (never asked), politeWords 0 (不清楚,
    // 这不是我的工作), thanks 0 (the customer waited, no thanks), apology 0 (alert words, no
    // apology), holdHandling 2 (150 s without a callback offer).
    expect(Object.fromEntries(result.suggestions.map((sg) => [sg.itemId, sg.points]))).toEqual({
      greeting: 1,
      closing: 0,
      addressing: 0,
      politeWords: 0,
      thanks: 0,
      apology: 0,
      holdHandling: 2,
    });
    expect(result.redLines).toEqual(['forbiddenPhrase']);
    const polite = result.suggestions.find((sg) => sg.itemId === 'politeWords');
    expect(polite?.evidence.map((e) => [e.messageIndex, e.start, e.end])).toEqual([
      [2, 3, 6],
      [2, 7, 14],
    ]);
  });

  it('scores a long hold by its callback offer (seed 004 等待时长: 10 with a callback, 2 without)', () => {
    expect(points(longHoldChat(true)).holdHandling).toBe(10);
    expect(points(longHoldChat(false)).holdHandling).toBe(2);
  });

  it('scores holds by asking and apologising, and several holds at most 2', () => {
    const hold = (ask: string, back: string): TranscriptContact => ({
      messages: [
        { from: 'agent', at: s(0), text: ask },
        { from: 'agent', at: s(30), text: back },
      ],
    });
    expect(points(hold('请您稍等可以吗?', '让您久等了')).holdHandling).toBe(6);
    expect(points(hold('请您稍等可以吗?', '查到了')).holdHandling).toBe(4);
    expect(points(hold('请稍等', '让您久等了')).holdHandling).toBe(2);
    expect(points(hold('请稍等', '查到了')).holdHandling).toBe(0);
    const twice: TranscriptContact = {
      messages: [
        { from: 'agent', at: s(0), text: '请您稍等可以吗?' },
        { from: 'agent', at: s(20), text: '让您久等了,还需要再确认一下,请您稍等可以吗?' },
        { from: 'agent', at: s(40), text: '很抱歉让您久等了' },
      ],
    };
    expect(points(twice).holdHandling).toBe(2);
  });

  it('gives addressing 1 when the surname was asked but never used', () => {
    const contact: TranscriptContact = {
      messages: [
        { from: 'agent', at: s(0), text: '您好,很高兴为您服务!请问您贵姓?' },
        { from: 'customer', at: s(5), text: '姓陈' },
        { from: 'agent', at: s(10), text: '好的,请讲' },
      ],
    };
    expect(points(contact).addressing).toBe(1);
  });

  it('never suggests judgement items, and every point is a level of the rubric', () => {
    for (const contact of [cleanChat, faultyCall, longHoldChat(true), longHoldChat(false)]) {
      const result = autoQa(contact, qc);
      expect(result.suggestions.map((sg) => sg.itemId)).not.toContain('enthusiasm');
      for (const sg of result.suggestions) {
        const item = qc.items.find((i) => i.id === sg.itemId);
        expect(item?.levels.map((l) => l.points)).toContain(sg.points);
        expect(sg.confidence).toBeGreaterThanOrEqual(0);
        expect(sg.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('maps onto a rubric with other levels, and skips items the rubric lacks', () => {
    // A 0–100 rubric: holdHandling 6 of 10 → rank 2 of 5 levels → 60.
    const scaled: AutoQaRubric = { items: [{ id: 'holdHandling', levels: levels(100, 60, 40, 20, 0) }, { id: 'greeting', levels: levels(5, 0) }] };
    const result = autoQa(cleanChat, scaled);
    expect(result.suggestions.map((sg) => [sg.itemId, sg.points])).toEqual([
      ['greeting', 5], // 2 of 2 is the full share → the top level 5
      ['holdHandling', 60],
    ]);
    expect(result.skipped.map((sk) => sk.itemId)).toEqual(['closing', 'addressing', 'politeWords', 'thanks', 'apology']);
  });

  it('judges nothing without messages or without an agent', () => {
    expect(autoQa({ id: 'c' }, qc)).toMatchObject({ contactId: 'c', checked: false, suggestions: [] });
    expect(autoQa({ messages: [{ from: 'customer', at: 0, text: '人呢?' }] }, qc).checked).toBe(false);
  });

  it('accepts the rubrics room\'s qcRubricV31 as it is', () => {
    expectTypeOf(qcRubricV31).toMatchTypeOf<AutoQaRubric>();
    const result = autoQa(cleanChat, qcRubricV31);
    expect(result.suggestions.map((sg) => sg.itemId).sort()).toEqual([...autoQaItemIds].sort());
  });
});

describe('mergeAutoQa', () => {
  it('fills only what the rater left empty: the rater always wins', () => {
    const suggestions = autoQa({ ...faultyCall }, qc);
    const rater: Evaluation = { contactId: 'call-faulty', raterId: 'r1', scores: { greeting: 2, politeWords: 2, enthusiasm: 6 } };
    const merged = mergeAutoQa(suggestions, rater);
    expect(merged.scores).toEqual({ greeting: 2, closing: 0, addressing: 0, politeWords: 2, thanks: 0, apology: 0, holdHandling: 2, enthusiasm: 6 });
    // The rater scored politeWords, so the machine's red line is not imposed.
    expect(merged.redLines).toBeUndefined();
    expect(merged.raterId).toBe('r1');
  });

  it('adds the red line when the rater left politeWords empty, and respects a minimum confidence', () => {
    const merged = mergeAutoQa(autoQa(faultyCall, qc), { contactId: 'call-faulty', raterId: 'r1', scores: {}, redLines: ['noAgent'] }, { minConfidence: 0.75 });
    expect(merged.redLines).toEqual(['noAgent', 'forbiddenPhrase']);
    // Kept (confidence ≥ 0.75): greeting 0.85 (喂 before it), closing 0.8, addressing 0.8,
    // politeWords 0.95, holdHandling 0.75; left out: thanks 0.5, apology 0.7.
    expect(Object.keys(merged.scores).sort()).toEqual(['addressing', 'closing', 'greeting', 'holdHandling', 'politeWords']);
  });

  it('refuses suggestions made for another contact', () => {
    expect(() => mergeAutoQa(autoQa(cleanChat, qc), { contactId: 'other', raterId: 'r', scores: {} })).toThrow(/chat-clean/);
  });
});

describe('scriptCompliant and the KPI summary', () => {
  it('is true for the clean chat, false for the faulty call, null without a transcript', () => {
    expect(scriptCompliant(cleanChat)).toBe(true);
    expect(scriptCompliant(faultyCall)).toBe(false);
    expect(scriptCompliant({ id: 'call-9' })).toBeNull();
    expect(scriptCompliant({ messages: [{ from: 'customer', at: 0, text: '喂?' }] })).toBeNull();
  });

  it('summarises what the KPIs count', () => {
    expect(transcriptSummary(faultyCall)).toEqual({
      scriptCompliant: false,
      failedChecks: ['greeting', 'anythingElse', 'closing', 'forbiddenPhrases'],
      forbiddenHits: 2,
      slangHits: 1,
      alerts: 2,
      holdViolations: 1,
    });
  });

  it('accumulates and merges like the metrics room\'s KPIs', () => {
    const acc = scriptComplianceAccumulator();
    const contacts: TranscriptContact[] = [cleanChat, faultyCall, longHoldChat(true), { id: 'no-transcript' }];
    const whole = contacts.reduce((state, c) => acc.add(state, c), acc.empty());
    const left = acc.add(acc.add(acc.empty(), contacts[0]!), contacts[1]!);
    const right = acc.add(acc.add(acc.empty(), contacts[2]!), contacts[3]!);
    // Compliant: clean chat and the callback chat; checked 3; one without a transcript.
    expect(acc.result(whole)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, excluded: 1, forbiddenHits: 2, slangHits: 1, alerts: 2, holdViolations: 1 });
    expect(acc.result(acc.merge(left, right))).toEqual(acc.result(whole));
    expect(acc.result(acc.empty())).toMatchObject({ value: null, reason: 'no contact with a transcript to check' });
  });
});

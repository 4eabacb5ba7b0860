import { describe, expect, it } from 'vitest';
import {
  autoQa,
  checkScript,
  customerAlerts,
  defaultPhrasebook,
  definePhrasebook,
  extendPhrasebook,
  findPhrases,
  holdEvents,
  mergeAutoQa,
  normalizeTranscriptText,
  responseTiming,
  scanTranscript,
  scriptComplianceAccumulator,
  scriptCompliant,
  transcriptSummary,
  transcriptTiming,
} from '../../src/transcript/index.js';

// Every @example of the room's JSDoc (and docs/transcript.md), with the result it states.
describe('documented examples', () => {
  it('definePhrasebook', () => {
    const book = definePhrasebook({
      id: 'acme',
      label: { zh: '顺达话术', en: 'Shunda phrasebook' },
      merchantName: '顺达',
      entries: [
        { id: 'forbidden.noIdea', rule: 'forbidden', phrases: ['没办法'], instead: '我帮您查询一下', label: { zh: '没办法', en: '"nothing I can do"' }, seeds: ['001'], severity: 'redLine', speakers: ['agent'] },
      ],
      templates: [],
    });
    expect(book.entries[0]?.position).toBe('anywhere');
  });

  it('extendPhrasebook', () => {
    const book = extendPhrasebook(defaultPhrasebook, {
      merchantName: '顺达快递',
      entries: [{ id: 'alert.refund', rule: 'alert', phrases: ['退款'], label: { zh: '退款', en: 'refund' }, seeds: ['002'], severity: 'major', speakers: ['customer'] }],
      remove: ['forbidden.dontKnow'],
    });
    expect(book.entries.some((e) => e.id === 'forbidden.dontKnow')).toBe(false);
  });

  it('recipe: your own forbidden list, the seeds\' templates kept', () => {
    const mine = definePhrasebook({
      id: 'mine',
      label: { zh: '我的话术', en: 'Mine' },
      entries: [{ id: 'f', rule: 'forbidden', phrases: ['随便你'], label: { zh: '随便你', en: 'whatever' }, seeds: ['000'], severity: 'redLine', speakers: ['agent'] }],
      templates: [...defaultPhrasebook.templates],
    });
    expect(findPhrases('不知道,随便你', mine, { rules: ['forbidden'] }).map((h) => h.entryId)).toEqual(['f']);
    expect(findPhrases('感谢您的来电,再见!', mine).map((h) => h.entryId)).toContain('closing.003');
  });

  it('recipe: allow a polite 不知道您…', () => {
    const entry = defaultPhrasebook.entries.find((e) => e.id === 'forbidden.dontKnow')!;
    const book = extendPhrasebook(defaultPhrasebook, {
      entries: [{ ...entry, phrases: [...entry.phrases], seeds: [...entry.seeds], speakers: [...entry.speakers], unless: ['不知道您'] }],
    });
    expect(findPhrases('不知道您方便接电话吗?', book, { rules: ['forbidden'] })).toEqual([]);
    expect(findPhrases('这个我也不知道', book, { rules: ['forbidden'] }).map((h) => h.entryId)).toEqual(['forbidden.dontKnow']);
  });

  it('an empty phrasebook finds nothing', () => {
    const empty = definePhrasebook({ id: 'empty', label: { zh: '空', en: 'empty' }, entries: [], templates: [] });
    expect(findPhrases('不知道,我是新来的,我不清楚', empty)).toEqual([]);
  });

  it('defaultPhrasebook', () => {
    expect(defaultPhrasebook.entries.find((e) => e.id === 'forbidden.notMyJob')?.instead).toBe('对不起,我需要确认一下您的需求,请您稍后……(或按照升级话术升级处理)');
  });

  it('findPhrases and normalizeTranscriptText', () => {
    expect(findPhrases('这个我不 清楚!', defaultPhrasebook, { rules: ['forbidden'] }).map((h) => [h.entryId, h.start, h.end, h.rule === 'template' ? '' : h.instead])).toEqual([
      ['forbidden.notSure', 3, 7, '我帮您查询一下'],
    ]);
    expect(normalizeTranscriptText('不 清,楚!').folded).toBe('不清楚');
    expect(normalizeTranscriptText('不 清,楚!').starts).toEqual([0, 2, 4]);
  });

  it('scanTranscript', () => {
    expect(
      scanTranscript({ id: 'c1', messages: [{ from: 'agent', at: 0, text: '这不是我的工作!' }] }, undefined, { rules: ['forbidden'] }).hits.map((h) => [h.messageIndex, h.entryId, h.start, h.end]),
    ).toEqual([[0, 'forbidden.notMyJob', 0, 7]]);
  });

  it('checkScript', () => {
    expect(
      checkScript({
        direction: 'inbound',
        messages: [
          { from: 'agent', at: 0, text: '您好,很高兴为您服务!请问您贵姓?' },
          { from: 'customer', at: 5_000, text: '免贵姓王' },
          { from: 'agent', at: 9_000, text: '王先生您好,请问还有其他问题吗?感谢您的来电,再见!' },
        ],
      }).checks.surnameUsed.status,
    ).toBe('pass');
  });

  it('timing', () => {
    expect(
      responseTiming({
        direction: 'inbound',
        offeredAt: 0,
        messages: [
          { from: 'customer', at: 0, text: '在吗' },
          { from: 'bot', at: 1_000, text: '您好,请稍候' },
          { from: 'agent', at: 45_000, text: '您好,请问有什么可以帮您?' },
        ],
      }).firstResponse.seconds,
    ).toBe(45);
    expect(
      holdEvents({
        messages: [
          { from: 'agent', at: 0, text: '我需要核实一下,请您稍等可以吗?' },
          { from: 'agent', at: 90_000, text: '很抱歉让您久等了' },
        ],
      }).map((h) => [h.seconds, h.violation]),
    ).toEqual([[90, true]]);
    expect(customerAlerts({ messages: [{ from: 'customer', at: 0, text: '你们客服态度差!' }] }).map((a) => [a.entryId, a.start, a.dueAt])).toEqual([
      ['alert.badAttitude', 4, 300000],
    ]);
    expect(
      transcriptTiming({
        offeredAt: 0,
        messages: [
          { from: 'customer', at: 0, text: '不解决我就投诉' },
          { from: 'agent', at: 20_000, text: '非常抱歉' },
        ],
      }).alerts[0]?.dueAt,
    ).toBe(300000);
  });

  it('autoQa and mergeAutoQa', () => {
    const rubric = { items: [{ id: 'politeWords', levels: [{ points: 2 }, { points: 0 }] }] };
    expect(autoQa({ messages: [{ from: 'agent', at: 0, text: '这个我不清楚' }] }, rubric).redLines).toEqual(['forbiddenPhrase']);
    expect(
      mergeAutoQa(
        [
          { itemId: 'greeting', points: 1, confidence: 0.9, reason: '', evidence: [] },
          { itemId: 'closing', points: 2, confidence: 0.9, reason: '', evidence: [] },
        ],
        { contactId: 'c1', raterId: 'r1', scores: { greeting: 2 } },
      ).scores,
    ).toEqual({ greeting: 2, closing: 2 });
  });

  it('scriptCompliant, transcriptSummary, scriptComplianceAccumulator', () => {
    expect(
      scriptCompliant({
        direction: 'inbound',
        messages: [
          { from: 'agent', at: 0, text: '您好,很高兴为您服务!' },
          { from: 'agent', at: 60_000, text: '请问还有其他问题吗?感谢您的来电,再见!' },
        ],
      }),
    ).toBe(true);
    expect(scriptCompliant({ id: 'call-1' })).toBeNull();
    expect(transcriptSummary({ messages: [{ from: 'customer', at: 0, text: '态度差' }] }).alerts).toBe(1);
    const acc = scriptComplianceAccumulator();
    const state = acc.add(acc.empty(), { messages: [{ from: 'agent', at: 0, text: '不知道' }] });
    expect(acc.result(state).value).toBe(0);
  });
});

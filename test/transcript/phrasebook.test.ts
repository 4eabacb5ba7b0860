import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  TranscriptError,
  defaultPhrasebook,
  defaultPhrasebookSpec,
  definePhrasebook,
  extendPhrasebook,
  findPhrases,
  type Phrasebook,
} from '../../src/transcript/index.js';

const label = { zh: '测试', en: 'test' };

describe('defaultPhrasebook', () => {
  it('is the seeds\' phrasebook, valid by definePhrasebook, every entry with its seed', () => {
    const again = definePhrasebook(defaultPhrasebookSpec);
    expect(again.entries.map((e) => e.id)).toEqual(defaultPhrasebook.entries.map((e) => e.id));
    for (const entry of [...defaultPhrasebook.entries, ...defaultPhrasebook.templates]) {
      expect(entry.seeds.length).toBeGreaterThan(0);
      for (const seed of entry.seeds) expect(['000', '001', '002', '003', '004']).toContain(seed);
      expect(entry.label.zh).not.toBe('');
      expect(entry.label.en).not.toBe('');
    }
  });

  it('lists every forbidden phrase of seed 000 with what to say instead', () => {
    // Seed 000 三、服务禁用语: 12 rows; phrases 1 (喂喂) + 2 (说话啊/阿) + 1 + 2 (再讲一遍/大声点) + 1 + 1
    // + 2 (说普通话, and the seed's stray 号码 variant) + 1 + 4 (你听不明白呀…) + 1 + 1 + 1 = 18.
    const seed000 = defaultPhrasebook.entries.filter((e) => e.rule === 'forbidden' && e.seeds.includes('000'));
    expect(seed000).toHaveLength(12);
    expect(seed000.flatMap((e) => e.phrases)).toHaveLength(18);
    for (const entry of seed000) expect(entry.instead).toBeTruthy();
  });

  it('is frozen, so a compiled automaton can never go stale', () => {
    expect(Object.isFrozen(defaultPhrasebook)).toBe(true);
    expect(Object.isFrozen(defaultPhrasebook.entries[0]?.phrases)).toBe(true);
  });

  it('has the types of a validated phrasebook', () => {
    expectTypeOf(defaultPhrasebook).toEqualTypeOf<Phrasebook>();
    expectTypeOf(defaultPhrasebook.entries[0]!.position).toEqualTypeOf<'anywhere' | 'sentenceFinal'>();
  });
});

describe('definePhrasebook', () => {
  it('fills defaults', () => {
    const book = definePhrasebook({
      id: 'x',
      label,
      entries: [{ id: 'a', rule: 'forbidden', phrases: ['没办法'], label, seeds: ['001'], severity: 'redLine', speakers: ['agent'] }],
      templates: [],
    });
    expect(book.maxSpan).toBe(20);
    expect(book.entries[0]?.position).toBe('anywhere');
    expect(book.entries[0]?.unless).toEqual([]);
  });

  it('reports every problem at once, one line each with its path', () => {
    let error: unknown;
    try {
      definePhrasebook({
        id: 'x',
        label,
        entries: [
          { id: 'a', rule: 'forbidden', phrases: ['!!!', '\uD800x'], label, seeds: ['001'], severity: 'redLine', speakers: ['agent'] },
          { id: 'a', rule: 'forbidden', phrases: ['好'], label, seeds: ['001'], severity: 'redLine', speakers: ['agent'] },
        ],
        templates: [{ id: 't', kind: 'closing', patterns: ['XXX……'], label, seeds: ['000'], speakers: ['agent'] }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranscriptError);
    const lines = (error as TranscriptError).format().split('\n');
    expect(lines).toEqual([
      '✖ expected a phrase with at least one letter or digit besides punctuation and spaces, got "!!!" → at entries[0].phrases[0]',
      '✖ expected well-formed text (no lone surrogate), got "\\ud800x" → at entries[0].phrases[1]',
      '✖ expected an id used once, got "a" → at entries[1].id',
      '✖ expected a pattern with at least one fixed part besides placeholders, got "XXX……" → at templates[0].patterns[0]',
    ]);
  });

  it('rejects a misspelt field instead of dropping it', () => {
    expect(() =>
      definePhrasebook({
        id: 'x',
        label,
        entries: [{ id: 'a', rule: 'forbidden', phrases: ['没办法'], insted: '我帮您查询一下', label, seeds: ['001'], severity: 'redLine', speakers: ['agent'] } as never],
        templates: [],
      }),
    ).toThrow('✖ expected only the documented fields, got "insted" → at entries[0]');
    expect(() => definePhrasebook('book' as never)).toThrow('✖ expected a phrasebook { id, label, entries, templates }, got "book" → at (root)');
  });

  it('rejects a malformed shape with the schema\'s words', () => {
    expect(() => definePhrasebook({ id: '', label, entries: [], templates: [] })).toThrow(/expected a non-empty id → at id/);
    expect(() =>
      definePhrasebook({ id: 'x', label, maxSpan: 0, entries: [], templates: [] }),
    ).toThrow(/a whole number ≥ 1 → at maxSpan/);
  });
});

describe('extendPhrasebook', () => {
  it('adds, replaces and removes entries without touching the base', () => {
    const book = extendPhrasebook(defaultPhrasebook, {
      merchantName: '顺达快递',
      entries: [
        { id: 'alert.refund', rule: 'alert', phrases: ['我要投诉'], label, seeds: ['002'], severity: 'major', speakers: ['customer'] },
        { id: 'forbidden.notSure', rule: 'forbidden', phrases: ['不太清楚'], label, seeds: ['001'], severity: 'redLine', speakers: ['agent'] },
      ],
      remove: ['forbidden.dontKnow'],
    });
    expect(book.id).toBe('seeds-000-004+extended');
    expect(book.merchantName).toBe('顺达快递');
    expect(book.entries.some((e) => e.id === 'forbidden.dontKnow')).toBe(false);
    expect(book.entries.find((e) => e.id === 'forbidden.notSure')?.phrases).toEqual(['不太清楚']);
    expect(book.entries.at(-1)?.id).toBe('alert.refund');
    expect(defaultPhrasebook.entries.some((e) => e.id === 'forbidden.dontKnow')).toBe(true);
    // The user's alert word is found in customer messages only.
    expect(findPhrases('我要投诉你们', book, { speaker: 'customer', rules: ['alert'] }).map((h) => h.entryId)).toEqual(['alert.refund']);
    expect(findPhrases('我要投诉你们', book, { speaker: 'agent', rules: ['alert'] })).toEqual([]);
  });

  it('fills the merchant name and agent number into the templates', () => {
    const book = extendPhrasebook(defaultPhrasebook, { merchantName: 'ACME', agentNumber: '1024' });
    const greeting = (text: string) =>
      findPhrases(text, book, { rules: ['template'] }).filter((h) => h.rule === 'template' && h.kind === 'greetingInbound').map((h) => h.entryId);
    // Full-width ＡＣＭＥ and the number folded: 001's greeting with this merchant and agent.
    expect(greeting('您好，这里是ＡＣＭＥ客户服务，工号１０２４，请问有什么可以帮您？')).toEqual(['greetingInbound.001']);
    // Another merchant's name no longer matches once the name is configured.
    expect(greeting('您好，这里是京东客户服务，工号1024，请问有什么可以帮您？')).toEqual([]);
    // Without configuration the name is a placeholder, so any merchant matches.
    expect(
      findPhrases('您好，这里是京东客户服务，工号1024，请问有什么可以帮您？', defaultPhrasebook, { rules: ['template'] }).map((h) => h.entryId),
    ).toContain('greetingInbound.001');
  });

  it('reports problems of the result', () => {
    expect(() =>
      extendPhrasebook(defaultPhrasebook, {
        entries: [{ id: 'x', rule: 'alert', phrases: [' '], label, seeds: ['002'], severity: 'major', speakers: ['customer'] }],
      }),
    ).toThrow(TranscriptError);
  });
});

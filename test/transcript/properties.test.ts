import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoQa,
  checkScript,
  defaultPhrasebook,
  definePhrasebook,
  findPhrases,
  normalizeTranscriptText,
  scanTranscript,
  type TranscriptContact,
} from '../../src/transcript/index.js';

// Forbidden phrases without exceptions or position rules (喂 has its 喂您好 exception).
const plainForbidden = defaultPhrasebook.entries.filter((e) => e.rule === 'forbidden' && e.unless.length === 0 && e.position === 'anywhere');
const phraseArb = fc.constantFrom(...plainForbidden.flatMap((e) => e.phrases.map((phrase) => ({ id: e.id, phrase }))));
const edge = /^[\p{P}\p{Z}]+|[\p{P}\p{Z}]+$/gu;

// Characters that occur in no forbidden phrase: text made of them can hold no forbidden hit,
// whatever is inserted next to it.
const used = new Set(defaultPhrasebook.entries.filter((e) => e.rule === 'forbidden').flatMap((e) => [...e.phrases.join('')]));
const safeChars = [...'的一是在有人这中大为上个国以要他时来用们生到作地于出就分对成会可','ab Z9 ', '😀', '👍🏽', ',。!?、…', '\u3000', 'ＡＢ１２']
  .flatMap((s) => [...s])
  .filter((c) => !used.has(c));
const safeText = fc.string({ unit: fc.constantFrom(...safeChars), maxLength: 40 });

describe('properties of the phrase scan', () => {
  it('finds a forbidden phrase inserted anywhere in any text, at exactly that offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(), phraseArb, (text, cut, { id, phrase }) => {
        const at = cut % (text.length + 1);
        const withPhrase = text.slice(0, at) + phrase + text.slice(at);
        const core = phrase.replace(edge, '');
        const start = at + phrase.indexOf(core);
        const hits = findPhrases(withPhrase, defaultPhrasebook, { rules: ['forbidden'], overlapping: 'all' });
        expect(hits.some((h) => h.entryId === id && h.start === start && h.end === start + core.length)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('under the default overlap policy the inserted phrase is inside a reported hit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), phraseArb, (text, cut, { phrase }) => {
        const at = cut % (text.length + 1);
        const withPhrase = text.slice(0, at) + phrase + text.slice(at);
        const core = phrase.replace(edge, '');
        const start = at + phrase.indexOf(core);
        const hits = findPhrases(withPhrase, defaultPhrasebook, { rules: ['forbidden'] });
        expect(hits.some((h) => h.start <= start && start + core.length <= h.end)).toBe(true);
      }),
    );
  });

  it('removing the phrase removes the hit', () => {
    fc.assert(
      fc.property(safeText, safeText, phraseArb, (before, after, { id }) => {
        const phrase = plainForbidden.find((e) => e.id === id)?.phrases[0] ?? '';
        expect(findPhrases(before + after, defaultPhrasebook, { rules: ['forbidden'] })).toEqual([]);
        const hits = findPhrases(before + phrase + after, defaultPhrasebook, { rules: ['forbidden'] });
        expect(hits.map((h) => h.entryId)).toEqual([id]);
      }),
    );
  });

  it('finds the same phrases in full-width and half-width writing', () => {
    const toFullWidth = (t: string) => t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), phraseArb, (text, { phrase }) => {
        const half = text + phrase + text;
        const full = toFullWidth(half);
        const ids = (t: string) => findPhrases(t).map((h) => `${h.rule}:${h.entryId}`);
        expect(ids(full)).toEqual(ids(half));
      }),
    );
  });

  it('never throws on any string, lone surrogates included, and every offset lies inside the text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme-composite' }),
      fc.string({ unit: fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD835', '\uDC00', '喂', '嘛', '不', '清', '楚', ' ', '!', '您好') }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        for (const hit of findPhrases(text)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.start).toBeLessThan(hit.end);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(hit.start, hit.end)).toBe(hit.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('checks any transcript without throwing, every evidence inside its message', () => {
    const message = fc.record({
      from: fc.constantFrom('customer' as const, 'agent' as const, 'bot' as const),
      at: fc.integer({ min: 0, max: 3_600_000 }),
      text: fc.string({ unit: fc.constantFrom(...'您好请问稍等可以吗久等了感谢来电再见贵姓王先生不清楚喂嘛态度差,!? 😀'), maxLength: 30 }),
    });
    const rubric = { items: [{ id: 'holdHandling', levels: [10, 6, 4, 2, 0].map((points) => ({ points })) }] };
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), fc.constantFrom('inbound' as const, 'outbound' as const), (messages, direction) => {
        const contact: TranscriptContact = { direction, offeredAt: 0, messages };
        const inside = (e: { messageIndex: number; start: number; end: number; text: string }) => {
          const text = messages[e.messageIndex]?.text ?? '';
          expect(text.slice(e.start, e.end)).toBe(e.text);
        };
        for (const check of Object.values(checkScript(contact).checks)) check.evidence.forEach(inside);
        scanTranscript(contact).hits.forEach(inside);
        for (const sg of autoQa(contact, rubric).suggestions) {
          expect([10, 6, 4, 2, 0]).toContain(sg.points);
          sg.evidence.forEach(inside);
        }
      }),
    );
  });
});

describe('properties of template matching', () => {
  // A template of three fixed parts over a tiny alphabet, so chains are frequent and ambiguous.
  const book = definePhrasebook({
    id: 'tiny',
    label: { zh: '小', en: 'tiny' },
    maxSpan: 3,
    entries: [],
    templates: [{ id: 't', kind: 'closing', patterns: ['ab XX ba XX a'], label: { zh: '小', en: 'tiny' }, seeds: ['000'], speakers: ['agent'] }],
  });
  const parts = ['ab', 'ba', 'a'];

  /** Every chain by brute force: the earliest start, then the earliest end, in folded units. */
  function bruteForce(folded: string): [number, number] | null {
    let best: [number, number] | null = null;
    const walk = (j: number, from: number, start: number) => {
      const part = parts[j] as string;
      for (let at = folded.indexOf(part, from); at >= 0; at = folded.indexOf(part, at + 1)) {
        if (j > 0 && (at - from < 0 || at - from > 2)) continue; // gap 1..3 after the previous end (from = end + 1)
        const s = j === 0 ? at : start;
        const e = at + part.length;
        if (j === parts.length - 1) {
          if (best === null || s < best[0] || (s === best[0] && e < best[1])) best = [s, e];
        } else walk(j + 1, e + 1, s);
        if (j > 0 && at - from >= 2) break;
      }
    };
    walk(0, 0, 0);
    return best;
  }

  it('finds the same earliest chain as a brute-force search', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ',', ' '), maxLength: 40 }), (text) => {
        const { folded, starts, ends } = normalizeTranscriptText(text);
        const expected = bruteForce(folded);
        const hits = findPhrases(text, book, { rules: ['template'] });
        if (expected === null) expect(hits).toEqual([]);
        else expect(hits.map((h) => [h.start, h.end])).toEqual([[starts[expected[0]], ends[expected[1] - 1]]]);
      }),
      { numRuns: 1000 },
    );
  });
});

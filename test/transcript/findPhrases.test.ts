import { describe, expect, it } from 'vitest';
import { defaultPhrasebook, extendPhrasebook, findPhrases, normalizeTranscriptText, scanTranscript } from '../../src/transcript/index.js';
import { cleanChat } from './fixtures.js';

const forbidden = defaultPhrasebook.entries.filter((entry) => entry.rule === 'forbidden');
const edge = /^[\p{P}\p{Z}]+|[\p{P}\p{Z}]+$/gu;

// The four written forms the issue asks for, built from the seed's phrase.
const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
const spaced = (text: string) => Array.from(text.replace(/[\p{P}\p{Z}]/gu, '')).join(' ');
const punctuated = (text: string) => Array.from(text.replace(/[\p{P}\p{Z}]/gu, '')).join('、');
const forms: [string, (t: string) => string][] = [
  ['plain', (t) => t],
  ['full-width', toFullWidth],
  ['spaced', spaced],
  ['punctuated', punctuated],
];

describe('findPhrases: every forbidden phrase of the seeds', () => {
  for (const entry of forbidden) {
    for (const phrase of entry.phrases) {
      for (const [form, write] of forms) {
        it(`${entry.id} ${phrase} (${form})`, () => {
          const written = write(phrase);
          // 喂 before 您好 is the greeting's flaw, not this rule: keep the text after it neutral.
          const prefix = '师傅,';
          const text = `${prefix}${written}我们这边再看看。`;
          // The hit starts at the first letter of the phrase and ends after its last one:
          // punctuation at its edges ("!" in 喂!喂!) is not part of it.
          const core = written.replace(edge, '');
          const start = prefix.length + written.indexOf(core);
          const hits = findPhrases(text, defaultPhrasebook, { speaker: 'agent', rules: ['forbidden'] });
          const hit = hits.find((h) => h.entryId === entry.id);
          expect(hit, JSON.stringify(hits)).toBeDefined();
          expect(hit?.start).toBe(start);
          expect(hit?.end).toBe(start + core.length);
          expect(hit?.text).toBe(core);
          expect(text.slice(hit?.start, hit?.end)).toBe(hit?.text);
          if (hit?.rule !== 'template') expect(hit?.instead).toBe(entry.instead);
        });
      }
    }
  }
});

describe('findPhrases', () => {
  it('finds nothing forbidden in a clean chat', () => {
    expect(scanTranscript(cleanChat, defaultPhrasebook, { rules: ['forbidden', 'slang', 'alert'] }).hits).toEqual([]);
  });

  it('reports one hit for a phrase inside a longer forbidden phrase, or all of them on request', () => {
    const text = '不知道,我是新来的,我不清楚';
    expect(findPhrases(text, defaultPhrasebook, { rules: ['forbidden'] }).map((h) => h.entryId)).toEqual(['forbidden.imNewHere']);
    // all: the long phrase [0,14), 不知道 [0,3), 不清楚 [11,14).
    expect(findPhrases(text, defaultPhrasebook, { rules: ['forbidden'], overlapping: 'all' }).map((h) => [h.entryId, h.start, h.end])).toEqual([
      ['forbidden.imNewHere', 0, 14],
      ['forbidden.dontKnow', 0, 3],
      ['forbidden.notSure', 11, 14],
    ]);
  });

  it('keeps offsets right around emoji (surrogate pairs) and mixed Chinese/English text', () => {
    const text = '👍OK, 这个我不 清楚 😅 sorry';
    // 👍 is 2 code units, "OK, " 4, 这个我 3: 不 at 2 + 4 + 3 = 9; "不 清楚" is 4 units → end 13.
    const [hit] = findPhrases(text, defaultPhrasebook, { rules: ['forbidden'] });
    expect([hit?.start, hit?.end, hit?.text]).toEqual([9, 13, '不 清楚']);
    // An emoji inside a phrase is content, not punctuation: no match.
    expect(findPhrases('我不😅清楚', defaultPhrasebook, { rules: ['forbidden'] })).toEqual([]);
    // A phrase right after an emoji: 😀 (2) → 不知道 at [2, 5).
    expect(findPhrases('😀不知道😀', defaultPhrasebook, { rules: ['forbidden'] }).map((h) => [h.start, h.end])).toEqual([[2, 5]]);
  });

  it('matches English phrases case-insensitively and full-width letters as ASCII', () => {
    const book = extendPhrasebook(defaultPhrasebook, {
      entries: [
        { id: 'forbidden.whatever', rule: 'forbidden', phrases: ['Whatever'], label: { zh: '随便', en: 'whatever' }, seeds: ['000'], severity: 'redLine', speakers: ['agent'] },
      ],
    });
    // "好吧，" is 3 units; ＷＨＡＴ ＥＶＥＲ spans 3..12 (4 + ideographic space + 4).
    const hits = findPhrases('好吧，ＷＨＡＴ\u3000ＥＶＥＲ！', book, { rules: ['forbidden'] });
    expect(hits.map((h) => [h.entryId, h.start, h.end])).toEqual([['forbidden.whatever', 3, 12]]);
  });

  it('treats the slang particles 喽 and 嘛 as particles only at the end of a clause', () => {
    const hits = (text: string) => findPhrases(text, defaultPhrasebook, { rules: ['slang'] }).map((h) => [h.entryId, h.start]);
    expect(hits('师傅明天上门喽。')).toEqual([['slang.lou', 6]]);
    expect(hits('这样就好了嘛')).toEqual([['slang.ma', 5]]);
    expect(hits('好嘛😀')).toEqual([['slang.ma', 1]]); // an emoji ends the clause too
    expect(hits('你要干嘛?')).toEqual([]); // 干嘛 is a word
    expect(hits('喇嘛')).toEqual([]);
    expect(hits('嘛事都没有')).toEqual([]); // not clause-final
    expect(hits('小喽啰。')).toEqual([]);
  });

  it('excepts a 喂 right before 您好 (the greeting\'s flaw) but not a bare 喂', () => {
    expect(findPhrases('喂,您好', defaultPhrasebook, { rules: ['forbidden'] })).toEqual([]);
    expect(findPhrases('喂,你听得到吗', defaultPhrasebook, { rules: ['forbidden'] }).map((h) => h.entryId)).toEqual(['forbidden.wei']);
    expect(findPhrases('喂!喂!您好', defaultPhrasebook, { rules: ['forbidden'] }).map((h) => h.entryId)).toEqual(['forbidden.weiWei']);
  });

  it('finds the alert words of seed 002 in simplified and traditional characters', () => {
    const hits = findPhrases('客服態度差,到底解不解决', defaultPhrasebook, { speaker: 'customer', rules: ['alert'] });
    // 客服 (2) → 態度差 [2,5); 到底解 starts at 6 → 不解决 [9,12).
    expect(hits.map((h) => [h.entryId, h.start, h.end])).toEqual([
      ['alert.badAttitude', 2, 5],
      ['alert.notResolved', 9, 12],
    ]);
  });

  it('matches templates filled with a merchant name, the fixed parts in order within the span', () => {
    const kinds = (text: string) =>
      findPhrases(text, defaultPhrasebook, { rules: ['template'] }).map((h) => (h.rule === 'template' ? `${h.kind}:${h.entryId}` : ''));
    expect(kinds('您好!顺达快递,请问有什么可以帮您?')).toContain('greetingInbound:greetingInbound.000');
    expect(kinds('您好!中国东方航空股份有限公司上海分公司,请问有什么可以帮您?')).toContain('greetingInbound:greetingInbound.000');
    // No merchant at all: the template needs something in its place (an incomplete greeting).
    expect(kinds('您好,请问有什么可以帮您?')).not.toContain('greetingInbound:greetingInbound.000');
    // A "merchant name" longer than the 20-unit span is not a greeting any more.
    expect(kinds(`您好!${'很'.repeat(21)},请问有什么可以帮您?`)).not.toContain('greetingInbound:greetingInbound.000');
    // Outbound, seed 004: 您好,我是XX客户服务中心**号.
    expect(kinds('您好,我是金蝶客户服务中心 37 号')).toContain('greetingOutbound:greetingOutbound.004');
  });

  it('never throws and keeps offsets inside the text for odd input', () => {
    for (const text of ['', '\uD800', '\uDC00不知道', '不知道\uD83D', '\u0000\uFFFF\uFFFE', '𝐀𝐁不清楚🄰', 'ｶﾀｶﾅ㈱不明白']) {
      for (const hit of findPhrases(text)) {
        expect(hit.start).toBeGreaterThanOrEqual(0);
        expect(hit.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(hit.start, hit.end)).toBe(hit.text);
      }
    }
  });
});

describe('normalizeTranscriptText', () => {
  it('folds NFKC-equivalent forms and drops punctuation, keeping the way back', () => {
    // Ａ→a, ｂ stays b, ㈱→株 (its parentheses are punctuation), the ideographic space goes.
    const folded = normalizeTranscriptText('Ａｂ\u3000㈱,é');
    expect(folded.folded).toBe('ab株e\u0301');
    expect(folded.starts).toEqual([0, 1, 3, 5, 5]);
    expect(folded.ends).toEqual([1, 2, 4, 6, 6]);
  });
});

import { PhraseAutomaton, foldForMatching } from './automaton.js';
import type { Phrasebook } from './phrasebookSchema.js';
import { parseTemplatePattern } from './templatePattern.js';

/** What a pattern of the automaton stands for. */
export type PatternUse =
  | { readonly type: 'phrase'; readonly entry: number; readonly phrase: number }
  | { readonly type: 'unless'; readonly entry: number }
  | { readonly type: 'part'; readonly templatePattern: number; readonly part: number };

/** One template pattern, ready to chain its parts. */
export interface CompiledTemplatePattern {
  readonly template: number;
  readonly pattern: number;
  /** Automaton pattern ids of the fixed parts, in order. */
  readonly partIds: readonly number[];
  readonly leading: boolean;
  readonly maxSpan: number;
}

/** A phrasebook compiled for scanning. */
export interface CompiledPhrasebook {
  readonly phrasebook: Phrasebook;
  readonly automaton: PhraseAutomaton;
  /** By automaton pattern id: what it is used for (several entries may share one folded pattern). */
  readonly uses: readonly (readonly PatternUse[])[];
  readonly templatePatterns: readonly CompiledTemplatePattern[];
}

// Compiled automata, one per phrasebook object. A phrasebook is treated as immutable data
// (definePhrasebook returns a fresh object); the cache only saves recompiling it and is
// invisible from outside. The issue asks for exactly this: compiled once, cached in a WeakMap.
const compiled = new WeakMap<Phrasebook, CompiledPhrasebook>();

/**
 * Compiles a phrasebook's phrases, exceptions and template parts into one Aho–Corasick
 * automaton, once per phrasebook object.
 *
 * @param phrasebook - a validated phrasebook
 * @returns the compiled form (cached)
 */
export function compilePhrasebook(phrasebook: Phrasebook): CompiledPhrasebook {
  const cached = compiled.get(phrasebook);
  if (cached !== undefined) return cached;
  const ids = new Map<string, number>();
  const patterns: string[] = [];
  const uses: PatternUse[][] = [];
  const add = (folded: string, use: PatternUse): number => {
    let id = ids.get(folded);
    if (id === undefined) {
      id = patterns.length;
      ids.set(folded, id);
      patterns.push(folded);
      uses.push([]);
    }
    (uses[id] as PatternUse[]).push(use);
    return id;
  };
  phrasebook.entries.forEach((entry, e) => {
    entry.phrases.forEach((phrase, p) => {
      const folded = foldForMatching(phrase);
      if (folded !== '') add(folded, { type: 'phrase', entry: e, phrase: p });
    });
    for (const phrase of entry.unless) {
      const folded = foldForMatching(phrase);
      if (folded !== '') add(folded, { type: 'unless', entry: e });
    }
  });
  const templatePatterns: CompiledTemplatePattern[] = [];
  const values = { merchantName: phrasebook.merchantName, agentNumber: phrasebook.agentNumber };
  phrasebook.templates.forEach((template, t) => {
    template.patterns.forEach((pattern, p) => {
      const parsed = parseTemplatePattern(pattern, values);
      if (parsed === null) return;
      const index = templatePatterns.length;
      const partIds = parsed.parts.map((part, i) => add(part, { type: 'part', templatePattern: index, part: i }));
      templatePatterns.push({
        template: t,
        pattern: p,
        partIds,
        leading: parsed.leading,
        maxSpan: template.maxSpan ?? phrasebook.maxSpan,
      });
    });
  });
  const result: CompiledPhrasebook = { phrasebook, automaton: new PhraseAutomaton(patterns), uses, templatePatterns };
  compiled.set(phrasebook, result);
  return result;
}

import type { CompiledPhrasebook } from './compilePhrasebook.js';
import { endsClause } from './foldTable.js';
import type { PhraseRule, Severity, TemplateKind } from './phrasebookSchema.js';
import type { Label, Speaker } from './types.js';

interface HitBase {
  /** UTF-16 offset in the original text where the hit starts (inclusive). */
  readonly start: number;
  /** UTF-16 offset in the original text where the hit ends (exclusive). */
  readonly end: number;
  /** `text.slice(start, end)`: the words as written. */
  readonly text: string;
  /** The phrasebook entry's id. */
  readonly entryId: string;
  readonly label: Label;
  readonly seeds: readonly string[];
}

/** A forbidden phrase, slang particle or alert word found in a text. */
export interface PhraseHit extends HitBase {
  readonly rule: PhraseRule;
  readonly severity: Severity;
  /** The phrasebook's phrase that matched, as the phrasebook writes it. */
  readonly phrase: string;
  /** What to say instead, when the entry says. */
  readonly instead?: string;
}

/** A required wording (template) found in a text. */
export interface TemplateHit extends HitBase {
  readonly rule: 'template';
  readonly kind: TemplateKind;
  /** The template pattern that matched, as the phrasebook writes it. */
  readonly phrase: string;
}

/** Anything found in a text. */
export type TextHit = PhraseHit | TemplateHit;

interface Span {
  readonly foldedStart: number;
  readonly foldedEnd: number;
  readonly start: number;
  readonly end: number;
}

interface RawPhraseHit extends Span {
  readonly entry: number;
  readonly phrase: number;
}

/** Options of {@link matchText}. */
export interface MatchTextOptions {
  /** Apply each entry's `speakers` for this speaker; all entries when absent. */
  readonly speaker?: Speaker | undefined;
  readonly overlapping?: 'longest' | 'all' | undefined;
}

/**
 * Every phrase and template hit in one text, by start offset. The one place the automaton's raw
 * output becomes hits: exceptions (`unless`), sentence-final particles, the overlap policy and
 * the chaining of template parts are applied here.
 */
export function matchText(compiled: CompiledPhrasebook, text: string, options: MatchTextOptions = {}): TextHit[] {
  const { phrasebook, automaton, uses, templatePatterns } = compiled;
  const { speaker, overlapping = 'longest' } = options;
  const raw = automaton.scan(text);
  const phraseHits: RawPhraseHit[] = [];
  const unlessSpans = new Map<number, Span[]>();
  const partSpans = new Map<number, Span[]>();
  for (let r = 0; r < raw.length; r += 5) {
    const id = raw[r] as number;
    const foldedStart = raw[r + 1] as number;
    const foldedEnd = raw[r + 2] as number;
    const start = raw[r + 3] as number;
    const end = raw[r + 4] as number;
    let partSeen = false;
    for (const use of uses[id] ?? []) {
      if (use.type === 'phrase') {
        const entry = phrasebook.entries[use.entry];
        if (entry === undefined) continue;
        if (speaker !== undefined && !entry.speakers.includes(speaker)) continue;
        if (entry.position === 'sentenceFinal' && !endsClause(text, end)) continue;
        phraseHits.push({ foldedStart, foldedEnd, start, end, entry: use.entry, phrase: use.phrase });
      } else if (use.type === 'unless') {
        const list = unlessSpans.get(use.entry) ?? [];
        list.push({ foldedStart, foldedEnd, start, end });
        unlessSpans.set(use.entry, list);
      } else if (!partSeen) {
        partSeen = true;
        const list = partSpans.get(id) ?? [];
        list.push({ foldedStart, foldedEnd, start, end });
        partSpans.set(id, list);
      }
    }
  }

  // An exception covering the hit makes it innocent (嘛 in 干嘛).
  let kept =
    unlessSpans.size === 0
      ? phraseHits
      : phraseHits.filter((hit) => {
          const covers = unlessSpans.get(hit.entry);
          return covers === undefined || !covers.some((u) => u.foldedStart <= hit.foldedStart && hit.foldedEnd <= u.foldedEnd);
        });
  if (overlapping === 'longest' && kept.length > 1) {
    // Sorted by start, longest first: a hit is inside a longer one of its rule exactly when an
    // earlier hit reaches past its end, or reaches its end from further left.
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    const reach = new Map<string, { end: number; start: number }>();
    kept = kept.filter((hit) => {
      const rule = phrasebook.entries[hit.entry]?.rule ?? 'forbidden';
      const far = reach.get(rule);
      const inside = far !== undefined && (far.end > hit.end || (far.end === hit.end && far.start < hit.start));
      if (far === undefined || hit.end > far.end) reach.set(rule, { end: hit.end, start: hit.start });
      return !inside;
    });
  }
  const hits: TextHit[] = [];
  for (const hit of kept) {
    const entry = phrasebook.entries[hit.entry];
    if (entry === undefined) continue;
    const found: { -readonly [K in keyof PhraseHit]: PhraseHit[K] } = {
      rule: entry.rule,
      severity: entry.severity,
      entryId: entry.id,
      label: entry.label,
      seeds: entry.seeds,
      phrase: entry.phrases[hit.phrase] ?? '',
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
    };
    if (entry.instead !== undefined) found.instead = entry.instead;
    hits.push(found);
  }

  // Templates: the fixed parts in order, each gap 1..maxSpan folded units; the earliest chain wins,
  // one hit a template (its earliest, then longest, pattern match).
  const best = new Map<number, { span: Span; pattern: number }>();
  for (const tp of partSpans.size === 0 ? [] : templatePatterns) {
    const template = phrasebook.templates[tp.template];
    if (template === undefined) continue;
    if (speaker !== undefined && !template.speakers.includes(speaker)) continue;
    const span = chainParts(tp.partIds, tp.leading, tp.maxSpan, partSpans);
    if (span === null) continue;
    const current = best.get(tp.template);
    if (
      current === undefined ||
      span.start < current.span.start ||
      (span.start === current.span.start && span.end > current.span.end)
    ) {
      best.set(tp.template, { span, pattern: tp.pattern });
    }
  }
  for (const [index, { span, pattern }] of best) {
    const template = phrasebook.templates[index];
    if (template === undefined) continue;
    hits.push({
      rule: 'template',
      kind: template.kind,
      entryId: template.id,
      label: template.label,
      seeds: template.seeds,
      phrase: template.patterns[pattern] ?? '',
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
    });
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start || b.end - a.end) : hits;
}

function chainParts(
  partIds: readonly number[],
  leading: boolean,
  maxSpan: number,
  partSpans: ReadonlyMap<number, readonly Span[]>,
): Span | null {
  // Occurrences of one part all have the same folded length, so the automaton reports them in
  // order of start; chains are built in that order too. For each occurrence of the next part the
  // chains that may precede it end in a window [start − maxSpan, start − 1] that only moves
  // right: a sliding-window minimum of the chain starts keeps the whole pass linear.
  let chains: { first: Span; last: Span }[] = [];
  for (let j = 0; j < partIds.length; j++) {
    const occurrences = partSpans.get(partIds[j] as number);
    if (occurrences === undefined) return null;
    const next: { first: Span; last: Span }[] = [];
    if (j === 0) {
      for (const occ of occurrences) if (!leading || occ.foldedStart >= 1) next.push({ first: occ, last: occ });
    } else {
      const window: number[] = []; // chain indexes, their first.foldedStart increasing
      let head = 0;
      let added = 0;
      for (const occ of occurrences) {
        while (added < chains.length && (chains[added] as { last: Span }).last.foldedEnd <= occ.foldedStart - 1) {
          const start = (chains[added] as { first: Span }).first.foldedStart;
          while (window.length > head && (chains[window[window.length - 1] as number] as { first: Span }).first.foldedStart >= start) window.pop();
          window.push(added);
          added++;
        }
        while (window.length > head && (chains[window[head] as number] as { last: Span }).last.foldedEnd < occ.foldedStart - maxSpan) head++;
        if (window.length > head) next.push({ first: (chains[window[head] as number] as { first: Span }).first, last: occ });
      }
    }
    if (next.length === 0) return null;
    chains = next;
  }
  let result: Span | null = null;
  for (const { first, last } of chains) {
    if (result === null || first.start < result.start || (first.start === result.start && last.end < result.end)) {
      result = { foldedStart: first.foldedStart, foldedEnd: last.foldedEnd, start: first.start, end: last.end };
    }
  }
  return result;
}

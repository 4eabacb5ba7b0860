import { definePhrasebook } from './definePhrasebook.js';
import type { Label } from './types.js';
import type { Phrasebook, PhraseEntryInput, TemplateEntryInput } from './phrasebookSchema.js';

/** What {@link extendPhrasebook} adds to, replaces in or removes from a phrasebook. */
export interface PhrasebookAdditions {
  /** A new id for the result (default: the base's id + `+extended`). */
  readonly id?: string;
  readonly label?: Label;
  /** The merchant's name, filled into `{merchant}` placeholders of every template. */
  readonly merchantName?: string;
  /** The agent's number, filled into `{agentNumber}` placeholders. */
  readonly agentNumber?: string;
  /** Longest span of a placeholder (folded code units). */
  readonly maxSpan?: number;
  /** Entries to add; one with the id of a base entry replaces it. */
  readonly entries?: readonly PhraseEntryInput[];
  /** Templates to add; one with the id of a base template replaces it. */
  readonly templates?: readonly TemplateEntryInput[];
  /** Ids of base entries or templates to drop. */
  readonly remove?: readonly string[];
}

/**
 * A new phrasebook: the base with entries and templates added, replaced (same id) or removed, and
 * the merchant's name, agent number or placeholder span set. The base is not changed.
 *
 * @param base - the phrasebook to start from, usually `defaultPhrasebook`
 * @param additions - what to change
 * @returns the validated new phrasebook
 * @example
 * const book = extendPhrasebook(defaultPhrasebook, {
 *   merchantName: '顺达快递',
 *   entries: [{ id: 'alert.refund', rule: 'alert', phrases: ['退款'], label: { zh: '退款', en: 'refund' },
 *     seeds: ['002'], severity: 'major', speakers: ['customer'] }],
 *   remove: ['forbidden.dontKnow'],
 * });
 * book.entries.some((e) => e.id === 'forbidden.dontKnow') //=> false
 * @throws {TranscriptError} when the result is not a valid phrasebook (every problem listed)
 */
export function extendPhrasebook(base: Phrasebook, additions: PhrasebookAdditions): Phrasebook {
  const removed = new Set(additions.remove ?? []);
  const merge = <T extends { readonly id: string }>(own: readonly T[], added: readonly T[]): T[] => {
    const replaced = new Map(added.map((item) => [item.id, item]));
    const out: T[] = [];
    for (const item of own) {
      if (removed.has(item.id)) continue;
      const replacement = replaced.get(item.id);
      out.push(replacement ?? item);
      replaced.delete(item.id);
    }
    for (const item of added) if (replaced.has(item.id) && !removed.has(item.id)) out.push(item);
    return out;
  };
  const merchantName = additions.merchantName ?? base.merchantName;
  const agentNumber = additions.agentNumber ?? base.agentNumber;
  return definePhrasebook({
    id: additions.id ?? `${base.id}+extended`,
    label: additions.label ?? base.label,
    maxSpan: additions.maxSpan ?? base.maxSpan,
    ...(merchantName === undefined ? {} : { merchantName }),
    ...(agentNumber === undefined ? {} : { agentNumber }),
    entries: merge<PhraseEntryInput>(base.entries, additions.entries ?? []).map(copyEntry),
    templates: merge<TemplateEntryInput>(base.templates, additions.templates ?? []).map(copyTemplate),
  });
}

// Fresh arrays: the base may be frozen, and the schema's input types are mutable.
function copyEntry(entry: PhraseEntryInput): PhraseEntryInput {
  return {
    ...entry,
    phrases: [...entry.phrases],
    seeds: [...entry.seeds],
    speakers: [...entry.speakers],
    ...(entry.unless === undefined ? {} : { unless: [...entry.unless] }),
  };
}

function copyTemplate(template: TemplateEntryInput): TemplateEntryInput {
  return { ...template, patterns: [...template.patterns], seeds: [...template.seeds], speakers: [...template.speakers] };
}

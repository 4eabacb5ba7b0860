import { analyseTranscript, type TranscriptHit } from './analyseTranscript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import type { Phrasebook, PhraseRule } from './phrasebookSchema.js';
import type { PhrasebookOptions, TranscriptContact } from './types.js';

/** Options of {@link scanTranscript}. */
export interface ScanTranscriptOptions extends PhrasebookOptions {
  /** Keep only these rules (`forbidden`, `slang`, `alert`, `template`); all when absent. */
  readonly rules?: readonly (PhraseRule | 'template')[];
}

/** What {@link scanTranscript} found in one contact. */
export interface TranscriptScan {
  readonly contactId?: string;
  /** `false` when the contact has no messages; `reason` then says so and `hits` is empty. */
  readonly checked: boolean;
  readonly reason?: string;
  /** Every hit, by message then start offset. */
  readonly hits: readonly TranscriptHit[];
}

/**
 * Every phrase hit in a chat or call transcript: forbidden phrases and slang particles in agent
 * messages, alert words in customer messages, required templates where they were said — each
 * with its message index, speaker, UTF-16 offsets into that message's text, the matched words,
 * the rule, the entry id and (for forbidden phrases) what to say instead. Bot messages are only
 * checked for entries that list `bot` among their speakers (the chat auto-reply).
 *
 * @param contact - a `ChatRecord`, or any contact with `messages` (a call's speech-to-text turns)
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - rules to keep, overlap policy
 * @returns the hits, or `checked: false` with a reason when there are no messages
 * @example
 * scanTranscript({ id: 'c1', messages: [{ from: 'agent', at: 0, text: '这不是我的工作!' }] }, undefined, { rules: ['forbidden'] })
 *   .hits.map((h) => [h.messageIndex, h.entryId, h.start, h.end])
 * //=> [[0, 'forbidden.notMyJob', 0, 7]]
 * @throws {TranscriptError} when `messages` is present but malformed (every bad field listed)
 */
export function scanTranscript(
  contact: TranscriptContact,
  phrasebook: Phrasebook = defaultPhrasebook,
  options: ScanTranscriptOptions = {},
): TranscriptScan {
  const analysis = analyseTranscript(contact, phrasebook, options.overlapping);
  const id = contact.id === undefined ? {} : { contactId: contact.id };
  if (analysis.messages === null) return { ...id, checked: false, reason: analysis.reason ?? 'nothing to check', hits: [] };
  const rules = options.rules;
  const hits = analysis.byMessage.flat().filter((hit) => rules === undefined || rules.includes(hit.rule));
  return { ...id, checked: true, hits };
}

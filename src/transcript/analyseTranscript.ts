import { compilePhrasebook } from './compilePhrasebook.js';
import { TranscriptError, transcriptIssue, type TranscriptIssue } from './errors.js';
import { matchText, type TextHit } from './matchText.js';
import type { Phrasebook, TemplateKind } from './phrasebookSchema.js';
import type { Speaker, TranscriptContact, TranscriptMessage } from './types.js';

/** A hit in a transcript: a {@link TextHit} plus the message it is in and who wrote it. */
export type TranscriptHit = TextHit & { readonly messageIndex: number; readonly speaker: Speaker };

/** A contact's messages read once, with every hit of a phrasebook (internal to the room). */
export interface TranscriptAnalysis {
  readonly contact: TranscriptContact;
  /** `null` when there is nothing to check; `reason` says why. */
  readonly messages: readonly TranscriptMessage[] | null;
  readonly reason?: string;
  readonly phrasebook: Phrasebook;
  /** By message index: its hits, by start offset. */
  readonly byMessage: readonly (readonly TranscriptHit[])[];
}

const speakers = new Set<unknown>(['customer', 'agent', 'bot']);

/**
 * Reads a contact's messages: absent or empty → nothing to check (with the reason); present but
 * malformed (not a list, a message without a speaker, a time that is not a finite number, a text
 * that is not a string) → a {@link TranscriptError} naming every bad field.
 */
export function readMessages(contact: TranscriptContact): { messages: readonly TranscriptMessage[] | null; reason?: string } {
  const messages: unknown = (contact as { messages?: unknown } | null | undefined)?.messages;
  if (messages === undefined || messages === null) return { messages: null, reason: 'the contact has no messages (no chat log or transcript to check)' };
  if (!Array.isArray(messages)) throw new TranscriptError('Invalid transcript', [transcriptIssue(['messages'], 'a list of messages', typeof messages)]);
  const issues: TranscriptIssue[] = [];
  messages.forEach((message: unknown, i) => {
    if (typeof message !== 'object' || message === null) {
      issues.push(transcriptIssue(['messages', i], 'a message { from, at, text }', message === null ? 'null' : typeof message));
      return;
    }
    const { from, at, text } = message as Record<string, unknown>;
    if (!speakers.has(from)) issues.push(transcriptIssue(['messages', i, 'from'], 'one of "customer" | "agent" | "bot"', JSON.stringify(from) ?? 'nothing'));
    if (typeof at !== 'number' || !Number.isFinite(at)) issues.push(transcriptIssue(['messages', i, 'at'], 'epoch milliseconds (a finite number)', String(at)));
    if (typeof text !== 'string') issues.push(transcriptIssue(['messages', i, 'text'], 'a string', text === undefined ? 'nothing' : typeof text));
  });
  if (issues.length > 0) throw new TranscriptError('Invalid transcript', issues);
  if (messages.length === 0) return { messages: null, reason: 'the contact has no messages (an empty chat log or transcript)' };
  return { messages: messages as readonly TranscriptMessage[] };
}

/** Reads the contact and finds every hit of the phrasebook in every message (each entry for its own speakers). */
export function analyseTranscript(
  contact: TranscriptContact,
  phrasebook: Phrasebook,
  overlapping: 'longest' | 'all' = 'longest',
): TranscriptAnalysis {
  const { messages, reason } = readMessages(contact);
  if (messages === null) return { contact, messages, reason: reason ?? 'nothing to check', phrasebook, byMessage: [] };
  const compiled = compilePhrasebook(phrasebook);
  const byMessage = messages.map((message, messageIndex) =>
    matchText(compiled, message.text, { speaker: message.from, overlapping }).map(
      (hit): TranscriptHit => ({ ...hit, messageIndex, speaker: message.from }),
    ),
  );
  return { contact, messages, phrasebook, byMessage };
}

/** The template hits of one kind in one message. */
export function templateHits(analysis: TranscriptAnalysis, messageIndex: number, kind: TemplateKind): TranscriptHit[] {
  return (analysis.byMessage[messageIndex] ?? []).filter((hit) => hit.rule === 'template' && hit.kind === kind);
}

/** Indexes of the messages a speaker wrote. */
export function messagesBy(analysis: TranscriptAnalysis, speaker: Speaker): number[] {
  const out: number[] = [];
  analysis.messages?.forEach((message, i) => {
    if (message.from === speaker) out.push(i);
  });
  return out;
}

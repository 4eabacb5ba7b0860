import { analyseTranscript, templateHits, type TranscriptAnalysis } from './analyseTranscript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { evidenceOf } from './evidence.js';
import type { Phrasebook } from './phrasebookSchema.js';
import type { Evidence, TranscriptContact } from './types.js';

/** Seeds 000 and 004: a wait past 60 seconds calls for a callback offer. */
export const maxHoldSeconds = 60;

/** Options of {@link holdEvents}. */
export interface HoldEventsOptions {
  /** A hold longer than this many seconds needs a callback offer (default 60, seeds 000/004). */
  readonly maxHoldSeconds?: number;
}

/** One hold: the agent asked the customer to wait, then came back (or never did). */
export interface HoldEvent {
  /** The agent message that asked the customer to wait. */
  readonly askMessageIndex: number;
  readonly askedAt: number;
  /** The agent's next message; `null` when the agent never wrote again. */
  readonly returnMessageIndex: number | null;
  /** When the hold ended: the return message, else `endedAt`, else the last message. */
  readonly endedAt: number;
  readonly seconds: number;
  /** The ask asked permission (征询: 请您稍等可以吗?) rather than only telling the customer to wait. */
  readonly askedPermission: boolean;
  /** The return message thanked the customer for waiting or apologised (让您久等了). */
  readonly thankedAfter: boolean;
  /** A callback was offered in the ask or the return message. */
  readonly callbackOffered: boolean;
  /** Longer than `maxHoldSeconds`. */
  readonly long: boolean;
  /** Long and no callback offered (seeds 000/004). */
  readonly violation: boolean;
  readonly evidence: { readonly ask: Evidence; readonly thanks?: Evidence; readonly callback?: Evidence };
}

/** The holds of an analysed transcript (internal). */
export function holdsOf(analysis: TranscriptAnalysis, options: HoldEventsOptions = {}): HoldEvent[] {
  const messages = analysis.messages;
  if (messages === null) return [];
  const limit = options.maxHoldSeconds ?? maxHoldSeconds;
  const holds: HoldEvent[] = [];
  messages.forEach((message, i) => {
    if (message.from !== 'agent') return;
    const permission = templateHits(analysis, i, 'holdAsk')[0];
    const ask = permission ?? templateHits(analysis, i, 'holdNotice')[0];
    if (ask === undefined) return;
    let back = -1;
    for (let j = i + 1; j < messages.length; j++) {
      if (messages[j]?.from === 'agent') {
        back = j;
        break;
      }
    }
    const last = messages[messages.length - 1] as { at: number };
    const endedAt = back >= 0 ? (messages[back] as { at: number }).at : (analysis.contact.endedAt ?? last.at);
    const seconds = Math.max(0, endedAt - message.at) / 1000;
    const thanks = back >= 0 ? (templateHits(analysis, back, 'holdThanks')[0] ?? templateHits(analysis, back, 'apology')[0]) : undefined;
    const callback = templateHits(analysis, i, 'callbackOffer')[0] ?? (back >= 0 ? templateHits(analysis, back, 'callbackOffer')[0] : undefined);
    const long = seconds > limit;
    holds.push({
      askMessageIndex: i,
      askedAt: message.at,
      returnMessageIndex: back >= 0 ? back : null,
      endedAt,
      seconds,
      askedPermission: permission !== undefined,
      thankedAfter: thanks !== undefined,
      callbackOffered: callback !== undefined,
      long,
      violation: long && callback === undefined,
      evidence: {
        ask: evidenceOf(ask),
        ...(thanks === undefined ? {} : { thanks: evidenceOf(thanks) }),
        ...(callback === undefined ? {} : { callback: evidenceOf(callback) }),
      },
    });
  });
  return holds;
}

/**
 * The holds of a chat or call transcript. Definition (seeds 000 and 004, 需要客户在线等待): a hold
 * starts at an agent message that asks the customer to wait (a `holdAsk` template such as
 * 请您稍等可以吗, or a `holdNotice` such as 请稍等) and ends at the agent's NEXT message (or, when
 * the agent never writes again, at `endedAt`, else the last message). A hold longer than 60 s
 * needs a callback offer (如60秒内仍不能查询到所需答案,则应确认后回复) in the ask or the return
 * message; `violation` marks one without. Silence without an ask is a response gap
 * (see `responseTiming`), not a hold.
 *
 * @param contact - any contact with `messages`
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - the hold limit
 * @returns every hold in order; `[]` when there are no messages
 * @example
 * holdEvents({ messages: [
 *   { from: 'agent', at: 0, text: '我需要核实一下,请您稍等可以吗?' },
 *   { from: 'agent', at: 90_000, text: '很抱歉让您久等了' }] }).map((h) => [h.seconds, h.violation])
 * //=> [[90, true]]
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function holdEvents(contact: TranscriptContact, phrasebook: Phrasebook = defaultPhrasebook, options: HoldEventsOptions = {}): HoldEvent[] {
  return holdsOf(analyseTranscript(contact, phrasebook), options);
}

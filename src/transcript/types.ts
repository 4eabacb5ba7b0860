/**
 * Shared types of the transcript room: what a transcript looks like to the checks, where a hit
 * is, and the evidence every check and suggestion carries.
 */

/** A bilingual label. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Who wrote a message: the records room's `ChatMessage['from']`. */
export type Speaker = 'customer' | 'agent' | 'bot';

/**
 * One message of a transcript, structurally: a `ChatMessage` of the records room, or one turn of
 * a call's speech-to-text output.
 */
export interface TranscriptMessage {
  readonly from: Speaker;
  /** When it was sent (or spoken); epoch ms. */
  readonly at: number;
  readonly text: string;
}

/**
 * Anything the checks can read: a `ChatRecord`, or a call record that carries its transcript as
 * `messages`. A contact without `messages` is accepted and reported as "nothing to check".
 */
export interface TranscriptContact {
  readonly id?: string | undefined;
  readonly direction?: 'inbound' | 'outbound' | undefined;
  /** When the customer opened the contact; epoch ms. The start of the first-response clock. */
  readonly offeredAt?: number | undefined;
  /** When the contact ended; epoch ms. Closes a hold the agent never came back from. */
  readonly endedAt?: number | undefined;
  readonly messages?: readonly TranscriptMessage[] | undefined;
}

/**
 * Where something was found: the message, who wrote it, and the span in that message's ORIGINAL
 * text as UTF-16 code-unit offsets (`start` inclusive, `end` exclusive), so
 * `messages[messageIndex].text.slice(start, end) === text`. Offsets never split a surrogate pair
 * the phrase did not split.
 */
export interface Evidence {
  readonly messageIndex: number;
  readonly speaker: Speaker;
  readonly start: number;
  readonly end: number;
  /** The original text of the span, as written (full-width, spaces and punctuation included). */
  readonly text: string;
}

/** How a check or a suggestion came out. */
export type CheckStatus = 'pass' | 'fail' | 'notApplicable';

/** Options every function that reads a phrasebook accepts. */
export interface PhrasebookOptions {
  /**
   * Hits contained in a longer hit of the same rule are dropped (`'longest'`, the default: "不知道,
   * 我是新来的,我不清楚" is one hit, not three), or all are kept (`'all'`).
   */
  readonly overlapping?: 'longest' | 'all';
}

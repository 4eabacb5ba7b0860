import type { TranscriptHit } from './analyseTranscript.js';
import type { Evidence } from './types.js';

/** The evidence part of a hit: where it is and what it says. */
export function evidenceOf(hit: TranscriptHit): Evidence {
  return { messageIndex: hit.messageIndex, speaker: hit.speaker, start: hit.start, end: hit.end, text: hit.text };
}

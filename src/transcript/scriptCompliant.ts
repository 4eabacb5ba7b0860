import { defaultPhrasebook } from './defaultPhrasebook.js';
import type { Phrasebook } from './phrasebookSchema.js';
import { transcriptSummary, type TranscriptSummaryOptions } from './transcriptSummary.js';
import type { TranscriptContact } from './types.js';

/**
 * Whether a contact followed the service script (seed 002, 话术合规率: 客服使用标准话术(问候语、
 * 解答逻辑、结束语)): by default the standard greeting first, "anything else?" before the
 * closing, the standard closing last and no forbidden phrase (see `checkScript`). Checks that do
 * not apply are not held against it.
 *
 * @param contact - any contact with `messages`
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - the checks required, hold limit
 * @returns `true`/`false`, or `null` when not checkable (no messages, no agent message)
 * @example
 * scriptCompliant({ direction: 'inbound', messages: [
 *   { from: 'agent', at: 0, text: '您好,很高兴为您服务!' },
 *   { from: 'agent', at: 60_000, text: '请问还有其他问题吗?感谢您的来电,再见!' }] })
 * //=> true
 * scriptCompliant({ id: 'call-1' }) //=> null
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function scriptCompliant(contact: TranscriptContact, phrasebook: Phrasebook = defaultPhrasebook, options: TranscriptSummaryOptions = {}): boolean | null {
  return transcriptSummary(contact, phrasebook, options).scriptCompliant;
}

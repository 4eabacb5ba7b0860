import type { Contact } from '../../records/index.js';

/**
 * Seconds a contact waited: `waitSeconds` when recorded; otherwise `answeredAt − offeredAt`
 * for an answered contact, or `endedAt − offeredAt` for an unanswered one (the time until the
 * caller gave up); `undefined` when none of these is known.
 */
export function waitSecondsOf(contact: Contact): number | undefined {
  const wait = contact.waitSeconds;
  if (wait !== undefined) return wait;
  if (contact.answered) {
    const at = contact.answeredAt;
    return at === undefined ? undefined : (at - contact.offeredAt) / 1000;
  }
  const ended = contact.endedAt;
  return ended === undefined ? undefined : (ended - contact.offeredAt) / 1000;
}

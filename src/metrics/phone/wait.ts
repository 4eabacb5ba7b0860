import type { Contact } from '../../records/index.js';
import type { Tally } from '../tally.js';

/**
 * Seconds a contact waited: `waitSeconds` when recorded; otherwise `answeredAt − offeredAt`
 * for an answered contact, or `endedAt − offeredAt` for an unanswered one (the time until the
 * caller gave up); `undefined` when none of these is known. The wait every phone KPI reads
 * (answer rate's 5 s / 60 s limits of seeds 000 / 003, service level, rings, speed of answer).
 *
 * @param contact - a parsed contact
 * @returns the wait in seconds, or `undefined` when it cannot be known
 * @example
 * waitSecondsOf({ …, offeredAt: t, answered: true, answeredAt: t + 4000 }) //=> 4
 * waitSecondsOf({ …, offeredAt: t, answered: false, endedAt: t + 30000 }) //=> 30
 * waitSecondsOf({ …, offeredAt: t, answered: true }) //=> undefined
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

/**
 * Counts one contact into an "answered within `limitSeconds`" tally, the rule answer rate (seed
 * 000's 5 s, seed 003's 60 s) and rings-to-answer (seed 001's 3 rings) share: an answered contact
 * is a hit when its wait is ≤ the limit and `excluded` when its wait is unknown; an unanswered one
 * is a miss when `countUnanswered`, else out of scope.
 *
 * @param state - the tally (mutated and returned)
 * @param contact - a parsed contact
 * @param limitSeconds - the longest wait that still counts
 * @param countUnanswered - whether unanswered contacts are in the denominator
 * @returns `state`
 * @example
 * tallyAnsweredWithin(emptyTally(), { …, answered: true, waitSeconds: 4 }, 5, true) //=> { numerator: 1, denominator: 1, excluded: 0 }
 */
export function tallyAnsweredWithin(state: Tally, contact: Contact, limitSeconds: number, countUnanswered: boolean): Tally {
  if (!contact.answered) {
    if (countUnanswered) state.denominator++;
    return state;
  }
  const wait = waitSecondsOf(contact);
  if (wait === undefined) state.excluded++;
  else {
    state.denominator++;
    if (wait <= limitSeconds) state.numerator++;
  }
  return state;
}

import type { Contact, Satisfaction } from '../../records/index.js';
import type { RatingScale } from '../types.js';
import { MetricsError } from '../errors.js';

/** 4–5 satisfied, 3 neutral, 1–2 unsatisfied. */
export const defaultRatingScale: RatingScale = { satisfiedFrom: 4, unsatisfiedUpTo: 2 };

/** Checks a rating scale, naming `path` in the error. */
export function checkRatingScale(scale: RatingScale | undefined, path: readonly string[]): RatingScale {
  if (scale === undefined) return defaultRatingScale;
  const { satisfiedFrom, unsatisfiedUpTo } = scale;
  if (!Number.isFinite(satisfiedFrom) || !Number.isFinite(unsatisfiedUpTo) || unsatisfiedUpTo >= satisfiedFrom) {
    throw new MetricsError([
      { path, message: `expected finite numbers with unsatisfiedUpTo < satisfiedFrom, got ${unsatisfiedUpTo} and ${satisfiedFrom}` },
    ]);
  }
  return scale;
}

/**
 * The three-way answer of a contact: its `satisfaction` when recorded, else its 1–5 `csat` read
 * through the scale (when `useRating`), else `undefined`.
 */
export function satisfactionOf(contact: Contact, scale: RatingScale, useRating: boolean): Satisfaction | undefined {
  const answer = contact.satisfaction;
  if (answer !== undefined) return answer;
  const rating = contact.csat;
  if (!useRating || rating === undefined) return undefined;
  return rating >= scale.satisfiedFrom ? 'satisfied' : rating <= scale.unsatisfiedUpTo ? 'unsatisfied' : 'neutral';
}

import { z } from 'zod';
import { epochMs, nonEmptyText } from './fields.js';

const idList = (expected: string) => z.array(nonEmptyText(expected), { error: `a list of ${expected}s` });

/**
 * One rater's evaluation of one contact against a rubric. Which item ids, points and rules are
 * valid depends on the rubric; that is checked when it is scored.
 */
export const evaluationSchema = z.object({
  /** The contact that was evaluated. */
  contactId: nonEmptyText('a non-empty contact id'),
  /** Who evaluated it. */
  raterId: nonEmptyText('a non-empty rater id'),
  /** The rubric used, e.g. `qc-v3.1`. */
  rubricId: nonEmptyText().optional(),
  /** When it was evaluated; epoch ms. */
  evaluatedAt: epochMs().optional(),
  /** Points per item id, or `"na"` where the item did not arise. */
  scores: z.record(
    z.string(),
    z.union([z.number(), z.literal('na')], { error: 'a number of points or "na"' }),
    { error: 'an object of item id → points or "na"' },
  ),
  /** Items whose bonus was earned. */
  bonuses: idList('item id').optional(),
  /** Items whose deduction applies. */
  deductions: idList('item id').optional(),
  /** Red-line rules that were broken, e.g. `noAgent`, `forbiddenPhrase`. */
  redLines: idList('rule id').optional(),
  /** The rater's remarks. */
  comments: z.string({ error: 'a string' }).optional(),
});

/** A rater's evaluation of one contact. */
export type Evaluation = z.output<typeof evaluationSchema>;

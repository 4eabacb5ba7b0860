import { qcRubricV31, type ScorableEvaluation } from '../../src/rubrics/index.js';

/** Every QC v3.1 item at its top level: 109 points. */
export const perfectScores = (): Record<string, number | 'na'> =>
  Object.fromEntries(qcRubricV31.items.map((item) => [item.id, item.levels[0]?.points ?? 0]));

/** A perfect call with some items changed. */
export const qcEvaluation = (
  changes: Record<string, number | 'na'> = {},
  extra: Partial<ScorableEvaluation> = {},
): ScorableEvaluation => ({ contactId: 'C1', raterId: 'R1', scores: { ...perfectScores(), ...changes }, ...extra });

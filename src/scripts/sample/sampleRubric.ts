// The QC v3.1 items (/work/shared/spec/qc-rubric-v3.1.md, seed 004) as the sample generator
// needs them: each item's allowed point levels, highest first, and whether it may be N/A or
// carry a bonus or deduction. The rubrics room owns the real rubric; a test checks that every
// generated evaluation scores against it.

/** One rubric item as the generator sees it. */
export interface SampleRubricItem {
  readonly id: string;
  /** Allowed points, highest first. */
  readonly levels: readonly number[];
  /** N/A allowed (and scores full): the business items and the polite-language items (不涉及的小项默认为满分); the chance a rater marks it. */
  readonly notApplicable?: number;
  readonly bonus?: boolean;
  readonly deduction?: boolean;
  /** Voice items: a chat has no voice, so the rater gives them full points. */
  readonly voice?: boolean;
}

export const sampleRubricItems: readonly SampleRubricItem[] = [
  { id: 'enthusiasm', levels: [10, 6, 3, 0] },
  { id: 'patience', levels: [6, 3, 0] },
  { id: 'initiative', levels: [6, 3, 0] },
  { id: 'responsibility', levels: [15, 12, 10, 8, 6, 4, 2, 0] },
  { id: 'holdHandling', levels: [10, 6, 4, 2, 0], bonus: true },
  { id: 'comprehension', levels: [10, 8, 5, 0], bonus: true },
  { id: 'expression', levels: [10, 8, 6, 4, 2, 0] },
  { id: 'customerInfoVerification', levels: [6, 4, 0], notApplicable: 0.5, deduction: true },
  { id: 'productVersionCheck', levels: [2, 1, 0], notApplicable: 0.55 },
  { id: 'nonTechnicalAnswer', levels: [1, 0], notApplicable: 0.5 },
  { id: 'solution', levels: [5, 3, 0] },
  { id: 'articulation', levels: [2, 0], voice: true },
  { id: 'intonation', levels: [2, 0], voice: true },
  { id: 'vocalPolish', levels: [1, 0], voice: true },
  { id: 'noDrawl', levels: [2, 0], voice: true },
  { id: 'pace', levels: [2, 0], voice: true },
  { id: 'pausing', levels: [1, 0], voice: true },
  { id: 'greeting', levels: [2, 1, 0], bonus: true },
  { id: 'closing', levels: [2, 0] },
  { id: 'addressing', levels: [2, 1, 0] },
  { id: 'acknowledgement', levels: [4, 2, 1, 0] },
  { id: 'mandarin', levels: [2, 0], voice: true },
  { id: 'politeWords', levels: [2, 0] },
  { id: 'thanks', levels: [1, 0], notApplicable: 0.2 },
  { id: 'replyToThanks', levels: [1, 0], notApplicable: 0.3 },
  { id: 'apology', levels: [2, 0], notApplicable: 0.6 },
];

/** Rubric id written on every sample evaluation. */
export const sampleRubricId = 'qc-v3.1';
/** Red-line rule ids (seed 004): nobody answered on the recording; a forbidden phrase was used. */
export const sampleRedLines = { noAgent: 'noAgent', forbiddenPhrase: 'forbiddenPhrase' } as const;

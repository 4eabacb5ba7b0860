import { describeValue, formatPath } from '../records/index.js';

/** One problem found in a rubric definition or in an evaluation being scored. */
export interface RubricIssue {
  /** Where, e.g. `['items', 3, 'levels']` or `['scores', 'greeting']`. */
  readonly path: readonly (string | number)[];
  /** What was expected there, e.g. `one of 2, 1, 0 points`. */
  readonly expected: string;
  /** What was found, described: `7`, `"na"`, `nothing`. */
  readonly received: string;
  /** `expected …, got …`: the sentence shown to people. */
  readonly message: string;
}

/**
 * Builds an issue from the expected value and the one found.
 *
 * @param path - where the problem is
 * @param expected - what should have been there
 * @param value - what was there (described, never stored)
 * @returns the issue
 */
export function rubricIssue(path: readonly (string | number)[], expected: string, value: unknown): RubricIssue {
  const received = describeValue(value);
  return { path, expected, received, message: `expected ${expected}, got ${received}` };
}

/** One line a problem: `✖ expected one of 2, 1, 0 points, got 7 → at scores.greeting`. */
function renderIssues(issues: readonly RubricIssue[]): string {
  return issues.map((issue) => `✖ ${issue.message} → at ${formatPath(issue.path)}`).join('\n');
}

function headline(what: string, issues: readonly RubricIssue[]): string {
  return `${what}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`;
}

/**
 * A rubric definition that cannot be used, with every problem found in it.
 * Thrown by `defineRubric` (and by `compileRubric` on an object that did not come from it).
 */
export class RubricError extends Error {
  override readonly name = 'RubricError';
  /** The rubric's id, when it had a readable one. */
  readonly rubricId: string | undefined;
  readonly issues: readonly RubricIssue[];

  constructor(issues: readonly RubricIssue[], rubricId?: string) {
    const what = rubricId === undefined ? 'Invalid rubric' : `Invalid rubric ${JSON.stringify(rubricId)}`;
    super(`${headline(what, issues)}\n${renderIssues(issues)}`);
    this.rubricId = rubricId;
    this.issues = issues;
  }

  /** One line a problem: `✖ <message> → at <path>`. */
  format(): string {
    return renderIssues(this.issues);
  }
}

/**
 * An evaluation that cannot be scored against its rubric, with every problem found in it
 * (unknown or missing items, points that are not a level, N/A where forbidden, bonuses,
 * deductions or red lines the rubric does not have).
 */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';
  readonly rubricId: string;
  /** The evaluated contact, when the evaluation named one. */
  readonly contactId: string | undefined;
  readonly issues: readonly RubricIssue[];

  constructor(rubricId: string, issues: readonly RubricIssue[], contactId?: string) {
    const of = contactId === undefined ? '' : ` of contact ${JSON.stringify(contactId)}`;
    super(`${headline(`Evaluation${of} cannot be scored against rubric ${JSON.stringify(rubricId)}`, issues)}\n${renderIssues(issues)}`);
    this.rubricId = rubricId;
    this.contactId = contactId;
    this.issues = issues;
  }

  /** One line a problem: `✖ <message> → at <path>`. */
  format(): string {
    return renderIssues(this.issues);
  }
}

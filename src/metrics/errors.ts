/** One problem found by the metrics room (an unknown KPI, an invalid option or target). */
export interface MetricsIssue {
  /** Where, e.g. `['targets', 2, 'threshold']`. */
  readonly path: readonly (string | number)[];
  /** What was expected and what was found. */
  readonly message: string;
}

const renderPath = (path: readonly (string | number)[]): string =>
  path.length === 0 ? '(input)' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * The metrics room's error: every problem at once, one line a problem
 * (`✖ expected a number ≥ 0, got -3 → at serviceLevel.thresholdSeconds`).
 */
export class MetricsError extends Error {
  override readonly name = 'MetricsError';
  readonly issues: readonly MetricsIssue[];

  constructor(issues: readonly MetricsIssue[]) {
    super(`${issues.length === 1 ? '1 problem' : `${issues.length} problems`} in KPI input\n${MetricsError.lines(issues)}`);
    this.issues = issues;
  }

  /** One line a problem: `✖ <message> → at <path>`. */
  format(): string {
    return MetricsError.lines(this.issues);
  }

  private static lines(issues: readonly MetricsIssue[]): string {
    return issues.map((i) => `✖ ${i.message} → at ${renderPath(i.path)}`).join('\n');
  }
}

/** One problem with the report's options or states. */
export interface ReportIssue {
  /** The option, e.g. `month`. */
  readonly path: string;
  /** `expected …, got …`. */
  readonly message: string;
}

/**
 * Every problem found with a report builder's options (or with a state given to `merge`), one
 * line a problem: `✖ expected YYYY-MM, got "2026-3" → at month`.
 */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly issues: readonly ReportIssue[];

  constructor(issues: readonly ReportIssue[]) {
    super(`Invalid report options: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}\n${ReportError.lines(issues)}`);
    this.issues = issues;
  }

  /** One line a problem. */
  format(): string {
    return ReportError.lines(this.issues);
  }

  private static lines(issues: readonly ReportIssue[]): string {
    return issues.map((i) => `✖ ${i.message} → at ${i.path}`).join('\n');
  }
}

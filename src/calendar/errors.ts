/** One problem found by the calendar room: in a calendar, a rule set, an instant or a duration. */
export interface CalendarIssue {
  /** Where, e.g. `['workingHours', 'monday', 1]` or `['holidays', 3]`. */
  readonly path: readonly (string | number)[];
  /** What was expected and what was found. */
  readonly message: string;
}

const renderPath = (path: readonly (string | number)[]): string =>
  path.length === 0
    ? '(input)'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * The calendar room's error: every problem at once, one line a problem
 * (`✖ expected a known IANA time zone, got "Mars/Olympus" → at timeZone`).
 *
 * Thrown by `defineCalendar` and `defineSlaRuleSet` for bad definitions (so a wrong calendar fails
 * where it is written, not as a wrong deadline later), and by the calendar functions for an
 * unreadable instant, a bad duration or a record field that holds no instant.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  /** What was being read: `calendar`, `ruleSet`, or the argument (`instant`, `duration`, `record`). */
  readonly subject: string;
  readonly issues: readonly CalendarIssue[];

  constructor(subject: string, issues: readonly CalendarIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Invalid ${subject}: ${count}\n${CalendarError.lines(issues)}`);
    this.subject = subject;
    this.issues = issues;
  }

  /** One line a problem: `✖ <message> → at <path>`. */
  format(): string {
    return CalendarError.lines(this.issues);
  }

  private static lines(issues: readonly CalendarIssue[]): string {
    return issues.map((i) => `✖ ${i.message} → at ${renderPath(i.path)}`).join('\n');
  }
}

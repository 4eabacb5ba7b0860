/** One problem with a phrasebook or a transcript. */
export interface TranscriptIssue {
  /** Where, e.g. `['entries', 3, 'phrases', 0]` or `['messages', 2, 'at']`. */
  readonly path: readonly (string | number)[];
  /** What was expected there, e.g. `a phrase with at least one letter or digit`. */
  readonly expected: string;
  /** The sentence shown to people. */
  readonly message: string;
}

/** Renders a path the way people write it: `entries[3].phrases[0]`. */
function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * Every problem found in a phrasebook (or in a transcript's messages), all at once.
 * `format()` gives one line a problem: `✖ <message> → at <path>`.
 */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  readonly issues: readonly TranscriptIssue[];

  constructor(subject: string, issues: readonly TranscriptIssue[]) {
    super(`${subject}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${TranscriptError.lines(issues)}`);
    this.issues = issues;
  }

  /** One line a problem: `✖ expected …, got … → at entries[3].phrases[0]`. */
  format(): string {
    return TranscriptError.lines(this.issues);
  }

  private static lines(issues: readonly TranscriptIssue[]): string {
    return issues.map((issue) => `✖ ${issue.message} → at ${formatPath(issue.path)}`).join('\n');
  }
}

/** Builds an issue. */
export function transcriptIssue(path: readonly (string | number)[], expected: string, got?: string): TranscriptIssue {
  return { path, expected, message: got === undefined ? `expected ${expected}` : `expected ${expected}, got ${got}` };
}

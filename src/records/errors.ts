import { describeValue } from './instant.js';

/** Which kind of record a problem was found in. */
export type RecordKind = 'contact' | 'complaint' | 'evaluation';

/** One problem with one field of one record. */
export interface RecordIssue {
  /** Where in the record, e.g. `['messages', 3, 'at']`. */
  readonly path: readonly (string | number)[];
  /** What the field should have held, e.g. `a number ≥ 0`. */
  readonly expected: string;
  /** What it held, described: `-3`, `"abc"`, `nothing`. */
  readonly received: string;
  /** `expected …, got …`: the sentence shown to people. */
  readonly message: string;
}

/** Where a record came from, when it was read from a file. */
export interface RecordSource {
  readonly file?: string;
  /** 1-based line number of the record's first line. */
  readonly line?: number;
  /** 0-based position in an array or stream. */
  readonly index?: number;
}

/**
 * Renders a path the way people write it: `messages[3].at`, `scores.greeting`.
 *
 * @param path - the field path
 * @returns the path as text; `(record)` for the record itself
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(record)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Builds an issue from what was expected and the value found. */
export function makeIssue(path: readonly (string | number)[], expected: string, value: unknown): RecordIssue {
  const received = describeValue(value);
  return { path, expected, received, message: `expected ${expected}, got ${received}` };
}

/**
 * Every problem found in one record, with the record's id and where it came from.
 *
 * `format()` gives one line a problem, the form shown in CLI output and logs:
 * `✖ waitSeconds: expected a number ≥ 0, got -3`.
 */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  readonly kind: RecordKind;
  readonly recordId: string | undefined;
  readonly source: RecordSource | undefined;
  readonly issues: readonly RecordIssue[];

  constructor(kind: RecordKind, issues: readonly RecordIssue[], recordId?: string, source?: RecordSource) {
    super(RecordError.headline(kind, issues, recordId, source) + '\n' + RecordError.lines(issues));
    this.kind = kind;
    this.recordId = recordId;
    this.source = source;
    this.issues = issues;
  }

  /** One line a problem: `✖ <path>: expected …, got …`. */
  format(): string {
    return RecordError.lines(this.issues);
  }

  private static lines(issues: readonly RecordIssue[]): string {
    return issues.map((issue) => `✖ ${formatPath(issue.path)}: ${issue.message}`).join('\n');
  }

  private static headline(
    kind: RecordKind,
    issues: readonly RecordIssue[],
    recordId: string | undefined,
    source: RecordSource | undefined,
  ): string {
    const where: string[] = [];
    if (source?.file !== undefined) where.push(source.line === undefined ? source.file : `${source.file}:${source.line}`);
    else if (source?.line !== undefined) where.push(`line ${source.line}`);
    if (source?.index !== undefined) where.push(`record ${source.index}`);
    const id = recordId === undefined ? '' : ` ${JSON.stringify(recordId)}`;
    const at = where.length === 0 ? '' : ` (${where.join(', ')})`;
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    return `Invalid ${kind}${id}${at}: ${count}`;
  }
}

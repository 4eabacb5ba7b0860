/** What went wrong, which decides the exit code: `usage` → 2, `input` → 1. */
export type CliErrorKind = 'usage' | 'input';

/** Where in the input a problem was found. */
export interface CliErrorWhere {
  readonly file?: string;
  /** 1-based physical line. */
  readonly line?: number;
  /** The field or column the problem is in. */
  readonly field?: string;
}

/**
 * The scripts room's one error: a usage mistake (bad option, unreadable mapping; exit 2) or
 * input that cannot be read (not UTF-8, truncated gzip, unterminated quote, a mapped column
 * missing, a reject under `--strict`; exit 1). Its message names file, line and field.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly kind: CliErrorKind;
  readonly where: CliErrorWhere;

  constructor(kind: CliErrorKind, message: string, where: CliErrorWhere = {}) {
    super(CliError.render(message, where));
    this.kind = kind;
    this.where = where;
  }

  /** The process exit code for this error. */
  get exitCode(): 1 | 2 {
    return this.kind === 'usage' ? 2 : 1;
  }

  private static render(message: string, where: CliErrorWhere): string {
    const at: string[] = [];
    if (where.file !== undefined) at.push(where.line === undefined ? where.file : `${where.file}:${where.line}`);
    else if (where.line !== undefined) at.push(`line ${where.line}`);
    if (where.field !== undefined) at.push(`field ${JSON.stringify(where.field)}`);
    return at.length === 0 ? message : `${at.join(', ')}: ${message}`;
  }
}

/** Shorthand for a usage error (exit 2). */
export const usageError = (message: string, where?: CliErrorWhere): CliError => new CliError('usage', message, where);
/** Shorthand for an input error (exit 1). */
export const inputError = (message: string, where?: CliErrorWhere): CliError => new CliError('input', message, where);

const fsCodes: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder, not a file',
  ERR_FS_EISDIR: 'a folder, not a file',
  EEXIST: 'a file is in the way of a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
};

/**
 * Why a file could not be opened, in words with the system's code: `ENOENT (no such file)`.
 *
 * @param error - what `fs` threw
 * @returns the code and its meaning, or the error's message when it has no known code
 * @example
 * describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' })) //=> 'ENOENT (no such file)'
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return Object.hasOwn(fsCodes, code) ? `${code} (${fsCodes[code]})` : code;
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isKnownTimeZone } from '../../records/index.js';
import { usageError } from '../errors.js';

/** What the entry gives every command. */
export interface CommandContext {
  /** The URL of the CLI's own module (dist/cli.js): fast-path worker threads run it. */
  readonly cliUrl?: URL;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` `parseArgs` with strict checking, turning its errors into usage errors (exit 2)
 * that name the command.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message.split('\n')[0]} (see callcenter-qa ${command} --help)`);
  }
}

/** Checks `--month YYYY-MM`. */
export function checkMonth(month: string | undefined): string | undefined {
  if (month === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12) throw usageError(`--month: expected YYYY-MM, got ${JSON.stringify(month)}`);
  return month;
}

/** Checks `--tz Zone`. */
export function checkTimeZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  if (!isKnownTimeZone(zone)) throw usageError(`--tz: expected an IANA time zone such as Europe/Zurich, got ${JSON.stringify(zone)}`);
  return zone;
}

/** Checks a `--lang`. */
export function checkLang(lang: string | undefined): 'zh' | 'en' | undefined {
  if (lang === undefined || lang === 'zh' || lang === 'en') return lang;
  throw usageError(`--lang: expected zh or en, got ${JSON.stringify(lang)}`);
}

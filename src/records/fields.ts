import { z } from 'zod';

// Every schema's error text is the "expected" half of the message people read
// ("expected a number ≥ 0, got -3"), so each check carries the same sentence.

/** A non-empty string: ids, names, free text. */
export const nonEmptyText = (expected = 'a non-empty string') => z.string({ error: expected }).min(1, { error: expected });

/** A duration in seconds: finite and not negative. */
export const seconds = () => z.number({ error: 'a number ≥ 0' }).min(0, { error: 'a number ≥ 0' });

/** An instant after reading: epoch milliseconds. */
export const epochMs = () =>
  z.number({ error: 'an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00+08:00)' });

/** A yes/no flag. */
export const flag = () => z.boolean({ error: 'true or false' });

/** One of a fixed list of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `one of ${values.map((v) => JSON.stringify(v)).join(' | ')}` });

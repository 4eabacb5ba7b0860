import { describeValue, readInstant } from '../records/index.js';
import { CalendarError } from './errors.js';
import { maxCalendarMs, minCalendarMs, type CalendarInstant } from './types.js';

/**
 * Reads an instant argument into epoch ms: a `Date`, a number, or an ISO 8601 string with an
 * offset (a string without one is refused: guessing its zone would move a deadline).
 *
 * @throws {CalendarError} naming the argument when it holds no instant
 */
export function readCalendarInstant(value: CalendarInstant, name = 'instant'): number {
  if (typeof value === 'number' && value >= minCalendarMs && value <= maxCalendarMs) return value;
  const read = readInstant(value);
  if (typeof read === 'number') {
    if (read >= minCalendarMs && read <= maxCalendarMs) return read;
    throw new CalendarError(name, [{ path: [name], message: `expected an instant between the years 1000 and 9999, got ${describeValue(value)}` }]);
  }
  throw new CalendarError(name, [{ path: [name], message: `expected ${read.expected}, got ${describeValue(value)}` }]);
}

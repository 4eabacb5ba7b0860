import { maxInstantMs, minInstantMs, type Contact } from '../../records/index.js';
import { finishHash, hashBytes } from './byteTable.js';
import { Interner } from './interner.js';
import { readIsoInstantBytes } from './isoInstant.js';
import { Spellings } from './spellings.js';

// The byte-level reader of the common case: a flat contact row in the records room's own field
// names, every value plainly valid. It fills ONE reused contact object per row and says whether
// it could; a row it cannot prove valid (quotes, escapes, unknown keys, odd spellings, values
// out of range, inconsistent times…) is left to the exact general path, so every error a user
// sees is the schema's. It never accepts a row the general path would refuse, and it produces the
// same values the general path would.

/** Field codes, in the records room's order. */
export const F = {
  id: 0, channel: 1, direction: 2, agentId: 3, customerId: 4, queue: 5, topic: 6, kind: 7, offeredAt: 8,
  answered: 9, answeredAt: 10, endedAt: 11, waitSeconds: 12, talkSeconds: 13, holdSeconds: 14, wrapUpSeconds: 15,
  resolvedAtFirstContact: 16, escalated: 17, surveyed: 18, satisfaction: 19, csat: 20, nps: 21, messages: 22,
} as const;

/** The contact fields a flat row may carry, by code (`messages` only as an empty JSON list). */
export const fieldNames = Object.keys(F) as (keyof typeof F)[];

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
const CHANNELS = ['phone', 'chat'].map(bytesOf);
const DIRECTIONS = ['inbound', 'outbound'].map(bytesOf);
const KINDS = ['consultation', 'complaint', 'suggestion', 'repair', 'other'].map(bytesOf);
const SATISFACTION = ['satisfied', 'neutral', 'unsatisfied'].map(bytesOf);
const CHANNEL_WORDS = ['phone', 'chat'] as const;
const DIRECTION_WORDS = ['inbound', 'outbound'] as const;
const KIND_WORDS = ['consultation', 'complaint', 'suggestion', 'repair', 'other'] as const;
const SATISFACTION_WORDS = ['satisfied', 'neutral', 'unsatisfied'] as const;

const REQUIRED = (1 << F.id) | (1 << F.channel) | (1 << F.direction) | (1 << F.offeredAt) | (1 << F.answered);

/** Which of `words` the bytes spell exactly, or -1. */
function wordIndex(src: Uint8Array, start: number, end: number, words: readonly Uint8Array[]): number {
  const len = end - start;
  outer: for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.length !== len) continue;
    for (let i = 0; i < len; i++) if (src[start + i] !== word[i]) continue outer;
    return w;
  }
  return -1;
}


/**
 * A non-negative decimal `\d+(\.\d+)?` as a number (what `Number(text)` gives), or NaN.
 * `leadingZeros` allows `007` (CSV, read by `Number`) but not in JSON, where it is invalid.
 */
function readDecimal(src: Buffer, start: number, end: number, leadingZeros: boolean): number {
  if (start === end) return Number.NaN;
  if (!leadingZeros && src[start] === 48 && end - start > 1 && src[start + 1] !== 46) return Number.NaN;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const d = src[i]! - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (i === start) return Number.NaN;
  if (i === end) return i - start <= 15 ? value : Number(latin1(src, start, end));
  if (src[i] !== 46 || i + 1 === end) return Number.NaN;
  for (let k = i + 1; k < end; k++) {
    const d = src[k]! - 48;
    if (d < 0 || d > 9) return Number.NaN;
  }
  return Number(latin1(src, start, end));
}

// Buffer's own latin1Slice skips toString's argument checks; ids are decoded on every row.
const latin1 = (src: Buffer, start: number, end: number): string =>
  (src as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(start, end);

/** Where the CSV cell starting at `p` ends (its comma, or `end`); -1 at a quote (the general reader decides). */
function cellEnd(src: Uint8Array, p: number, end: number): number {
  while (p < end) {
    const b = src[p]!;
    if (b === 44) return p;
    if (b === 34) return -1;
    p++;
  }
  return p;
}

/**
 * Whether `String.prototype.trim` removes the code point: ECMAScript's white space and line
 * terminators above U+0020 (those at or below it are left to the general path by the callers).
 */
export const isTrimmedSpace = (cp: number): boolean =>
  cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;

/** The code point of the (valid UTF-8) sequence starting at `at`. */
function codePointAt(src: Uint8Array, at: number): number {
  const b = src[at]!;
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (src[at + 1]! & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((src[at + 1]! & 0x3f) << 6) | (src[at + 2]! & 0x3f);
  return ((b & 0x07) << 18) | ((src[at + 1]! & 0x3f) << 12) | ((src[at + 2]! & 0x3f) << 6) | (src[at + 3]! & 0x3f);
}

/** The start of the UTF-8 sequence that ends at `end` (after its continuation bytes). */
function lastSequenceStart(src: Uint8Array, start: number, end: number): number {
  let at = end - 1;
  while (at > start && (src[at]! & 0xc0) === 0x80) at--;
  return at;
}

const EMPTY_MESSAGES: readonly never[] = Object.freeze([]);

/** The reused contact: every field present as a key, absent ones `undefined`. */
export interface ScannedContact {
  id: string;
  channel: 'phone' | 'chat';
  direction: 'inbound' | 'outbound';
  agentId: string | undefined;
  customerId: string | undefined;
  queue: string | undefined;
  topic: string | undefined;
  kind: Contact['kind'];
  offeredAt: number;
  answered: boolean;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  waitSeconds: number | undefined;
  talkSeconds: number | undefined;
  holdSeconds: number | undefined;
  wrapUpSeconds: number | undefined;
  resolvedAtFirstContact: boolean | undefined;
  escalated: boolean | undefined;
  surveyed: boolean | undefined;
  satisfaction: Contact['satisfaction'];
  csat: number | undefined;
  nps: number | undefined;
  messages: readonly never[] | undefined;
}

const freshContact = (): ScannedContact => ({
  channel: 'phone', id: '', direction: 'inbound', agentId: undefined, customerId: undefined, queue: undefined,
  topic: undefined, kind: undefined, offeredAt: 0, answered: false, answeredAt: undefined, endedAt: undefined,
  waitSeconds: undefined, talkSeconds: undefined, holdSeconds: undefined, wrapUpSeconds: undefined,
  resolvedAtFirstContact: undefined, escalated: undefined, surveyed: undefined, satisfaction: undefined,
  csat: undefined, nps: undefined, messages: undefined,
});

// JSON keys: (length, first byte) picks the only candidate field; its bytes are then compared.
const keyTable = (() => {
  const table = new Int8Array(32 * 128).fill(-1);
  fieldNames.forEach((name, code) => {
    const slot = name.length * 128 + name.charCodeAt(0);
    if (table[slot] !== -1) throw new Error(`two fields share a key slot: ${name}`);
    table[slot] = code;
  });
  return table;
})();
const keyBytes = fieldNames.map(bytesOf);
/** Each key's bytes followed by its closing quote and the colon (`channel":`), by field code. */
const KEYS = new Spellings(fieldNames.map((name) => `${name}":`));
/** Keys a JSON row's previous key is remembered to have been followed by (most frequent first). */
const SUCCESSORS = 4;
/** The enum values a JSON string may spell, with its closing quote (`phone"`), by field code. */
const JSON_WORDS: (Spellings | undefined)[] = fieldNames.map(() => undefined);
JSON_WORDS[F.channel] = new Spellings(CHANNEL_WORDS.map((w) => `${w}"`));
JSON_WORDS[F.direction] = new Spellings(DIRECTION_WORDS.map((w) => `${w}"`));
JSON_WORDS[F.kind] = new Spellings(KIND_WORDS.map((w) => `${w}"`));
JSON_WORDS[F.satisfaction] = new Spellings(SATISFACTION_WORDS.map((w) => `${w}"`));
/** `true`, `fals` (then `e`) and `null` as little-endian words. */
const wordOf = (text: string): number => new DataView(bytesOf(text).buffer).getInt32(0, true);
const TRUE_WORD = wordOf('true');
const FALS_WORD = wordOf('fals');
const NULL_WORD = wordOf('null');

/**
 * Scans flat contact rows (a CSV line under a header naming the fields, or an NDJSON line)
 * into one reused contact object. `contact` is only meaningful after a scan returned `true`.
 */
export class ContactScanner {
  readonly contact: ScannedContact = freshContact();
  /** Start and end of the current row's id bytes, and their hash (for the duplicate check). */
  idStart = 0;
  idEnd = 0;
  idHash = 0;
  /**
   * Row mode only: the agent's and the topic's numbers in {@link texts} (-1: absent), in place
   * of `contact.agentId` and `contact.topic`, which stay undefined; `contact.id`, `customerId`
   * and `queue` are not decoded either. A row then allocates nothing.
   */
  agentIndex = -1;
  topicIndex = -1;
  /** The distinct agent ids, topics, customer ids and queues met, numbered. */
  readonly texts = new Interner(4096);
  private readonly rowMode: boolean;
  private seen = 0;
  private readonly columns: Int8Array;
  /**
   * For each JSON key code + 1 (0: the start of the object), up to {@link SUCCESSORS} keys that
   * followed it, a hit moving one place up: rows leave out absent fields, so a key's position
   * would mislead, but what follows a key takes only a few values.
   */
  private readonly successors = new Int8Array(33 * SUCCESSORS).fill(-1);
  /** A DataView of the buffer being read, for word loads (keys, enum values, timestamps). */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | undefined;
  /** The last plain timestamp's bytes 0–12 (two doubles) and 19–24 (two 32-bit words), and its hour in epoch ms. */
  private instantKnown = false;
  private instant0 = 0;
  private instant5 = 0;
  private instant19 = 0;
  private instant21 = 0;
  private instantHour = 0;
  // customerId and queue are decoded only when read: no KPI reads them, and a customer id is
  // nearly new on every row (200,000 customers), so decoding it eagerly is the costliest field.
  private src: Buffer = Buffer.alloc(0);
  private customerStart = -1;
  private customerEnd = -1;
  private queueStart = -1;
  private queueEnd = -1;

  /**
   * @param columns - for CSV, the field code of each column (-1 for a column no field reads)
   * @param rowMode - fill only what a fused KPI kernel reads, decoding no text (see {@link agentIndex})
   */
  constructor(columns: readonly number[] = [], rowMode = false) {
    this.columns = Int8Array.from(columns);
    this.rowMode = rowMode;
    if (rowMode) return;
    const lazy = (start: () => number, end: () => number) => ({
      enumerable: true,
      configurable: false,
      get: (): string | undefined => (start() < 0 ? undefined : this.lazyText(start(), end())),
    });
    Object.defineProperty(this.contact, 'customerId', lazy(() => this.customerStart, () => this.customerEnd));
    Object.defineProperty(this.contact, 'queue', lazy(() => this.queueStart, () => this.queueEnd));
  }

  private lazyText(start: number, end: number): string {
    return this.texts.stringAt(this.textIndex(start, end));
  }

  private textIndex(start: number, end: number): number {
    return this.texts.indexOf(this.src, start, end, hashBytes(this.src, start, end));
  }

  /** Whether CSV text `[start, end)` is already trimmed (decoding only when an edge byte is not ASCII). */
  private trimmedCell(src: Buffer, start: number, end: number): boolean {
    const first = src[start]!;
    const last = src[end - 1]!;
    if (first <= 32 || last <= 32) return false;
    if (first < 0x80 && last < 0x80) return true;
    // Read from the bytes (the input is checked UTF-8): no text decoded, nothing interned.
    return !isTrimmedSpace(codePointAt(src, start)) && !isTrimmedSpace(codePointAt(src, lastSequenceStart(src, start, end)));
  }

  private reset(): void {
    const c = this.contact;
    c.agentId = undefined;
    this.agentIndex = -1;
    this.topicIndex = -1;
    this.customerStart = -1;
    this.queueStart = -1;
    c.topic = undefined;
    c.kind = undefined;
    c.answeredAt = undefined;
    c.endedAt = undefined;
    c.waitSeconds = undefined;
    c.talkSeconds = undefined;
    c.holdSeconds = undefined;
    c.wrapUpSeconds = undefined;
    c.resolvedAtFirstContact = undefined;
    c.escalated = undefined;
    c.surveyed = undefined;
    c.satisfaction = undefined;
    c.csat = undefined;
    c.nps = undefined;
    c.messages = undefined;
    this.seen = 0;
  }

  /**
   * {@link readIsoInstantBytes}, remembering the last plain `±HH:MM` timestamp's date, hour and
   * offset: when the next one shares them (rows come in time order), four word comparisons and
   * its minutes and seconds read it. Same answers, NaN included.
   */
  private instant(src: Buffer, start: number, end: number): number {
    const view = this.viewFor(src);
    if (end - start === 25 && this.instantKnown) {
      // Bytes 0–12 as two doubles (exact: a timestamp's bytes never read as a NaN or zero double, see spellings.ts), 19–24 as two words.
      if (
        view.getFloat64(start, true) === this.instant0 &&
        view.getFloat64(start + 5, true) === this.instant5 &&
        view.getInt32(start + 19, true) === this.instant19 &&
        view.getInt32(start + 21, true) === this.instant21 &&
        src[start + 13] === 58 &&
        src[start + 16] === 58
      ) {
        const m1 = src[start + 14]! - 48;
        const m2 = src[start + 15]! - 48;
        const s1 = src[start + 17]! - 48;
        const s2 = src[start + 18]! - 48;
        if (m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 && s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9) {
          const ms = this.instantHour + (m1 * 10 + m2) * 60_000 + (s1 * 10 + s2) * 1000;
          // Within the hour the range may start or end (an offset of 30 minutes puts its edge there).
          return ms >= minInstantMs && ms <= maxInstantMs ? ms : Number.NaN;
        }
        return Number.NaN;
      }
    }
    const ms = readIsoInstantBytes(src, start, end);
    if (end - start === 25 && ms === ms) {
      this.instantKnown = true;
      this.instant0 = view.getFloat64(start, true);
      this.instant5 = view.getFloat64(start + 5, true);
      this.instant19 = view.getInt32(start + 19, true);
      this.instant21 = view.getInt32(start + 21, true);
      const minutes = (src[start + 14]! - 48) * 10 + (src[start + 15]! - 48);
      const seconds = (src[start + 17]! - 48) * 10 + (src[start + 18]! - 48);
      this.instantHour = ms - minutes * 60_000 - seconds * 1000;
    }
    return ms;
  }

  /** A DataView of `src`, made again only when the reader's buffer changes. */
  private viewFor(src: Buffer): DataView<ArrayBufferLike> {
    if (this.viewOf !== src) {
      this.viewOf = src;
      this.view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    }
    return this.view;
  }

  /** Cross-field rules of `safeParseContact`, and the derived wait. */
  private finish(): boolean {
    if ((this.seen & REQUIRED) !== REQUIRED) return false;
    const c = this.contact;
    if (c.channel === 'chat') {
      if (c.messages === undefined) return false;
    } else c.messages = undefined;
    if (c.answeredAt !== undefined) {
      if (!c.answered || c.answeredAt < c.offeredAt) return false;
    }
    if (c.endedAt !== undefined && c.endedAt < (c.answeredAt !== undefined && c.answeredAt > c.offeredAt ? c.answeredAt : c.offeredAt)) return false;
    if (c.waitSeconds === undefined && c.answeredAt !== undefined) c.waitSeconds = (c.answeredAt - c.offeredAt) / 1000;
    return true;
  }


  /**
   * A field's value written as text (a CSV cell, or a JSON string's inner bytes). `csv` says
   * which rules apply: CSV cells are trimmed and numbers arrive as text; JSON strings are
   * taken as they are and must not stand for numbers or flags.
   */
  private stringField(code: number, src: Buffer, start: number, end: number, csv: boolean): boolean {
    const c = this.contact;
    if (start === end) {
      // Blank: absent for optional fields; required ones go to the general path for their error.
      return code !== F.id && code !== F.channel && code !== F.direction && code !== F.offeredAt && code !== F.answered;
    }
    switch (code) {
      case F.channel: {
        const w = wordIndex(src, start, end, CHANNELS);
        if (w < 0) return false;
        c.channel = CHANNEL_WORDS[w]!;
        if (csv && w === 1) c.messages = EMPTY_MESSAGES; // a flat CSV chat has no messages (ingest's rule)
        return true;
      }
      case F.direction: {
        const w = wordIndex(src, start, end, DIRECTIONS);
        if (w < 0) return false;
        c.direction = DIRECTION_WORDS[w]!;
        return true;
      }
      case F.kind: {
        const w = wordIndex(src, start, end, KINDS);
        if (w < 0) return false;
        c.kind = KIND_WORDS[w]!;
        return true;
      }
      case F.satisfaction: {
        const w = wordIndex(src, start, end, SATISFACTION);
        if (w < 0) return false;
        c.satisfaction = SATISFACTION_WORDS[w]!;
        return true;
      }
      case F.customerId:
      case F.queue:
        if (csv && !this.trimmedCell(src, start, end)) return false;
        if (code === F.customerId) {
          this.customerStart = start;
          this.customerEnd = end;
        } else {
          this.queueStart = start;
          this.queueEnd = end;
        }
        return true;
      case F.offeredAt:
      case F.answeredAt:
      case F.endedAt: {
        const ms = this.instant(src, start, end);
        if (ms !== ms) return false;
        if (code === F.offeredAt) c.offeredAt = ms;
        else if (code === F.answeredAt) c.answeredAt = ms;
        else c.endedAt = ms;
        return true;
      }
    }
    if (!csv) return false; // a JSON string where a number or a flag belongs: the schema says so
    // (CSV flags, ids, agent ids and topics are read where they stand, in scanCsv.)
    return this.numberField(code, readDecimal(src, start, end, true));
  }

  /** An enum field set to its `w`-th word (JSON: a chat's messages come from the row itself). */
  private enumField(code: number, w: number): void {
    const c = this.contact;
    if (code === F.channel) c.channel = CHANNEL_WORDS[w]!;
    else if (code === F.direction) c.direction = DIRECTION_WORDS[w]!;
    else if (code === F.kind) c.kind = KIND_WORDS[w]!;
    else c.satisfaction = SATISFACTION_WORDS[w]!;
  }

  private flagField(code: number, value: boolean): boolean {
    const c = this.contact;
    if (code === F.answered) c.answered = value;
    else if (code === F.resolvedAtFirstContact) c.resolvedAtFirstContact = value;
    else if (code === F.escalated) c.escalated = value;
    else if (code === F.surveyed) c.surveyed = value;
    else return false;
    return true;
  }

  private numberField(code: number, value: number): boolean {
    // NaN, and Infinity from a digit string past 1.8e308: z.number() refuses both.
    if (!Number.isFinite(value)) return false;
    const c = this.contact;
    switch (code) {
      case F.waitSeconds:
        c.waitSeconds = value;
        return true;
      case F.talkSeconds:
        c.talkSeconds = value;
        return true;
      case F.holdSeconds:
        c.holdSeconds = value;
        return true;
      case F.wrapUpSeconds:
        c.wrapUpSeconds = value;
        return true;
      case F.csat:
        if (value < 1 || value > 5) return false;
        c.csat = value;
        return true;
      case F.nps:
        if (value > 10 || value !== Math.floor(value)) return false;
        c.nps = value;
        return true;
    }
    return false;
  }

  /**
   * Scans one CSV record `[start, end)` (no line ending), delimiter `,`, columns as given to
   * the constructor.
   *
   * @returns whether the row is plainly valid and `contact` holds it
   */
  scanCsv(src: Buffer, start: number, end: number): boolean {
    this.reset();
    this.src = src;
    const columns = this.columns;
    const last = columns.length - 1;
    let p = start;
    // Each cell is read where it stands: numbers, flags and timestamps as their bytes go by, texts
    // hashed while their end is sought. Anything unusual in a cell hands it to `stringField`
    // (whose rules are the same) or gives the row to the general path.
    for (let col = 0; col <= last; col++) {
      const code = columns[col]!;
      const cellStart = p;
      switch (code) {
        case F.offeredAt:
        case F.answeredAt:
        case F.endedAt:
          if (p + 25 <= end && (p + 25 === end || src[p + 25] === 44)) {
            p += 25;
            if (!this.stringField(code, src, cellStart, p, true)) return false;
            this.seen |= 1 << code;
            break;
          }
          p = cellEnd(src, p, end);
          if (p < 0 || !this.cell(code, src, cellStart, p)) return false;
          break;
        case F.waitSeconds:
        case F.talkSeconds:
        case F.holdSeconds:
        case F.wrapUpSeconds:
        case F.csat:
        case F.nps: {
          p = this.digits(src, p, end);
          const value = this.digitsValue;
          if ((p < end && src[p] !== 44) || p - cellStart > 15) {
            // A fraction, a long number or anything else: read the whole cell the usual way.
            p = cellEnd(src, p, end);
            if (p < 0 || !this.cell(code, src, cellStart, p)) return false;
          } else if (p > cellStart) {
            if (!this.numberField(code, value)) return false;
            this.seen |= 1 << code;
          }
          break;
        }
        case F.answered:
        case F.resolvedAtFirstContact:
        case F.escalated:
        case F.surveyed: {
          const b = src[p];
          if (b === 116 && src[p + 1] === 114 && src[p + 2] === 117 && src[p + 3] === 101 && p + 4 <= end) {
            this.flagField(code, true);
            p += 4;
          } else if (b === 102 && src[p + 1] === 97 && src[p + 2] === 108 && src[p + 3] === 115 && src[p + 4] === 101 && p + 5 <= end) {
            this.flagField(code, false);
            p += 5;
          } else if (p === end || b === 44) {
            if (code === F.answered) return false; // required: the general path says so
            break;
          } else return false;
          this.seen |= 1 << code;
          break;
        }
        case F.id:
        case F.agentId:
        case F.topic: {
          let h = 0x811c9dc5;
          let high = 0;
          while (p < end) {
            const b = src[p]!;
            if (b === 44) break;
            if (b === 34) return false; // quoting: the general CSV reader decides
            high |= b;
            h = Math.imul(h ^ b, 0x01000193);
            p++;
          }
          if (p === cellStart) {
            if (code === F.id) return false;
            break;
          }
          if (!this.trimmedCell(src, cellStart, p)) return false;
          this.seen |= 1 << code;
          this.textField(code, src, cellStart, p, finishHash(h), high);
          break;
        }
        default:
          p = cellEnd(src, p, end);
          if (p < 0 || (code >= 0 && !this.cell(code, src, cellStart, p))) return false;
      }
      if (col < last) {
        if (src[p] !== 44 || p >= end) return false; // a missing column: the general path says so
        p++;
      } else if (p !== end) return false; // an extra column (or junk after a value)
    }
    return this.finish();
  }

  /** An id, agent id or topic `[start, end)` (not blank, already checked), with its hash and the OR of its bytes. */
  private textField(code: number, src: Buffer, start: number, end: number, hash: number, high: number): void {
    if (code === F.id) {
      this.idStart = start;
      this.idEnd = end;
      this.idHash = hash;
      if (!this.rowMode) this.contact.id = high < 0x80 ? latin1(src, start, end) : src.toString('utf8', start, end);
      return;
    }
    const index = this.texts.indexOf(src, start, end, hash);
    if (this.rowMode) {
      if (code === F.agentId) this.agentIndex = index;
      else this.topicIndex = index;
    } else if (code === F.agentId) this.contact.agentId = this.texts.stringAt(index);
    else this.contact.topic = this.texts.stringAt(index);
  }

  /** The value of the last {@link digits} run. */
  private digitsValue = 0;

  /** Reads the decimal digits from `p` (their value in {@link digitsValue}); returns where they stop. */
  private digits(src: Buffer, p: number, end: number): number {
    let value = 0;
    while (p < end) {
      const d = src[p]! - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      p++;
    }
    this.digitsValue = value;
    return p;
  }

  /** A whole cell `[start, end)` read by {@link stringField}, marking the field seen when it is not blank. */
  private cell(code: number, src: Buffer, start: number, end: number): boolean {
    if (end > start) this.seen |= 1 << code;
    return this.stringField(code, src, start, end, true);
  }

  /**
   * Scans one NDJSON line `[start, end)`: a compact JSON object of known keys, no escapes, no
   * white space, each key once.
   *
   * @returns whether the row is plainly valid and `contact` holds it
   */
  scanJson(src: Buffer, start: number, end: number): boolean {
    return this.scanObject(src, start, end) === end && this.finish();
  }

  /**
   * {@link scanJson} on the line starting at `start`, its end found by the scan itself: no
   * native call a row to seek the line feed. The object read is the whole line when a line feed
   * (or CR LF) follows its `}`, or `limit` when `final` says the bytes end there; an accepted
   * object never holds a line feed (keys and literals are matched exactly, strings refuse
   * control characters), so that line feed is the line's first. It accepts no row `scanJson`
   * refuses; it may refuse one `scanJson` accepts (a fixed-width look-ahead can cross the line's
   * end), which the caller then reads the usual way.
   *
   * @param limit - where the bytes read so far end
   * @param final - whether the input ends at `limit`
   * @returns the index of the line's line feed (`limit` for a last line without one), or -1 when
   * the row is not plainly valid or its end is not known yet: find the line feed and read it
   * the usual way
   */
  scanJsonLine(src: Buffer, start: number, limit: number, final: boolean): number {
    const p = this.scanObject(src, start, limit);
    // Past `limit`: the object was closed by bytes not read yet (what an earlier read left in a
    // reused buffer, say). Bounded loads never go there; the bytes after a value's last one do.
    if (p < 0 || p > limit) return -1;
    let nl: number;
    const b = src[p];
    if (p === limit) {
      if (!final) return -1;
      nl = limit;
    } else if (b === 10) nl = p;
    else if (b === 13 && p + 1 < limit && src[p + 1] === 10) nl = p + 1;
    else if (b === 13 && p + 1 === limit && final) nl = limit; // a last line ending in CR alone, as the reader reads it
    else return -1;
    return this.finish() ? nl : -1;
  }

  /** Reads `{…}` from `start`, no further than `end`; returns the index after its `}`, or -1. */
  private scanObject(src: Buffer, start: number, end: number): number {
    this.reset();
    this.src = src;
    let p = start;
    if (src[p] !== 123) return -1;
    p++;
    if (src[p] === 125) return -1;
    const successors = this.successors;
    let previous = -1;
    const view = this.viewFor(src);
    for (;;) {
      if (src[p] !== 34) return -1;
      const ks = ++p;
      let code = -1;
      // Rows of one export list their keys in one order, leaving out absent fields: try the keys
      // that followed the previous one before, each compared (with its `":`) eight bytes at a time.
      const known = (previous + 1) * SUCCESSORS;
      for (let j = 0; j < SUCCESSORS; j++) {
        const guess = successors[known + j]!;
        if (guess < 0) break;
        if (KEYS.at(view, ks, end, guess)) {
          code = guess;
          if (j > 0) {
            successors[known + j] = successors[known + j - 1]!;
            successors[known + j - 1] = guess;
          }
          break;
        }
      }
      if (code >= 0) p = ks + KEYS.lengths[code]!;
      else {
        // Else find the key's end and look it up by its length and first byte.
        while (p < end && src[p] !== 34) {
          if (src[p] === 92) return -1;
          p++;
        }
        const klen = p - ks;
        if (p >= end || klen >= 32) return -1;
        code = keyTable[klen * 128 + (src[ks]! & 127)]!;
        if (code < 0) return -1;
        const key = keyBytes[code]!;
        for (let i = 0; i < klen; i++) if (src[ks + i] !== key[i]) return -1;
        p++;
        if (src[p] !== 58) return -1;
        p++;
        successors.copyWithin(known + 1, known, known + SUCCESSORS - 1);
        successors[known] = code;
      }
      previous = code;
      const bit = 1 << code;
      if ((this.seen & bit) !== 0) return -1; // a key twice: JSON.parse keeps the last; let it
      this.seen |= bit;
      const b = src[p];
      const words = JSON_WORDS[code];
      let w: number;
      if (b === 34 && words !== undefined && (w = words.find(view, p + 1, end)) >= 0) {
        this.enumField(code, w);
        p += 1 + words.lengths[w]!;
      } else if (b === 34 && (code === F.offeredAt || code === F.answeredAt || code === F.endedAt) && p + 26 < end && src[p + 26] === 34) {
        if (!this.stringField(code, src, p + 1, p + 26, false)) return -1;
        p += 27;
      } else if (b === 34 && (code === F.id || code === F.agentId || code === F.topic)) {
        // Hashed as it is sought: the id set and the interner need no second pass.
        const vs = ++p;
        let h = 0x811c9dc5;
        let high = 0;
        while (p < end) {
          const x = src[p]!;
          if (x === 34) break;
          if (x === 92 || x < 32) return -1;
          high |= x;
          h = Math.imul(h ^ x, 0x01000193);
          p++;
        }
        if (p >= end) return -1;
        if (vs === p) {
          this.seen &= ~bit;
          if (!this.stringField(code, src, vs, p, false)) return -1;
        } else this.textField(code, src, vs, p, finishHash(h), high);
        p++;
      } else if (b === 34) {
        const vs = ++p;
        while (p < end) {
          const x = src[p]!;
          if (x === 34) break;
          if (x === 92 || x < 32) return -1;
          p++;
        }
        if (p >= end) return -1;
        if (vs === p) {
          // "" is absent for optional fields (records' rule) and a problem for required ones.
          this.seen &= ~bit;
          if (!this.stringField(code, src, vs, p, false)) return -1;
        } else if (!this.stringField(code, src, vs, p, false)) return -1;
        p++;
      } else if (b === 116) {
        if (p + 4 > end || view.getInt32(p, true) !== TRUE_WORD || !this.flagField(code, true)) return -1;
        p += 4;
      } else if (b === 102) {
        if (p + 5 > end || view.getInt32(p, true) !== FALS_WORD || src[p + 4] !== 101 || !this.flagField(code, false)) return -1;
        p += 5;
      } else if (b === 110) {
        if (p + 4 > end || view.getInt32(p, true) !== NULL_WORD) return -1;
        // null is absent for optional fields; a required one goes to the general path.
        this.seen &= ~bit;
        if ((bit & REQUIRED) !== 0) return -1;
        p += 4;
      } else if (b === 91) {
        if (code !== F.messages || src[p + 1] !== 93) return -1;
        this.contact.messages = EMPTY_MESSAGES;
        p += 2;
      } else if (b !== undefined && b >= 48 && b <= 57) {
        const vs = p;
        p = this.digits(src, p, end);
        const value = this.digitsValue;
        if (src[p] === 46 || p - vs > 15 || (b === 48 && p - vs > 1)) {
          // A fraction, a long number or a leading zero: the usual reader (which refuses the last).
          while (p < end) {
            const x = src[p]!;
            if ((x < 48 || x > 57) && x !== 46) break;
            p++;
          }
          if (!this.numberField(code, readDecimal(src, vs, p, false))) return -1;
        } else if (!this.numberField(code, value)) return -1;
      } else return -1;
      const next = src[p];
      if (next === 44) {
        p++;
        continue;
      }
      if (next === 125) {
        p++;
        break;
      }
      return -1;
    }
    return p;
  }
}

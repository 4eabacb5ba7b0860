import { ByteTable, hashBytes, type ByteTableData } from './byteTable.js';

// The set of contact ids a range accepted, for "each id once, first in file order wins". Most
// exports number their contacts: a short prefix and a fixed count of digits (`W000000001`). Such
// an id is a bit in a page of 65,536 bits for its (prefix, digit count), found by arithmetic:
// no hashing, no byte comparison, no cache miss for ids that come in order, and 8 KB a page
// against ≈ 22 bytes an id in the byte table. Every other id goes to an exact ByteTable, and so
// do the ids of a form whose numbers turn out sparse (a lane past 64 pages with fewer than 256
// ids a page moves to the table). Both are exact: an id is in a lane only when its bytes are
// exactly the prefix and its digits.

const PAGE_BITS = 65_536;
const PAGE_WORDS = PAGE_BITS / 32;
/** Lanes a set opens at most; ids of later (prefix, digit count) keys go to the byte table. */
const MAX_LANES = 64;
/**
 * Past this many pages a lane must hold this many ids a page on average, or its ids move to the
 * byte table: sparse numbers (`T` + 12 random digits) would otherwise take a page, 8 KB, each.
 * 256 ids in 8 KB is 32 bytes an id, about what the byte table takes.
 */
const SPARSE_AFTER_PAGES = 64;
const MIN_IDS_PER_PAGE = 256;
const MAX_PREFIX = 16;
const MAX_DIGITS = 15; // 10^15 < 2^53: the digits read exactly as a number

/** One lane as plain data. */
export interface LaneData {
  readonly prefix: Uint8Array;
  readonly digits: number;
  readonly pages: Map<number, Uint32Array>;
}

/** An id set as plain data (structured-clone safe). */
export interface IdSetData {
  readonly table: ByteTableData;
  readonly lanes: readonly LaneData[];
}

class Lane {
  readonly pages = new Map<number, Uint32Array>();
  /** Ids added and pages made (to tell a sparse lane). */
  private count = 0;
  private pageCount = 0;
  private lastPageNo = -1;
  private lastPage: Uint32Array | undefined;

  constructor(
    readonly prefix: Uint8Array,
    readonly digits: number,
  ) {}

  static from(data: LaneData): Lane {
    const lane = new Lane(data.prefix, data.digits);
    for (const [n, page] of data.pages) lane.pages.set(n, page);
    return lane;
  }

  /** Whether the bytes `[start, start + prefix)` are this lane's prefix. */
  matches(src: Uint8Array, start: number, digitsAt: number): boolean {
    const prefix = this.prefix;
    if (digitsAt - start !== prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (src[start + i] !== prefix[i]) return false;
    return true;
  }

  private page(n: number, create: boolean): Uint32Array | undefined {
    if (n === this.lastPageNo) return this.lastPage;
    let page = this.pages.get(n);
    if (page === undefined) {
      if (!create) return undefined;
      page = new Uint32Array(PAGE_WORDS);
      this.pages.set(n, page);
      this.pageCount++;
    }
    this.lastPageNo = n;
    this.lastPage = page;
    return page;
  }

  /** Adds the number; whether it was new. */
  add(value: number): boolean {
    const n = Math.floor(value / PAGE_BITS);
    const page = this.page(n, true)!;
    const bit = value - n * PAGE_BITS;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((page[word]! & mask) !== 0) return false;
    page[word] = page[word]! | mask;
    this.count++;
    return true;
  }

  /** Whether the lane holds too few ids for its pages (see {@link SPARSE_AFTER_PAGES}). */
  get sparse(): boolean {
    return this.pageCount > SPARSE_AFTER_PAGES && this.count < this.pageCount * MIN_IDS_PER_PAGE;
  }

  /** Every id of the lane, as bytes. */
  *ids(): Generator<Uint8Array> {
    for (const [n, page] of this.pages) {
      for (let w = 0; w < PAGE_WORDS; w++) {
        const bits = page[w]!;
        if (bits === 0) continue;
        for (let b = 0; b < 32; b++) if ((bits & (1 << b)) !== 0) yield this.bytesOf(n * PAGE_BITS + w * 32 + b);
      }
    }
  }

  has(value: number): boolean {
    const n = Math.floor(value / PAGE_BITS);
    const page = this.page(n, false);
    if (page === undefined) return false;
    const bit = value - n * PAGE_BITS;
    return (page[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** The id's bytes for a number of this lane. */
  bytesOf(value: number): Uint8Array {
    const out = new Uint8Array(this.prefix.length + this.digits);
    out.set(this.prefix);
    let v = value;
    for (let i = out.length - 1; i >= this.prefix.length; i--) {
      out[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    return out;
  }
}

/** An exact set of ids (bytes): numbered ids in bit lanes, the rest in a byte table. */
export class IdSet {
  readonly table: ByteTable;
  private readonly lanes: Lane[] = [];
  private last: Lane | undefined;
  /** Numbered forms whose ids live in the byte table (their lane was too sparse). */
  private readonly tableForms: Lane[] = [];
  /** The number read by the last {@link laneOf}. */
  private value = 0;

  constructor(expected = 1024, shared = false, table?: ByteTable) {
    this.table = table ?? new ByteTable(expected, shared);
  }

  /** A view of a set built elsewhere (its pages are copies made by structured clone). */
  static from(data: IdSetData): IdSet {
    const set = new IdSet(0, false, ByteTable.from(data.table));
    for (const lane of data.lanes) set.lanes.push(Lane.from(lane));
    return set;
  }

  /** The set as plain data. */
  data(): IdSetData {
    return { table: this.table.data(), lanes: this.lanes.map((l) => ({ prefix: l.prefix, digits: l.digits, pages: l.pages })) };
  }

  /** How many ids the byte table holds (numbered ids are not counted). */
  get tableCount(): number {
    return this.table.count;
  }

  /**
   * The lane of an id of the numbered form (setting {@link value}), opening one when `open` and
   * there is room; undefined for any other id, which belongs in the byte table.
   */
  private laneOf(src: Uint8Array, start: number, end: number, open: boolean): Lane | undefined {
    let at = end;
    let value = 0;
    let scale = 1;
    while (at > start) {
      const d = src[at - 1]! - 48;
      if (d < 0 || d > 9) break;
      value += d * scale;
      scale *= 10;
      at--;
    }
    const digits = end - at;
    if (digits === 0 || digits > MAX_DIGITS || at - start > MAX_PREFIX) return undefined;
    this.value = value;
    const last = this.last;
    if (last !== undefined && last.digits === digits && last.matches(src, start, at)) return last;
    for (const lane of this.lanes) {
      if (lane.digits === digits && lane.matches(src, start, at)) {
        this.last = lane;
        return lane;
      }
    }
    for (const form of this.tableForms) if (form.digits === digits && form.matches(src, start, at)) return undefined;
    if (!open || this.lanes.length >= MAX_LANES) return undefined;
    // A copy: `src` is the reader's reused buffer (and Buffer#slice would be a view of it).
    const lane = new Lane(Uint8Array.prototype.slice.call(src, start, at), digits);
    this.lanes.push(lane);
    this.last = lane;
    return lane;
  }

  /**
   * Adds an id unless present.
   *
   * @param hash - the bytes' {@link hashBytes}
   * @returns whether it was new
   */
  add(src: Uint8Array, start: number, end: number, hash: number): boolean {
    const lane = this.laneOf(src, start, end, true);
    if (lane === undefined) return this.table.add(src, start, end, hash);
    const added = lane.add(this.value);
    if (added && lane.sparse) this.moveToTable(lane);
    return added;
  }

  /** Moves a sparse lane's ids to the byte table, where ids of its form go from now on. */
  private moveToTable(lane: Lane): void {
    this.lanes.splice(this.lanes.indexOf(lane), 1);
    if (this.last === lane) this.last = undefined;
    this.tableForms.push(new Lane(lane.prefix, lane.digits));
    for (const id of lane.ids()) this.table.add(id, 0, id.length, hashBytes(id, 0, id.length));
  }

  /** Whether the id is in the set. */
  has(src: Uint8Array, start: number, end: number, hash: number): boolean {
    const lane = this.laneOf(src, start, end, false);
    return lane === undefined ? this.table.find(src, start, end, hash) >= 0 : lane.has(this.value);
  }

  /**
   * The ids of this set that `other` holds, as bytes, each once; `part` of `parts` shares the work.
   */
  foundIn(others: readonly IdSet[], part = 0, parts = 1): Uint8Array[] {
    const found: Uint8Array[] = [];
    if (others.length === 0) return found;
    let k = 0;
    this.table.forEach((arena, start, end) => {
      if (k++ % parts !== part) return;
      const hash = hashBytes(arena, start, end);
      if (others.some((o) => o.has(arena, start, end, hash))) found.push(arena.slice(start, end));
    });
    for (const lane of this.lanes) {
      for (const [n, page] of lane.pages) {
        if (k++ % parts !== part) continue;
        const left = page.slice();
        for (const other of others) {
          const same = other.lanes.find((l) => l.digits === lane.digits && l.prefix.length === lane.prefix.length && l.matches(lane.prefix, 0, lane.prefix.length));
          const theirs = same?.pages.get(n);
          for (let w = 0; w < PAGE_WORDS; w++) {
            let bits = left[w]!;
            if (bits === 0) continue;
            if (same !== undefined) {
              bits &= theirs === undefined ? 0 : theirs[w]!;
            } else {
              // The other set keeps this kind of id in its byte table: ask it id by id.
              let hits = 0;
              for (let b = 0; b < 32; b++) {
                if ((bits & (1 << b)) === 0) continue;
                const id = lane.bytesOf(n * PAGE_BITS + w * 32 + b);
                if (other.table.find(id, 0, id.length, hashBytes(id, 0, id.length)) >= 0) hits |= 1 << b;
              }
              bits = hits;
            }
            if (bits === 0) continue;
            left[w] = left[w]! & ~bits;
            for (let b = 0; b < 32; b++) if ((bits & (1 << b)) !== 0) found.push(lane.bytesOf(n * PAGE_BITS + w * 32 + b));
          }
        }
      }
    }
    return found;
  }
}

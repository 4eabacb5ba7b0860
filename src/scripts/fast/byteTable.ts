/**
 * An exact set of byte strings in little memory: the bytes live one after another in an arena
 * (`[length][bytes…]`, length in 1 byte, or 0xff + 4 bytes when ≥ 255), and an open-addressing
 * table of 32-bit slots holds each entry's arena offset and its hash. Lookups compare the bytes
 * exactly whenever the hashes match, so two ids are never confused (unlike a set of hashes).
 * About 22 bytes an entry for 10-byte ids, against ≈ 50–80 for a `Set<string>`.
 *
 * The arena and slots can live in `SharedArrayBuffer`s, so another thread can probe a table a
 * worker built (the cross-range duplicate check) without copying it. The arena also lists the
 * entries in the order they were first added, which is file order within a range.
 */

/** The plain-data form of a table, for sending to another thread. */
export interface ByteTableData {
  readonly arena: SharedArrayBuffer | ArrayBuffer;
  readonly used: number;
  /** Two 32-bit words a slot: arena offset (0 = empty) and hash, side by side (one cache line). */
  readonly slots: SharedArrayBuffer | ArrayBuffer;
  readonly count: number;
}

/** FNV-1a over bytes, finished with a murmur-style mix; never 0. */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
  return finishHash(h);
}

/** The finishing mix of {@link hashBytes}, for callers that hash while scanning. */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

const alloc = (bytes: number, shared: boolean): SharedArrayBuffer | ArrayBuffer =>
  shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);

/** An exact, growable set of byte strings; see the file comment. */
export class ByteTable {
  arena: Uint8Array;
  used = 1; // offset 0 means "empty slot", so the arena starts at 1
  slots: Int32Array;
  mask: number;
  count = 0;
  private readonly shared: boolean;

  constructor(expected = 1024, shared = false) {
    this.shared = shared;
    let capacity = 64;
    while (capacity * 3 < expected * 4) capacity *= 2;
    this.slots = new Int32Array(alloc(capacity * 8, shared));
    this.mask = capacity - 1;
    this.arena = new Uint8Array(alloc(Math.max(1024, expected * 12), shared));
  }

  /** A read-only view of a table another thread built. */
  static from(data: ByteTableData): ByteTable {
    const t = Object.create(ByteTable.prototype) as ByteTable;
    t.arena = new Uint8Array(data.arena);
    t.used = data.used;
    t.slots = new Int32Array(data.slots);
    t.mask = (t.slots.length >> 1) - 1;
    t.count = data.count;
    return t;
  }

  /** The table as plain data (shared buffers are shared, not copied). */
  data(): ByteTableData {
    return { arena: this.arena.buffer, used: this.used, slots: this.slots.buffer, count: this.count };
  }

  /**
   * The slot holding these bytes, or `-1 - slot` of the empty slot where they would go.
   */
  find(src: Uint8Array, start: number, end: number, hash: number): number {
    const len = end - start;
    const arena = this.arena;
    const slots = this.slots;
    let at = hash & this.mask;
    for (;;) {
      const offset = slots[at << 1]!;
      if (offset === 0) return -1 - at;
      if (slots[(at << 1) + 1] === hash) {
        let p = offset;
        let stored = arena[p]!;
        p++;
        if (stored === 0xff) {
          stored = arena[p]! | (arena[p + 1]! << 8) | (arena[p + 2]! << 16) | (arena[p + 3]! << 24);
          p += 4;
        }
        if (stored === len) {
          let i = 0;
          while (i < len && arena[p + i] === src[start + i]) i++;
          if (i === len) return at;
        }
      }
      at = (at + 1) & this.mask;
    }
  }

  /**
   * Adds the bytes unless present.
   *
   * @returns whether they were new
   */
  add(src: Uint8Array, start: number, end: number, hash: number): boolean {
    const found = this.find(src, start, end, hash);
    if (found >= 0) return false;
    this.insertAt(-1 - found, src, start, end, hash);
    return true;
  }

  /** Inserts at an empty slot returned (negated) by {@link find}; returns the slot finally used. */
  insertAt(slot: number, src: Uint8Array, start: number, end: number, hash: number): number {
    const len = end - start;
    const need = len + 5;
    if (this.used + need > this.arena.length) {
      // Past a reservation, grow by a quarter: doubling a 50 MB arena would waste 50 MB.
      let size = Math.max(this.arena.length + 1024, Math.ceil(this.arena.length * 1.25));
      while (this.used + need > size) size = Math.ceil(size * 1.25);
      const bigger = new Uint8Array(alloc(size, this.shared));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const arena = this.arena;
    const offset = this.used;
    let p = offset;
    if (len < 0xff) arena[p++] = len;
    else {
      arena[p++] = 0xff;
      arena[p++] = len & 0xff;
      arena[p++] = (len >>> 8) & 0xff;
      arena[p++] = (len >>> 16) & 0xff;
      arena[p++] = (len >>> 24) & 0xff;
    }
    // A loop, not arena.set(src.subarray(…)): ids are short and subarray allocates.
    for (let i = 0; i < len; i++) arena[p + i] = src[start + i]!;
    this.used = p + len;
    this.slots[slot << 1] = offset;
    this.slots[(slot << 1) + 1] = hash;
    this.count++;
    if (this.count * 4 > (this.mask + 1) * 3) return this.grow(offset, (this.mask + 1) * 2);
    return slot;
  }

  /** Makes room for `n` entries in all (their bytes estimated from the entries so far) without growing again. */
  reserve(n: number): void {
    let capacity = this.mask + 1;
    while (capacity * 3 < n * 4) capacity *= 2;
    if (capacity > this.mask + 1) this.grow(-1, capacity);
    const perEntry = this.count === 0 ? 12 : (this.used - 1) / this.count;
    const bytes = Math.ceil(n * perEntry * 1.02) + 1024;
    if (bytes > this.arena.length) {
      const bigger = new Uint8Array(alloc(bytes, this.shared));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
  }

  private grow(tracked: number, capacity: number): number {
    const old = this.slots;
    const oldCapacity = this.mask + 1;
    this.slots = new Int32Array(alloc(capacity * 8, this.shared));
    this.mask = capacity - 1;
    const slots = this.slots;
    let trackedSlot = -1;
    for (let i = 0; i < oldCapacity; i++) {
      const offset = old[i << 1]!;
      if (offset === 0) continue;
      const hash = old[(i << 1) + 1]!;
      let at = hash & this.mask;
      while (slots[at << 1] !== 0) at = (at + 1) & this.mask;
      slots[at << 1] = offset;
      slots[(at << 1) + 1] = hash;
      if (offset === tracked) trackedSlot = at;
    }
    return trackedSlot;
  }

  /**
   * Calls `visit(arena, start, end)` for each entry in the order they were added.
   */
  forEach(visit: (arena: Uint8Array, start: number, end: number) => void): void {
    const arena = this.arena;
    let p = 1;
    while (p < this.used) {
      let len = arena[p]!;
      p++;
      if (len === 0xff) {
        len = arena[p]! | (arena[p + 1]! << 8) | (arena[p + 2]! << 16) | (arena[p + 3]! << 24);
        p += 4;
      }
      visit(arena, p, p + len);
      p += len;
    }
  }
}

/**
 * Turns byte ranges into strings, decoding each distinct value once: agent ids, customer ids,
 * queues and topics repeat across millions of rows, so a row costs a hash and a byte compare
 * instead of a UTF-8 decode and a fresh string. Exact: bytes are compared on every hash match.
 */
export class Interner {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private arena: Uint8Array;
  private used = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private strings: string[] = [];

  constructor(capacity = 1024) {
    let size = 64;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.arena = new Uint8Array(size * 8);
  }

  /** How many distinct strings are held. */
  get size(): number {
    return this.strings.length;
  }

  /** The string numbered `index` by {@link indexOf}. */
  stringAt(index: number): string {
    return this.strings[index]!;
  }

  /**
   * The number of the string of `src[start, end)` (0, 1, 2… in order of first sight), decoding
   * it only the first time: lets a caller key tables by small integers.
   */
  indexOf(src: Buffer, start: number, end: number, hash: number): number {
    const len = end - start;
    let at = hash & this.mask;
    for (;;) {
      const entry = this.slots[at]!;
      if (entry === 0) break;
      if (this.hashes[at] === hash && this.lengths[entry - 1] === len) {
        const arena = this.arena;
        const p = this.offsets[entry - 1]!;
        let i = 0;
        while (i < len && arena[p + i] === src[start + i]) i++;
        if (i === len) return entry - 1;
      }
      at = (at + 1) & this.mask;
    }
    const text = src.toString('utf8', start, end);
    if (this.used + len > this.arena.length) {
      let size = this.arena.length * 2;
      while (this.used + len > size) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(src.subarray(start, end), this.used);
    this.offsets.push(this.used);
    this.lengths.push(len);
    this.used += len;
    this.strings.push(text);
    this.slots[at] = this.strings.length;
    this.hashes[at] = hash;
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return this.strings.length - 1;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const entry = oldSlots[i]!;
      if (entry === 0) continue;
      let at = oldHashes[i]! & this.mask;
      while (this.slots[at] !== 0) at = (at + 1) & this.mask;
      this.slots[at] = entry;
      this.hashes[at] = oldHashes[i]!;
    }
  }
}

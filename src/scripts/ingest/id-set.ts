/**
 * A set of record ids in little memory, for counting duplicates over tens of millions of rows:
 * each id is kept as a 64-bit hash (two independent 32-bit string hashes) in an open-addressing
 * table of `Uint32Array`s, 8 bytes a slot, instead of a `Set<string>` (≈ 50 bytes an id). Two
 * different ids share a hash with probability about n² / 2⁶⁵: below one in a million at
 * 5,000,000 ids.
 */
export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** How many distinct ids were added. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds an id.
   *
   * @param id - the id
   * @returns `true` when it was new, `false` when it was already there
   */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c ^ id.length;
    for (let i = 0; i < id.length; i += 1) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
    h2 = (h2 ^ (h2 >>> 16)) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1; // (0, 0) marks an empty slot
    if (!this.insert(h1, h2)) return false;
    this.count += 1;
    if (this.count * 4 > this.hi.length * 3) this.grow();
    return true;
  }

  private insert(h1: number, h2: number): boolean {
    let at = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & this.mask;
    for (;;) {
      const a = this.hi[at]!;
      const b = this.lo[at]!;
      if (a === 0 && b === 0) {
        this.hi[at] = h1;
        this.lo[at] = h2;
        return true;
      }
      if (a === h1 && b === h2) return false;
      at = (at + 1) & this.mask;
    }
  }

  private grow(): void {
    const hi = this.hi;
    const lo = this.lo;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i += 1) {
      if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
    }
  }
}

import { foldCodePoint, foldKindExpand, foldKindSkip, foldTable } from './foldTable.js';

/**
 * An Aho–Corasick automaton over folded UTF-16 code units. Transitions out of the root are a
 * dense table over all 65,536 units (most characters of a Chinese text lead nowhere, and that
 * costs one array read); every other transition lives in one open-addressing hash table keyed by
 * (state, unit), all in Int32Arrays. Cost grows with the text, not with the number of phrases.
 */
export class PhraseAutomaton {
  /** Folded pattern strings, by pattern id. */
  readonly patterns: readonly string[];
  /** Root transitions; -1 marks a unit that occurs in no pattern (every state then falls back to the root). */
  private readonly root: Int32Array;
  /** Open addressing, one slot = [state, unit, next] side by side (one cache line a probe). */
  private readonly hash: Int32Array;
  private readonly hashShift: number;
  /**
   * Per state, four numbers side by side (16 bytes): [0..1] a 64-bit summary of its children's
   * units (one hashed bit per unit; a clear bit proves there is no transition without touching
   * the hash table — most states have one child), [2] its failure link, [3] the first terminal
   * state on its suffix chain (itself included) or -1.
   */
  private readonly info: Int32Array;
  /** For a terminal state, the next terminal state on its suffix chain, or -1 (read only on a hit). */
  private readonly dictLink: Int32Array;
  private readonly termStart: Int32Array;
  private readonly termPatterns: Int32Array;
  private readonly patternLength: Int32Array;
  private readonly ringMask: number;

  /** @param patterns - folded, non-empty, distinct pattern strings */
  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    // The trie, built with per-state maps (compile time only).
    const trie: Map<number, number>[] = [new Map()];
    const trieTerminals: number[][] = [[]];
    let longest = 1;
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        const map = trie[state] as Map<number, number>;
        let next = map.get(unit);
        if (next === undefined) {
          next = trie.length;
          map.set(unit, next);
          trie.push(new Map());
          trieTerminals.push([]);
        }
        state = next;
      }
      (trieTerminals[state] as number[]).push(id);
      longest = Math.max(longest, pattern.length);
    });
    // Renumber breadth first: the shallow states, visited on almost every character of a text
    // when the phrasebook is large, then sit together in memory.
    const bfs = [0];
    for (let head = 0; head < bfs.length; head++) for (const next of (trie[bfs[head] as number] as Map<number, number>).values()) bfs.push(next);
    const renumbered = new Int32Array(trie.length);
    bfs.forEach((old, i) => {
      renumbered[old] = i;
    });
    const children = bfs.map(
      (old) => new Map([...(trie[old] as Map<number, number>)].map(([unit, next]): [number, number] => [unit, renumbered[next] as number])),
    );
    const terminals = bfs.map((old) => trieTerminals[old] as number[]);
    const stateCount = children.length;

    this.root = new Int32Array(0x10000).fill(-1);
    for (const map of children) for (const unit of map.keys()) this.root[unit] = 0;
    let edgeCount = 0;
    for (let s = 1; s < stateCount; s++) edgeCount += (children[s] as Map<number, number>).size;
    let bits = 4;
    while (1 << bits < edgeCount * 3) bits++;
    const capacity = 1 << bits;
    this.hash = new Int32Array(capacity * 3);
    this.hashShift = 32 - bits;
    const info = new Int32Array(stateCount * 4);
    this.info = info;
    for (const [unit, next] of children[0] as Map<number, number>) this.root[unit] = next;
    for (let s = 1; s < stateCount; s++) {
      for (const [unit, next] of children[s] as Map<number, number>) {
        const bit = Math.imul(unit, 0x9e3779b1) >>> 26;
        info[s * 4 + (bit >> 5)] = (info[s * 4 + (bit >> 5)] as number) | (1 << (bit & 31));
        let h = Math.imul((s << 16) ^ unit, 0x9e3779b1) >>> this.hashShift;
        while (this.hash[h * 3] !== 0) h = (h + 1) & (capacity - 1);
        this.hash[h * 3] = s;
        this.hash[h * 3 + 1] = unit;
        this.hash[h * 3 + 2] = next;
      }
    }

    // Failure links, breadth first.
    const order: number[] = [];
    for (const next of (children[0] as Map<number, number>).values()) order.push(next);
    for (let head = 0; head < order.length; head++) {
      const s = order[head] as number;
      for (const [unit, next] of children[s] as Map<number, number>) {
        let f = info[s * 4 + 2] as number;
        let target = this.next(f, unit);
        while (target < 0) {
          f = info[f * 4 + 2] as number;
          target = this.next(f, unit);
        }
        info[next * 4 + 2] = target;
        order.push(next);
      }
    }

    info[3] = -1; // the root reports nothing
    this.dictLink = new Int32Array(stateCount).fill(-1);
    this.termStart = new Int32Array(stateCount + 1);
    const flat: number[] = [];
    for (let s = 0; s < stateCount; s++) {
      this.termStart[s] = flat.length;
      for (const id of terminals[s] as number[]) flat.push(id);
    }
    this.termStart[stateCount] = flat.length;
    this.termPatterns = Int32Array.from(flat);
    // In breadth-first order a state's failure target is settled before the state itself.
    for (const s of order) {
      const f = info[s * 4 + 2] as number;
      const own = (terminals[s] as number[]).length > 0;
      this.dictLink[s] = info[f * 4 + 3] as number;
      info[s * 4 + 3] = own ? s : (info[f * 4 + 3] as number);
    }
    this.patternLength = Int32Array.from(patterns, (p) => p.length);
    let ring = 2;
    while (ring <= longest) ring *= 2;
    this.ringMask = ring - 1;
  }

  /** The state after reading `unit` in state `s` without following failure links; -1 when none (never for the root). */
  next(s: number, unit: number): number {
    if (s === 0) return Math.max(0, this.root[unit] as number);
    const bit = Math.imul(unit, 0x9e3779b1) >>> 26;
    if (((this.info[s * 4 + (bit >> 5)] as number) & (1 << (bit & 31))) === 0) return -1;
    const hash = this.hash;
    const mask = (hash.length / 3) - 1;
    let h = Math.imul((s << 16) ^ unit, 0x9e3779b1) >>> this.hashShift;
    for (;;) {
      const at = hash[h * 3] as number;
      if (at === 0) return -1;
      if (at === s && hash[h * 3 + 1] === unit) return hash[h * 3 + 2] as number;
      h = (h + 1) & mask;
    }
  }

  /** The state after reading `unit` in state `s`, following failure links. */
  advance(s: number, unit: number): number {
    const info = this.info;
    const fromRoot = this.root[unit] as number;
    if (fromRoot < 0) return 0; // a unit no pattern contains: back to the root from anywhere
    const bit = Math.imul(unit, 0x9e3779b1) >>> 26;
    const word = bit >> 5;
    const mask = 1 << (bit & 31);
    for (;;) {
      if (s === 0) return fromRoot;
      if (((info[(s << 2) + word] as number) & mask) !== 0) {
        const t = this.next(s, unit);
        if (t >= 0) return t;
      }
      s = info[(s << 2) + 2] as number;
    }
  }

  /**
   * Every occurrence of every pattern in `text` after folding, as flat quintuples
   * `[patternId, foldedStart, foldedEnd, originalStart, originalEnd]` (folded offsets count folded
   * code units from the start of `text`; original offsets are UTF-16 code units of `text`).
   */
  scan(text: string): number[] {
    const { fold, kind, expansion } = foldTable();
    const out: number[] = [];
    const ring = new Int32Array(this.ringMask + 1);
    const ringMask = this.ringMask;
    const info = this.info;
    let state = 0;
    let k = 0; // folded units read so far
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let unit = fold[c] as number;
      if (unit === 0) {
        const what = kind[c];
        if (what === foldKindSkip) continue;
        let units: ArrayLike<number> | string;
        let end = i + 1;
        if (what === foldKindExpand) {
          units = expansion.get(c) as Uint16Array;
        } else {
          const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
          if (low < 0xdc00 || low > 0xdfff) {
            units = String.fromCharCode(c); // a lone high surrogate is content, as itself
          } else {
            units = foldCodePoint(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
            end = i + 2;
          }
        }
        for (let j = 0; j < units.length; j++) {
          unit = typeof units === 'string' ? units.charCodeAt(j) : (units[j] as number);
          ring[k & ringMask] = i;
          k++;
          state = this.advance(state, unit);
          if ((info[(state << 2) + 3] as number) >= 0) this.emit(out, state, k, end, ring);
        }
        i = end - 1;
        continue;
      }
      ring[k & ringMask] = i;
      k++;
      state = this.advance(state, unit);
      if ((info[(state << 2) + 3] as number) >= 0) this.emit(out, state, k, i + 1, ring);
    }
    return out;
  }

  private emit(out: number[], state: number, k: number, end: number, ring: Int32Array): void {
    let t = this.info[(state << 2) + 3] as number;
    while (t >= 0) {
      const stop = this.termStart[t + 1] as number;
      for (let x = this.termStart[t] as number; x < stop; x++) {
        const id = this.termPatterns[x] as number;
        const start = k - (this.patternLength[id] as number);
        out.push(id, start, k, ring[start & this.ringMask] as number, end);
      }
      t = this.dictLink[t] as number;
    }
  }
}

/**
 * Folds a whole string the way the automaton reads text: compatibility-folded, lower-cased,
 * punctuation and spaces dropped.
 */
export function foldForMatching(text: string): string {
  return normalizeUnits(text).folded;
}

/**
 * Folds `text` and keeps, for every folded code unit, the original span it came from.
 *
 * @returns `folded` and two arrays as long as it: `starts[j]`/`ends[j]` are the original UTF-16
 *   offsets (start inclusive, end exclusive) of the character folded unit `j` came from
 */
export function normalizeUnits(text: string): { folded: string; starts: number[]; ends: number[] } {
  const { fold, kind, expansion } = foldTable();
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const unit = fold[c] as number;
    if (unit !== 0) {
      folded += String.fromCharCode(unit);
      starts.push(i);
      ends.push(i + 1);
      continue;
    }
    const what = kind[c];
    if (what === foldKindSkip) continue;
    let units: string;
    let end = i + 1;
    if (what === foldKindExpand) {
      units = String.fromCharCode(...(expansion.get(c) as Uint16Array));
    } else {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (low < 0xdc00 || low > 0xdfff) units = String.fromCharCode(c);
      else {
        units = foldCodePoint(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        end = i + 2;
      }
    }
    for (let j = 0; j < units.length; j++) {
      folded += units[j];
      starts.push(i);
      ends.push(end);
    }
    i = end - 1;
  }
  return { folded, starts, ends };
}

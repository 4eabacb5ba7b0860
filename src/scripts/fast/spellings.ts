// Known byte strings (a JSON key with its `":`, an enum value with its closing quote) compared
// where they may stand, eight bytes at a time: a spelling of 8 bytes or more is kept as the
// 64-bit words at bytes 0, 8, 16… and one last word ending exactly at its end (overlapping the
// one before when its length is not a multiple of eight); a shorter one as the 32-bit words at
// 0 and at its length − 4. A comparison is then a few word loads, no byte loop.
//
// The 64-bit words are read as doubles (DataView#getFloat64, the fastest 8-byte load), which
// compares them exactly: two doubles are equal only when their bits are, except NaN (never equal)
// and ±0 (equal with different bits). So a spelling whose word would be a NaN or a zero is
// refused up front. UTF-8 text without NUL bytes never makes one: a NaN needs a top byte of 0x7f
// or 0xff after a byte of 0xf0 or more, which UTF-8 follows only with a continuation byte.

/** Words kept per spelling (spellings up to 64 bytes). */
const STRIDE = 8;

export class Spellings {
  /** Each spelling's 8-byte words, {@link STRIDE} slots apiece. */
  private readonly longWords: Float64Array;
  /** Each spelling's first and last 4 bytes (spellings under 8 bytes). */
  private readonly shortWords: Int32Array;
  /** Each spelling's byte length. */
  readonly lengths: Int8Array;

  constructor(spellings: readonly string[]) {
    this.longWords = new Float64Array(spellings.length * STRIDE);
    this.shortWords = new Int32Array(spellings.length * 2);
    this.lengths = new Int8Array(spellings.length);
    spellings.forEach((text, i) => {
      const bytes = new TextEncoder().encode(text);
      if (bytes.length < 4 || bytes.length > STRIDE * 8) throw new Error(`a spelling of 4 to ${STRIDE * 8} bytes, got ${JSON.stringify(text)}`);
      const view = new DataView(bytes.buffer);
      this.lengths[i] = bytes.length;
      if (bytes.length < 8) {
        this.shortWords[i * 2] = view.getInt32(0, true);
        this.shortWords[i * 2 + 1] = view.getInt32(bytes.length - 4, true);
        return;
      }
      const count = Math.ceil(bytes.length / 8);
      for (let w = 0; w < count; w++) {
        const word = view.getFloat64(w === count - 1 ? bytes.length - 8 : w * 8, true);
        if (Number.isNaN(word) || word === 0) throw new Error(`a spelling whose bytes read as a NaN or zero double: ${JSON.stringify(text)}`);
        this.longWords[i * STRIDE + w] = word;
      }
    });
  }

  /**
   * Whether spelling `i` stands at `at` (its bytes exactly, ending at or before `end`).
   *
   * @param view - a DataView of the bytes being read
   */
  at(view: DataView<ArrayBufferLike>, at: number, end: number, i: number): boolean {
    const len = this.lengths[i]!;
    if (at + len > end) return false;
    if (len < 8) return view.getInt32(at, true) === this.shortWords[i * 2] && view.getInt32(at + len - 4, true) === this.shortWords[i * 2 + 1];
    const base = i * STRIDE;
    const last = len - 8;
    let w = 0;
    for (let o = 0; o < last; o += 8, w++) if (view.getFloat64(at + o, true) !== this.longWords[base + w]) return false;
    return view.getFloat64(at + last, true) === this.longWords[base + w];
  }

  /** The first spelling standing at `at` (see {@link at}), or -1. */
  find(view: DataView<ArrayBufferLike>, at: number, end: number): number {
    for (let i = 0; i < this.lengths.length; i++) if (this.at(view, at, end, i)) return i;
    return -1;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Spellings } from '../../../src/scripts/fast/spellings.js';

const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const keys = ['id":', 'nps":', 'csat":', 'topic":', 'agentId":', 'offeredAt":', 'resolvedAtFirstContact":', 'consultation"'];

describe('Spellings', () => {
  it('finds each spelling where it stands, and only there', () => {
    const words = new Spellings(keys);
    const text = Buffer.from('{"id":"W1","resolvedAtFirstContact":true,"offeredAt":"x"}');
    const view = viewOf(text);
    expect(words.at(view, 2, text.length, 0)).toBe(true); // id":
    expect(words.at(view, 12, text.length, 6)).toBe(true); // resolvedAtFirstContact":
    expect(words.find(view, 42, text.length)).toBe(5); // offeredAt":
    expect(words.find(view, 3, text.length)).toBe(-1);
    expect(words.lengths[6]).toBe(24);
  });

  it('never reads past the end it is given', () => {
    const words = new Spellings(['offeredAt":']);
    const text = Buffer.from('offeredAt":');
    expect(words.at(viewOf(text), 0, text.length, 0)).toBe(true);
    expect(words.at(viewOf(text), 0, text.length - 1, 0)).toBe(false);
  });

  it('refuses spellings it cannot compare exactly', () => {
    expect(() => new Spellings(['abc'])).toThrow(/4 to 64 bytes/);
    // Eight zero bytes read as the double 0, which also equals -0: not exact, so refused.
    expect(() => new Spellings(['\0\0\0\0\0\0\0\0'])).toThrow(/NaN or zero/);
  });

  it('says a spelling stands exactly when its bytes are there (property: same as comparing bytes)', () => {
    const spellings = fc.uniqueArray(fc.string({ minLength: 4, maxLength: 30, unit: fc.constantFrom('a', 'b', '"', ':', 'é', 'Z') }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(spellings, fc.nat(), fc.array(fc.nat(), { maxLength: 3 }), fc.nat(), (list, pick, flips, shift) => {
        const words = new Spellings(list);
        const i = pick % list.length;
        const wanted = Buffer.from(list[i]!);
        const pad = shift % 9;
        const bytes = Buffer.alloc(pad + wanted.length + 3, 0x20);
        wanted.copy(bytes, pad);
        // Change a few bytes of the copy (or none): found exactly when the bytes are still the same.
        for (const f of flips) bytes[pad + (f % wanted.length)]! ^= 1 << (f % 8);
        const same = bytes.subarray(pad, pad + wanted.length).equals(wanted);
        expect(words.at(viewOf(bytes), pad, bytes.length, i)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });
});

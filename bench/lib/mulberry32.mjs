// mulberry32: a small seeded pseudo-random source, good enough for synthetic data and the same on
// every machine, so every benchmark run generates and scans the same inputs.

/**
 * @param {number} seed - any 32-bit integer
 * @returns {() => number} a function giving numbers in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

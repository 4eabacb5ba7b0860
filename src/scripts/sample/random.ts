/**
 * A small seeded pseudo-random source (mulberry32) with the few distributions the sample month
 * needs. Deterministic: the same seed gives the same sequence on every machine, so the sample
 * data and every figure computed from it are reproducible. Never `Math.random`.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** A whole number in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A normal variate (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** A log-normal variate given its median and the sd of its logarithm (a right-skewed duration). */
  logNormal(median: number, sigma: number): number;
  /** An exponential variate with the given mean. */
  exponential(mean: number): number;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/**
 * Creates a seeded random source (mulberry32: 32-bit state, period 2^32, good enough for
 * synthetic data and fast).
 *
 * @param seed - any integer; the same seed gives the same sequence
 * @returns the random source
 * @example
 * createRandom(7).int(1, 6) //=> the same die roll on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number): number => {
    // 1 − next() is in (0, 1], so the logarithm is finite.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const random: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    exponential: (mean) => -mean * Math.log(1 - next()),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('expected a non-empty list to pick from');
      return item;
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new RangeError('expected a non-empty list to pick from');
      return last[0];
    },
  };
  return random;
}

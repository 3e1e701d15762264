/**
 * Seeded pseudo-random numbers (mulberry32, a 32-bit state generator): the same
 * seed gives the same matrices everywhere, so a seed in a link reproduces a
 * figure, and a training run started from a seed can be replayed. The engine's
 * only source of randomness (lint forbids `Math.random` in engine/).
 *
 * Returns a generator of numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` integers in [min, max] (both included), from a seed and a stream number
 * (one stream per matrix, so editing one matrix's size leaves the others' numbers).
 */
export function seededInts(seed: number, stream: number, count: number, min: number, max: number): number[] {
  const next = mulberry32((seed * 2654435761 + stream * 40503) >>> 0);
  return Array.from({ length: count }, () => min + Math.floor(next() * (max - min + 1)));
}

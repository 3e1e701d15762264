import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, seededInts } from '../../engine/random';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('keeps the numbers it has always given, so old seeds reproduce old figures', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('draws from [0, 1) for any 32-bit seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const next = mulberry32(seed);
        for (let i = 0; i < 20; i++) {
          const x = next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});

describe('seededInts', () => {
  it('keeps the matrices a seed in a link has always meant', () => {
    expect(seededInts(7, 0, 8, -9, 9)).toEqual([8, -9, 1, -5, 7, -9, -9, -1]);
    expect(seededInts(7, 1, 8, -9, 9)).toEqual([8, 4, -2, 0, -1, 1, -1, -6]);
  });

  it('gives count whole numbers between min and max, both included', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.nat(5),
        fc.nat(50),
        fc.integer({ min: -9, max: 9 }),
        fc.nat(9),
        (seed, stream, count, min, span) => {
          const xs = seededInts(seed, stream, count, min, min + span);
          expect(xs).toHaveLength(count);
          for (const x of xs) {
            expect(Number.isInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(min);
            expect(x).toBeLessThanOrEqual(min + span);
          }
        },
      ),
    );
  });

  it('gives each stream of one seed its own numbers', () => {
    expect(seededInts(3, 0, 16, 0, 99)).not.toEqual(seededInts(3, 1, 16, 0, 99));
  });
});

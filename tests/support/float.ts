import { close } from './conformance';

/** Index of the first element where two arrays differ beyond the fixtures' tolerance, or −1. */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i] ?? NaN, expected[i] ?? NaN)) return i;
  }
  return -1;
}

/** Asserts-friendly: true when every element agrees within 1e-4 · max(1, |e|). */
export function allClose(actual: ArrayLike<number>, expected: ArrayLike<number>): boolean {
  return firstMismatch(actual, expected) === -1;
}

import { describe, expect, it } from 'vitest';
import {
  conv2d,
  conv2dTrace,
  convTranspose2d,
  convTranspose2dScatter,
  EngineError,
  paramCountFormula,
  squeezeShape,
  tensor,
  unsqueezeShape,
} from '../../engine';

const ramp = tensor([1, 1, 4, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
const edge = tensor([1, 1, 3, 3], [1, 0, -1, 1, 0, -1, 1, 0, -1]);
const small = tensor([1, 1, 2, 2], [0, 1, 2, 3]);

describe('the lesson’s worked examples', () => {
  it('a vertical-edge kernel over a 4×4 ramp gives −6 everywhere in a 2×2 output', () => {
    const y = conv2d(ramp, edge);
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect([...y.data]).toEqual([-6, -6, -6, -6]);
  });

  it('the first window reads 0·1 + 1·0 + 2·(−1) + 4·1 + 5·0 + 6·(−1) + 8·1 + 9·0 + 10·(−1) = −6', () => {
    const first = conv2dTrace(ramp, edge).cell(0);
    expect(first?.taps.map((t) => [t.x, t.w])).toEqual([
      [0, 1],
      [1, 0],
      [2, -1],
      [4, 1],
      [5, 0],
      [6, -1],
      [8, 1],
      [9, 0],
      [10, -1],
    ]);
    expect(first?.value).toBe(-6);
  });

  it('unsqueeze(0) twice turns a 4×4 matrix into the [1, 1, 4, 4] batch conv2d wants, squeeze() undoes it', () => {
    const batched = unsqueezeShape(unsqueezeShape([4, 4], 0), 0);
    expect(batched).toEqual([1, 1, 4, 4]);
    expect(squeezeShape([1, 1, 2, 2])).toEqual([2, 2]);
  });

  it('one 3-channel 3×3 kernel with a shared bias has 3·3·3 + 1 = 28 parameters', () => {
    const f = paramCountFormula({ inChannels: 3, outChannels: 1, groups: 1, kernelSize: [3, 3], bias: true });
    expect(f.total).toBe(28);
  });

  it('transposed conv of [[0,1],[2,3]] by kernel [[0,1],[2,3]] stamps and sums to [[0,0,1],[0,4,6],[4,12,9]]', () => {
    expect([...convTranspose2d(small, small).data]).toEqual([0, 0, 1, 0, 4, 6, 4, 12, 9]);
  });

  it('the centre cell 4 receives 1·2 + 2·1 from two overlapping stamps', () => {
    const { steps } = convTranspose2dScatter(small, small);
    const centre = steps.flatMap((s) => s.stamps).filter((s) => s.ty === 1 && s.tx === 1 && s.contribution !== 0);
    expect(centre.map((s) => s.contribution)).toEqual([2, 2]);
  });

  it('padding 1 crops one ring off the 3×3 result, leaving [4]', () => {
    expect([...convTranspose2d(small, small, null, { padding: 1 }).data]).toEqual([4]);
  });

  it('padding 2 would crop more than the 3×3 result has, and is refused with a fix', () => {
    let error: unknown;
    try {
      convTranspose2d(small, small, null, { padding: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    const refusal = error as EngineError;
    expect(refusal.code).toBe('output-size-not-positive');
    expect(refusal.details).toMatchObject({ outH: -1, outW: -1 });
    expect(refusal.suggestions[0]).toMatchObject({ param: 'padding', to: 1 });
  });

  it('stride 2 spreads the stamps two cells apart into a 4×4 result', () => {
    expect([...convTranspose2d(small, small, null, { stride: 2 }).data]).toEqual([
      0, 0, 0, 1, 0, 0, 2, 3, 0, 2, 0, 3, 4, 6, 6, 9,
    ]);
  });

  it('stride 3 leaves a row and column of zeros between the stamps of a 5×5 result', () => {
    const y = convTranspose2d(small, small, null, { stride: 3 });
    expect(y.shape).toEqual([1, 1, 5, 5]);
    expect([...y.data.slice(10, 15)]).toEqual([0, 0, 0, 0, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { EngineError, squeeze, squeezeShape, tensor, unsqueeze, unsqueezeShape } from '../../engine';

describe('squeeze and unsqueeze follow PyTorch', () => {
  it.each([
    [[4, 4], 0, [1, 4, 4]],
    [[4, 4], -1, [4, 4, 1]],
    [[4, 4], 2, [4, 4, 1]],
    [[], 0, [1]],
  ])('unsqueeze(%j, %i) is %j', (shape, dim, expected) => {
    expect(unsqueezeShape(shape, dim)).toEqual(expected);
  });

  it.each([
    [[1, 1, 4, 4], null, [4, 4]],
    [[2, 1, 3, 1], 1, [2, 3, 1]],
    [[2, 1, 3, 1], 0, [2, 1, 3, 1]],
    [[1], null, []],
    [[], 0, []],
  ])('squeeze(%j, %j) is %j', (shape, dim, expected) => {
    expect(squeezeShape(shape, dim)).toEqual(expected);
  });

  it('refuses a dim outside [−rank−1, rank] for unsqueeze with the valid range', () => {
    expect(() => unsqueezeShape([4, 4], 3)).toThrow(EngineError);
    try {
      unsqueezeShape([4, 4], -4);
    } catch (e) {
      expect((e as EngineError).details).toEqual({ dim: -4, min: -3, max: 2 });
    }
  });

  it('keeps the data and only changes the shape', () => {
    const t = tensor([2, 2], [1, 2, 3, 4]);
    expect(squeeze(unsqueeze(t, 0)).data).toBe(t.data);
    expect(unsqueeze(t, 1).shape).toEqual([2, 1, 2]);
  });
});

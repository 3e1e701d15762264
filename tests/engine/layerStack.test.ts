import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyStackSuggestion,
  assertValidStack,
  isEngineError,
  stackInfo,
  windowOutputSize,
  type ConvLayer,
  type LayerStack,
  type MaxPoolLayer,
  type StackLayer,
  type ProblemDetails,
} from '../../engine';
import { stacks } from '../support/stackArbitraries';

function conv(inChannels: number, outChannels: number, k: number, s = 1, p = 0, d = 1): ConvLayer {
  return {
    kind: 'conv',
    inChannels,
    outChannels,
    kernel: [k, k],
    stride: [s, s],
    padding: [p, p],
    dilation: [d, d],
    bias: true,
  };
}

function maxpool(k: number, s: number, p = 0, ceilMode = false): MaxPoolLayer {
  return { kind: 'maxpool', kernel: [k, k], stride: [s, s], padding: [p, p], dilation: [1, 1], ceilMode };
}

function stackOf(size: number, layers: StackLayer[], channels = 1): LayerStack {
  return { input: { channels, size: [size, size] }, layers };
}

describe('output sizes follow PyTorch, ceil_mode included', () => {
  // Each row was run through F.max_pool2d in PyTorch 1.13: [n, k, s, p, d, ceil_mode, output size].
  const rows: [number, number, number, number, number, boolean, number][] = [
    [3, 2, 2, 1, 1, true, 2], // ceil would give 3, but that window would start in the right padding
    [3, 2, 2, 1, 1, false, 2],
    [5, 2, 2, 0, 1, true, 3],
    [5, 2, 2, 0, 1, false, 2],
    [2, 3, 2, 0, 1, true, 1], // ceil_mode accepts a window larger than the input
    [7, 3, 3, 1, 2, true, 3],
    [224, 3, 2, 1, 1, false, 112],
    [55, 3, 2, 0, 1, false, 27],
    [6, 2, 2, 1, 1, true, 4],
  ];
  it.each(rows)('n=%i k=%i s=%i p=%i d=%i ceil=%s gives %i', (n, kernel, stride, padding, dilation, ceilMode, o) => {
    expect(windowOutputSize(n, { kernel, stride, padding, dilation, ceilMode })).toBe(o);
  });
});

describe('the receptive-field table', () => {
  it('gives AlexNet conv1 r = 11, j = 4 and centre 3 (Araujo et al., Distill 2019)', () => {
    const info = stackInfo(stackOf(224, [conv(3, 64, 11, 4, 2)], 3));
    const row = info.rows[0];
    expect(row && [row.h.outSize, row.h.size, row.h.jump, row.h.start, row.h.first]).toEqual([55, 11, 4, 3, -2]);
  });

  it('prints each recurrence with the numbers that produce its result', () => {
    const info = stackInfo(stackOf(32, [conv(1, 1, 3, 2, 1), conv(1, 1, 3, 1, 1, 2)]));
    const second = info.rows[1];
    expect(second).toBeDefined();
    if (!second) return;
    const terms = (f: { terms: readonly { id: string; value: number }[] }) =>
      Object.fromEntries(f.terms.map((t) => [t.id, t.value]));
    // r₂ = r₁ + (k₂ − 1)·d₂·j₁ = 3 + 2·2·2 = 11; j₂ = j₁·s₂ = 2·1.
    expect(terms(second.h.formulas.size)).toEqual({ rPrev: 3, k: 3, d: 2, jPrev: 2 });
    expect(second.h.formulas.size.result).toBe(11);
    expect(terms(second.h.formulas.jump)).toEqual({ jPrev: 2, s: 1 });
    expect(second.h.formulas.jump.result).toBe(2);
    expect(second.h.formulas.start.result).toBe(second.h.start);
    expect(second.h.formulas.outSize.result).toBe(second.h.outSize);
  });

  it('equals a brute-force walk back through the windows without clipping, per axis', () => {
    fc.assert(
      fc.property(stacks(6, 24), (stack) => {
        const info = stackInfo(stack);
        info.rows.forEach((row, l) => {
          for (const axis of ['h', 'w'] as const) {
            const a = row[axis];
            // Walk output o = 0 and o = 1 back to the image, keeping every tap.
            const reach = (o: number): [number, number] => {
              let lo = o;
              let hi = o;
              for (let m = l; m >= 0; m--) {
                const w = (info.rows[m] as (typeof info.rows)[number])[axis].window;
                lo = lo * w.stride - w.padding;
                hi = hi * w.stride - w.padding + (w.kernel - 1) * w.dilation;
              }
              return [lo, hi];
            };
            const [lo0, hi0] = reach(0);
            const [lo1] = reach(1);
            expect(a.first).toBe(lo0);
            expect(a.size).toBe(hi0 - lo0 + 1);
            expect(a.jump).toBe(lo1 - lo0);
            expect(a.start).toBe((lo0 + hi0) / 2);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never shrinks the field or the jump from one layer to the next', () => {
    fc.assert(
      fc.property(stacks(8, 30), (stack) => {
        const rows = stackInfo(stack).rows;
        for (let l = 1; l < rows.length; l++) {
          for (const axis of ['h', 'w'] as const) {
            const prev = (rows[l - 1] as (typeof rows)[number])[axis];
            const cur = (rows[l] as (typeof rows)[number])[axis];
            expect(cur.size).toBeGreaterThanOrEqual(prev.size);
            expect(cur.jump).toBeGreaterThanOrEqual(prev.jump);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts parameters and multiply-adds per layer', () => {
    const info = stackInfo(
      stackOf(224, [conv(3, 64, 7, 2, 3), { kind: 'batchnorm', channels: 64 }, { kind: 'relu' }, maxpool(3, 2, 1)], 3),
    );
    expect(info.rows.map((r) => r.params)).toEqual([64 * 3 * 49 + 64, 128, 0, 0]);
    expect(info.rows.map((r) => r.macs)).toEqual([112 * 112 * 64 * 3 * 49, 64 * 112 * 112, 0, 0]);
    expect(info.rows.map((r) => r.outShape)).toEqual([
      [64, 112, 112],
      [64, 112, 112],
      [64, 112, 112],
      [64, 56, 56],
    ]);
  });
});

describe('refusals name the layer, the reason and the nearest valid settings, and keep the stack', () => {
  it('refuses pooling padding over half the kernel (PyTorch: pad ≤ kernel/2) and proposes the largest allowed', () => {
    const stack = stackOf(16, [conv(1, 2, 3), maxpool(3, 2, 2), conv(2, 2, 3)]);
    const info = stackInfo(stack);
    expect(info.valid).toBe(false);
    expect(info.refusedLayer).toBe(1);
    expect(info.rows).toHaveLength(1);
    expect(info.stack).toBe(stack);
    expect(info.problems.map((p) => [p.code, p.layer, (p.details as ProblemDetails).axis])).toEqual([
      ['pool-padding-too-large', 1, 'h'],
      ['pool-padding-too-large', 1, 'w'],
    ]);
    expect(info.suggestions[0]).toEqual({ layer: 1, param: 'padding', from: 2, to: 1 });
    const fixed = applyStackSuggestion(stack, info.suggestions[0] as (typeof info.suggestions)[number]);
    expect(stackInfo(fixed).valid).toBe(true);
    expect(fixed.layers[0]).toBe(stack.layers[0]);
    expect(fixed.layers[2]).toBe(stack.layers[2]);
  });

  it('refuses a window larger than the padded map and proposes more padding, a smaller kernel or a larger image', () => {
    const stack = stackOf(8, [conv(1, 1, 3, 2), conv(1, 1, 5)]);
    const info = stackInfo(stack);
    expect(info.refusedLayer).toBe(1);
    expect(info.problems[0]?.code).toBe('kernel-larger-than-padded-input');
    const params = info.suggestions.map((s) => `${s.param}${s.axis ?? ''}→${String(s.to)}`);
    expect(params).toContain('padding→1');
    expect(params).toContain('kernel→3');
    expect(info.suggestions).toContainEqual({ layer: null, param: 'inputSize', from: 8, to: 11 });
    for (const s of info.suggestions) expect(stackInfo(applyStackSuggestion(stack, s)).valid).toBe(true);
  });

  it('refuses channels that do not match the layer before and proposes them', () => {
    const stack = stackOf(8, [conv(3, 8, 3), { kind: 'batchnorm', channels: 4 }], 3);
    const info = stackInfo(stack);
    expect(info.problems[0]).toMatchObject({
      code: 'in-channels-mismatch',
      layer: 1,
      details: { expected: 8, actual: 4 },
    });
    expect(info.suggestions).toEqual([{ layer: 1, param: 'channels', from: 4, to: 8 }]);
  });

  it('refuses more than 16 layers and inputs over 512, with the limit as the fix', () => {
    const deep = stackInfo(
      stackOf(
        8,
        Array.from({ length: 17 }, (): StackLayer => ({ kind: 'relu' })),
      ),
    );
    expect(deep.problems[0]?.code).toBe('stack-too-deep');
    expect(deep.suggestions).toEqual([{ layer: null, param: 'layers', from: 17, to: 16 }]);
    const big = stackInfo(stackOf(600, [conv(1, 1, 3)]));
    expect(big.refusedLayer).toBe(-1);
    expect(big.problems.map((p) => p.code)).toEqual(['value-out-of-range', 'value-out-of-range']);
    expect(stackInfo(applyStackSuggestion(stackOf(600, []), big.suggestions[0] as never)).problems).toHaveLength(1);
  });

  it('brings a number out of range back to the nearest allowed value', () => {
    const info = stackInfo(stackOf(16, [conv(1, 1, 0)]));
    expect(info.problems[0]).toMatchObject({ code: 'value-out-of-range', layer: 0, details: { name: 'kernel' } });
    expect(info.suggestions).toContainEqual({ layer: 0, param: 'kernel', axis: 'h', from: 0, to: 1 });
  });

  it('throws the same refusal as a typed error', () => {
    const info = stackInfo(stackOf(4, [maxpool(2, 2, 2)]));
    try {
      assertValidStack(info);
      expect.unreachable();
    } catch (e) {
      expect(isEngineError(e) && e.code).toBe('pool-padding-too-large');
      expect(isEngineError(e) && e.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('every fix it offers for a broken layer makes PyTorch accept that layer', () => {
    fc.assert(
      fc.property(stacks(4, 12), fc.nat(3), fc.integer({ min: 1, max: 9 }), (stack, at, bump) => {
        // Break one layer's padding and see that every proposed fix mends it.
        const index = at % stack.layers.length;
        const layer = stack.layers[index] as StackLayer;
        if (layer.kind === 'relu' || layer.kind === 'batchnorm') return;
        const broken: LayerStack = {
          ...stack,
          layers: stack.layers.map((l, i) =>
            i === index ? ({ ...layer, padding: [layer.padding[0] + bump, layer.padding[1]] } as StackLayer) : l,
          ),
        };
        const info = stackInfo(broken);
        if (info.valid) return;
        expect(info.refusedLayer).toBe(index);
        expect(info.suggestions.length).toBeGreaterThan(0);
        for (const s of info.suggestions) {
          const mended = stackInfo(applyStackSuggestion(broken, s));
          expect(mended.refusedLayer === null || mended.refusedLayer > index).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

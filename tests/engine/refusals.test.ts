import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ENGINE_ERROR_CODES,
  EngineError,
  conv2d,
  conv2dBackward,
  conv2dFast,
  convMatrix,
  convTranspose2d,
  convTranspose2dFast,
  convTranspose2dGather,
  convTranspose2dViaMatrix,
  isEngineError,
  problem,
  stackFromFixture,
  stackInfo,
  squeezeShape,
  tensor,
  unsqueezeShape,
  zeros,
  type EngineErrorCode,
  type PaddingMode,
  type ProblemDetails,
  type ProblemDetailsByCode,
  type Tensor,
} from '../../engine';

/** Every `throw` statement in engine/, with the file and what it throws. */
function engineThrows(): { file: string; thrown: string }[] {
  const found: { file: string; thrown: string }[] = [];
  for (const file of readdirSync('engine').filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join('engine', file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) found.push({ file, thrown: node.expression.getText(source) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** What `f` did: 'ok', a typed refusal's code, or the untyped error that escaped. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return isEngineError(e) ? e.code : `untyped ${e instanceof Error ? e.name : typeof e}: ${String(e)}`;
  }
}

describe('engine refusals', () => {
  it('throw nothing but EngineError anywhere in engine/', () => {
    const throws = engineThrows();
    expect(throws.length).toBeGreaterThan(0);
    for (const t of throws) expect(`${t.file}: ${t.thrown}`).toMatch(/^[\w.]+: new EngineError\(/);
  });

  it('list every code once, and every code has its details type', () => {
    expect(new Set(ENGINE_ERROR_CODES).size).toBe(ENGINE_ERROR_CODES.length);
    expectTypeOf<keyof ProblemDetailsByCode>().toEqualTypeOf<EngineErrorCode>();
    expectTypeOf<ProblemDetailsByCode[EngineErrorCode]>().toExtend<ProblemDetails>();
  });

  it('check the details against the code at compile time', () => {
    const good = problem('invalid-stride', { axis: 'h', stride: 0 });
    expect(good).toEqual({ code: 'invalid-stride', details: { axis: 'h', stride: 0 } });
    // @ts-expect-error: a stride refusal must say which stride
    problem('invalid-stride', { axis: 'h' });
    // @ts-expect-error: groups are not a detail of a stride refusal
    problem('invalid-stride', { stride: 0, groups: 2 });
    // @ts-expect-error: not a code
    problem('too-hard', {});
  });

  it('refuse a tensor whose data does not fill its shape, or a shape that cannot exist', () => {
    expect(outcome(() => tensor([2, 3], [1, 2, 3]))).toBe('data-size-mismatch');
    expect(outcome(() => tensor([2, -1], []))).toBe('invalid-shape');
    expect(outcome(() => tensor([1.5], [1]))).toBe('invalid-shape');
    expect(outcome(() => zeros([-3]))).toBe('invalid-shape');
    expect(outcome(() => tensor([2, 0], []))).toBe('ok');
  });

  it('name the typed code in the error, with every problem and its details', () => {
    try {
      tensor([2, 2], [1]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).problems).toEqual([
        { code: 'data-size-mismatch', details: { name: 'tensor', expected: 4, actual: 1 } },
      ]);
    }
  });

  const size = fc.integer({ min: -1, max: 4 });
  const setting = fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(1.5));
  const pair = fc.tuple(setting, setting);
  const shape4 = fc.tuple(size, size, size, size);
  const bad = fc.record({
    input: fc.oneof(shape4, fc.array(size, { maxLength: 5 })),
    weight: fc.oneof(shape4, fc.array(size, { maxLength: 5 })),
    bias: fc.option(fc.array(size, { minLength: 1, maxLength: 1 })),
    grad: shape4,
    stride: pair,
    padding: fc.oneof(pair, fc.constantFrom('same' as const, 'valid' as const)),
    outputPadding: pair,
    dilation: pair,
    groups: setting,
    paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
  });

  /** A tensor of the given shape when one can exist, else the shape's own refusal. */
  const ones = (shape: readonly number[]): Tensor =>
    shape.every((d) => Number.isInteger(d) && d >= 0)
      ? tensor(
          shape,
          Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i % 3),
        )
      : zeros(shape);

  it('refuse any configuration, however wrong, with a typed error and never anything else', () => {
    fc.assert(
      fc.property(bad, (c) => {
        const results = [
          outcome(() => {
            const conv = { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups };
            const x = ones(c.input);
            const w = ones(c.weight);
            const b = c.bias ? ones(c.bias) : null;
            const options = { ...conv, paddingMode: c.paddingMode };
            const all = [
              outcome(() => conv2d(x, w, b, options)),
              outcome(() => conv2dFast(x, w, b, options)),
              outcome(() => conv2dBackward(x, w, b, ones(c.grad), options)),
            ];
            if (c.padding !== 'same' && c.padding !== 'valid') {
              const t = { ...conv, padding: c.padding, outputPadding: c.outputPadding };
              all.push(
                outcome(() => convTranspose2d(x, w, b, t)),
                outcome(() => convTranspose2dGather(x, w, b, t)),
                outcome(() => convTranspose2dViaMatrix(x, w, b, t)),
                outcome(() => convTranspose2dFast(x, w, b, t)),
                outcome(() =>
                  convMatrix(
                    {
                      batch: 1,
                      inChannels: 1,
                      outChannels: 1,
                      inputSize: [c.input[2] ?? 1, c.input[3] ?? 1],
                      kernelSize: [c.weight[2] ?? 1, c.weight[3] ?? 1],
                      stride: c.stride,
                      padding: c.padding,
                      dilation: c.dilation,
                      groups: 1,
                      paddingMode: 'zeros',
                      bias: false,
                    },
                    w,
                  ),
                ),
              );
            }
            return all.find((r) => r.startsWith('untyped')) ?? 'ok';
          }),
          outcome(() =>
            stackInfo(
              stackFromFixture(
                [c.input[2] ?? 1, c.input[3] ?? 1],
                [{ type: 'conv', kernel: c.weight[2] ?? 1, stride: c.stride[0], padding: 1, dilation: c.dilation[0] }],
              ),
            ),
          ),
          outcome(() => squeezeShape(c.input, c.groups)),
          outcome(() => unsqueezeShape(c.input, c.groups)),
        ];
        for (const r of results) expect(r).not.toMatch(/^untyped/);
      }),
      { numRuns: 400, seed: 10 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LESSON_AUTOENCODER,
  WEIGHTS_FORMAT,
  autoencoderSpec,
  initBounds,
  initParameters,
  parameterCount,
  parametersFromJson,
  parametersToJson,
  type WeightsParseErrorCode,
} from '../../../engine/nn';
import { mulberry32 } from '../../../engine/random';

const small = autoencoderSpec(3, [4, 2]);

function codeOf(text: string): WeightsParseErrorCode | 'ok' {
  const r = parametersFromJson(text);
  return r.ok ? 'ok' : r.error.code;
}

describe('seeded initialisation', () => {
  it('the same seed gives the same parameters; another seed, others', () => {
    const a = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(1));
    const b = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(1));
    const c = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(2));
    expect(Array.from(a.params[2]!.data)).toEqual(Array.from(b.params[2]!.data));
    expect(Array.from(a.params[2]!.data)).not.toEqual(Array.from(c.params[2]!.data));
    expect(parameterCount(a)).toBe(30371);
  });

  it('PyTorch’s default draws within ±1/√fan_in, fan_in = C_in·k² for a conv and C_out·k² for a transposed conv', () => {
    expect(initBounds(LESSON_AUTOENCODER, 0, 'pytorch-default').weight).toBeCloseTo(1 / Math.sqrt(27), 12);
    expect(initBounds(LESSON_AUTOENCODER, 1, 'pytorch-default').weight).toBeCloseTo(1 / Math.sqrt(576), 12);
    // ConvTranspose2d(32, 3): weight [32, 3, 3, 3], fan_in = size(1)·k² = 27.
    expect(initBounds(LESSON_AUTOENCODER, 3, 'pytorch-default').bias).toBeCloseTo(1 / Math.sqrt(27), 12);
    const p = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(3));
    for (let i = 0; i < 4; i++) {
      const b = initBounds(LESSON_AUTOENCODER, i, 'pytorch-default');
      expect(Math.max(...Array.from(p.params[2 * i]!.data, Math.abs))).toBeLessThanOrEqual(b.weight);
      expect(Math.max(...Array.from(p.params[2 * i + 1]!.data, Math.abs))).toBeLessThanOrEqual(b.bias);
    }
  });

  it('Keras’ glorot-uniform draws within ±√(6/((C_in + C_out)·k²)) and starts every bias at zero', () => {
    expect(initBounds(LESSON_AUTOENCODER, 1, 'glorot-uniform').weight).toBeCloseTo(Math.sqrt(6 / (96 * 9)), 12);
    const p = initParameters(LESSON_AUTOENCODER, 'glorot-uniform', mulberry32(3));
    for (let i = 0; i < 4; i++) {
      const b = initBounds(LESSON_AUTOENCODER, i, 'glorot-uniform').weight;
      const w = p.params[2 * i]!.data;
      expect(Math.max(...Array.from(w, Math.abs))).toBeLessThanOrEqual(b);
      expect(Math.max(...Array.from(w, Math.abs))).toBeGreaterThan(0.9 * b);
      expect(Array.from(p.params[2 * i + 1]!.data).every((v) => v === 0)).toBe(true);
    }
  });
});

describe('weights as JSON', () => {
  it('reads back exactly what it wrote (float32 values, names, shapes, network)', () => {
    const p = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(4));
    const r = parametersFromJson(parametersToJson(p));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spec).toEqual(LESSON_AUTOENCODER);
    expect(r.value.params.map((q) => [q.name, q.shape])).toEqual(p.params.map((q) => [q.name, q.shape]));
    r.value.params.forEach((q, i) => expect(Array.from(q.data)).toEqual(Array.from(p.params[i]!.data)));
  });

  it('says why it refuses a file: not JSON, another format or version, a network out of limits', () => {
    const good = JSON.parse(parametersToJson(initParameters(small, 'pytorch-default', mulberry32(1)))) as Record<
      string,
      unknown
    >;
    expect(codeOf('{"format": ')).toBe('not-json');
    expect(codeOf('[]')).toBe('wrong-format');
    expect(codeOf(JSON.stringify({ ...good, format: 'keras' }))).toBe('wrong-format');
    expect(codeOf(JSON.stringify({ ...good, version: 2 }))).toBe('unsupported-version');
    expect(
      codeOf(
        JSON.stringify({
          ...good,
          network: {
            inChannels: 3,
            layers: [{ kind: 'dense', outChannels: 4, kernel: 3, stride: 2, activation: 'relu' }],
          },
        }),
      ),
    ).toBe('invalid-network');
    expect(codeOf(JSON.stringify({ ...good, network: { inChannels: 3, layers: [] } }))).toBe('invalid-network');
  });

  it('says which parameter is missing, misshapen or not a number', () => {
    const good = JSON.parse(parametersToJson(initParameters(small, 'pytorch-default', mulberry32(1)))) as {
      params: Record<string, { shape: number[]; data: unknown[] }>;
    };
    const variant = (edit: (params: Record<string, { shape: number[]; data: unknown[] }>) => void): string => {
      const copy = structuredClone(good);
      edit(copy.params);
      return JSON.stringify(copy);
    };
    const at = (text: string): unknown => {
      const r = parametersFromJson(text);
      return r.ok ? 'ok' : [r.error.code, r.error.at];
    };
    expect(at(variant((p) => delete p['1.bias']))).toEqual(['missing-parameter', '1.bias']);
    expect(at(variant((p) => (p['0.weight']!.shape = [4, 3, 3, 1])))).toEqual(['shape-mismatch', '0.weight']);
    expect(at(variant((p) => p['2.weight']!.data.pop()))).toEqual(['shape-mismatch', '2.weight']);
    expect(at(variant((p) => (p['3.bias']!.data[0] = 'x')))).toEqual(['not-a-number', '3.bias']);
    expect(at(variant((p) => (p['3.bias']!.data[0] = null)))).toEqual(['not-a-number', '3.bias']);
  });

  it('refuses a file larger than its limit before parsing it', () => {
    expect(codeOf(' '.repeat(64 * 1024 * 1024 + 1))).toBe('too-large');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .record({
              format: fc.constant(WEIGHTS_FORMAT),
              version: fc.constant(1),
              network: fc.jsonValue(),
              params: fc.jsonValue(),
            })
            .map((o) => JSON.stringify(o)),
        ),
        (text) => {
          const r = parametersFromJson(text);
          return r.ok === true || typeof r.error.code === 'string';
        },
      ),
      { numRuns: 300 },
    );
  });
});

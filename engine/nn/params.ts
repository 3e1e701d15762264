/**
 * The network's parameters: one weight and one bias per layer, named
 * `<layer>.weight` and `<layer>.bias`, in PyTorch's layouts (conv and
 * resize-conv [C_out, C_in, k, k], transposed [C_in, C_out, k, k]); seeded
 * initialisation; and a JSON form that reads back through a validating
 * parser that never throws.
 */
import type { FastPrecision, FloatArray } from '../fast';
import { NETWORK_LIMITS, type Activation, type LayerKind, type LayerSpec, type NetworkSpec } from './spec';
import { UPSAMPLE_MODES } from './upsample';

/** One named tensor of parameters. */
export interface Parameter {
  readonly name: string;
  readonly shape: readonly number[];
  /** Row-major values; training updates them in place. */
  readonly data: FloatArray;
}

/** All parameters of one network, in layer order: weight, bias, weight, bias, … */
export interface ParameterSet {
  readonly spec: NetworkSpec;
  readonly params: readonly Parameter[];
}

/**
 * Named initialisations.
 * - 'pytorch-default': what `nn.Conv2d` and `nn.ConvTranspose2d` do on
 *   construction, kaiming_uniform(a = √5) for the weight, i.e. U(−b, b) with
 *   b = gain·√(3/fan_in), gain = √(2/(1 + a²)) = √(1/3), so b = 1/√fan_in; the
 *   bias U(−1/√fan_in, 1/√fan_in). fan_in is the weight's size(1)·k²:
 *   C_in·k² for a convolution, C_out·k² for a transposed one (PyTorch's
 *   `_calculate_fan_in_and_fan_out`).
 * - 'glorot-uniform': Keras' default for Conv2D / Conv2DTranspose, U(−b, b)
 *   with b = √(6/(fan_in + fan_out)), fan_in + fan_out = (C_in + C_out)·k²
 *   (Glorot & Bengio 2010), and zero bias.
 */
export type InitScheme = 'pytorch-default' | 'glorot-uniform';
export const INIT_SCHEMES: readonly InitScheme[] = ['pytorch-default', 'glorot-uniform'];

/** Name and shape of every parameter of a spec, in order. */
export function parameterShapes(spec: NetworkSpec): { readonly name: string; readonly shape: readonly number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  let c = spec.inChannels;
  for (const [i, layer] of spec.layers.entries()) {
    const k = layer.kernel;
    const shape = layer.kind === 'convTranspose' ? [c, layer.outChannels, k, k] : [layer.outChannels, c, k, k];
    out.push({ name: `${i}.weight`, shape }, { name: `${i}.bias`, shape: [layer.outChannels] });
    c = layer.outChannels;
  }
  return out;
}

function allocate(size: number, precision: FastPrecision): FloatArray {
  return precision === 'float32' ? new Float32Array(size) : new Float64Array(size);
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** All zeros (the shape of gradients and optimiser state). */
export function zeroParameters(spec: NetworkSpec, precision: FastPrecision = 'float32'): ParameterSet {
  return {
    spec,
    params: parameterShapes(spec).map(({ name, shape }) => ({ name, shape, data: allocate(sizeOf(shape), precision) })),
  };
}

/** Bounds b of U(−b, b) for layer `i`'s weight and bias under a scheme (see `InitScheme`). */
export function initBounds(
  spec: NetworkSpec,
  layer: number,
  scheme: InitScheme,
): { readonly weight: number; readonly bias: number } {
  const l = spec.layers[layer];
  if (!l) return { weight: 0, bias: 0 };
  const cIn = layer === 0 ? spec.inChannels : spec.layers[layer - 1]!.outChannels;
  const area = l.kernel * l.kernel;
  switch (scheme) {
    case 'pytorch-default': {
      const fanIn = (l.kind === 'convTranspose' ? l.outChannels : cIn) * area;
      const b = 1 / Math.sqrt(fanIn);
      return { weight: b, bias: b };
    }
    case 'glorot-uniform':
      return { weight: Math.sqrt(6 / ((cIn + l.outChannels) * area)), bias: 0 };
  }
}

/**
 * Fresh parameters drawn from `rand` (uniform in [0, 1), e.g. a seeded
 * mulberry32): layer by layer, weight then bias, each row-major, so one
 * seed gives the same network everywhere.
 */
export function initParameters(
  spec: NetworkSpec,
  scheme: InitScheme,
  rand: () => number,
  precision: FastPrecision = 'float32',
): ParameterSet {
  const set = zeroParameters(spec, precision);
  for (let i = 0; i < spec.layers.length; i++) {
    const bounds = initBounds(spec, i, scheme);
    for (const [p, b] of [
      [set.params[2 * i]!, bounds.weight],
      [set.params[2 * i + 1]!, bounds.bias],
    ] as const) {
      if (b === 0) continue;
      for (let j = 0; j < p.data.length; j++) p.data[j] = (2 * rand() - 1) * b;
    }
  }
  return set;
}

/** A copy (of the chosen precision). */
export function cloneParameters(set: ParameterSet, precision: FastPrecision = 'float32'): ParameterSet {
  return {
    spec: set.spec,
    params: set.params.map((p) => {
      const data = allocate(p.data.length, precision);
      data.set(p.data);
      return { name: p.name, shape: p.shape, data };
    }),
  };
}

/** Total number of parameters. */
export function parameterCount(set: ParameterSet): number {
  return set.params.reduce((n, p) => n + p.data.length, 0);
}

export const WEIGHTS_FORMAT = 'convlab-network-weights';
export const WEIGHTS_VERSION = 1;

/** Largest weights file the parser reads (characters) and most parameters it accepts. */
export const WEIGHTS_LIMITS = { maxChars: 64 * 1024 * 1024, maxParams: 4 * 1024 * 1024 } as const;

/**
 * The JSON form: `{ format, version, network, params: { name: { shape, data } } }`.
 * Values are written as float32 (nine significant digits, which read back
 * to the same float32 exactly).
 */
export function parametersToJson(set: ParameterSet): string {
  const params: Record<string, { shape: number[]; data: number[] }> = {};
  for (const p of set.params) {
    params[p.name] = { shape: [...p.shape], data: Array.from(p.data, (v) => Number(Math.fround(v).toPrecision(9))) };
  }
  return JSON.stringify({ format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, network: set.spec, params });
}

/** Why a weights file was refused; the app words it. */
export type WeightsParseErrorCode =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'unsupported-version'
  | 'invalid-network'
  | 'missing-parameter'
  | 'shape-mismatch'
  | 'not-a-number';

export interface WeightsParseError {
  readonly code: WeightsParseErrorCode;
  /** The parameter or field concerned, when there is one. */
  readonly at?: string;
}

export type WeightsParseResult =
  { readonly ok: true; readonly value: ParameterSet } | { readonly ok: false; readonly error: WeightsParseError };

function fail(code: WeightsParseErrorCode, at?: string): WeightsParseResult {
  return { ok: false, error: at === undefined ? { code } : { code, at } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

const KINDS: readonly LayerKind[] = ['conv', 'convTranspose', 'resizeConv'];
const ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'identity'];

/** A spec rebuilt from untrusted data, or null when any field is missing or out of limits. */
export function parseNetworkSpec(v: unknown): NetworkSpec | null {
  if (!isRecord(v) || !Array.isArray(v.layers)) return null;
  if (!isIntIn(v.inChannels, 1, NETWORK_LIMITS.maxChannels)) return null;
  if (v.layers.length < 1 || v.layers.length > NETWORK_LIMITS.maxLayers) return null;
  const layers: LayerSpec[] = [];
  for (const l of v.layers as unknown[]) {
    if (!isRecord(l)) return null;
    const kind = KINDS.find((k) => k === l.kind);
    const activation = ACTIVATIONS.find((a) => a === l.activation);
    if (!kind || !activation) return null;
    if (!isIntIn(l.outChannels, 1, NETWORK_LIMITS.maxChannels)) return null;
    if (!isIntIn(l.kernel, 1, NETWORK_LIMITS.maxKernel) || l.kernel % 2 === 0) return null;
    if (!isIntIn(l.stride, 1, NETWORK_LIMITS.maxStride)) return null;
    const resize = UPSAMPLE_MODES.find((m) => m === l.resize);
    if (l.resize !== undefined && (kind !== 'resizeConv' || !resize)) return null;
    layers.push({
      kind,
      outChannels: l.outChannels,
      kernel: l.kernel,
      stride: l.stride,
      activation,
      ...(resize ? { resize } : {}),
    });
  }
  return { inChannels: v.inChannels, layers };
}

/**
 * Reads `parametersToJson`'s form back. Never throws: a result says what is
 * wrong (too large, not JSON, another format or version, a network out of
 * limits, a parameter missing, of the wrong shape, or holding something
 * other than finite numbers).
 */
export function parametersFromJson(text: string, precision: FastPrecision = 'float32'): WeightsParseResult {
  if (text.length > WEIGHTS_LIMITS.maxChars) return fail('too-large');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  if (!isRecord(doc) || doc.format !== WEIGHTS_FORMAT) return fail('wrong-format');
  if (doc.version !== WEIGHTS_VERSION) return fail('unsupported-version');
  const spec = parseNetworkSpec(doc.network);
  if (!spec) return fail('invalid-network', 'network');
  const expected = parameterShapes(spec);
  if (expected.reduce((n, e) => n + sizeOf(e.shape), 0) > WEIGHTS_LIMITS.maxParams) return fail('too-large');
  if (!isRecord(doc.params)) return fail('missing-parameter', 'params');
  const params: Parameter[] = [];
  for (const { name, shape } of expected) {
    const p = Object.hasOwn(doc.params, name) ? doc.params[name] : undefined;
    if (!isRecord(p)) return fail('missing-parameter', name);
    if (
      !Array.isArray(p.shape) ||
      p.shape.length !== shape.length ||
      shape.some((d, i) => (p.shape as unknown[])[i] !== d)
    ) {
      return fail('shape-mismatch', name);
    }
    const size = sizeOf(shape);
    if (!Array.isArray(p.data) || p.data.length !== size) return fail('shape-mismatch', name);
    const data = allocate(size, precision);
    for (let i = 0; i < size; i++) {
      const v: unknown = p.data[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail('not-a-number', name);
      data[i] = v;
    }
    params.push({ name, shape, data });
  }
  return { ok: true, value: { spec, params } };
}

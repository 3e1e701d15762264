/**
 * A layer stack as one link value, short and readable:
 * layers joined by `.`, each a kind letter and its settings that differ from
 * PyTorch's defaults, a pair written `3` or `3x5` (height × width).
 *
 * | kind        | letter | settings                                                                          |
 * | ----------- | ------ | --------------------------------------------------------------------------------- |
 * | Conv2d      | `c`    | `i` in, `o` out channels, `k` kernel, `s` stride, `p` padding, `d` dilation, `n` no bias |
 * | MaxPool2d   | `m`    | `k`, `s` (default: the kernel), `p`, `d`, `u` ceil_mode                          |
 * | AvgPool2d   | `a`    | `k`, `s` (default: the kernel), `p`, `u` ceil_mode, `x` count_include_pad=False  |
 * | ReLU        | `r`    | none                                                                              |
 * | BatchNorm2d | `b`    | `i` channels                                                                      |
 *
 * `c i3o64k7s2p3n.b i64.r.m k3s2p1` (without the spaces) is the ResNet-50 stem.
 * The input is `C x H x W`, as `3x224x224`. Parsing never throws: a value that
 * does not parse, or breaks a hard limit (`STACK_LIMITS`), gives null. A
 * stack PyTorch would refuse (say, channels that do not chain) is kept: the
 * lesson shows the refusal, as it does for an edit.
 */
import type { Pair } from '../../../engine/convInfo';
import { STACK_LIMITS, type LayerStack, type StackLayer } from '../../../engine/layerStack';

const L = STACK_LIMITS;

function pair(p: Pair): string {
  return p[0] === p[1] ? String(p[0]) : `${p[0]}x${p[1]}`;
}

const same = (a: Pair, b: Pair) => a[0] === b[0] && a[1] === b[1];

export function encodeLayer(layer: StackLayer): string {
  switch (layer.kind) {
    case 'conv': {
      let s = `ci${layer.inChannels}o${layer.outChannels}k${pair(layer.kernel)}`;
      if (!same(layer.stride, [1, 1])) s += `s${pair(layer.stride)}`;
      if (!same(layer.padding, [0, 0])) s += `p${pair(layer.padding)}`;
      if (!same(layer.dilation, [1, 1])) s += `d${pair(layer.dilation)}`;
      if (!layer.bias) s += 'n';
      return s;
    }
    case 'maxpool':
    case 'avgpool': {
      let s = `${layer.kind === 'maxpool' ? 'm' : 'a'}k${pair(layer.kernel)}`;
      if (!same(layer.stride, layer.kernel)) s += `s${pair(layer.stride)}`;
      if (!same(layer.padding, [0, 0])) s += `p${pair(layer.padding)}`;
      if (layer.kind === 'maxpool' && !same(layer.dilation, [1, 1])) s += `d${pair(layer.dilation)}`;
      if (layer.ceilMode) s += 'u';
      if (layer.kind === 'avgpool' && !layer.countIncludePad) s += 'x';
      return s;
    }
    case 'relu':
      return 'r';
    case 'batchnorm':
      return `bi${layer.channels}`;
  }
}

export function encodeLayers(layers: readonly StackLayer[]): string {
  return layers.map(encodeLayer).join('.');
}

export function encodeInput(input: LayerStack['input']): string {
  return `${input.channels}x${input.size[0]}x${input.size[1]}`;
}

const TOKEN = /^([cmarb])((?:[a-z](?:\d{1,4}(?:x\d{1,4})?)?)*)$/;
const FIELD = /([a-z])(\d{1,4}(?:x\d{1,4})?)?/g;

/** One layer's settings by letter: a pair, or true for a flag. */
function fieldsOf(text: string): Map<string, Pair | true> | null {
  const out = new Map<string, Pair | true>();
  for (const m of text.matchAll(FIELD)) {
    const letter = m[1] as string;
    if (out.has(letter)) return null;
    const raw = m[2];
    if (raw === undefined) out.set(letter, true);
    else {
      const [h, w = h] = raw.split('x').map(Number) as [number, number?];
      out.set(letter, [h, w]);
    }
  }
  return out;
}

function decodeLayer(token: string): StackLayer | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const kind = m[1] as string;
  const fields = fieldsOf(m[2] ?? '');
  if (!fields) return null;
  const allowed: Record<string, string> = { c: 'iokspdn', m: 'kspdu', a: 'kspux', r: '', b: 'i' };
  for (const letter of fields.keys()) if (!(allowed[kind] ?? '').includes(letter)) return null;
  const flag = (letter: string): boolean | null => {
    const v = fields.get(letter);
    return v === undefined ? false : v === true ? true : null;
  };
  const pairIn = (letter: string, min: number, max: number, fallback: Pair | null): Pair | null => {
    const v = fields.get(letter);
    if (v === undefined) return fallback;
    if (v === true || v[0] < min || v[0] > max || v[1] < min || v[1] > max) return null;
    return v;
  };
  const intIn = (letter: string, min: number, max: number): number | null => {
    const v = fields.get(letter);
    if (v === undefined || v === true || v[0] !== v[1] || v[0] < min || v[0] > max) return null;
    return v[0];
  };
  switch (kind) {
    case 'c': {
      const inChannels = intIn('i', 1, L.maxChannels);
      const outChannels = intIn('o', 1, L.maxChannels);
      const kernel = pairIn('k', 1, L.maxKernel, null);
      const stride = pairIn('s', 1, L.maxStride, [1, 1]);
      const padding = pairIn('p', 0, L.maxPadding, [0, 0]);
      const dilation = pairIn('d', 1, L.maxDilation, [1, 1]);
      const noBias = flag('n');
      if (inChannels === null || outChannels === null || !kernel || !stride || !padding || !dilation || noBias === null)
        return null;
      return { kind: 'conv', inChannels, outChannels, kernel, stride, padding, dilation, bias: !noBias };
    }
    case 'm':
    case 'a': {
      const kernel = pairIn('k', 1, L.maxKernel, null);
      if (!kernel) return null;
      const stride = pairIn('s', 1, L.maxStride, kernel);
      const padding = pairIn('p', 0, L.maxPadding, [0, 0]);
      const ceilMode = flag('u');
      if (!stride || !padding || ceilMode === null) return null;
      if (kind === 'm') {
        const dilation = pairIn('d', 1, L.maxDilation, [1, 1]);
        return dilation ? { kind: 'maxpool', kernel, stride, padding, dilation, ceilMode } : null;
      }
      const exclude = flag('x');
      return exclude === null
        ? null
        : { kind: 'avgpool', kernel, stride, padding, ceilMode, countIncludePad: !exclude };
    }
    case 'r':
      return { kind: 'relu' };
    case 'b': {
      const channels = intIn('i', 1, L.maxChannels);
      return channels === null ? null : { kind: 'batchnorm', channels };
    }
    default:
      return null;
  }
}

/** The layers of a link value, or null. An empty value is an empty stack. */
export function decodeLayers(raw: string): StackLayer[] | null {
  if (raw === '') return [];
  if (raw.length > 64 * L.maxLayers) return null;
  const tokens = raw.split('.');
  if (tokens.length > L.maxLayers) return null;
  const layers: StackLayer[] = [];
  for (const t of tokens) {
    const layer = decodeLayer(t);
    if (!layer) return null;
    layers.push(layer);
  }
  return layers;
}

/** `C x H x W` within the hard limits, or null. */
export function decodeInput(raw: string): LayerStack['input'] | null {
  const m = /^(\d{1,4})x(\d{1,3})x(\d{1,3})$/.exec(raw);
  if (!m) return null;
  const [c, h, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (c < 1 || c > L.maxChannels || h < 1 || h > L.maxInputSize || w < 1 || w > L.maxInputSize) return null;
  return { channels: c, size: [h, w] };
}

/** Whether two stacks are the same, layer for layer. */
export function sameStack(a: LayerStack, b: LayerStack): boolean {
  return (
    a === b || (encodeInput(a.input) === encodeInput(b.input) && encodeLayers(a.layers) === encodeLayers(b.layers))
  );
}

/**
 * "Open from PyTorch code": reads pasted Python into a layer stack without
 * running it. The source goes through `parsePython` (the subset parser) and
 * the tree is interpreted here, statement by statement:
 *
 * - `import torch`, `import torch.nn as nn`, `from torch import nn` are skipped;
 * - `model = nn.Sequential(...)` (or a bare `nn.Sequential(...)`, possibly nested)
 *   gives the layers; without one, every `nn.<Layer>(...)` statement (alone or
 *   assigned to a name) and every list of them is a layer, in order;
 * - `x = torch.randn(1, C, H, W)` (also `rand`, `zeros`, `ones`) gives the input;
 * - `model.eval()`, `print(...)` are skipped.
 *
 * Layers are `nn.Conv2d`, `nn.MaxPool2d`, `nn.AvgPool2d`, `nn.ReLU` and
 * `nn.BatchNorm2d` with PyTorch's argument names and order. Anything else is
 * refused with a code, the 1-based line and column, and the details a message
 * needs. Channel counts are kept as written: `stackInfo` then refuses a
 * mismatch with its fix, like any other edit. Never throws.
 */
import type { Pair } from '../convInfo';
import {
  STACK_LIMITS,
  type AvgPoolLayer,
  type BatchNormLayer,
  type ConvLayer,
  type LayerStack,
  type MaxPoolLayer,
  type StackLayer,
} from '../layerStack';
import type { CallExpr, Expr, Span, Stmt } from './ast';
import { parsePython, type PythonSyntaxCode } from './parse';

/** Why pasted code was not read as a stack. */
export type StackCodeErrorCode =
  /** The parser refused the text; `details.syntax` holds its own code. */
  | 'python-syntax'
  /** A statement other than the imports, layers, input and calls listed above. */
  | 'unsupported-statement'
  /** A call of something that is not one of the five layers (`details.name`). */
  | 'unknown-module'
  /** A keyword the layer does not take, or takes only at its default (`details.name`, `details.module`). */
  | 'unknown-argument'
  /** More positional arguments than the layer takes. */
  | 'too-many-arguments'
  /** A required argument is missing (`details.name`). */
  | 'missing-argument'
  /** An argument of the wrong kind: `details.expected` is `int`, `pair`, `bool`. */
  | 'invalid-value'
  /** A whole number outside [min, max]. */
  | 'value-out-of-range'
  /** A name used in `nn.Sequential(...)` that no earlier line defined as a layer. */
  | 'unknown-name'
  /** No layer at all. */
  | 'no-layers'
  /** More layers than `STACK_LIMITS.maxLayers`. */
  | 'too-many-layers';

export const STACK_CODE_ERROR_CODES: readonly StackCodeErrorCode[] = [
  'python-syntax',
  'unsupported-statement',
  'unknown-module',
  'unknown-argument',
  'too-many-arguments',
  'missing-argument',
  'invalid-value',
  'value-out-of-range',
  'unknown-name',
  'no-layers',
  'too-many-layers',
];

export interface StackCodeError {
  readonly code: StackCodeErrorCode;
  readonly line: number;
  readonly column: number;
  readonly details: Readonly<Record<string, number | string>>;
}

export type StackCodeResult =
  | {
      readonly ok: true;
      readonly stack: LayerStack;
      /** Whether the code gave the input's shape (`torch.randn(1, C, H, W)`). */
      readonly inputFromCode: boolean;
    }
  | { readonly ok: false; readonly error: StackCodeError };

class Refusal {
  constructor(
    readonly code: StackCodeErrorCode,
    readonly span: Pick<Span, 'line' | 'column'>,
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {}
}

const SKIPPED_IMPORT = /^\s*(?:import\s+torch(?:\.nn)?(?:\s+as\s+nn)?|from\s+torch\s+import\s+nn)\s*(?:#.*)?$/;

type ModuleName = 'Conv2d' | 'MaxPool2d' | 'AvgPool2d' | 'ReLU' | 'BatchNorm2d' | 'Sequential';
const MODULES: readonly ModuleName[] = ['Conv2d', 'MaxPool2d', 'AvgPool2d', 'ReLU', 'BatchNorm2d', 'Sequential'];
const INPUT_MAKERS: readonly string[] = ['randn', 'rand', 'zeros', 'ones'];

/** The dotted name of a callee (`nn.Conv2d`, `torch.nn.ReLU`, `print`), or null. */
function dotted(e: Expr): string | null {
  if (e.kind === 'name') return e.id;
  if (e.kind === 'attribute') {
    const left = dotted(e.object);
    return left === null ? null : `${left}.${e.name}`;
  }
  return null;
}

function moduleOf(call: CallExpr): ModuleName | null {
  const name = dotted(call.callee);
  if (name === null) return null;
  const m = /^(?:torch\.)?nn\.([A-Za-z0-9_]+)$/.exec(name);
  const short = m?.[1];
  return short !== undefined && (MODULES as readonly string[]).includes(short) ? (short as ModuleName) : null;
}

/** A module call's arguments by name, from PyTorch's positional order. */
function bindArguments(call: CallExpr, module: string, order: readonly string[]): Map<string, Expr> {
  const out = new Map<string, Expr>();
  if (call.args.length > order.length) {
    const extra = call.args[order.length] as Expr;
    throw new Refusal('too-many-arguments', extra.span, { module, max: order.length });
  }
  call.args.forEach((a, i) => out.set(order[i] as string, a));
  for (const k of call.keywords) {
    if (!order.includes(k.name) || out.has(k.name))
      throw new Refusal('unknown-argument', k.span, { module, name: k.name });
    out.set(k.name, k.value);
  }
  return out;
}

function intOf(e: Expr, name: string, min: number, max: number): number {
  if (e.kind !== 'number' || !e.integer) throw new Refusal('invalid-value', e.span, { name, expected: 'int' });
  if (e.value < min || e.value > max)
    throw new Refusal('value-out-of-range', e.span, { name, value: e.value, min, max });
  return e.value;
}

/** `3`, `(3, 5)` or `[3, 5]`, each in [min, max]. */
function pairOf(e: Expr, name: string, min: number, max: number): Pair {
  if (e.kind === 'tuple' || e.kind === 'list') {
    const [h, w] = e.elements;
    if (e.elements.length !== 2 || !h || !w) throw new Refusal('invalid-value', e.span, { name, expected: 'pair' });
    return [intOf(h, name, min, max), intOf(w, name, min, max)];
  }
  if (e.kind === 'number') {
    const v = intOf(e, name, min, max);
    return [v, v];
  }
  throw new Refusal('invalid-value', e.span, { name, expected: 'pair' });
}

function boolOf(e: Expr, name: string): boolean {
  if (e.kind !== 'boolean') throw new Refusal('invalid-value', e.span, { name, expected: 'bool' });
  return e.value;
}

/** An argument that only its default value is accepted for (`groups=1`, `padding_mode='zeros'`). */
function onlyDefault(args: Map<string, Expr>, name: string, module: string, accepts: (e: Expr) => boolean): void {
  const e = args.get(name);
  if (e && !accepts(e)) throw new Refusal('unknown-argument', e.span, { module, name });
}

function required(args: Map<string, Expr>, name: string, call: CallExpr): Expr {
  const e = args.get(name);
  if (!e) throw new Refusal('missing-argument', call.span, { name });
  return e;
}

const L = STACK_LIMITS;

/** `padding`: numbers, `'valid'` (0) or `'same'` (stride 1 and an even d·(k−1) per axis). */
function convPadding(e: Expr | undefined, kernel: Pair, dilation: Pair, stride: Pair): Pair {
  if (!e) return [0, 0];
  if (e.kind === 'string') {
    if (e.value === 'valid') return [0, 0];
    const total: Pair = [dilation[0] * (kernel[0] - 1), dilation[1] * (kernel[1] - 1)];
    if (e.value === 'same' && stride[0] === 1 && stride[1] === 1 && total[0] % 2 === 0 && total[1] % 2 === 0) {
      return [total[0] / 2, total[1] / 2];
    }
    throw new Refusal('invalid-value', e.span, { name: 'padding', expected: 'pair' });
  }
  return pairOf(e, 'padding', 0, L.maxPadding);
}

function convLayer(call: CallExpr): ConvLayer {
  const m = 'Conv2d';
  const args = bindArguments(call, m, [
    'in_channels',
    'out_channels',
    'kernel_size',
    'stride',
    'padding',
    'dilation',
    'groups',
    'bias',
    'padding_mode',
  ]);
  onlyDefault(args, 'groups', m, (e) => e.kind === 'number' && e.value === 1);
  onlyDefault(args, 'padding_mode', m, (e) => e.kind === 'string' && e.value === 'zeros');
  const inChannels = intOf(required(args, 'in_channels', call), 'in_channels', 1, L.maxChannels);
  const outChannels = intOf(required(args, 'out_channels', call), 'out_channels', 1, L.maxChannels);
  const kernel = pairOf(required(args, 'kernel_size', call), 'kernel_size', 1, L.maxKernel);
  const s = args.get('stride');
  const stride = s ? pairOf(s, 'stride', 1, L.maxStride) : ([1, 1] as Pair);
  const d = args.get('dilation');
  const dilation = d ? pairOf(d, 'dilation', 1, L.maxDilation) : ([1, 1] as Pair);
  const padding = convPadding(args.get('padding'), kernel, dilation, stride);
  const b = args.get('bias');
  const bias = b ? boolOf(b, 'bias') : true;
  return { kind: 'conv', inChannels, outChannels, kernel, stride, padding, dilation, bias };
}

/** A pool's stride: its kernel when absent or None, as in PyTorch. */
function poolStride(e: Expr | undefined, kernel: Pair): Pair {
  if (!e || e.kind === 'none') return kernel;
  return pairOf(e, 'stride', 1, L.maxStride);
}

function maxPoolLayer(call: CallExpr): MaxPoolLayer {
  const m = 'MaxPool2d';
  const args = bindArguments(call, m, ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode']);
  onlyDefault(args, 'return_indices', m, (e) => e.kind === 'boolean' && !e.value);
  const kernel = pairOf(required(args, 'kernel_size', call), 'kernel_size', 1, L.maxKernel);
  const p = args.get('padding');
  const d = args.get('dilation');
  const c = args.get('ceil_mode');
  return {
    kind: 'maxpool',
    kernel,
    stride: poolStride(args.get('stride'), kernel),
    padding: p ? pairOf(p, 'padding', 0, L.maxPadding) : [0, 0],
    dilation: d ? pairOf(d, 'dilation', 1, L.maxDilation) : [1, 1],
    ceilMode: c ? boolOf(c, 'ceil_mode') : false,
  };
}

function avgPoolLayer(call: CallExpr): AvgPoolLayer {
  const m = 'AvgPool2d';
  const args = bindArguments(call, m, [
    'kernel_size',
    'stride',
    'padding',
    'ceil_mode',
    'count_include_pad',
    'divisor_override',
  ]);
  onlyDefault(args, 'divisor_override', m, (e) => e.kind === 'none');
  const kernel = pairOf(required(args, 'kernel_size', call), 'kernel_size', 1, L.maxKernel);
  const p = args.get('padding');
  const c = args.get('ceil_mode');
  const cip = args.get('count_include_pad');
  return {
    kind: 'avgpool',
    kernel,
    stride: poolStride(args.get('stride'), kernel),
    padding: p ? pairOf(p, 'padding', 0, L.maxPadding) : [0, 0],
    ceilMode: c ? boolOf(c, 'ceil_mode') : false,
    countIncludePad: cip ? boolOf(cip, 'count_include_pad') : true,
  };
}

function batchNormLayer(call: CallExpr): BatchNormLayer {
  const m = 'BatchNorm2d';
  const args = bindArguments(call, m, ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats']);
  // eps and momentum change no size, field or count: any number is read and left out.
  for (const name of ['eps', 'momentum']) onlyDefault(args, name, m, (e) => e.kind === 'number' && e.value >= 0);
  onlyDefault(args, 'affine', m, (e) => e.kind === 'boolean' && e.value);
  onlyDefault(args, 'track_running_stats', m, (e) => e.kind === 'boolean' && e.value);
  return { kind: 'batchnorm', channels: intOf(required(args, 'num_features', call), 'num_features', 1, L.maxChannels) };
}

class Interpreter {
  /** Layers bound to names (`conv1 = nn.Conv2d(...)`), for `nn.Sequential(conv1, ...)`. */
  private readonly named = new Map<string, StackLayer[]>();
  private loose: StackLayer[] = [];
  private sequential: StackLayer[] | null = null;
  input: { channels: number; size: Pair } | null = null;

  /** The layers an expression stands for, or null when it is not a layer expression. */
  layersOf(e: Expr): StackLayer[] | null {
    if (e.kind === 'list') return e.elements.flatMap((x) => this.layerOrRefuse(x));
    if (e.kind !== 'call') return null;
    const module = moduleOf(e);
    if (module === null) {
      const name = dotted(e.callee);
      if (name !== null && /^(?:torch\.)?nn\./.test(name)) {
        throw new Refusal('unknown-module', e.span, { name: name.replace(/^torch\./, '') });
      }
      return null;
    }
    switch (module) {
      case 'Sequential':
        if (e.keywords[0])
          throw new Refusal('unknown-argument', e.keywords[0].span, { module, name: e.keywords[0].name });
        return e.args.flatMap((x) => this.layerOrRefuse(x));
      case 'Conv2d':
        return [convLayer(e)];
      case 'MaxPool2d':
        return [maxPoolLayer(e)];
      case 'AvgPool2d':
        return [avgPoolLayer(e)];
      case 'ReLU': {
        const args = bindArguments(e, module, ['inplace']);
        const inplace = args.get('inplace');
        if (inplace) boolOf(inplace, 'inplace');
        return [{ kind: 'relu' }];
      }
      case 'BatchNorm2d':
        return [batchNormLayer(e)];
    }
  }

  private layerOrRefuse(e: Expr): StackLayer[] {
    if (e.kind === 'name') {
      const bound = this.named.get(e.id);
      if (!bound) throw new Refusal('unknown-name', e.span, { name: e.id });
      return bound;
    }
    const layers = this.layersOf(e);
    if (layers !== null) return layers;
    const name = e.kind === 'call' ? dotted(e.callee) : null;
    throw new Refusal('unknown-module', e.span, { name: name ?? e.kind });
  }

  private isSequential(e: Expr): boolean {
    return e.kind === 'call' && moduleOf(e) === 'Sequential';
  }

  /** `torch.randn(1, C, H, W)` and its kin, or null. */
  private inputOf(e: Expr): { channels: number; size: Pair } | null {
    if (e.kind !== 'call') return null;
    const name = dotted(e.callee);
    const m = name === null ? null : /^torch\.([a-z]+)$/.exec(name);
    if (!m || !INPUT_MAKERS.includes(m[1] ?? '')) return null;
    if (e.keywords[0])
      throw new Refusal('unknown-argument', e.keywords[0].span, { module: name ?? '', name: e.keywords[0].name });
    const dims =
      e.args.length === 1 && (e.args[0]?.kind === 'tuple' || e.args[0]?.kind === 'list') ? e.args[0].elements : e.args;
    if (dims.length !== 4) throw new Refusal('invalid-value', e.span, { name: 'input', expected: 'shape' });
    const [n, c, h, w] = dims as [Expr, Expr, Expr, Expr];
    intOf(n, 'batch', 1, 64);
    return {
      channels: intOf(c, 'channels', 1, L.maxChannels),
      size: [intOf(h, 'height', 1, L.maxInputSize), intOf(w, 'width', 1, L.maxInputSize)],
    };
  }

  /** Calls that do not change the stack: `model.eval()`, `print(...)`. */
  private isSkippedCall(e: Expr): boolean {
    if (e.kind !== 'call') return false;
    const name = dotted(e.callee);
    return name === 'print' || (name !== null && /^[A-Za-z_][A-Za-z0-9_]*\.eval$/.test(name) && e.args.length === 0);
  }

  statement(s: Stmt): void {
    switch (s.kind) {
      case 'assign': {
        if (s.target.kind !== 'name') break;
        const input = this.inputOf(s.value);
        if (input) {
          this.input = input;
          return;
        }
        const layers = this.layersOf(s.value);
        if (layers === null) break;
        this.named.set(s.target.id, layers);
        if (this.isSequential(s.value)) this.sequential = layers;
        else this.loose.push(...layers);
        return;
      }
      case 'expr': {
        if (this.isSkippedCall(s.value)) return;
        const layers = this.layersOf(s.value);
        if (layers === null) break;
        if (this.isSequential(s.value)) this.sequential = layers;
        else this.loose.push(...layers);
        return;
      }
      case 'augAssign':
      case 'with':
        break;
    }
    throw new Refusal('unsupported-statement', s.span);
  }

  layers(): StackLayer[] {
    return this.sequential ?? this.loose;
  }
}

/** The input a stack gets when the code gives none: channels from the first layer that names them. */
function inputFor(layers: readonly StackLayer[], fallback: LayerStack['input']): LayerStack['input'] {
  for (const l of layers) {
    if (l.kind === 'conv') return { channels: l.inChannels, size: fallback.size };
    if (l.kind === 'batchnorm') return { channels: l.channels, size: fallback.size };
  }
  return fallback;
}

/**
 * Reads `source` into a stack (see the module comment for what it accepts).
 * `fallbackInput` is the input used when the code does not make one.
 */
export function stackFromPyTorch(source: string, fallbackInput: LayerStack['input']): StackCodeResult {
  // The skipped imports become blank lines, so every line keeps its number.
  const cleaned = source
    .split('\n')
    .map((line) => (SKIPPED_IMPORT.test(line) ? '' : line))
    .join('\n');
  const parsed = parsePython(cleaned);
  if (!parsed.ok) {
    const e = parsed.error;
    const syntax: PythonSyntaxCode = e.code;
    return {
      ok: false,
      error: { code: 'python-syntax', line: e.line, column: e.column, details: { ...e.details, syntax } },
    };
  }
  const interpreter = new Interpreter();
  try {
    for (const s of parsed.module.body) interpreter.statement(s);
  } catch (e) {
    if (e instanceof Refusal)
      return { ok: false, error: { code: e.code, line: e.span.line, column: e.span.column, details: e.details } };
    return { ok: false, error: { code: 'unsupported-statement', line: 1, column: 1, details: {} } };
  }
  const layers = interpreter.layers();
  if (layers.length === 0) return { ok: false, error: { code: 'no-layers', line: 1, column: 1, details: {} } };
  if (layers.length > L.maxLayers) {
    return {
      ok: false,
      error: { code: 'too-many-layers', line: 1, column: 1, details: { layers: layers.length, max: L.maxLayers } },
    };
  }
  const input = interpreter.input ?? inputFor(layers, fallbackInput);
  return { ok: true, stack: { input, layers }, inputFromCode: interpreter.input !== null };
}

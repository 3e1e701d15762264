/**
 * Runs a program of the tensors lesson's PyTorch subset (the statements are
 * listed in `tests/fixtures/pytorch/README.md`, "Statements in autograd
 * programs") on the autograd runtime, line by line, and returns what a view
 * draws after each line: every tensor (names, shape, values, flags, `.grad`,
 * storage), every backward node with its edges, and for a `backward()` line
 * the gradient that flowed along each edge.
 *
 * ```ts
 * const run = runProgram('a = torch.tensor(2.0, requires_grad=True)\ny = a * a\ny.backward()');
 * run.steps[2].backward?.flows; // gradients edge by edge
 * run.state.names;              // { a: tensor id, y: tensor id }
 * ```
 *
 * It never throws. A refusal carries its stage: `limit` (more than 40 lines),
 * `syntax` (the Python parser's codes), `subset` (valid Python the console
 * does not run: an unknown function, method or keyword) — these are found
 * before anything runs — or `runtime` (PyTorch's own errors, as
 * `AutogradErrorCode`s, and the subset's argument checks), found when the
 * line runs; the steps before it are kept.
 */
import { AutogradError, isAutogradError, type AutogradErrorCode, type ProblemDetails } from '../errors';
import type { AttributeExpr, CallExpr, Expr, Span, Stmt } from '../python/ast';
import { parsePython, type PythonSyntaxCode } from '../python/parse';
import { Runtime, numel, values, type BackwardTrace, type Grad, type NodeInput, type RTensor } from './runtime';

/** Lines a program may have. */
export const MAX_PROGRAM_LINES = 40;

/** Valid Python that the console does not run. */
export type SubsetCode =
  | 'unknown-function'
  | 'unknown-method'
  | 'unknown-attribute'
  | 'unknown-keyword'
  | 'unsupported-with'
  | 'unsupported-assignment'
  | 'unsupported-operator'
  | 'unsupported-statement'
  | 'unsupported-operands'
  | 'reserved-name'
  | 'bad-argument'
  | 'integer-tensor'
  | 'batched-matmul'
  | 'ragged-data'
  | 'not-a-tensor';

export const SUBSET_CODES: readonly SubsetCode[] = [
  'unknown-function',
  'unknown-method',
  'unknown-attribute',
  'unknown-keyword',
  'unsupported-with',
  'unsupported-assignment',
  'unsupported-operator',
  'unsupported-statement',
  'unsupported-operands',
  'reserved-name',
  'bad-argument',
  'integer-tensor',
  'batched-matmul',
  'ragged-data',
  'not-a-tensor',
];

export type ProgramError =
  | {
      readonly stage: 'limit';
      readonly code: 'program-too-long';
      readonly line: number;
      readonly column: number;
      readonly details: ProblemDetails;
    }
  | {
      readonly stage: 'syntax';
      readonly code: PythonSyntaxCode;
      readonly line: number;
      readonly column: number;
      readonly details: ProblemDetails;
    }
  | {
      readonly stage: 'subset';
      readonly code: SubsetCode;
      readonly line: number;
      readonly column: number;
      readonly details: ProblemDetails;
    }
  | {
      readonly stage: 'runtime';
      readonly code: AutogradErrorCode | SubsetCode;
      readonly line: number;
      readonly column: number;
      readonly details: ProblemDetails;
    };

/** A tensor as a view draws it. `data` and `grad.data` are row-major. */
export interface TensorInfo {
  readonly id: number;
  /** 1-based line that made it. */
  readonly line: number;
  /** Names bound to this very tensor (`c = a` binds two names to one tensor). */
  readonly names: readonly string[];
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly requiresGrad: boolean;
  readonly isLeaf: boolean;
  /** The op node that made it (its `grad_fn`), null for a leaf. */
  readonly gradFn: number | null;
  /** `.grad`: null where PyTorch's is None. */
  readonly grad: {
    readonly tensor: number;
    readonly shape: readonly number[];
    readonly data: readonly number[];
  } | null;
  /** Tensors that share a storage have the same `storage` (an in-place change shows in all of them). */
  readonly storage: number;
  /** In-place writes to the storage so far (PyTorch's `_version`). */
  readonly version: number;
  /** The tensor this one is a view of, or was detached from. */
  readonly base: number | null;
  readonly detached: boolean;
}

/** A backward node: where each input's gradient goes (`next[i]`, null where it stops). */
export interface OpInfo {
  readonly id: number;
  readonly name: string;
  readonly line: number;
  readonly inputs: readonly NodeInput[];
  readonly next: readonly (number | null)[];
  /** For `AccumulateGrad`: the leaf whose `.grad` it fills. */
  readonly leaf: number | null;
  /** True when a backward without retain_graph freed its saved tensors. */
  readonly freed: boolean;
  readonly saves: boolean;
}

/** Everything after one line. */
export interface ProgramState {
  readonly names: Readonly<Record<string, number | null>>;
  readonly tensors: readonly TensorInfo[];
  readonly ops: readonly OpInfo[];
  /** Groups of two or more names whose tensors share a storage, in the order names were first bound. */
  readonly sharing: readonly (readonly string[])[];
  readonly gradEnabled: boolean;
}

export interface ProgramStep {
  /** 1-based line. */
  readonly line: number;
  readonly state: ProgramState;
  /** Set on a line that ran `backward()`. */
  readonly backward: BackwardTrace | null;
}

export interface ProgramRun {
  readonly ok: boolean;
  readonly steps: readonly ProgramStep[];
  /** The state after the last line that ran (before the failing one). */
  readonly state: ProgramState;
  readonly error: ProgramError | null;
}

// ---- what the subset accepts ---------------------------------------------

const TORCH_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  tensor: ['requires_grad'],
  zeros: ['requires_grad'],
  ones: ['requires_grad'],
  arange: ['requires_grad'],
  ones_like: [],
  zeros_like: [],
  sigmoid: [],
  exp: [],
  relu: [],
  matmul: [],
};

const METHODS: Readonly<Record<string, readonly string[]>> = {
  sum: ['dim'],
  mean: ['dim'],
  relu: [],
  exp: [],
  sigmoid: [],
  detach: [],
  t: [],
  squeeze: ['dim'],
  unsqueeze: ['dim'],
  reshape: [],
  view: [],
  matmul: [],
  add_: [],
  sub_: [],
  mul_: [],
  div_: [],
  zero_: [],
  requires_grad_: ['requires_grad'],
  backward: ['gradient', 'retain_graph'],
};

class SubsetRefusal {
  constructor(
    readonly code: SubsetCode,
    readonly span: Span,
    readonly details: ProblemDetails = {},
  ) {}
}

function isTorch(e: Expr): boolean {
  return e.kind === 'name' && e.id === 'torch';
}

function isNoGrad(e: Expr): boolean {
  return (
    e.kind === 'call' &&
    e.args.length === 0 &&
    e.keywords.length === 0 &&
    e.callee.kind === 'attribute' &&
    e.callee.name === 'no_grad' &&
    isTorch(e.callee.object)
  );
}

function isGradOfName(e: Expr): e is AttributeExpr {
  return e.kind === 'attribute' && e.name === 'grad' && e.object.kind === 'name' && e.object.id !== 'torch';
}

/** Checks, before anything runs, that every statement and call is in the subset. */
function checkStatement(s: Stmt): void {
  switch (s.kind) {
    case 'with':
      if (!isNoGrad(s.context)) throw new SubsetRefusal('unsupported-with', s.context.span);
      s.body.forEach(checkStatement);
      return;
    case 'assign':
      if (s.target.kind === 'name') {
        if (s.target.id === 'torch') throw new SubsetRefusal('reserved-name', s.target.span, { name: 'torch' });
        checkExpr(s.value);
        return;
      }
      if (!isGradOfName(s.target) || s.value.kind !== 'none') {
        throw new SubsetRefusal('unsupported-assignment', s.target.span);
      }
      return;
    case 'augAssign':
      if (s.target.kind !== 'name' || s.target.id === 'torch')
        throw new SubsetRefusal('unsupported-assignment', s.target.span);
      if (s.op === '@=') throw new SubsetRefusal('unsupported-operator', s.span, { operator: s.op });
      checkExpr(s.value);
      return;
    case 'expr':
      if (s.value.kind !== 'call') throw new SubsetRefusal('unsupported-statement', s.span);
      checkExpr(s.value);
      return;
  }
}

function checkExpr(e: Expr): void {
  switch (e.kind) {
    case 'name':
      if (e.id === 'torch') throw new SubsetRefusal('unsupported-operands', e.span, { name: 'torch' });
      return;
    case 'number':
    case 'boolean':
    case 'none':
      return;
    case 'string':
      throw new SubsetRefusal('unsupported-operands', e.span, { kind: 'string' });
    case 'list':
    case 'tuple':
      e.elements.forEach(checkExpr);
      return;
    case 'unary':
      checkExpr(e.operand);
      return;
    case 'binary':
      if (e.op === '//' || e.op === '%') throw new SubsetRefusal('unsupported-operator', e.span, { operator: e.op });
      checkExpr(e.left);
      checkExpr(e.right);
      return;
    case 'attribute':
      if (e.name !== 'grad') throw new SubsetRefusal('unknown-attribute', e.nameSpan, { name: e.name });
      checkExpr(e.object);
      return;
    case 'call':
      checkCall(e);
      return;
  }
}

function checkCall(e: CallExpr): void {
  const callee = e.callee;
  if (callee.kind !== 'attribute') {
    throw new SubsetRefusal('unknown-function', callee.span, { name: callee.kind === 'name' ? callee.id : '' });
  }
  let allowed: readonly string[] | undefined;
  if (isTorch(callee.object)) {
    allowed = TORCH_FUNCTIONS[callee.name];
    if (!allowed) throw new SubsetRefusal('unknown-function', callee.nameSpan, { name: `torch.${callee.name}` });
  } else {
    allowed = METHODS[callee.name];
    if (!allowed) throw new SubsetRefusal('unknown-method', callee.nameSpan, { name: callee.name });
    checkExpr(callee.object);
  }
  for (const k of e.keywords) {
    if (!allowed.includes(k.name))
      throw new SubsetRefusal('unknown-keyword', k.span, { name: k.name, function: callee.name });
    checkExpr(k.value);
  }
  e.args.forEach(checkExpr);
}

// ---- running ---------------------------------------------------------------

type Value =
  | { readonly kind: 'tensor'; readonly t: RTensor }
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'seq'; readonly items: readonly Value[] };

const NONE: Value = { kind: 'none' };

/** A runtime refusal that is about the program (an argument), not PyTorch. */
class ArgumentRefusal {
  constructor(
    readonly code: SubsetCode,
    readonly span: Span,
    readonly details: ProblemDetails = {},
  ) {}
}

class Interpreter {
  readonly rt = new Runtime();
  readonly names = new Map<string, RTensor | null>();
  lastBackward: BackwardTrace | null = null;

  run(s: Stmt): void {
    switch (s.kind) {
      case 'with': {
        const before = this.rt.gradEnabled;
        this.rt.gradEnabled = false;
        try {
          for (const b of s.body) this.onLine(b);
        } finally {
          this.rt.gradEnabled = before;
        }
        return;
      }
      case 'assign': {
        if (s.target.kind === 'attribute') {
          this.tensorOf(this.eval(s.target.object), s.target.object.span, 'grad').grad = null;
          return;
        }
        const v = this.eval(s.value);
        if (v.kind !== 'tensor' && v.kind !== 'none') throw new ArgumentRefusal('not-a-tensor', s.value.span);
        this.names.set(s.target.id, v.kind === 'tensor' ? v.t : null);
        return;
      }
      case 'augAssign': {
        const target = this.eval(s.target);
        const t = this.tensorOf(target, s.target.span, s.op);
        const y = this.operand(this.eval(s.value), s.value.span);
        const op = ({ '+=': 'add', '-=': 'sub', '*=': 'mul', '/=': 'div' } as const)[s.op as '+=' | '-=' | '*=' | '/='];
        this.rt.inplace(op, t, y);
        return;
      }
      case 'expr':
        this.eval(s.value);
        return;
    }
  }

  /** Hook for one line: `with` bodies run each of their lines through it. */
  onLine: (s: Stmt) => void = (s) => this.run(s);

  tensorOf(v: Value, span: Span, attribute: string): RTensor {
    if (v.kind === 'tensor') return v.t;
    if (v.kind === 'none') throw new AutogradError('grad-is-none', { attribute });
    throw new ArgumentRefusal('not-a-tensor', span);
  }

  operand(v: Value, span: Span): RTensor | number {
    if (v.kind === 'tensor') return v.t;
    if (v.kind === 'number') return v.value;
    throw new ArgumentRefusal('unsupported-operands', span, { kind: v.kind });
  }

  eval(e: Expr): Value {
    switch (e.kind) {
      case 'name': {
        if (!this.names.has(e.id)) throw new AutogradError('name-not-defined', { name: e.id });
        const t = this.names.get(e.id);
        return t ? { kind: 'tensor', t } : NONE;
      }
      case 'number':
        return { kind: 'number', value: e.value, integer: e.integer };
      case 'boolean':
        return { kind: 'bool', value: e.value };
      case 'none':
        return NONE;
      case 'string':
        throw new ArgumentRefusal('unsupported-operands', e.span);
      case 'list':
      case 'tuple':
        return { kind: 'seq', items: e.elements.map((x) => this.eval(x)) };
      case 'unary': {
        const v = this.eval(e.operand);
        if (v.kind === 'number') return e.op === '-' ? { ...v, value: -v.value } : v;
        const t = this.tensorOf(v, e.operand.span, e.op);
        return e.op === '-' ? { kind: 'tensor', t: this.rt.neg(t) } : v;
      }
      case 'binary':
        return this.binary(e.op, this.eval(e.left), this.eval(e.right), e.span);
      case 'attribute': {
        const t = this.tensorOf(this.eval(e.object), e.object.span, e.name);
        return t.grad ? { kind: 'tensor', t: t.grad } : NONE;
      }
      case 'call':
        return this.call(e);
    }
  }

  binary(op: string, l: Value, r: Value, span: Span): Value {
    if (l.kind === 'number' && r.kind === 'number') {
      const value = NUMBER_OPS[op]?.(l.value, r.value);
      if (value === undefined || !Number.isFinite(value))
        throw new ArgumentRefusal('unsupported-operands', span, { operator: op });
      return { kind: 'number', value, integer: l.integer && r.integer && op !== '/' };
    }
    const x = this.operand(l, span);
    const y = this.operand(r, span);
    const rt = this.rt;
    const tensor = (t: RTensor): Value => ({ kind: 'tensor', t });
    if (typeof x !== 'number' && typeof y !== 'number') {
      if (op === '@') return tensor(this.matmul(x, y, span));
      if (op === '**') throw new ArgumentRefusal('unsupported-operands', span, { operator: op });
      return tensor(rt.binary(ARITH[op] ?? 'add', x, y));
    }
    if (typeof x !== 'number' && typeof y === 'number') {
      if (op === '@') throw new ArgumentRefusal('unsupported-operands', span, { operator: op });
      if (op === '**') return tensor(rt.pow(x, y));
      return tensor(rt.binary(ARITH[op] ?? 'add', x, y));
    }
    if (typeof x === 'number' && typeof y !== 'number') {
      // Python calls the tensor's reflected operator: __radd__, __rsub__, __rmul__, __rtruediv__.
      switch (op) {
        case '+':
          return tensor(rt.binary('add', y, x));
        case '*':
          return tensor(rt.binary('mul', y, x));
        case '-':
          return tensor(rt.binary('rsub', y, x));
        case '/':
          return tensor(rt.binary('mul', rt.unary('reciprocal', y), x));
      }
    }
    throw new ArgumentRefusal('unsupported-operands', span, { operator: op });
  }

  /** `@` and `torch.matmul` on vectors and matrices; batched products (3 or more dims) are outside the subset. */
  matmul(x: RTensor, y: RTensor, span: Span): RTensor {
    const ranks = [x.shape.length, y.shape.length];
    if (!ranks.includes(0) && ranks.some((r) => r > 2)) {
      throw new ArgumentRefusal('batched-matmul', span, { left: x.shape.length, right: y.shape.length });
    }
    return this.rt.matmul(x, y);
  }

  int(v: Value | undefined, span: Span): number {
    if (v?.kind === 'number' && v.integer) return v.value;
    throw new ArgumentRefusal('bad-argument', span, { expected: 'integer' });
  }

  bool(v: Value | undefined, span: Span): boolean {
    if (v?.kind === 'bool') return v.value;
    throw new ArgumentRefusal('bad-argument', span, { expected: 'boolean' });
  }

  /** Sizes written `f(2, 3)` or `f((2, 3))`. */
  sizes(args: readonly Value[], span: Span): number[] {
    const only = args[0];
    const list = args.length === 1 && only?.kind === 'seq' ? only.items : args;
    return list.map((v) => this.int(v, span));
  }

  call(e: CallExpr): Value {
    const callee = e.callee as AttributeExpr;
    // Python looks the method up on its object before it evaluates the arguments.
    const method = isTorch(callee.object)
      ? null
      : this.tensorOf(this.eval(callee.object), callee.object.span, callee.name);
    const args = e.args.map((a) => this.eval(a));
    const kw = new Map(e.keywords.map((k) => [k.name, this.eval(k.value)] as const));
    const span = e.span;
    const rt = this.rt;
    const tensor = (t: RTensor): Value => ({ kind: 'tensor', t });
    const arity = (min: number, max: number) => {
      if (args.length < min || args.length > max)
        throw new ArgumentRefusal('bad-argument', span, { name: callee.name, count: args.length });
    };
    const argTensor = (i: number) => this.tensorOf(args[i] ?? NONE, e.args[i]?.span ?? span, callee.name);
    const withGradFlag = (t: RTensor): Value => {
      const rg = kw.get('requires_grad');
      if (rg !== undefined) t.requiresGradFlag = this.bool(rg, span);
      return tensor(t);
    };
    if (isTorch(callee.object)) {
      switch (callee.name) {
        case 'tensor': {
          arity(1, 1);
          return withGradFlag(this.literal(args[0] as Value, e.args[0]?.span ?? span));
        }
        case 'zeros':
        case 'ones': {
          const shape = this.sizes(args, span);
          if (shape.some((s) => s < 1)) throw new ArgumentRefusal('bad-argument', span, { expected: 'positive sizes' });
          return withGradFlag(rt.full(shape, callee.name === 'ones' ? 1 : 0));
        }
        case 'arange': {
          arity(1, 3);
          const nums = args.map((a) => {
            if (a.kind !== 'number') throw new ArgumentRefusal('bad-argument', span, { expected: 'number' });
            return a;
          });
          if (nums.every((n) => n.integer)) throw new ArgumentRefusal('integer-tensor', span);
          const [start, end, step] =
            nums.length === 1
              ? [0, nums[0]?.value ?? 0, 1]
              : [nums[0]?.value ?? 0, nums[1]?.value ?? 0, nums[2]?.value ?? 1];
          if (step === 0 || (end - start) / step > 1024)
            throw new ArgumentRefusal('bad-argument', span, { expected: 'step' });
          const data: number[] = [];
          const inRange = (v: number) => (step > 0 ? v < end : v > end);
          for (let i = 0; inRange(start + i * step); i++) data.push(start + i * step);
          if (data.length === 0) throw new ArgumentRefusal('bad-argument', span, { expected: 'non-empty range' });
          return withGradFlag(rt.fromData([data.length], data));
        }
        case 'ones_like':
        case 'zeros_like': {
          arity(1, 1);
          return tensor(rt.fullLike(argTensor(0), callee.name === 'ones_like' ? 1 : 0));
        }
        case 'sigmoid':
        case 'exp':
        case 'relu':
          arity(1, 1);
          return tensor(rt.unary(callee.name, argTensor(0)));
        case 'matmul':
          arity(2, 2);
          return tensor(this.matmul(argTensor(0), argTensor(1), span));
      }
      throw new ArgumentRefusal('bad-argument', span);
    }
    const self = method as RTensor;
    const dimArg = (): number | null => {
      const d = kw.get('dim') ?? args[0];
      return d === undefined ? null : this.int(d, span);
    };
    switch (callee.name) {
      case 'sum':
      case 'mean':
        arity(0, kw.has('dim') ? 0 : 1);
        return tensor(rt.reduce(callee.name, self, dimArg()));
      case 'relu':
      case 'exp':
      case 'sigmoid':
        arity(0, 0);
        return tensor(rt.unary(callee.name, self));
      case 'detach':
        arity(0, 0);
        return tensor(rt.detach(self));
      case 't':
        arity(0, 0);
        return tensor(rt.t(self));
      case 'squeeze':
        arity(0, kw.has('dim') ? 0 : 1);
        return tensor(rt.squeeze(self, dimArg()));
      case 'unsqueeze': {
        arity(0, kw.has('dim') ? 0 : 1);
        const d = dimArg();
        if (d === null) throw new ArgumentRefusal('bad-argument', span, { name: 'unsqueeze' });
        return tensor(rt.unsqueeze(self, d));
      }
      case 'reshape':
      case 'view':
        arity(1, MAX_DIMS_ARGS);
        return tensor(
          callee.name === 'view' ? rt.view(self, this.sizes(args, span)) : rt.reshape(self, this.sizes(args, span)),
        );
      case 'matmul':
        arity(1, 1);
        return tensor(this.matmul(self, argTensor(0), span));
      case 'add_':
      case 'sub_':
      case 'mul_':
      case 'div_': {
        arity(1, 1);
        const op = ({ add_: 'add', sub_: 'sub', mul_: 'mul', div_: 'div' } as const)[callee.name];
        rt.inplace(op, self, this.operand(args[0] as Value, e.args[0]?.span ?? span));
        return tensor(self);
      }
      case 'zero_':
        arity(0, 0);
        rt.inplace('zero', self, null);
        return tensor(self);
      case 'requires_grad_': {
        arity(0, 1);
        const flag = args[0] ?? kw.get('requires_grad');
        if (flag !== undefined && !this.bool(flag, span))
          throw new ArgumentRefusal('bad-argument', span, { name: 'requires_grad_' });
        if (rt.isLeaf(self)) self.requiresGradFlag = true;
        return tensor(self);
      }
      case 'backward': {
        arity(0, 2);
        const g = kw.get('gradient') ?? args[0];
        const retain = kw.get('retain_graph') ?? args[1];
        const gradient = g === undefined || g.kind === 'none' ? null : this.tensorOf(g, span, 'backward');
        const keep = retain === undefined || retain.kind === 'none' ? false : this.bool(retain, span);
        this.lastBackward = rt.backward(self, gradient, keep);
        return NONE;
      }
    }
    throw new ArgumentRefusal('bad-argument', span);
  }

  /** `torch.tensor(data)`: a number or rectangular nested lists of numbers. */
  literal(v: Value, span: Span): RTensor {
    const flat: number[] = [];
    let anyFloat = false;
    const shapeOf = (x: Value, depth: number): number[] => {
      if (depth > 4) throw new AutogradError('tensor-too-many-dims', { dims: depth, max: 4 });
      if (x.kind === 'number') {
        flat.push(x.value);
        if (!x.integer) anyFloat = true;
        return [];
      }
      if (x.kind !== 'seq' || x.items.length === 0) throw new ArgumentRefusal('ragged-data', span);
      const shapes = x.items.map((i) => shapeOf(i, depth + 1));
      const first = (shapes[0] ?? []).join(',');
      if (shapes.some((s) => s.join(',') !== first)) throw new ArgumentRefusal('ragged-data', span);
      return [x.items.length, ...(shapes[0] ?? [])];
    };
    const shape = shapeOf(v, 0);
    if (!anyFloat) throw new ArgumentRefusal('integer-tensor', span);
    return this.rt.fromData(shape, flat);
  }
}

const MAX_DIMS_ARGS = 4;

const ARITH: Readonly<Record<string, 'add' | 'sub' | 'mul' | 'div'>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
};

const NUMBER_OPS: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '**': (a, b) => a ** b,
};

function gradInfo(t: RTensor): TensorInfo['grad'] {
  return t.grad ? { tensor: t.grad.id, shape: [...t.grad.shape], data: Array.from(values(t.grad)) } : null;
}

/**
 * `is_leaf` without refusing: PyTorch refuses to read the history of a view
 * made under no_grad once its storage changed, but the picture still shows it
 * (as the leaf it was made as).
 */
function isLeafForDisplay(rt: Runtime, t: RTensor): boolean {
  try {
    return rt.isLeaf(t);
  } catch {
    return t.gradFn === null;
  }
}

/** An immutable picture of the runtime and the names. */
function snapshot(it: Interpreter): ProgramState {
  const rt = it.rt;
  const namesOf = new Map<RTensor, string[]>();
  const names: Record<string, number | null> = {};
  for (const [name, t] of it.names) {
    names[name] = t ? t.id : null;
    if (t) namesOf.set(t, [...(namesOf.get(t) ?? []), name]);
  }
  const tensors: TensorInfo[] = rt.tensors.map((t) => ({
    id: t.id,
    line: t.line,
    names: namesOf.get(t) ?? [],
    shape: [...t.shape],
    data: Array.from(values(t)),
    requiresGrad: rt.requiresGrad(t),
    isLeaf: isLeafForDisplay(rt, t),
    gradFn: t.gradFn ? t.gradFn.id : null,
    grad: gradInfo(t),
    storage: t.storage.id,
    version: t.storage.version,
    base: t.view ? t.view.base.id : t.detachedFrom ? t.detachedFrom.id : null,
    detached: t.detachedFrom !== null,
  }));
  const ops: OpInfo[] = rt.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    line: n.line,
    inputs: n.inputs,
    next: n.next.map((e) => (e ? e.node.id : null)),
    leaf: n.leaf ? n.leaf.id : null,
    freed: n.freed,
    saves: n.savedCount > 0,
  }));
  const byStorage = new Map<number, string[]>();
  for (const [name, t] of it.names) if (t) byStorage.set(t.storage.id, [...(byStorage.get(t.storage.id) ?? []), name]);
  const sharing = [...byStorage.values()].filter((g) => g.length > 1);
  return { names, tensors, ops, sharing, gradEnabled: rt.gradEnabled };
}

function lineCount(source: string): number {
  if (source === '') return 0;
  return (source.endsWith('\n') ? source.slice(0, -1) : source).split('\n').length;
}

/**
 * Runs `source` (lines of the subset, or an array of lines) and returns the
 * state after every line, the backward traces, and the first refusal. Never
 * throws.
 */
export function runProgram(source: string | readonly string[]): ProgramRun {
  const text = typeof source === 'string' ? source : source.join('\n');
  const it = new Interpreter();
  const steps: ProgramStep[] = [];
  const fail = (error: ProgramError): ProgramRun => ({ ok: false, steps, state: snapshot(it), error });
  const lines = lineCount(text);
  if (lines > MAX_PROGRAM_LINES) {
    return fail({
      stage: 'limit',
      code: 'program-too-long',
      line: MAX_PROGRAM_LINES + 1,
      column: 1,
      details: { lines, max: MAX_PROGRAM_LINES },
    });
  }
  const parsed = parsePython(text);
  if (!parsed.ok) return fail({ stage: 'syntax', ...parsed.error });
  try {
    parsed.module.body.forEach(checkStatement);
  } catch (e) {
    if (e instanceof SubsetRefusal) {
      return fail({ stage: 'subset', code: e.code, line: e.span.line, column: e.span.column, details: e.details });
    }
    return fail({ stage: 'subset', code: 'unsupported-statement', line: 1, column: 1, details: {} });
  }
  let current: Stmt | null = null;
  it.onLine = (s) => {
    current = s;
    it.rt.line = s.span.line;
    it.lastBackward = null;
    if (s.kind === 'with') {
      it.run(s);
      return;
    }
    it.run(s);
    steps.push({ line: s.span.line, state: snapshot(it), backward: it.lastBackward });
  };
  try {
    for (const s of parsed.module.body) {
      if (s.kind === 'with') steps.push({ line: s.span.line, state: snapshot(it), backward: null });
      it.onLine(s);
    }
  } catch (e) {
    const at: Span | undefined = (current as Stmt | null)?.span;
    const line = at?.line ?? 1;
    const column = at?.column ?? 1;
    if (isAutogradError(e)) return fail({ stage: 'runtime', code: e.code, line, column, details: e.details });
    if (e instanceof ArgumentRefusal) {
      return fail({ stage: 'runtime', code: e.code, line: e.span.line, column: e.span.column, details: e.details });
    }
    return fail({ stage: 'runtime', code: 'bad-argument', line, column, details: {} });
  }
  return { ok: true, steps, state: snapshot(it), error: null };
}

/** Values of a row-major array in nested lists (a number for a 0-d shape). */
export function nested(shape: readonly number[], data: readonly number[]): unknown {
  if (shape.length === 0) return data[0] ?? 0;
  const [n = 0, ...rest] = shape;
  const size = numel(rest);
  return Array.from({ length: n }, (_, i) => nested(rest, data.slice(i * size, (i + 1) * size)));
}

/** A gradient as nested lists, for display and comparisons. */
export function nestedGrad(g: Grad): unknown {
  return nested(g.shape, Array.from(g.data));
}

/**
 * A small tensor runtime with PyTorch's autograd semantics, at lesson sizes
 * (float64, at most 4 dims and 256 elements per tensor).
 *
 * What it reproduces, and where PyTorch documents it:
 * - storage shared by views (`unsqueeze`, `squeeze`, `reshape`, `view`, `t`)
 *   and by `detach()`, with one version counter per storage that every
 *   in-place op bumps ("In-place correctness checks", autograd mechanics);
 * - a graph of backward nodes (`grad_fn`, `next_functions`), saved tensors
 *   checked against their version when backward unpacks them, and freed after
 *   a backward without `retain_graph`;
 * - leaves (`is_leaf`), `.grad` accumulated in place across backward calls,
 *   `torch.no_grad()`, and an in-place op on a view rebasing its base's
 *   history (CopySlices) while the other views regenerate theirs lazily.
 *
 * The runtime is mutable, like PyTorch: a `Runtime` owns tensors and nodes;
 * `engine/autograd/program.ts` drives it from parsed lines and turns it into
 * immutable snapshots for the views.
 */
import { AutogradError } from '../errors';

/** Largest tensor the console creates: PyTorch would, the lesson will not. */
export const MAX_DIMS = 4;
export const MAX_ELEMENTS = 256;

/** A flat buffer shared by a tensor and its views; `version` counts in-place writes. */
export interface Storage {
  readonly id: number;
  readonly data: Float64Array;
  version: number;
}

/** How a differentiable view relates to its base (the root tensor that owns the storage). */
export interface ViewMeta {
  readonly base: RTensor;
  /** `no-grad` when the view was made inside `torch.no_grad()`. */
  readonly creation: 'grad' | 'no-grad';
  /** The storage version the view's `grad_fn` was built for. */
  attrVersion: number;
}

/**
 * A tensor: a strided window on a storage. `requiresGradFlag` is the leaf's
 * own flag; `requiresGrad(t)` also counts a `grad_fn` and a view's base.
 */
export interface RTensor {
  readonly id: number;
  readonly storage: Storage;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  requiresGradFlag: boolean;
  gradFn: GradNode | null;
  grad: RTensor | null;
  readonly view: ViewMeta | null;
  /** The tensor this one was detached from (same storage, no graph). */
  readonly detachedFrom: RTensor | null;
  /** 0-based program line that created it. */
  readonly line: number;
  accumulator: GradNode | null;
}

/** A gradient travelling through backward: contiguous values in a shape. */
export interface Grad {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Where a node sends the gradient of one of its inputs. */
export interface Edge {
  readonly node: GradNode;
}

/** A forward input of an op node: a tensor (by id) or a Python number. */
export type NodeInput = { readonly tensor: number } | { readonly scalar: number };

/** A saved tensor, remembered with the storage version it had when saved. */
interface SavedVar {
  readonly tensor: RTensor;
  readonly version: number;
}

/**
 * A backward node (PyTorch's `grad_fn`): `next[i]` receives the gradient for
 * forward input `i` (null where that input needs none: a number, a detached
 * tensor or one without `requires_grad`). `AccumulateGrad` nodes hold a leaf.
 */
export interface GradNode {
  readonly id: number;
  /** PyTorch's class name: `MulBackward0`, `AccumulateGrad`, `CopySlices`, … */
  readonly name: string;
  readonly line: number;
  readonly next: readonly (Edge | null)[];
  readonly inputs: readonly NodeInput[];
  /** How many tensors or numbers the node saved for backward. */
  readonly savedCount: number;
  /** True once a backward without `retain_graph` ran through the node. */
  freed: boolean;
  readonly leaf: RTensor | null;
  /** Gradients for `next`, each in its input's shape. */
  readonly apply: (grad: Grad) => (Grad | null)[];
}

/** One gradient that travelled along one edge during a backward call. */
export interface GradFlow {
  readonly from: number;
  readonly to: number;
  readonly input: number;
  readonly grad: Grad;
}

/** What one `backward()` did, in execution order, for a view to animate. */
export interface BackwardTrace {
  readonly line: number;
  readonly root: number;
  /** The gradient the root started with. */
  readonly seed: Grad;
  readonly flows: readonly GradFlow[];
  /** `.grad` of each leaf after the call (tensor id, the values accumulated into it). */
  readonly accumulated: readonly { readonly tensor: number; readonly added: Grad; readonly total: Grad }[];
  readonly retainGraph: boolean;
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] ?? 1;
  }
  return strides;
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Storage offset of every element of `t`, in row-major (logical) order. */
export function positions(t: Pick<RTensor, 'shape' | 'strides' | 'offset'>): number[] {
  const n = numel(t.shape);
  const out = new Array<number>(n);
  const idx = new Array<number>(t.shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let p = t.offset;
    for (let d = 0; d < idx.length; d++) p += (idx[d] ?? 0) * (t.strides[d] ?? 0);
    out[k] = p;
    for (let d = idx.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] ?? 0) + 1;
      if ((idx[d] ?? 0) < (t.shape[d] ?? 1)) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** The values of `t` in row-major order. */
export function values(t: RTensor): Float64Array {
  const pos = positions(t);
  const out = new Float64Array(pos.length);
  for (let i = 0; i < pos.length; i++) out[i] = t.storage.data[pos[i] ?? 0] ?? 0;
  return out;
}

function checkSize(shape: readonly number[]): void {
  if (shape.length > MAX_DIMS) throw new AutogradError('tensor-too-many-dims', { dims: shape.length, max: MAX_DIMS });
  const n = numel(shape);
  if (n > MAX_ELEMENTS) throw new AutogradError('tensor-too-large', { elements: n, max: MAX_ELEMENTS });
}

/** PyTorch's `is_contiguous`: row-major, ignoring the strides of size-1 dims. */
export function isContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] ?? 1;
    if (size === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= size;
  }
  return true;
}

/**
 * Strides of a new element-wise result of `shape`, as PyTorch's
 * TensorIterator allocates it: contiguous when every input is; otherwise the
 * dims ordered from fastest to slowest as the inputs lay them out (the first
 * input that orders two dims decides; broadcast dims are ignored). So
 * `a.t() * 2` is laid out like `a.t()`, and `(a.t() * 2).view(-1)` is refused
 * as PyTorch refuses it.
 */
export function resultStrides(
  shape: readonly number[],
  inputs: readonly Pick<RTensor, 'shape' | 'strides'>[],
): number[] {
  const nd = shape.length;
  if (nd <= 1 || inputs.every((t) => isContiguous(t.shape, t.strides))) return contiguousStrides(shape);
  // Each input's strides over the result's dims, 0 where it is broadcast.
  const strides = inputs.map((t) =>
    shape.map((size, d) => {
      const td = d - (nd - t.shape.length);
      if (td < 0) return 0;
      return (t.shape[td] ?? 1) === 1 && size !== 1 ? 0 : (t.strides[td] ?? 0);
    }),
  );
  const shouldSwap = (d0: number, d1: number): number => {
    for (const st of strides) {
      const s0 = st[d0] ?? 0;
      const s1 = st[d1] ?? 0;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if ((shape[d0] ?? 1) > (shape[d1] ?? 1)) return 1;
    }
    return 0;
  };
  // perm[0] is the fastest dim; start from row-major and insertion-sort.
  const perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
  for (let i = 1; i < nd; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0] ?? 0, perm[d1] ?? 0);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1] ?? 0, perm[d0] ?? 0];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  const out = new Array<number>(nd).fill(1);
  let stride = 1;
  for (const d of perm) {
    out[d] = stride;
    stride *= shape[d] ?? 1;
  }
  return out;
}

/** Broadcast shape of two shapes (NumPy rules), or PyTorch's refusal. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new AutogradError('broadcast-shape-mismatch', { sizeA: da, sizeB: db, dim: i });
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Reads `data` (contiguous in `shape`) at every index of `target`, repeating along broadcast dims. */
function expandTo(data: Float64Array, shape: readonly number[], target: readonly number[]): Float64Array {
  const n = numel(target);
  const out = new Float64Array(n);
  const strides = contiguousStrides(shape);
  const rank = target.length;
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < n; k++) {
    let p = 0;
    for (let d = 0; d < rank; d++) {
      const sd = d - (rank - shape.length);
      if (sd >= 0 && (shape[sd] ?? 1) !== 1) p += (idx[d] ?? 0) * (strides[sd] ?? 0);
    }
    out[k] = data[p] ?? 0;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] ?? 0) + 1;
      if ((idx[d] ?? 0) < (target[d] ?? 1)) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Sums a gradient over the dims that broadcasting added or stretched (PyTorch's `sum_to`). */
export function sumTo(g: Grad, shape: readonly number[]): Grad {
  if (g.shape.join(',') === shape.join(',')) return g;
  const out = new Float64Array(numel(shape));
  const strides = contiguousStrides(shape);
  const rank = g.shape.length;
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < g.data.length; k++) {
    let p = 0;
    for (let d = 0; d < rank; d++) {
      const sd = d - (rank - shape.length);
      if (sd >= 0 && (shape[sd] ?? 1) !== 1) p += (idx[d] ?? 0) * (strides[sd] ?? 0);
    }
    out[p] = (out[p] ?? 0) + (g.data[k] ?? 0);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] ?? 0) + 1;
      if ((idx[d] ?? 0) < (g.shape[d] ?? 1)) break;
      idx[d] = 0;
    }
  }
  return { shape: [...shape], data: out };
}

function mapGrad(g: Grad, f: (x: number, i: number) => number): Grad {
  const data = new Float64Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = f(g.data[i] ?? 0, i);
  return { shape: g.shape, data };
}

/** `dim` wrapped into [0, rank) (a 0-d tensor accepts -1 and 0), or PyTorch's IndexError. */
export function wrapDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  if (dim < -r || dim > r - 1) throw new AutogradError('dimension-out-of-range', { dim, min: -r, max: r - 1 });
  return dim < 0 ? dim + r : dim;
}

/**
 * Strides that let `newShape` read the same storage as (shape, strides), or
 * null when no view can (PyTorch's `computeStride`: a view may merge or split
 * only dims that are laid out one after another in memory).
 */
export function viewStrides(
  shape: readonly number[],
  strides: readonly number[],
  newShape: readonly number[],
): number[] | null {
  if (shape.length === 0) return newShape.map(() => 1);
  const out = new Array<number>(newShape.length).fill(1);
  let viewD = newShape.length - 1;
  let chunkBase = strides[strides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    tensorNumel *= shape[d] ?? 1;
    if (d === 0 || ((shape[d - 1] ?? 1) !== 1 && (strides[d - 1] ?? 0) !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        out[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD] ?? 1;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = strides[d - 1] ?? 1;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? out : null;
}

/** Sizes of `view`/`reshape` with one `-1` inferred, or PyTorch's refusal. */
export function inferSizes(sizes: readonly number[], count: number): number[] {
  const inferred = sizes.filter((s) => s === -1).length;
  if (inferred > 1) throw new AutogradError('reshape-several-inferred', { shape: shapeText(sizes) });
  const known = sizes.filter((s) => s !== -1).reduce((a, b) => a * b, 1);
  const bad = sizes.some((s) => s < -1) || (inferred === 1 ? known === 0 || count % known !== 0 : known !== count);
  if (bad) throw new AutogradError('reshape-size-mismatch', { shape: shapeText(sizes), size: count });
  return sizes.map((s) => (s === -1 ? count / known : s));
}

type Operand = RTensor | number;

/** The tensors and nodes of one program run; every op goes through it. */
export class Runtime {
  gradEnabled = true;
  line = 0;
  readonly tensors: RTensor[] = [];
  readonly nodes: GradNode[] = [];
  readonly backwards: BackwardTrace[] = [];
  private nextStorage = 0;

  // ---- creation -------------------------------------------------------

  private make(
    storage: Storage,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    extra: { view?: ViewMeta | null; detachedFrom?: RTensor | null } = {},
  ): RTensor {
    const t: RTensor = {
      id: this.tensors.length,
      storage,
      shape: [...shape],
      strides: [...strides],
      offset,
      requiresGradFlag: false,
      gradFn: null,
      grad: null,
      view: extra.view ?? null,
      detachedFrom: extra.detachedFrom ?? null,
      line: this.line,
      accumulator: null,
    };
    this.tensors.push(t);
    return t;
  }

  /**
   * A new tensor that owns a fresh storage holding `data` (row-major in
   * `shape`), laid out with `strides` (contiguous unless an element-wise op
   * keeps its inputs' layout, see `resultStrides`).
   */
  fromData(
    shape: readonly number[],
    data: ArrayLike<number>,
    strides: readonly number[] = contiguousStrides(shape),
  ): RTensor {
    checkSize(shape);
    const storage: Storage = { id: this.nextStorage++, data: new Float64Array(numel(shape)), version: 0 };
    const t = this.make(storage, shape, strides, 0);
    positions(t).forEach((p, i) => (storage.data[p] = data[i] ?? 0));
    return t;
  }

  /** `torch.ones_like` / `zeros_like`: the same shape and, as `empty_like` preserves it, the same layout. */
  fullLike(x: RTensor, value: number): RTensor {
    return this.fromData(x.shape, new Array<number>(numel(x.shape)).fill(value), resultStrides(x.shape, [x]));
  }

  full(shape: readonly number[], value: number): RTensor {
    checkSize(shape);
    return this.fromData(shape, new Array<number>(numel(shape)).fill(value));
  }

  // ---- autograd bookkeeping -----------------------------------------------

  /** PyTorch's `requires_grad`: the leaf flag, a `grad_fn`, or a view's base. */
  requiresGrad(t: RTensor): boolean {
    return t.requiresGradFlag || t.gradFn !== null || (t.view !== null && this.requiresGrad(t.view.base));
  }

  /**
   * PyTorch's `grad_fn`. A view whose storage was changed in place since its
   * `grad_fn` was made gets a new one that reads its base's current history.
   */
  gradFn(t: RTensor): GradNode | null {
    const v = t.view;
    if (v && v.attrVersion !== t.storage.version && (t.gradFn || this.requiresGrad(v.base))) {
      // A view made under no_grad cannot tell whether its base's in-place
      // change should be part of its history, so PyTorch refuses to use it.
      if (v.creation === 'no-grad') {
        throw new AutogradError('inplace-on-no-grad-view', { shape: shapeText(t.shape), indirect: 1 });
      }
      t.gradFn = this.viewNode('AsStridedBackward0', t, v.base);
      v.attrVersion = t.storage.version;
    }
    return t.gradFn;
  }

  isLeaf(t: RTensor): boolean {
    return this.gradFn(t) === null;
  }

  private accumulator(t: RTensor): GradNode {
    if (!t.accumulator) {
      t.accumulator = this.node('AccumulateGrad', [], [], 0, () => [], t);
    }
    return t.accumulator;
  }

  private edge(t: Operand): Edge | null {
    if (typeof t === 'number') return null;
    const fn = this.gradFn(t);
    if (fn) return { node: fn };
    // Only a leaf's own flag gives it an AccumulateGrad: a view made under
    // no_grad reports requires_grad through its base but has no edge at all.
    return t.requiresGradFlag ? { node: this.accumulator(t) } : null;
  }

  private node(
    name: string,
    next: readonly (Edge | null)[],
    inputs: readonly NodeInput[],
    savedCount: number,
    apply: (g: Grad) => (Grad | null)[],
    leaf: RTensor | null = null,
  ): GradNode {
    const n: GradNode = {
      id: this.nodes.length,
      name,
      line: this.line,
      next,
      inputs,
      savedCount,
      freed: false,
      leaf,
      apply,
    };
    this.nodes.push(n);
    return n;
  }

  private save(t: RTensor): SavedVar {
    return { tensor: t, version: t.storage.version };
  }

  private unpack(s: SavedVar): Float64Array {
    if (s.tensor.storage.version !== s.version) {
      throw new AutogradError('inplace-on-saved-tensor', {
        shape: shapeText(s.tensor.shape),
        version: s.tensor.storage.version,
        expected: s.version,
      });
    }
    return values(s.tensor);
  }

  private inputOf(x: Operand): NodeInput {
    return typeof x === 'number' ? { scalar: x } : { tensor: x.id };
  }

  /** Records `out`'s history when grad mode is on and an input requires grad. */
  private record(
    out: RTensor,
    name: string,
    ins: readonly Operand[],
    savedCount: number,
    apply: (g: Grad) => (Grad | null)[],
  ): RTensor {
    if (this.gradEnabled && ins.some((x) => typeof x !== 'number' && this.requiresGrad(x))) {
      out.gradFn = this.node(
        name,
        ins.map((x) => this.edge(x)),
        ins.map((x) => this.inputOf(x)),
        savedCount,
        apply,
      );
    }
    return out;
  }

  private wants(x: Operand): boolean {
    return typeof x !== 'number' && this.gradEnabled && this.requiresGrad(x);
  }

  // ---- element-wise ops ---------------------------------------------------

  /** `x op y` with broadcasting; `x` or `y` may be a Python number. */
  binary(op: 'add' | 'sub' | 'mul' | 'div' | 'rsub', x: Operand, y: Operand): RTensor {
    const xs = typeof x === 'number' ? [] : x.shape;
    const ys = typeof y === 'number' ? [] : y.shape;
    const shape = broadcastShapes(xs, ys);
    checkSize(shape);
    const xv = typeof x === 'number' ? Float64Array.of(x) : values(x);
    const yv = typeof y === 'number' ? Float64Array.of(y) : values(y);
    const a = expandTo(xv, xs, shape);
    const b = expandTo(yv, ys, shape);
    const f = BINARY[op];
    const operands = [x, y].filter((v): v is RTensor => typeof v !== 'number');
    const out = this.fromData(
      shape,
      a.map((v, i) => f(v, b[i] ?? 0)),
      resultStrides(shape, operands),
    );
    return this.record(out, ...this.binaryBackward(op, x, y, shape));
  }

  /** Backward node name, saved count and gradient formulas of `x op y` (derivatives.yaml). */
  private binaryBackward(
    op: 'add' | 'sub' | 'mul' | 'div' | 'rsub',
    x: Operand,
    y: Operand,
    shape: readonly number[],
  ): [string, Operand[], number, (g: Grad) => (Grad | null)[]] {
    const xs = typeof x === 'number' ? [] : x.shape;
    const ys = typeof y === 'number' ? [] : y.shape;
    const rx = this.wants(x);
    const ry = this.wants(y);
    // A number operand is saved too (PyTorch wraps it in a 0-d tensor).
    const read = (v: Operand, s: SavedVar | null): Float64Array =>
      typeof v === 'number' ? Float64Array.of(v) : this.unpack(s as SavedVar);
    const saveOf = (v: Operand): SavedVar | null => (typeof v === 'number' ? null : this.save(v));
    switch (op) {
      case 'add':
      case 'sub': {
        const sign = op === 'add' ? 1 : -1;
        return [
          op === 'add' ? 'AddBackward0' : 'SubBackward0',
          [x, y],
          0,
          (g) => [
            sumTo(g, xs),
            sumTo(
              mapGrad(g, (v) => sign * v),
              ys,
            ),
          ],
        ];
      }
      case 'rsub':
        return [
          'RsubBackward1',
          [x, y],
          0,
          (g) => [
            sumTo(
              mapGrad(g, (v) => -v),
              xs,
            ),
            null,
          ],
        ];
      case 'mul': {
        const sx = ry ? saveOf(x) : null;
        const sy = rx ? saveOf(y) : null;
        const count = (ry ? 1 : 0) + (rx ? 1 : 0);
        return [
          'MulBackward0',
          [x, y],
          count,
          (g) => {
            const gx = rx ? expandTo(read(y, sy), ys, shape) : null;
            const gy = ry ? expandTo(read(x, sx), xs, shape) : null;
            return [
              gx
                ? sumTo(
                    mapGrad(g, (v, i) => v * (gx[i] ?? 0)),
                    xs,
                  )
                : null,
              gy
                ? sumTo(
                    mapGrad(g, (v, i) => v * (gy[i] ?? 0)),
                    ys,
                  )
                : null,
            ];
          },
        ];
      }
      case 'div': {
        const sy = rx || ry ? saveOf(y) : null;
        const sx = ry ? saveOf(x) : null;
        const count = (rx || ry ? 1 : 0) + (ry ? 1 : 0);
        return [
          'DivBackward0',
          [x, y],
          count,
          (g) => {
            const yb = expandTo(read(y, sy), ys, shape);
            const xb = ry ? expandTo(read(x, sx), xs, shape) : null;
            return [
              rx
                ? sumTo(
                    mapGrad(g, (v, i) => v / (yb[i] ?? 1)),
                    xs,
                  )
                : null,
              xb
                ? sumTo(
                    mapGrad(g, (v, i) => (-v * (xb[i] ?? 0)) / (yb[i] ?? 1) ** 2),
                    ys,
                  )
                : null,
            ];
          },
        ];
      }
    }
  }

  neg(x: RTensor): RTensor {
    const out = this.fromData(
      x.shape,
      values(x).map((v) => -v),
      resultStrides(x.shape, [x]),
    );
    return this.record(out, 'NegBackward0', [x], 0, (g) => [mapGrad(g, (v) => -v)]);
  }

  /** `x ** p` for a number `p` (PowBackward0 saves x: d/dx = p·x^(p−1)). */
  pow(x: RTensor, p: number): RTensor {
    const out = this.fromData(
      x.shape,
      values(x).map((v) => v ** p),
      resultStrides(x.shape, [x]),
    );
    const s = this.save(x);
    return this.record(out, 'PowBackward0', [x], 1, (g) => {
      const xv = this.unpack(s);
      return [mapGrad(g, (v, i) => (p === 0 ? 0 : v * p * (xv[i] ?? 0) ** (p - 1)))];
    });
  }

  /** Unary functions that save their result: sigmoid, exp, relu, reciprocal. */
  unary(fn: 'sigmoid' | 'exp' | 'relu' | 'reciprocal', x: RTensor): RTensor {
    const f = UNARY[fn];
    const out = this.fromData(x.shape, values(x).map(f.forward), resultStrides(x.shape, [x]));
    const s = this.save(out);
    return this.record(out, f.node, [x], 1, (g) => {
      const r = this.unpack(s);
      return [mapGrad(g, (v, i) => v * f.derivative(r[i] ?? 0))];
    });
  }

  // ---- reductions ---------------------------------------------------------

  /** `sum()` / `mean()` over everything, or over `dim` (keepdim=False). */
  reduce(kind: 'sum' | 'mean', x: RTensor, dim: number | null): RTensor {
    const xv = values(x);
    if (dim === null) {
      const total = xv.reduce((a, b) => a + b, 0);
      const n = xv.length;
      const out = this.fromData([], [kind === 'sum' ? total : total / n]);
      return this.record(out, kind === 'sum' ? 'SumBackward0' : 'MeanBackward0', [x], 0, (g) => [
        { shape: x.shape, data: new Float64Array(n).fill(kind === 'sum' ? (g.data[0] ?? 0) : (g.data[0] ?? 0) / n) },
      ]);
    }
    const d = wrapDim(dim, x.shape.length);
    const size = x.shape.length === 0 ? 1 : (x.shape[d] ?? 1);
    const shape = x.shape.filter((_, i) => i !== d);
    const outer = numel(x.shape.slice(0, d));
    const inner = numel(x.shape.slice(d + 1));
    const out = new Float64Array(numel(shape));
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < size; k++) {
        for (let i = 0; i < inner; i++)
          out[o * inner + i] = (out[o * inner + i] ?? 0) + (xv[(o * size + k) * inner + i] ?? 0);
      }
    }
    if (kind === 'mean') out.forEach((v, i) => (out[i] = v / size));
    const t = this.fromData(shape, out);
    // PyTorch 1.13's MeanBackward1 keeps its input (SumBackward1 only sizes),
    // so a mean over a dim is checked for in-place changes and freed by backward.
    const saved = kind === 'mean' ? this.save(x) : null;
    return this.record(t, kind === 'sum' ? 'SumBackward1' : 'MeanBackward1', [x], saved ? 1 : 0, (g) => {
      if (saved) this.unpack(saved);
      const data = new Float64Array(xv.length);
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < size; k++) {
          for (let i = 0; i < inner; i++) {
            const v = g.data[o * inner + i] ?? 0;
            data[(o * size + k) * inner + i] = kind === 'sum' ? v : v / size;
          }
        }
      }
      return [{ shape: x.shape, data }];
    });
  }

  // ---- matmul -------------------------------------------------------------

  /** `torch.matmul` for 1-d and 2-d operands: dot, mv, vector-matrix, mm. */
  matmul(x: RTensor, y: RTensor): RTensor {
    const [xr, yr] = [x.shape.length, y.shape.length];
    if (xr === 0 || yr === 0) throw new AutogradError('matmul-zero-dim', { left: xr, right: yr });
    if (xr > 2 || yr > 2)
      throw new AutogradError('matmul-shape-mismatch', { left: shapeText(x.shape), right: shapeText(y.shape) });
    // View both as matrices: a vector on the left is a row, on the right a column.
    const m = xr === 2 ? (x.shape[0] ?? 1) : 1;
    const k = xr === 2 ? (x.shape[1] ?? 1) : (x.shape[0] ?? 1);
    const k2 = y.shape[0] ?? 1;
    const n = yr === 2 ? (y.shape[1] ?? 1) : 1;
    if (k !== k2)
      throw new AutogradError('matmul-shape-mismatch', { left: shapeText(x.shape), right: shapeText(y.shape) });
    const shape = [...(xr === 2 ? [m] : []), ...(yr === 2 ? [n] : [])];
    const mm = (
      a: Float64Array,
      b: Float64Array,
      rows: number,
      inner: number,
      cols: number,
      ta: boolean,
      tb: boolean,
    ) => {
      const out = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          let s = 0;
          for (let q = 0; q < inner; q++)
            s += (a[ta ? q * rows + i : i * inner + q] ?? 0) * (b[tb ? j * inner + q : q * cols + j] ?? 0);
          out[i * cols + j] = s;
        }
      }
      return out;
    };
    const out = this.fromData(shape, mm(values(x), values(y), m, k, n, false, false));
    const rx = this.wants(x);
    const ry = this.wants(y);
    const sx = ry ? this.save(x) : null;
    const sy = rx ? this.save(y) : null;
    const name = xr === 1 && yr === 1 ? 'DotBackward0' : xr === 2 && yr === 1 ? 'MvBackward0' : 'MmBackward0';
    return this.record(out, name, [x, y], (sx ? 1 : 0) + (sy ? 1 : 0), (g) => [
      // dL/dX = G·Yᵀ (m×n · n×k), dL/dY = Xᵀ·G (k×m · m×n)
      sy ? { shape: x.shape, data: mm(g.data, this.unpack(sy), m, n, k, false, true) } : null,
      sx ? { shape: y.shape, data: mm(this.unpack(sx), g.data, k, m, n, true, false) } : null,
    ]);
  }

  // ---- views --------------------------------------------------------------

  /** The tensor that owns `t`'s storage as far as autograd is concerned. */
  private root(t: RTensor): RTensor {
    return t.view ? t.view.base : t;
  }

  /** A node that maps a view's gradient back onto `source`'s elements (both cover the same storage). */
  private viewNode(name: string, view: RTensor, source: RTensor): GradNode {
    const sourcePos = positions(source);
    const viewPos = positions(view);
    const indexOf = new Map<number, number>();
    sourcePos.forEach((p, i) => indexOf.set(p, i));
    return this.node(name, [this.edge(source)], [this.inputOf(source)], 0, (g) => {
      const data = new Float64Array(sourcePos.length);
      viewPos.forEach((p, j) => {
        const i = indexOf.get(p) ?? 0;
        data[i] = (data[i] ?? 0) + (g.data[j] ?? 0);
      });
      return [{ shape: source.shape, data }];
    });
  }

  /** A view of `x` with a new shape and strides (same storage). */
  private makeView(x: RTensor, name: string, shape: readonly number[], strides: readonly number[]): RTensor {
    checkSize(shape);
    const base = this.root(x);
    const v = this.make(x.storage, shape, strides, x.offset, {
      // A view of a view made under no_grad counts as made under no_grad too (PyTorch's propagate_creation_meta).
      view: {
        base,
        creation: this.gradEnabled && x.view?.creation !== 'no-grad' ? 'grad' : 'no-grad',
        attrVersion: x.storage.version,
      },
    });
    if (this.gradEnabled && this.requiresGrad(x)) v.gradFn = this.viewNode(name, v, x);
    return v;
  }

  unsqueeze(x: RTensor, dim: number): RTensor {
    const d = wrapDim(dim, x.shape.length + 1);
    const shape = [...x.shape.slice(0, d), 1, ...x.shape.slice(d)];
    const inner = x.shape.slice(d).length ? (x.strides[d] ?? 1) * (x.shape[d] ?? 1) : 1;
    const strides = [...x.strides.slice(0, d), inner, ...x.strides.slice(d)];
    return this.makeView(x, 'UnsqueezeBackward0', shape, strides);
  }

  squeeze(x: RTensor, dim: number | null): RTensor {
    let keep: boolean[];
    if (dim === null) keep = x.shape.map((s) => s !== 1);
    else {
      const d = wrapDim(dim, x.shape.length);
      keep = x.shape.map((s, i) => !(i === d && s === 1));
    }
    return this.makeView(
      x,
      dim === null ? 'SqueezeBackward0' : 'SqueezeBackward1',
      x.shape.filter((_, i) => keep[i]),
      x.strides.filter((_, i) => keep[i]),
    );
  }

  t(x: RTensor): RTensor {
    if (x.shape.length > 2) throw new AutogradError('transpose-rank-too-high', { dims: x.shape.length });
    return this.makeView(x, 'TBackward0', [...x.shape].reverse(), [...x.strides].reverse());
  }

  /** `view(sizes)`: refused when the strides cannot express the new shape. */
  view(x: RTensor, sizes: readonly number[]): RTensor {
    const shape = inferSizes(sizes, numel(x.shape));
    checkSize(shape);
    const strides = viewStrides(x.shape, x.strides, shape);
    if (!strides) throw new AutogradError('view-not-contiguous', { shape: shapeText(shape) });
    return this.makeView(x, 'ViewBackward0', shape, strides);
  }

  /** `reshape(sizes)`: a view when possible, otherwise a copy. */
  reshape(x: RTensor, sizes: readonly number[]): RTensor {
    const shape = inferSizes(sizes, numel(x.shape));
    checkSize(shape);
    const strides = viewStrides(x.shape, x.strides, shape);
    if (strides) return this.makeView(x, 'ViewBackward0', shape, strides);
    const out = this.fromData(shape, values(x));
    return this.record(out, 'CloneBackward0', [x], 0, (g) => [{ shape: x.shape, data: g.data }]);
  }

  /** `detach()`: same storage and version counter, no history, no `requires_grad`. */
  detach(x: RTensor): RTensor {
    return this.make(x.storage, x.shape, x.strides, x.offset, { detachedFrom: x });
  }

  // ---- in-place ops -------------------------------------------------------

  /** PyTorch's `check_inplace`: what may not be changed in place while grad mode records. */
  private checkInplace(t: RTensor, other: Operand | null): void {
    const rg = this.requiresGrad(t) || (other !== null && typeof other !== 'number' && this.requiresGrad(other));
    if (!rg || !this.gradEnabled) return;
    if (t.view) {
      if (t.view.creation === 'no-grad')
        throw new AutogradError('inplace-on-no-grad-view', { shape: shapeText(t.shape) });
      if (this.requiresGrad(t) && this.isLeaf(t.view.base)) {
        throw new AutogradError('inplace-on-view-of-leaf', { shape: shapeText(t.shape) });
      }
    }
    if (this.requiresGrad(t) && this.isLeaf(t))
      throw new AutogradError('inplace-on-leaf', { shape: shapeText(t.shape) });
  }

  /**
   * `t.add_(y)`, `t -= y`, `t.mul_(y)`, `t /= y`, `t.zero_()`: writes into
   * `t`'s storage, bumps its version, and (in grad mode, when anything
   * requires grad) makes the op part of `t`'s history.
   */
  inplace(op: 'add' | 'sub' | 'mul' | 'div' | 'zero', t: RTensor, y: Operand | null): void {
    this.checkInplace(t, y);
    if (y !== null && typeof y !== 'number' && y.storage === t.storage && !sameLayout(t, y)) {
      throw new AutogradError('inplace-overlap', { output: shapeText(t.shape), input: shapeText(y.shape) });
    }
    const ys = y === null || typeof y === 'number' ? [] : y.shape;
    const shape = broadcastShapes(t.shape, ys);
    if (shape.join(',') !== t.shape.join(',')) {
      throw new AutogradError('inplace-broadcast-mismatch', {
        output: shapeText(t.shape),
        broadcast: shapeText(shape),
      });
    }
    const tv = values(t);
    const yv =
      y === null ? Float64Array.of(0) : typeof y === 'number' ? Float64Array.of(y) : expandTo(values(y), ys, shape);
    const f = op === 'zero' ? () => 0 : BINARY[op];
    const next = tv.map((v, i) => f(v, yv[yv.length === 1 ? 0 : i] ?? 0));
    const track = this.gradEnabled && (this.requiresGrad(t) || (y !== null && this.wants(y)));
    let pending: (() => void) | null = null;
    if (track) pending = this.inplaceHistory(op, t, y, tv);
    positions(t).forEach((p, i) => (t.storage.data[p] = next[i] ?? 0));
    t.storage.version += 1;
    pending?.();
  }

  /** Builds the node of an in-place op before the write; returns how to attach it after. */
  private inplaceHistory(
    op: 'add' | 'sub' | 'mul' | 'div' | 'zero',
    t: RTensor,
    y: Operand | null,
    before: Float64Array,
  ) {
    const shape = t.shape;
    const ys = y === null || typeof y === 'number' ? [] : y.shape;
    const rt = this.requiresGrad(t);
    const ry = y !== null && this.wants(y);
    const ins: Operand[] = y === null ? [t] : [t, y];
    // The value before the write, kept apart from the program's tensors (PyTorch's `original_self`).
    const original = ry && (op === 'mul' || op === 'div') ? before.slice() : null;
    const savedY =
      y !== null && typeof y !== 'number' && (op === 'mul' || op === 'div') && (rt || op === 'div')
        ? this.save(y)
        : null;
    const readY = () =>
      y === null
        ? Float64Array.of(0)
        : typeof y === 'number'
          ? Float64Array.of(y)
          : expandTo(this.unpack(savedY as SavedVar), ys, shape);
    const savedCount = op === 'mul' || op === 'div' ? (rt || op === 'div' ? 1 : 0) + (original ? 1 : 0) : 0;
    const name = {
      add: 'AddBackward0',
      sub: 'SubBackward0',
      mul: 'MulBackward0',
      div: 'DivBackward0',
      zero: 'ZeroBackward0',
    }[op];
    const apply = (g: Grad): (Grad | null)[] => {
      switch (op) {
        case 'zero':
          return [mapGrad(g, () => 0)];
        case 'add':
        case 'sub':
          return [g, ry ? sumTo(op === 'add' ? g : mapGrad(g, (v) => -v), ys) : null];
        case 'mul': {
          const yb = rt ? readY() : null;
          const ob = original;
          return [
            yb ? mapGrad(g, (v, i) => v * (yb[yb.length === 1 ? 0 : i] ?? 0)) : null,
            ob
              ? sumTo(
                  mapGrad(g, (v, i) => v * (ob[i] ?? 0)),
                  ys,
                )
              : null,
          ];
        }
        case 'div': {
          const yb = readY();
          const ob = original;
          const at = (i: number) => yb[yb.length === 1 ? 0 : i] ?? 1;
          return [
            rt ? mapGrad(g, (v, i) => v / at(i)) : null,
            ob
              ? sumTo(
                  mapGrad(g, (v, i) => (-v * (ob[i] ?? 0)) / at(i) ** 2),
                  ys,
                )
              : null,
          ];
        }
      }
    };
    // Edges are taken before the write, as PyTorch collects them before the op runs.
    const edges = ins.map((x) => this.edge(x));
    const baseEdge = t.view ? this.edge(t.view.base) : null;
    return () => {
      if (!t.view) {
        t.gradFn = this.node(
          name,
          edges,
          ins.map((x) => this.inputOf(x)),
          savedCount,
          apply,
        );
        return;
      }
      // An in-place op on a view rewrites its base's history (CopySlices),
      // then the view reads its own from the base.
      const base = t.view.base;
      const view = t;
      const basePos = positions(base);
      const viewPos = positions(view);
      const indexOf = new Map<number, number>();
      basePos.forEach((p, i) => indexOf.set(p, i));
      base.gradFn = this.node(
        `CopySlices(${name})`,
        [baseEdge, ...edges.slice(1)],
        [this.inputOf(base), ...ins.slice(1).map((x) => this.inputOf(x))],
        savedCount,
        (g) => {
          const slice = new Float64Array(viewPos.length);
          viewPos.forEach((p, j) => (slice[j] = g.data[indexOf.get(p) ?? 0] ?? 0));
          const [self, ...rest] = apply({ shape: view.shape, data: slice });
          const data = Float64Array.from(g.data);
          viewPos.forEach((p, j) => (data[indexOf.get(p) ?? 0] = self ? (self.data[j] ?? 0) : 0));
          return [{ shape: base.shape, data }, ...rest];
        },
      );
      t.gradFn = this.viewNode('AsStridedBackward0', t, base);
      t.view.attrVersion = t.storage.version;
    };
  }

  // ---- backward -----------------------------------------------------------

  /**
   * `root.backward(gradient, retain_graph)`: runs the graph from `root`,
   * accumulates into every reached leaf's `.grad`, and frees the saved
   * tensors unless `retainGraph`. Either the whole call happens or, on a
   * refusal, nothing changes.
   */
  backward(root: RTensor, gradient: RTensor | null, retainGraph: boolean): BackwardTrace {
    if (!this.requiresGrad(root)) throw new AutogradError('backward-without-grad', {});
    let seed: Grad;
    if (gradient === null) {
      if (numel(root.shape) !== 1) throw new AutogradError('backward-non-scalar', { shape: shapeText(root.shape) });
      seed = { shape: root.shape, data: Float64Array.of(1) };
    } else {
      if (gradient.shape.join(',') !== root.shape.join(',')) {
        throw new AutogradError('backward-gradient-shape-mismatch', {
          gradient: shapeText(gradient.shape),
          output: shapeText(root.shape),
        });
      }
      seed = { shape: root.shape, data: values(gradient) };
    }
    const start = this.edge(root);
    if (!start) throw new AutogradError('backward-without-grad', {});
    // Count, for every reachable node, how many edges lead into it.
    const pending = new Map<GradNode, number>([[start.node, 0]]);
    const stack = [start.node];
    while (stack.length) {
      const n = stack.pop() as GradNode;
      for (const e of n.next) {
        if (!e) continue;
        const seen = pending.has(e.node);
        pending.set(e.node, (pending.get(e.node) ?? 0) + 1);
        if (!seen) stack.push(e.node);
      }
    }
    const buffers = new Map<GradNode, Grad>([[start.node, seed]]);
    const ready = [start.node];
    const flows: GradFlow[] = [];
    const leaves: { tensor: RTensor; grad: Grad }[] = [];
    const ran: GradNode[] = [];
    while (ready.length) {
      const n = ready.shift() as GradNode;
      const g = buffers.get(n);
      if (n.leaf) {
        if (g) leaves.push({ tensor: n.leaf, grad: g });
        continue;
      }
      let grads: (Grad | null)[] = [];
      if (g) {
        if (n.freed && n.savedCount > 0) throw new AutogradError('backward-through-freed-graph', { node: n.name });
        grads = n.apply(g);
        ran.push(n);
      }
      n.next.forEach((e, i) => {
        if (!e) return;
        const gi = grads[i];
        if (gi) {
          flows.push({ from: n.id, to: e.node.id, input: i, grad: gi });
          const acc = buffers.get(e.node);
          buffers.set(e.node, acc ? { shape: acc.shape, data: acc.data.map((v, j) => v + (gi.data[j] ?? 0)) } : gi);
        }
        const left = (pending.get(e.node) ?? 1) - 1;
        pending.set(e.node, left);
        if (left === 0) ready.push(e.node);
      });
    }
    const accumulated = leaves.map(({ tensor, grad }) => {
      if (tensor.grad) {
        const gt = tensor.grad;
        positions(gt).forEach((p, i) => (gt.storage.data[p] = (gt.storage.data[p] ?? 0) + (grad.data[i] ?? 0)));
        gt.storage.version += 1;
      } else {
        tensor.grad = this.fromData(tensor.shape, grad.data);
      }
      return { tensor: tensor.id, added: grad, total: { shape: tensor.shape, data: values(tensor.grad) } };
    });
    if (!retainGraph) for (const n of ran) n.freed = true;
    const trace: BackwardTrace = { line: this.line, root: root.id, seed, flows, accumulated, retainGraph };
    this.backwards.push(trace);
    return trace;
  }
}

/**
 * True when two tensors on one storage read it the same way. PyTorch lets an
 * in-place op read such a tensor (`a += a`, `c -= a` after `c = a.detach()`)
 * and refuses any other overlap between what it reads and what it writes.
 */
function sameLayout(a: RTensor, b: RTensor): boolean {
  return a === b || (a.offset === b.offset && a.strides.join(',') === b.strides.join(','));
}

const BINARY: Readonly<Record<'add' | 'sub' | 'mul' | 'div' | 'rsub', (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  rsub: (a, b) => b - a,
};

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Unary functions whose backward reads the saved result r: σ' = r(1−r), exp' = r, relu' = [r>0], (1/x)' = −r². */
const UNARY: Readonly<
  Record<
    'sigmoid' | 'exp' | 'relu' | 'reciprocal',
    { node: string; forward: (v: number) => number; derivative: (r: number) => number }
  >
> = {
  sigmoid: { node: 'SigmoidBackward0', forward: sigmoid, derivative: (r) => r * (1 - r) },
  exp: { node: 'ExpBackward0', forward: Math.exp, derivative: (r) => r },
  relu: { node: 'ReluBackward0', forward: (v) => Math.max(v, 0), derivative: (r) => (r > 0 ? 1 : 0) },
  reciprocal: { node: 'ReciprocalBackward0', forward: (v) => 1 / v, derivative: (r) => -r * r },
};

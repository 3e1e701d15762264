/**
 * The computation graph as the lesson draws it, laid out by `@dagrejs/dagre`
 * (loaded only with this lesson). Nodes are the backward nodes the engine
 * recorded (`grad_fn`s, labelled with the names of the tensors they made)
 * and the tensors without a `grad_fn` (leaves, detached tensors, tensors that
 * need no grad). Edges run forward, left to right: edge `e{op}-{i}` carries
 * op's input `i`; it is a `stop` edge when the engine sends that input no
 * gradient (`next[i]` is null). On a `backward()` line each edge the
 * gradient travelled is marked with its order and value, from the engine's
 * trace. Positions are in px.
 */
import dagre from '@dagrejs/dagre';
import type { ProgramRun, ProgramState, TensorInfo } from '../../../engine/autograd';
import { changedStorages, stateAt } from './tensorsRun';
import { formatValues } from './tensorText';

export interface GraphNode {
  readonly key: string;
  readonly kind: 'op' | 'tensor';
  /** The op's class name (`MulBackward0`), or the tensor's names. */
  readonly title: string;
  /** Names of the tensors an op node made (empty for tensor nodes). */
  readonly names: readonly string[];
  readonly requiresGrad: boolean;
  readonly leaf: boolean;
  readonly detached: boolean;
  /** An op whose saved values a backward without retain_graph freed. */
  readonly freed: boolean;
  /** `.grad` of a tensor node, in brackets, or null for None. */
  readonly grad: string | null;
  /** Storage id when two or more names share it (a tensor node or an op's output), else null. */
  readonly sharedStorage: number | null;
  /** The storage was written in place by this line. */
  readonly changed: boolean;
  /** The root of this line's backward (the gradient starts here). */
  readonly root: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GraphEdge {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** The engine sends this input no gradient (a number, a detached tensor, one without requires_grad). */
  readonly stop: boolean;
  /** On a backward line: the gradient that travelled this edge, and in which order (0 first). */
  readonly flow: { readonly order: number; readonly value: string } | null;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Centre of the edge's label (px). */
  readonly label: { readonly x: number; readonly y: number };
}

export interface GraphLayout {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly width: number;
  readonly height: number;
}

/** Approximate text metrics of the graph's labels (px), for node sizes. */
const CHAR_WIDTH = 7.4;
const LINE_HEIGHT = 17;
const PAD_X = 20;
const PAD_Y = 12;

/** Width of a label in monospace character cells: Chinese and other wide characters take two. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text)
    units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return units;
}

type NodeDraft = Omit<GraphNode, 'x' | 'y' | 'width' | 'height'> & { readonly lines: readonly string[] };

/** Lines a node shows; its size is measured from them. `words` are the figure's own words for flags. */
export interface GraphWords {
  readonly leaf: string;
  readonly requiresGrad: string;
  readonly noGrad: string;
  readonly detached: string;
  readonly freed: string;
  readonly gradOf: (v: string) => string;
  readonly gradIn: (v: string) => string;
}

/** The text on an edge: the gradient it carried on this backward line, ✕ where no gradient goes, or null. */
export function edgeLabel(e: Pick<GraphEdge, 'flow' | 'stop'>, w: GraphWords): string | null {
  return e.flow ? w.gradIn(e.flow.value) : e.stop ? '✕' : null;
}

/** The lines of text a node shows, in the reader's words. */
export function nodeLines(n: Omit<NodeDraft, 'lines'>, w: GraphWords): string[] {
  if (n.kind === 'op') {
    return [n.title, ...(n.names.length ? [n.names.join(', ')] : []), ...(n.freed ? [w.freed] : [])];
  }
  const flags = n.detached
    ? w.detached
    : n.requiresGrad
      ? `${n.leaf ? `${w.leaf} · ` : ''}${w.requiresGrad}`
      : w.noGrad;
  return [n.title, flags, ...(n.grad !== null ? [w.gradOf(n.grad)] : [])];
}

const layouts = new WeakMap<ProgramRun, WeakMap<GraphWords, Map<number, GraphLayout>>>();

/**
 * The graph after playback step `index` of `run` (−1: before any line), laid
 * out. `index` is the step the views show (never past a hidden line). Layouts
 * are remembered per run, step and language: dagre takes tens of milliseconds
 * for a graph of a few dozen nodes, and stepping back and forth asks again.
 */
export function graphAt(run: ProgramRun, index: number, words: GraphWords): GraphLayout {
  let byWords = layouts.get(run);
  if (!byWords) layouts.set(run, (byWords = new WeakMap()));
  let byStep = byWords.get(words);
  if (!byStep) byWords.set(words, (byStep = new Map()));
  const known = byStep.get(index);
  if (known) return known;
  const layout = layoutGraph(run, index, words);
  byStep.set(index, layout);
  return layout;
}

function layoutGraph(run: ProgramRun, index: number, words: GraphWords): GraphLayout {
  const state: ProgramState = stateAt(run, index);
  const tensors = new Map(state.tensors.map((t) => [t.id, t]));
  const ops = new Map(state.ops.map((o) => [o.id, o]));
  const changed = changedStorages(run, index);
  const shared = new Set<number>();
  for (const group of state.sharing) {
    const id = state.names[group[0] ?? ''];
    const t = id === null || id === undefined ? undefined : tensors.get(id);
    if (t) shared.add(t.storage);
  }
  const backward = index >= 0 ? (run.steps[index]?.backward ?? null) : null;

  const opKey = (id: number): string => {
    const leaf = ops.get(id)?.leaf;
    return leaf !== null && leaf !== undefined ? `t${leaf}` : `o${id}`;
  };
  const tensorKey = (t: TensorInfo): string => (t.gradFn !== null ? `o${t.gradFn}` : `t${t.id}`);

  const drafts = new Map<string, Omit<NodeDraft, 'lines'>>();
  const addTensor = (t: TensorInfo) => {
    const key = `t${t.id}`;
    if (drafts.has(key)) return;
    drafts.set(key, {
      key,
      kind: 'tensor',
      title: t.names.length ? t.names.join(', ') : formatValues(t.shape, t.data).slice(0, 24),
      names: [],
      requiresGrad: t.requiresGrad,
      leaf: t.isLeaf,
      detached: t.detached,
      freed: false,
      grad: t.grad ? formatValues(t.grad.shape, t.grad.data) : null,
      sharedStorage: shared.has(t.storage) ? t.storage : null,
      changed: changed.has(t.storage),
      root: backward !== null && backward.root === t.id,
    });
  };
  const edges: Omit<GraphEdge, 'points' | 'label'>[] = [];
  const flowOf = new Map<string, { order: number; value: string }>();
  backward?.flows.forEach((f, order) =>
    flowOf.set(`e${f.from}-${f.input}`, { order, value: formatValues(f.grad.shape, Array.from(f.grad.data)) }),
  );

  for (const op of state.ops) {
    if (op.leaf !== null) continue;
    const made = state.tensors.filter((t) => t.gradFn === op.id);
    const names = made.flatMap((t) => t.names);
    const storage = made.find((t) => shared.has(t.storage))?.storage ?? null;
    drafts.set(`o${op.id}`, {
      key: `o${op.id}`,
      kind: 'op',
      title: op.name,
      names,
      requiresGrad: true,
      leaf: false,
      detached: false,
      freed: op.freed && op.saves,
      grad: null,
      sharedStorage: storage,
      changed: made.some((t) => changed.has(t.storage)),
      root: backward !== null && made.some((t) => t.id === backward.root),
    });
    op.inputs.forEach((input, i) => {
      if (!('tensor' in input)) return;
      const t = tensors.get(input.tensor);
      if (!t) return;
      const next = op.next[i] ?? null;
      let from: string;
      if (next !== null) {
        from = opKey(next);
        const leaf = ops.get(next)?.leaf;
        const leafTensor = leaf === null || leaf === undefined ? undefined : tensors.get(leaf);
        if (leafTensor) addTensor(leafTensor);
      } else {
        from = tensorKey(t);
        if (t.gradFn === null) addTensor(t);
      }
      const key = `e${op.id}-${i}`;
      edges.push({ key, from, to: `o${op.id}`, stop: next === null, flow: flowOf.get(key) ?? null });
    });
  }
  for (const t of state.tensors) if (t.names.length && t.gradFn === null) addTensor(t);

  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 56, edgesep: 14, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const withLines = [...drafts.values()].map((d) => ({ ...d, lines: nodeLines(d, words) }));
  for (const d of withLines) {
    const width = Math.ceil(Math.max(...d.lines.map(textUnits)) * CHAR_WIDTH + PAD_X);
    g.setNode(d.key, { width, height: d.lines.length * LINE_HEIGHT + PAD_Y });
  }
  const drawn = edges.filter((e) => drafts.has(e.from) && drafts.has(e.to));
  // dagre makes room for each edge's label: the gradient on a backward line, the ✕ of a stop.
  for (const e of drawn) {
    const label = edgeLabel(e, words);
    g.setEdge(
      e.from,
      e.to,
      label ? { width: textUnits(label) * 7 + 12, height: 20, labelpos: 'c' } : { width: 0, height: 0 },
      e.key,
    );
  }
  dagre.layout(g);
  const nodes: GraphNode[] = withLines.map((d) => {
    const n = g.node(d.key) as { x: number; y: number; width: number; height: number };
    return {
      key: d.key,
      kind: d.kind,
      title: d.title,
      names: d.names,
      requiresGrad: d.requiresGrad,
      leaf: d.leaf,
      detached: d.detached,
      freed: d.freed,
      grad: d.grad,
      sharedStorage: d.sharedStorage,
      changed: d.changed,
      root: d.root,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
    };
  });
  const laidEdges: GraphEdge[] = drawn.map((e) => {
    const label = g.edge(e.from, e.to, e.key) as
      { points?: { x: number; y: number }[]; x?: number; y?: number } | undefined;
    const points = label?.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...e, points, label: { x: label?.x ?? middle.x, y: label?.y ?? middle.y } };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges: laidEdges, width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0) };
}

/**
 * What the tensors lesson's views draw, derived from the engine's run of the
 * program (`runProgram`): which steps are visible while a checkpoint waits,
 * the tensors a line made or changed, how a view's shape relates to its
 * base's, and a checkpoint's answer. Pure functions of the run.
 */
import { runProgram, type ProgramRun, type ProgramState, type TensorInfo } from '../../../engine/autograd';
import { parsePython, type Expr } from '../../../engine/python';
import { TENSORS_STORY, type AnswerSource, type TensorsState } from './tensorsState';

let last: { readonly source: string; readonly run: ProgramRun } | null = null;

/** The engine's run of a program, remembered for the last program asked (views ask every render). */
export function runOf(source: string): ProgramRun {
  if (last?.source !== source) last = { source, run: runProgram(source) };
  return last.run;
}

/** Playback steps of a program: one per line that ran, and one for a refusal before any line ran. */
export function stepCount(run: ProgramRun): number {
  return Math.max(1, run.steps.length);
}

/** The 1-based line from which results are hidden, or null when nothing is hidden. */
export function hiddenFrom(state: TensorsState, revealed: boolean): number | null {
  const step = TENSORS_STORY[state.story];
  if (revealed || !step?.checkpoint || state.source !== step.program) return null;
  return step.checkpoint.hideFrom;
}

/** The last playback step whose line may be shown (before `hideFrom`), −1 when none. */
export function lastVisibleStep(run: ProgramRun, hideFrom: number | null): number {
  if (hideFrom === null) return run.steps.length - 1;
  let i = -1;
  run.steps.forEach((s, k) => {
    if (s.line < hideFrom) i = k;
  });
  return i;
}

const EMPTY_STATE: ProgramState = { names: {}, tensors: [], ops: [], sharing: [], gradEnabled: true };

/** The state the views show at playback step `step`, never past what is hidden. */
export function shownStep(run: ProgramRun, step: number, hideFrom: number | null): number {
  return Math.min(step, lastVisibleStep(run, hideFrom));
}

export function stateAt(run: ProgramRun, index: number): ProgramState {
  return index < 0 ? EMPTY_STATE : (run.steps[index]?.state ?? run.state);
}

/** Named tensors in the order their names were first bound: [name, tensor]. */
export function namedTensors(state: ProgramState): { readonly name: string; readonly tensor: TensorInfo | null }[] {
  const byId = new Map(state.tensors.map((t) => [t.id, t]));
  return Object.entries(state.names).map(([name, id]) => ({
    name,
    tensor: id === null ? null : (byId.get(id) ?? null),
  }));
}

/** Storages written in place by step `index` (their version went up), so every name that sees them lights up. */
export function changedStorages(run: ProgramRun, index: number): ReadonlySet<number> {
  const now = stateAt(run, index);
  const before = new Map(stateAt(run, index - 1).tensors.map((t) => [t.storage, t.version]));
  const out = new Set<number>();
  for (const t of now.tensors) {
    const was = before.get(t.storage);
    if (was !== undefined && t.version > was) out.add(t.storage);
  }
  return out;
}

/** The named tensor step `index` made or bound (the last one its line assigned), or null. */
export function lineTensor(
  run: ProgramRun,
  index: number,
): { readonly name: string; readonly tensor: TensorInfo } | null {
  const step = run.steps[index];
  if (!step) return null;
  const before = stateAt(run, index - 1).names;
  const found = namedTensors(step.state).filter((n) => n.tensor && before[n.name] !== n.tensor.id);
  const pick = found[found.length - 1];
  return pick?.tensor ? { name: pick.name, tensor: pick.tensor } : null;
}

/** How one axis of a shape fares between a base and its view: kept, new (size 1 added) or removed (size 1 dropped). */
export type AxisFate = 'kept' | 'new' | 'removed';

export interface ShapeChange {
  /** One entry per axis of the base. */
  readonly base: readonly AxisFate[];
  /** One entry per axis of the view. */
  readonly view: readonly AxisFate[];
  /** False when the view is not the base with size-1 axes added or removed (a reshape). */
  readonly squeezeLike: boolean;
}

/**
 * Lines up a base shape with a view's shape: when the view is the base with
 * size-1 axes added (unsqueeze) or removed (squeeze), marks which. Otherwise
 * (reshape, view, t) every axis is kept and `squeezeLike` is false.
 */
export function shapeChange(base: readonly number[], view: readonly number[]): ShapeChange {
  const b: AxisFate[] = [];
  const v: AxisFate[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < view.length) {
    const x = base[i];
    const y = view[j];
    if (x !== undefined && y !== undefined && x === y) {
      b.push('kept');
      v.push('kept');
      i++;
      j++;
    } else if (y === 1 && (x === undefined || x !== 1)) {
      v.push('new');
      j++;
    } else if (x === 1) {
      b.push('removed');
      i++;
    } else {
      return { base: base.map(() => 'kept'), view: view.map(() => 'kept'), squeezeLike: false };
    }
  }
  return { base: b, view: v, squeezeLike: true };
}

/** The numbers a checkpoint expects, read off the run (null when the program no longer says). */
export function answerOf(run: ProgramRun, source: AnswerSource): readonly number[] | null {
  const at = (line: number): ProgramState | null => {
    const found = [...run.steps].reverse().find((s) => s.line <= line);
    return found ? found.state : null;
  };
  const named = (state: ProgramState | null, name: string) => {
    if (!state) return null;
    const id = state.names[name];
    return state.tensors.find((t) => t.id === id) ?? null;
  };
  switch (source.kind) {
    case 'shape': {
      const t = named(run.state, source.name);
      return t ? t.shape : null;
    }
    case 'value': {
      const v = named(at(source.line), source.name)?.data[0];
      return v === undefined ? null : [v];
    }
    case 'grad': {
      const v = named(at(source.line), source.name)?.grad?.data[0];
      return v === undefined ? null : [v];
    }
    case 'dim-max': {
      const max = run.error?.code === 'dimension-out-of-range' ? run.error.details.max : undefined;
      return typeof max === 'number' ? [max] : null;
    }
  }
}

/**
 * Whether a typed prediction gives exactly `expected`: every number in order
 * ("1, 1, 4, 4", "[1,1,4,4]", "1×1×4×4"). Full-width digits and signs read as
 * ASCII (Unicode NFKC), "−" as a minus; at most 200 characters are read.
 */
export function predictionMatches(typed: string, expected: readonly number[]): boolean {
  if (typed.length > 200) return false;
  const nums =
    typed
      .normalize('NFKC')
      .replace(/\u2212/g, '-')
      .match(/-?\d+(?:\.\d+)?/g)
      ?.map(Number) ?? [];
  return nums.length === expected.length && nums.every((n, i) => Math.abs(n - (expected[i] ?? NaN)) < 1e-9);
}

/**
 * The tensor a line's result was computed from, when the line is `name = x.op(…)…`
 * (methods chained on one name): `x`'s tensor before the line, or null.
 * Read with the engine's parser, from the line's own text.
 */
export function lineInput(run: ProgramRun, index: number, source: string): TensorInfo | null {
  const step = run.steps[index];
  if (!step) return null;
  const text = (source.split('\n')[step.line - 1] ?? '').trim();
  const parsed = parsePython(text);
  const stmt = parsed.ok ? parsed.module.body[0] : undefined;
  if (stmt?.kind !== 'assign') return null;
  let e: Expr = stmt.value;
  while (e.kind === 'call' && e.callee.kind === 'attribute') e = e.callee.object;
  if (e.kind !== 'name' || e === stmt.value) return null;
  const before = stateAt(run, index - 1);
  const id = before.names[e.id];
  return before.tensors.find((t) => t.id === id) ?? null;
}

/**
 * Undo/redo over immutable figure states: a pure value with the present, the
 * states before it and the states undone after it.
 */
export interface History<T> {
  readonly present: T;
  readonly past: readonly T[];
  readonly future: readonly T[];
}

const HISTORY_LIMIT = 100;

export function historyOf<T>(present: T): History<T> {
  return { present, past: [], future: [] };
}

/** Records a change; nothing happens when the state did not change. */
export function commit<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  return { present: next, past: [...h.past, h.present].slice(-HISTORY_LIMIT), future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (prev === undefined) return h;
  return { present: prev, past: h.past.slice(0, -1), future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { present: next, past: [...h.past, h.present], future: h.future.slice(1) };
}

/** Replaces the present without recording it (a link or a narrative step). */
export function reset<T>(h: History<T>, present: T): History<T> {
  return { ...h, present };
}

/** Writes values at flat indices of one array; the same array back if nothing changed. */
export function writeValues(
  values: readonly number[],
  writes: readonly (readonly [number, number])[],
): readonly number[] {
  const out = [...values];
  let changed = false;
  for (const [i, v] of writes) {
    if (i >= 0 && i < out.length && Number.isFinite(v) && out[i] !== v) {
      out[i] = v;
      changed = true;
    }
  }
  return changed ? out : values;
}

import type { FigureValues } from './figureCodec';
import { commit, redo, reset, undo, writeValues, type History } from './history';

/** Which of a figure's editable matrices. */
export type FigureMatrixId = 'input' | 'weight' | 'biasValues';

/** A lesson figure in the store: its undo history and the narrative step it was set up by. */
export type FigureHistory<P> = History<FigureValues<P>> & {
  /** Narrative step. */
  readonly story: number;
};

/** What the shared actions need from a lesson. */
export interface FigureLesson<P> {
  /** New settings, keeping every matrix value that still has a place. */
  readonly withParams: (figure: FigureValues<P>, params: P) => FigureValues<P>;
  readonly fromSeed: (params: P, seed: number) => FigureValues<P>;
  /** How many playback steps the figure has. */
  readonly total: (figure: FigureValues<P>) => number;
}

/** The edits every lesson's figure takes; each lesson's slice names them. */
export interface FigureActions<P> {
  /**
   * Replaces the figure (a link opened in the tab, Back, a narrative step,
   * Reset) as one step that Undo reverses and Redo re-applies, so the figure
   * it replaces can be reached again. A figure equal to the present one
   * records nothing; the narrative step is set, not recorded.
   */
  readonly load: (figure: FigureValues<P>, story?: number) => void;
  /** Replaces the figure without an undo step: the link the lesson opens with, the start of its history. */
  readonly open: (figure: FigureValues<P>, story?: number) => void;
  readonly setParams: (params: Partial<P>) => void;
  /** Writes [flat index, value] pairs into one matrix (one cell, or a pasted block). */
  readonly setValues: (matrix: FigureMatrixId, writes: readonly (readonly [number, number])[]) => void;
  readonly randomize: (seed: number) => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

/**
 * Undoable edits of one lesson's figure. `write` stores the next history and
 * the figure's new step count in one update, so an edit renders once.
 */
export function figureActions<P>(
  read: () => FigureHistory<P>,
  write: (next: FigureHistory<P>, total: number) => void,
  lesson: FigureLesson<P>,
): FigureActions<P> {
  const update = (f: (h: History<FigureValues<P>>) => History<FigureValues<P>>, story?: number) => {
    const current = read();
    const next = f(current);
    if (next === current && story === undefined) return;
    write({ ...next, story: story ?? current.story }, lesson.total(next.present));
  };
  return {
    load: (figure, story) => update((h) => (sameFigure(h.present, figure) ? h : commit(h, figure)), story),
    open: (figure, story) => update((h) => reset(h, figure), story),
    setParams: (params) => update((h) => commit(h, lesson.withParams(h.present, { ...h.present.params, ...params }))),
    setValues: (matrix, writes) =>
      update((h) => {
        const values = writeValues(h.present[matrix], writes);
        return values === h.present[matrix] ? h : commit(h, { ...h.present, [matrix]: values });
      }),
    randomize: (seed) => update((h) => commit(h, lesson.fromSeed(h.present.params, seed))),
    undo: () => update(undo),
    redo: () => update(redo),
  };
}

/** Whether two figures hold the same settings, seed and matrix values (a decoded link is a new object). */
export function sameFigure<P>(a: FigureValues<P>, b: FigureValues<P>): boolean {
  if (a === b) return true;
  const pa = a.params as Readonly<Record<string, unknown>>;
  const pb = b.params as Readonly<Record<string, unknown>>;
  const keys = Object.keys(pa);
  const sameArray = (x: readonly number[], y: readonly number[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.seed === b.seed &&
    keys.length === Object.keys(pb).length &&
    keys.every((k) => pa[k] === pb[k]) &&
    sameArray(a.input, b.input) &&
    sameArray(a.weight, b.weight) &&
    sameArray(a.biasValues, b.biasValues)
  );
}

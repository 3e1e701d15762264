/**
 * How a lesson reaches its own slot of the store, typed by its slice: plain
 * functions for the store itself (tests, link codecs) and hooks for views.
 */
import { useMemo } from 'react';
import type { AppState, AppStore } from '../../store/appStore';
import { useAppStore, useAppStoreApi } from '../../store/react';
import type { LessonLens, LessonSlice } from '../contract';

/** The lesson's state in the store: its slot, or its initial state until it first writes one. */
export function sliceState<S>(state: AppState, slice: LessonSlice<S, unknown>): S {
  return (state.lessons[slice.id] as S | undefined) ?? slice.initial;
}

function lensOf<S>(store: AppStore, slice: LessonSlice<S, unknown>): LessonLens<S> {
  return {
    get: () => sliceState(store.getState(), slice),
    set: (next, total) => store.getState().setLesson(slice.id, next, total),
  };
}

/** The lesson's actions, bound to one store. */
export function sliceActions<S, A>(store: AppStore, slice: LessonSlice<S, A>): A {
  return slice.actions(lensOf(store, slice));
}

/** Subscribes to a narrow part of the lesson's state. */
export function useSlice<S, T>(slice: LessonSlice<S, unknown>, selector: (s: S) => T): T {
  return useAppStore((state) => selector(sliceState(state, slice)));
}

/** The lesson's actions for this store; the same object for the life of the store. */
export function useSliceActions<S, A>(slice: LessonSlice<S, A>): A {
  const store = useAppStoreApi();
  return useMemo(() => sliceActions(store, slice), [store, slice]);
}

/** The focused cell if it belongs to this lesson (the store holds one focus for any lesson). */
export function focusIn<F>(state: AppState, slice: { readonly id: string }): F | null {
  const focus = state.focus;
  return focus && focus.lesson === slice.id ? (focus.cell as F) : null;
}

/** Sets (or clears, with null) the focused cell of this lesson. */
export function useSetFocus<F>(slice: { readonly id: string }): (cell: F | null) => void {
  const setFocus = useAppStore((s) => s.setFocus);
  return useMemo(
    () => (cell: F | null) => setFocus(cell === null ? null : { lesson: slice.id, cell }),
    [setFocus, slice],
  );
}

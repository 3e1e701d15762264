/**
 * The lesson contract: what a lesson gives the app, and what the app gives
 * back. A lesson is a folder under `app/lessons/` whose `index.ts` default-
 * exports one `LessonDefinition`, plus one line in `registry.ts`. Nothing
 * here assumes a lesson is a figure of matrices: its state is its own type.
 */
import type { ComponentType } from 'react';
import type { Lang } from '../i18n';
import type { AppState, AppStore } from '../store/appStore';
import type { SharedLinkState } from '../urlCodec';

/** A text (or anything else) in each language the app speaks. */
export type InBothLanguages<T = string> = Readonly<Record<Lang, T>>;

/** What the landing page and the router know of a lesson before its code loads. */
export interface LessonEntry {
  /** Fixed id, also its route: `#/<id>`. Links and tests use it; never rename one. */
  readonly id: string;
  readonly title: InBothLanguages;
  /** One or two sentences for the landing page's path. */
  readonly summary: InBothLanguages;
  /** Fetches the lesson's code (its own chunk); absent while the lesson is coming next. */
  readonly load?: () => Promise<{ readonly default: AnyLessonDefinition }>;
}

/** Props the router gives a lesson's view: the raw query of its route, for its link codec. */
export interface LessonProps {
  readonly query: string;
}

/**
 * A lesson's part of the store: its initial state and the actions that change
 * it. The store holds one slot per lesson id and knows nothing of its type;
 * actions reach their slot through a `LessonLens`.
 */
export interface LessonSlice<S, A> {
  readonly id: string;
  readonly initial: S;
  readonly actions: (lens: LessonLens<S>) => A;
}

/** One lesson's slot of the store, read and written whole. */
export interface LessonLens<S> {
  readonly get: () => S;
  /**
   * Stores the next state. `total` (the playback step count of the new
   * state) is written in the same update, so an edit renders once.
   */
  readonly set: (next: S, total?: number) => void;
}

/**
 * A lesson's link codec: its whole state in the hash query. `decode` never
 * throws; it falls back per key and names the keys it ignored.
 */
export interface LessonLink<L extends { readonly shared: SharedLinkState }> {
  /** Every query key the lesson reads (its typed key table), besides the shared ones. */
  readonly keys: readonly string[];
  readonly decode: (query: string) => { readonly state: L; readonly ignored: readonly string[] };
  readonly encode: (state: L) => string;
  /**
   * Puts a decoded link into the store. Returns the keys whose values the
   * lesson could not show as asked and moved to the nearest it can (a step
   * past the last one), so the reader is told; nothing when all was shown.
   */
  readonly apply: (state: L, store: AppStore) => readonly string[] | void;
  /** The control ids a teacher's `hide=` may name; others are ignored with a notice. Unchecked when absent. */
  readonly hideable?: readonly string[];
  /** Reads the link state back out of the store. */
  readonly snapshot: (state: AppState) => L;
}

/** Everything one lesson is. The registry line's `load` resolves to it. */
export interface LessonDefinition<S, A, L extends { readonly shared: SharedLinkState }, M> {
  /** The registry id this lesson answers to. */
  readonly id: string;
  readonly slice: LessonSlice<S, A>;
  readonly link: LessonLink<L>;
  /** "Copy as PyTorch": Python that reproduces what the lesson shows for this state. */
  readonly pytorch: (state: S) => string;
  /** How many narrative steps the lesson tells (their words are in `messages`). */
  readonly storySteps: number;
  /** The lesson's own words, loaded with its code. */
  readonly messages: InBothLanguages<M>;
  /** The lesson's page. */
  readonly View: ComponentType<LessonProps>;
}

/** A lesson definition of any state, as the registry and router hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLessonDefinition = LessonDefinition<any, any, any, any>;

/** Checks a lesson's definition against the contract and keeps its own types. */
export function defineLesson<S, A, L extends { readonly shared: SharedLinkState }, M>(
  lesson: LessonDefinition<S, A, L, M>,
): LessonDefinition<S, A, L, M> {
  return lesson;
}

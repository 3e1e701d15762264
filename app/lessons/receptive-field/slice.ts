import type { LayerStack, PresetId } from '../../../engine';
import type { LessonSlice } from '../contract';
import { commit, redo, undo } from '../kit/history';
import { INITIAL_STATE, storyState, type RfCell, type RfState, type WeightMode } from './rfState';

export interface RfActions {
  /** Opens a link's state (no undo entry). */
  open(s: {
    stack: LayerStack;
    cell: RfCell | null;
    compare: PresetId | null;
    weights: WeightMode;
    seed: number;
    story: number;
  }): void;
  /** Records an edit of the stack; the chosen cell goes back to the centre of the last level. */
  edit(stack: LayerStack): void;
  undo(): void;
  redo(): void;
  /** Goes to narrative step `index`, opening its stack. */
  goToStory(index: number): void;
  chooseCell(cell: RfCell | null): void;
  setCompare(id: PresetId | null): void;
  setWeights(mode: WeightMode, seed: number): void;
}

/** The receptive-field lesson's slot of the store. */
export const rfSlice: LessonSlice<RfState, RfActions> = {
  id: 'receptive-field',
  initial: INITIAL_STATE,
  actions: (lens) => ({
    open: ({ stack, ...rest }) => lens.set({ ...lens.get(), ...rest, present: stack }, 1),
    edit: (stack) => {
      const cur = lens.get();
      const next = commit(cur, stack);
      if (next !== cur) lens.set({ ...cur, ...next, cell: null });
    },
    undo: () => {
      const cur = lens.get();
      lens.set({ ...cur, ...undo(cur), cell: null });
    },
    redo: () => {
      const cur = lens.get();
      lens.set({ ...cur, ...redo(cur), cell: null });
    },
    goToStory: (index) => {
      const cur = lens.get();
      const next = storyState(index);
      lens.set({
        ...next,
        past: [...cur.past, cur.present].slice(-100),
        future: [],
        weights: cur.weights,
        seed: cur.seed,
      });
    },
    chooseCell: (cell) => lens.set({ ...lens.get(), cell }),
    setCompare: (compare) => lens.set({ ...lens.get(), compare }),
    setWeights: (weights, seed) => lens.set({ ...lens.get(), weights, seed }),
  }),
};

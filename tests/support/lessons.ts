/** The two figure lessons' store slots and actions, as the tests read and drive them. */
import { sliceActions, sliceState } from '../../app/lessons/kit/slice';
import { convSlice } from '../../app/lessons/conv/slice';
import { transposedSlice } from '../../app/lessons/transposed/slice';
import type { AppStore } from '../../app/store/appStore';

export const convOf = (store: AppStore) => sliceState(store.getState(), convSlice);
export const convActions = (store: AppStore) => sliceActions(store, convSlice);
export const transposedOf = (store: AppStore) => sliceState(store.getState(), transposedSlice);
export const transposedActions = (store: AppStore) => sliceActions(store, transposedSlice);

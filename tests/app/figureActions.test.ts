import { describe, expect, it } from 'vitest';
import { convView } from '../../app/conv/convView';
import { createAppStore } from '../../app/store/appStore';
import { transposedView } from '../../app/transposed/transposedView';

describe('figure edits in the store, the same for every lesson', () => {
  it('an edit can be undone and redone; a new edit drops what was undone', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const before = s().conv.present.input[0];
    s().convSetValues('input', [[0, 42]]);
    expect(s().conv.present.input[0]).toBe(42);
    s().convUndo();
    expect(s().conv.present.input[0]).toBe(before);
    s().convRedo();
    expect(s().conv.present.input[0]).toBe(42);
    s().convUndo();
    s().convSetValues('input', [[1, 7]]);
    expect(s().conv.future).toHaveLength(0);
  });

  it('writing a value a cell already holds records nothing to undo', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().tSetValues('input', [[0, s().transposed.present.input[0] ?? 0]]);
    expect(s().transposed.past).toHaveLength(0);
  });

  it('a link or a narrative step replaces the figure without an undo step, and keeps its story step', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().convSetParams({ kH: 2 });
    const figure = s().conv.present;
    s().convLoad(figure, 3);
    expect(s().conv.story).toBe(3);
    expect(s().conv.past).toHaveLength(1);
    s().convSetParams({ kW: 2 });
    expect(s().conv.story).toBe(3);
  });

  it('new settings and the new step count arrive in one store update, so an edit renders once', () => {
    const store = createAppStore();
    const updates: number[] = [];
    store.subscribe((state) => updates.push(state.playback.total));
    store.getState().tSetParams({ strideH: 2, strideW: 2 });
    expect(updates).toEqual([transposedView(store.getState().transposed.present).total]);
    store.getState().convSetParams({ inH: 7 });
    expect(updates.at(-1)).toBe(convView(store.getState().conv.present).total);
    expect(updates).toHaveLength(2);
  });

  it('new random numbers keep the settings and can be undone', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const before = s().transposed.present;
    s().tRandomize(123);
    expect(s().transposed.present.params).toEqual(before.params);
    expect(s().transposed.present.seed).toBe(123);
    s().tUndo();
    expect(s().transposed.present).toBe(before);
  });
});

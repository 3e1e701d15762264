import { describe, expect, it } from 'vitest';
import { convView } from '../../../../app/lessons/conv/convView';
import { createAppStore } from '../../../../app/store/appStore';
import { transposedView } from '../../../../app/lessons/transposed/transposedView';
import { convActions, convOf, transposedActions, transposedOf } from '../../../support/lessons';
import { convLink } from '../../../../app/lessons/conv/link';

describe('figure edits in the store, the same for every lesson', () => {
  it('an edit can be undone and redone; a new edit drops what was undone', () => {
    const store = createAppStore();
    const before = convOf(store).present.input[0];
    convActions(store).setValues('input', [[0, 42]]);
    expect(convOf(store).present.input[0]).toBe(42);
    convActions(store).undo();
    expect(convOf(store).present.input[0]).toBe(before);
    convActions(store).redo();
    expect(convOf(store).present.input[0]).toBe(42);
    convActions(store).undo();
    convActions(store).setValues('input', [[1, 7]]);
    expect(convOf(store).future).toHaveLength(0);
  });

  it('writing a value a cell already holds records nothing to undo', () => {
    const store = createAppStore();
    transposedActions(store).setValues('input', [[0, transposedOf(store).present.input[0] ?? 0]]);
    expect(transposedOf(store).past).toHaveLength(0);
  });

  it('the link a lesson opens with replaces the figure without an undo step, and keeps its story step', () => {
    const store = createAppStore();
    convActions(store).setParams({ kH: 2 });
    const figure = { ...convOf(store).present, seed: 99 };
    convActions(store).open(figure, 3);
    expect(convOf(store).present).toBe(figure);
    expect(convOf(store).story).toBe(3);
    expect(convOf(store).past).toHaveLength(1);
    convActions(store).setParams({ kW: 2 });
    expect(convOf(store).story).toBe(3);
  });

  it('a link opened later, a narrative step or Reset is a step: Undo brings back the edited figure, Redo the new one', () => {
    const store = createAppStore();
    const original = convOf(store).present;
    convActions(store).setValues('input', [[0, 42]]);
    const edited = convOf(store).present;
    const linked = { ...original, params: { ...original.params, kH: 2, kW: 2 } };
    convActions(store).load(linked, 2);
    expect(convOf(store).present).toBe(linked);
    expect(convOf(store).story).toBe(2);
    convActions(store).undo();
    expect(convOf(store).present).toBe(edited);
    convActions(store).undo();
    expect(convOf(store).present).toBe(original);
    convActions(store).redo();
    convActions(store).redo();
    expect(convOf(store).present).toBe(linked);
  });

  it('Reset to the defaults keeps the edits one Undo away', () => {
    const store = createAppStore();
    const defaults = convOf(store).present;
    convActions(store).setValues('weight', [[0, 5]]);
    const edited = convOf(store).present;
    convActions(store).load(defaults, 0);
    expect(convOf(store).present).toBe(defaults);
    convActions(store).undo();
    expect(convOf(store).present).toBe(edited);
  });

  it('loading a figure equal to the present one (a link that changes only the step or language) records nothing', () => {
    const store = createAppStore();
    convActions(store).setValues('input', [[0, 42]]);
    const copy = structuredClone(convOf(store).present);
    convActions(store).load(copy, 1);
    expect(convOf(store).past).toHaveLength(1);
    expect(convOf(store).story).toBe(1);
  });

  it('new settings and the new step count arrive in one store update, so an edit renders once', () => {
    const store = createAppStore();
    const updates: number[] = [];
    store.subscribe((state) => updates.push(state.playback.total));
    transposedActions(store).setParams({ strideH: 2, strideW: 2 });
    expect(updates).toEqual([transposedView(transposedOf(store).present).total]);
    convActions(store).setParams({ inH: 7 });
    expect(updates.at(-1)).toBe(convView(convOf(store).present).total);
    expect(updates).toHaveLength(2);
  });

  it('new random numbers keep the settings and can be undone', () => {
    const store = createAppStore();
    const before = transposedOf(store).present;
    transposedActions(store).randomize(123);
    expect(transposedOf(store).present.params).toEqual(before.params);
    expect(transposedOf(store).present.seed).toBe(123);
    transposedActions(store).undo();
    expect(transposedOf(store).present).toBe(before);
  });

  it('links applied in one page: the first starts the history, a later one can be undone back to the edits', () => {
    const store = createAppStore();
    const first = convLink.decode('v=1&s=2&seed=7');
    convLink.apply(first.state, store);
    expect(convOf(store).past).toHaveLength(0);
    convActions(store).setValues('input', [[0, 42]]);
    const edited = convOf(store).present;
    convLink.apply(convLink.decode('v=1&k=2&seed=7').state, store);
    expect(convOf(store).present.params.kH).toBe(2);
    convActions(store).undo();
    expect(convOf(store).present).toBe(edited);
    convActions(store).undo();
    expect(convOf(store).present.params.strideH).toBe(2);
    expect(convOf(store).present.input[0]).not.toBe(42);
  });
});

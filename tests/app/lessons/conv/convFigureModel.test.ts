import { describe, expect, it } from 'vitest';
import { lessonWords } from '../../../../app/lessons/kit/messages';
import { buildConvFigure, type ConvFigureOptions } from '../../../../app/lessons/conv/convFigureModel';
import { CONV_MESSAGES } from '../../../../app/lessons/conv/messages';
import { storyFigure } from '../../../../app/lessons/conv/convStory';
import { convView, type ConvFocus } from '../../../../app/lessons/conv/convView';

const t = lessonWords('en', 'conv', CONV_MESSAGES);
// The first example: a 4×4 input and a 3×3 kernel give a 2×2 output (four windows).
const first = storyFigure(0);
const stateCount = (cells: readonly { readonly state: string }[], state: string) =>
  cells.filter((c) => c.state === state).length;

function build(
  figure = first,
  o: Partial<ConvFigureOptions> & { readonly focus?: ConvFocus | null } = {},
): ReturnType<typeof buildConvFigure> {
  return buildConvFigure(figure, convView(figure), {
    step: 0,
    focus: null,
    hideOutput: false,
    theme: 'light',
    t,
    ...o,
  });
}

describe('the convolution figure while a question about the output’s size waits', () => {
  it('draws each output as one "?" cell, named so a screen reader hears that the size comes with the answer', () => {
    const fig = build(first, { hideOutput: true, hideShape: true });
    expect(fig.outputs).toHaveLength(1);
    const out = fig.outputs[0];
    expect([out?.rows, out?.cols]).toEqual([1, 1]);
    expect(out?.cells.map((c) => [c.text, c.state])).toEqual([['?', 'pending']]);
    expect(out?.label).toBe('Output, channel 0: size hidden until you answer');
    expect(out?.caption).toBe('Output, channel 0');
  });

  it('keeps the input and the kernel whole, and shows the first window whatever the playback step', () => {
    const hidden = build(first, { step: 3, hideOutput: true, hideShape: true });
    const atFirst = build(first, { step: 0, hideOutput: true });
    expect([hidden.inputs[0]?.rows, hidden.inputs[0]?.cols]).toEqual([4, 4]);
    expect([hidden.kernels[0]?.rows, hidden.kernels[0]?.cols]).toEqual([3, 3]);
    expect(hidden.inputs[0]?.cells.map((c) => c.state)).toEqual(atFirst.inputs[0]?.cells.map((c) => c.state));
    expect(hidden.subject).toBe('Output [0, 0, 0, 0]');
    // The first window's sum is a value, hidden as before.
    expect(hidden.caption).toBe('');
  });

  it('an input cell pointed at marks no outputs and no other cells, and its subject counts nothing', () => {
    const focus: ConvFocus = { kind: 'padded', n: 0, c: 0, py: 1, px: 1 };
    const hidden = build(first, { focus, hideOutput: true, hideShape: true });
    expect(hidden.subject).toBe('Input [0, 0, 1, 1]');
    expect(stateCount(hidden.outputs[0]?.cells ?? [], 'target')).toBe(0);
    expect(stateCount(hidden.inputs[0]?.cells ?? [], 'contributing')).toBe(0);
    expect(stateCount(hidden.kernels[0]?.cells ?? [], 'contributing')).toBe(0);
    // Answered, the same cell feeds all four outputs (through four kernel weights).
    const shown = build(first, { focus });
    expect(shown.subject).toBe('Input [0, 0, 1, 1] feeds 4 output cells');
    expect(stateCount(shown.outputs[0]?.cells ?? [], 'target')).toBe(4);
  });

  it('a kernel cell pointed at marks no inputs: their spread would count the windows', () => {
    const focus: ConvFocus = { kind: 'weight', index: 0 };
    const hidden = build(first, { focus, hideOutput: true, hideShape: true });
    expect(hidden.subject).toBe('Weight [0, 0, 0, 0]');
    expect(stateCount(hidden.inputs[0]?.cells ?? [], 'contributing')).toBe(0);
    expect(build(first, { focus }).subject).toContain('multiplies 4 input cells');
  });

  it('an output pointed at (through the "?" cell) is not followed: the figure stays at the first window', () => {
    const hidden = build(first, { focus: { kind: 'output', index: 3 }, hideOutput: true, hideShape: true });
    expect(hidden.subject).toBe('Output [0, 0, 0, 0]');
  });

  it('does not mark the rows and columns the floor never visits (they follow from the output’s size)', () => {
    // Step 4: a 6×6 input, 3×3 kernel, stride 2: the last row and column are never visited.
    const rows = storyFigure(4);
    expect(stateCount(build(rows).inputs[0]?.cells ?? [], 'unvisited')).toBeGreaterThan(0);
    expect(stateCount(build(rows, { hideOutput: true, hideShape: true }).inputs[0]?.cells ?? [], 'unvisited')).toBe(0);
  });

  it('a question about a value keeps the output’s real shape, its cells empty', () => {
    const fig = build(first, { hideOutput: true });
    expect([fig.outputs[0]?.rows, fig.outputs[0]?.cols]).toEqual([2, 2]);
    expect(fig.outputs[0]?.cells.every((c) => c.text === '')).toBe(true);
  });
});

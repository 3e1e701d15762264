import { describe, expect, it } from 'vitest';
import { lessonWords } from '../../../../app/lessons/kit/messages';
import {
  buildTransposedFigure,
  type TransposedFigureOptions,
} from '../../../../app/lessons/transposed/transposedFigureModel';
import { TRANSPOSED_MESSAGES } from '../../../../app/lessons/transposed/messages';
import { transposedStoryFigure } from '../../../../app/lessons/transposed/transposedStory';
import { transposedView } from '../../../../app/lessons/transposed/transposedView';

const t = lessonWords('en', 'transposed', TRANSPOSED_MESSAGES);
// Stride 2 (step 4): a 2×2 input and a 2×2 kernel give a 4×4 canvas and output.
const figure = transposedStoryFigure(4);

function build(o: Partial<TransposedFigureOptions> = {}): ReturnType<typeof buildTransposedFigure> {
  return buildTransposedFigure(figure, transposedView(figure), {
    step: 0,
    focus: null,
    hideOutput: false,
    theme: 'light',
    t,
    ...o,
  });
}

const sizes = (grids: readonly { readonly rows: number; readonly cols: number }[]) =>
  grids.map((g) => `${g.rows}×${g.cols}`);

describe('the transposed-convolution figure while a question about the output’s size waits', () => {
  it('draws every grid whose size gives the answer as one "?" cell: output, full canvas, overlaps, the direct convolution’s input and output', () => {
    const shown = build();
    expect(sizes(shown.outputs)).toEqual(['4×4']);
    expect(sizes(shown.canvases)).toEqual(['4×4']);
    const hidden = build({ hideOutput: true, hideShape: true });
    for (const grids of [hidden.outputs, hidden.canvases, hidden.overlaps, hidden.ups, hidden.gatherOutputs]) {
      expect(grids.length).toBeGreaterThan(0);
      for (const g of grids) {
        expect(`${g.rows}×${g.cols}`).toBe('1×1');
        expect(g.cells.map((c) => [c.text, c.state])).toEqual([['?', 'pending']]);
        expect(g.label).toMatch(/: size hidden until you answer$/);
      }
    }
    expect(hidden.outputs[0]?.caption).toBe('Output, channel 0');
  });

  it('keeps the input, the kernel and the flipped kernel whole', () => {
    const hidden = build({ hideOutput: true, hideShape: true });
    expect(sizes(hidden.inputs)).toEqual(['2×2']);
    expect(sizes(hidden.kernels)).toEqual(['2×2']);
    expect(sizes(hidden.flipped)).toEqual(['2×2']);
  });

  it('stays at the first stamp, and does not follow a canvas or output cell pointed at', () => {
    const first = build({ hideOutput: true, hideShape: true });
    expect(first.subject).toBe('Input [0, 0, 0, 0] = 0 stamps 0 × kernel');
    expect(build({ step: 3, hideOutput: true, hideShape: true }).subject).toBe(first.subject);
    const pointed = build({ focus: { kind: 'canvas', n: 0, co: 0, ty: 0, tx: 0 }, hideOutput: true, hideShape: true });
    expect(pointed.subject).toBe(first.subject);
    expect(pointed.inputs[0]?.cells.filter((c) => c.state === 'contributing')).toHaveLength(0);
  });

  it('a question about a value (the most stamps on one cell) keeps the real shapes, their cells empty', () => {
    const overlap = transposedStoryFigure(6);
    const fig = buildTransposedFigure(overlap, transposedView(overlap), {
      step: 0,
      focus: null,
      hideOutput: true,
      theme: 'light',
      t,
    });
    expect(sizes(fig.canvases)).toEqual(['9×9']);
    expect(fig.overlaps[0]?.cells.every((c) => c.text === '')).toBe(true);
  });
});

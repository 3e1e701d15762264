import { describe, expect, it } from 'vitest';
import { buildConvFigure, convFigureModel } from '../../../../app/lessons/conv/convFigureModel';
import { DEFAULT_PARAMS, figureFromSeed } from '../../../../app/lessons/conv/convState';
import { convView } from '../../../../app/lessons/conv/convView';
import { CONV_MESSAGES } from '../../../../app/lessons/conv/messages';
import { lessonWords } from '../../../../app/lessons/kit/messages';

describe('the exported convolution figure', () => {
  it('puts each output channel on the row of its own kernel, right of it, as the page does', () => {
    const figure = figureFromSeed({ ...DEFAULT_PARAMS, inChannels: 2, outChannels: 3 }, 7);
    const t = lessonWords('en', 'conv', CONV_MESSAGES);
    const built = buildConvFigure(figure, convView(figure), {
      step: 0,
      focus: null,
      hideOutput: false,
      theme: 'light',
      t,
    });
    const model = convFigureModel(built, 'Convolution');
    const at = (id: string) => model.matrices.find((m) => m.id === id);
    for (let co = 0; co < 3; co++) {
      const kernels = [0, 1].map((ci) => at(`conv-kernel-${co}-${ci}`));
      const output = at(`conv-output-0-${co}`);
      expect(kernels.map((k) => k?.y)).toEqual([output?.y, output?.y]);
      expect(output?.x).toBeGreaterThan(Math.max(...kernels.map((k) => (k?.x ?? 0) + (k?.cols ?? 0))));
    }
    // Every matrix lies inside the drawing.
    for (const m of model.matrices) {
      expect(m.x + m.cols).toBeLessThanOrEqual(model.width);
      expect(m.y + m.rows).toBeLessThanOrEqual(model.height);
    }
  });
});

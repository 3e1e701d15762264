import { describe, expect, it } from 'vitest';
import { conv2d, convTranspose2d, inputSizesForOutput, tensor } from '../../../../engine';
import { answerMatches } from '../../../../app/lessons/kit/story';
import { transposedEn } from '../../../../app/lessons/transposed/messages.en';
import { transposedZh } from '../../../../app/lessons/transposed/messages.zh';
import {
  TRANSPOSED_NARRATIVE,
  TRANSPOSED_STORY,
  transposedStoryFigure,
} from '../../../../app/lessons/transposed/transposedStory';
import { transposedInfoOf } from '../../../../app/lessons/transposed/transposedState';
import { transposedView } from '../../../../app/lessons/transposed/transposedView';
import { decodeMatrixLink } from '../../../../app/lessons/matrix/matrixLink';
import { matrixEn } from '../../../../app/lessons/matrix/messages.en';

/** The step whose English title is `title`: the tests follow the steps, not their numbers. */
function stepOf(title: string): number {
  const i = transposedEn.steps.findIndex((s) => s.title === title);
  if (i < 0) throw new Error(title);
  return i;
}

const figureOf = (title: string) => transposedStoryFigure(stepOf(title));

describe('the transposed-convolution story, every sentence true for its own figure', () => {
  it('has a title and a body in both languages for every step', () => {
    expect(transposedEn.steps).toHaveLength(TRANSPOSED_STORY.length);
    expect(transposedZh.steps).toHaveLength(TRANSPOSED_STORY.length);
    expect(transposedZh.steps.map((s) => s.link?.href)).toEqual(transposedEn.steps.map((s) => s.link?.href));
  });

  it('every checkpoint’s answer is read from the engine and matches its own text', () => {
    TRANSPOSED_STORY.forEach((step, i) => {
      if (!step.checkpoint) return;
      const answer = TRANSPOSED_NARRATIVE.answer(step.checkpoint, transposedStoryFigure(i));
      expect(answerMatches(answer.text, answer.values), `step ${i}`).toBe(true);
    });
  });

  it('one to many: each input cell of the first figure reaches a whole kernel-sized patch of the output', () => {
    const f = figureOf('Many to one, one to many');
    const scatter = transposedView(f).scatter;
    expect(scatter?.steps).toHaveLength(f.params.inH * f.params.inW);
    for (const s of scatter?.steps ?? []) {
      expect(new Set(s.stamps.map((t) => `${t.ty},${t.tx}`)).size).toBe(f.params.kH * f.params.kW);
    }
  });

  it('stamp and sum starts from the 2×2 input [[0,1],[2,3]] and the 2×2 kernel [[0,1],[2,3]]', () => {
    const f = figureOf('Stamp and sum');
    expect(f.params).toMatchObject({ inH: 2, inW: 2, kH: 2, kW: 2 });
    expect(f.input).toEqual([0, 1, 2, 3]);
    expect(f.weight).toEqual([0, 1, 2, 3]);
  });

  it('the crop steps work on the 3×3 canvas of the step before, with padding 1 and then 2', () => {
    const stamp = stepOf('Stamp and sum');
    const crop = stepOf('Padding is a crop');
    const tooMuch = stepOf('Too much cropping');
    expect([crop, tooMuch]).toEqual([stamp + 1, stamp + 2]);
    for (const [i, p] of [
      [crop, 1],
      [tooMuch, 2],
    ] as const) {
      const f = transposedStoryFigure(i);
      expect(f.params).toMatchObject({ padH: p, padW: p });
      expect(transposedView(f).info.h.fullSize).toBe(3);
      expect(transposedView(f).info.w.fullSize).toBe(3);
    }
  });

  it('too much cropping: padding 2 is refused, and the question asks for the largest padding the engine accepts', () => {
    const f = figureOf('Too much cropping');
    expect(TRANSPOSED_STORY[stepOf('Too much cropping')]?.checkpoint).toBe('maxPadding');
    expect(transposedView(f).refusal).not.toBeNull();
    expect(TRANSPOSED_NARRATIVE.answer('maxPadding', f).values).toEqual([1]);
    expect(transposedInfoOf({ ...f.params, padH: 1, padW: 1 }).valid).toBe(true);
  });

  it('the steps that ask first do not state the answer in their bodies', () => {
    for (const title of ['Padding is a crop', 'output_padding picks the size', 'What it is for']) {
      const i = stepOf(title);
      const kind = TRANSPOSED_STORY[i]?.checkpoint;
      expect(kind).toBe('outputSize');
      const [h, w] = TRANSPOSED_NARRATIVE.answer('outputSize', transposedStoryFigure(i)).values;
      expect(transposedEn.steps[i]?.body).not.toContain(`${h}×${w}`);
    }
  });

  it('a step whose text states a size asks no question about it', () => {
    expect(TRANSPOSED_STORY[stepOf('The gradient of a convolution')]?.checkpoint).toBeNull();
  });

  it('output_padding: a convolution with kernel 3, stride 2 and padding 1 maps 5 and 6 alike to 3', () => {
    const f = figureOf('output_padding picks the size');
    expect(f.params).toMatchObject({ inH: 3, kH: 3, strideH: 2, padH: 1, opH: 1 });
    expect(inputSizesForOutput(3, 3, 2, 1, 1)).toEqual([5, 6]);
  });

  it('what it is for: kernel 4, stride 2, padding 1 doubles the size', () => {
    const f = figureOf('What it is for');
    expect(f.params).toMatchObject({ kH: 4, kW: 4, strideH: 2, strideW: 2, padH: 1, padW: 1 });
    const [, , oh, ow] = transposedView(f).info.outputShape;
    expect([oh, ow]).toEqual([2 * f.params.inH, 2 * f.params.inW]);
  });

  it('Cᵀ: a 3×3 stride-2 convolution takes 5×5 to 2×2, and the transposed convolution takes this 2×2 back to 5×5 but not to the same numbers', () => {
    const f = figureOf('The gradient of a convolution');
    expect(f.params).toMatchObject({ inH: 2, inW: 2, kH: 3, kW: 3, strideH: 2, strideW: 2, padH: 0, opH: 0 });
    const weight = tensor([1, 1, 3, 3], f.weight);
    const x = tensor(
      [1, 1, 5, 5],
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const y = conv2d(x, weight, null, { stride: [2, 2] });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    const back = convTranspose2d(y, weight, null, { stride: [2, 2] });
    expect(back.shape).toEqual([1, 1, 5, 5]);
    expect([...back.data]).not.toEqual([...x.data]);
    expect(transposedView(f).info.outputShape).toEqual([1, 1, 5, 5]);
  });

  it('links the Cᵀ step to the matrix lesson’s step on the transpose not being the inverse', () => {
    const href = transposedEn.steps[stepOf('The gradient of a convolution')]?.link?.href ?? '';
    const [route, query] = href.split('?');
    expect(route).toBe('#/matrix');
    const { state, ignored } = decodeMatrixLink(query ?? '');
    expect(ignored).toEqual([]);
    expect(matrixEn.steps[state.story]?.title).toBe('The transpose is not the inverse');
  });

  it('free play comes last', () => {
    expect(stepOf('Your turn')).toBe(TRANSPOSED_STORY.length - 1);
  });
});

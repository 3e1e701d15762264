import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conv2d, tensor } from '../../../../engine';
import { CONV_NARRATIVE, CONV_STORY, storyFigure } from '../../../../app/lessons/conv/convStory';
import { convEn } from '../../../../app/lessons/conv/messages.en';
import { convZh } from '../../../../app/lessons/conv/messages.zh';
import { CONV_INPUT_PROGRAM, TENSORS_SHAPES_HREF } from '../../../../app/lessons/conv/storyLinks';
import { convView } from '../../../../app/lessons/conv/convView';
import { answerMatches } from '../../../../app/lessons/kit/story';
import { decodeTensorsLink } from '../../../../app/lessons/tensors/tensorsLink';
import { answerOf, runOf } from '../../../../app/lessons/tensors/tensorsRun';

/** The step whose English title is `title`: the tests follow the steps, not their numbers. */
function stepOf(title: string): number {
  const i = convEn.steps.findIndex((s) => s.title === title);
  if (i < 0) throw new Error(title);
  return i;
}

const viewOf = (index: number) => convView(storyFigure(index));

/** The lesson's first worked example, as PyTorch computed it (`lesson_examples.json`, case 0). */
const FIXTURE = (
  JSON.parse(readFileSync('tests/fixtures/pytorch/lesson_examples.json', 'utf8')) as {
    cases: { input: { data: number[] }; weight: { data: number[] }; expected: { shape: number[]; data: number[] } }[];
  }
).cases[0];

describe('the convolution story, every sentence true for its own figure', () => {
  it('has a title and a body in both languages for every step', () => {
    expect(convEn.steps).toHaveLength(CONV_STORY.length);
    expect(convZh.steps).toHaveLength(CONV_STORY.length);
    expect(convZh.steps.map((s) => s.link?.href)).toEqual(convEn.steps.map((s) => s.link?.href));
  });

  it('every checkpoint’s answer is read from the engine and matches its own text', () => {
    CONV_STORY.forEach((step, i) => {
      if (!step.checkpoint) return;
      const answer = CONV_NARRATIVE.answer(step.checkpoint, storyFigure(i));
      expect(answer.values.length, `step ${i}`).toBeGreaterThan(0);
      expect(answerMatches(answer.text, answer.values), `step ${i}`).toBe(true);
    });
  });

  it('opens on the lesson’s first example: a 4×4 input of 0 to 15, a 3×3 kernel of rows 1, 0, −1, no bias, 2×2 out as PyTorch computes it', () => {
    const i = stepOf('A first example');
    expect(i).toBe(0);
    const figure = storyFigure(i);
    expect(figure.params).toMatchObject({ batch: 1, inChannels: 1, outChannels: 1, inH: 4, inW: 4, kH: 3, kW: 3 });
    expect(figure.params).toMatchObject({ strideH: 1, strideW: 1, padH: 0, padW: 0, bias: false });
    expect(figure.input).toEqual(FIXTURE?.input.data);
    expect(figure.weight).toEqual(FIXTURE?.weight.data);
    const out = viewOf(i).result?.output;
    expect(out?.shape).toEqual(FIXTURE?.expected.shape);
    expect([...(out?.data ?? [])]).toEqual(FIXTURE?.expected.data);
    expect(CONV_NARRATIVE.answer('outputSize', figure).values).toEqual([2, 2]);
  });

  it('links the first step to a tensors program in which two unsqueeze(0) make the 4×4 matrix [1, 1, 4, 4], with nothing hidden', () => {
    const [route, query] = TENSORS_SHAPES_HREF.split('?');
    expect(route).toBe('#/tensors');
    const { state, ignored } = decodeTensorsLink(query ?? '');
    expect(ignored).toEqual([]);
    expect(state.program.source).toBe(CONV_INPUT_PROGRAM);
    const run = runOf(state.program.source);
    expect(run.error).toBeNull();
    expect(answerOf(run, { kind: 'shape', name: 'x' })).toEqual([4, 4]);
    expect(answerOf(run, { kind: 'shape', name: 'b' })).toEqual([1, 4, 4]);
    expect(answerOf(run, { kind: 'shape', name: 'c' })).toEqual([1, 1, 4, 4]);
    expect(convEn.steps[0]?.body).toContain('[1, 1, 4, 4]');
  });

  it('one window: the top-left output cell is the sum of the nine products under the kernel, with no bias', () => {
    const i = stepOf('One window, one number');
    const f = storyFigure(i);
    expect(f.params.bias).toBe(false);
    const w = f.params.inW;
    let sum = 0;
    for (let ky = 0; ky < 3; ky++)
      for (let kx = 0; kx < 3; kx++) sum += (f.weight[ky * 3 + kx] ?? 0) * (f.input[ky * w + kx] ?? 0);
    expect(CONV_NARRATIVE.answer('firstCell', f).values).toEqual([sum]);
  });

  it('then the bias: the same input and kernel as the step before, and the first cell grows by the bias', () => {
    const i = stepOf('Then the bias');
    const before = storyFigure(i - 1);
    const f = storyFigure(i);
    expect(f.params.bias).toBe(true);
    expect(f.input).toEqual(before.input);
    expect(f.weight).toEqual(before.weight);
    const [without] = CONV_NARRATIVE.answer('firstCell', before).values;
    expect(CONV_NARRATIVE.answer('firstCell', f).values).toEqual([(without ?? NaN) + (f.biasValues[0] ?? NaN)]);
  });

  it('the window slides: one output cell per position that stays inside the input, i − k + 1 per axis', () => {
    const f = storyFigure(stepOf('The window slides'));
    const info = convView(f).info;
    expect(info.outputShape.slice(2)).toEqual([f.params.inH - f.params.kH + 1, f.params.inW - f.params.kW + 1]);
  });

  it('zero padding: the input size i becomes i + 2p in the output-size formula', () => {
    const f = storyFigure(stepOf('Padding: a border around the input'));
    expect(f.params).toMatchObject({ padKind: 'explicit', padH: 1, padW: 1, paddingMode: 'zeros' });
    const { h } = convView(f).info;
    expect(h.paddedSize).toBe(f.params.inH + 2 * f.params.padH);
    expect(h.outSize).toBe(f.params.inH + 2 * f.params.padH - f.params.kH + 1);
  });

  it('reflect mirrors the input across its edge without repeating the edge', () => {
    const f = storyFigure(stepOf('What the border holds'));
    expect(f.params.paddingMode).toBe('reflect');
    const padded = convView(f).result?.padded;
    const pw = f.params.inW + 2;
    // Padded row 0 is input row 1 (row 0, the edge, is not repeated); padded column 0 is input column 1.
    for (let x = 0; x < f.params.inW; x++) expect(padded?.data[x + 1]).toBe(f.input[f.params.inW + x]);
    for (let y = 0; y < f.params.inH; y++) expect(padded?.data[(y + 1) * pw]).toBe(f.input[y * f.params.inW + 1]);
  });

  it("padding='same' with the 5×5 kernel puts two cells on every side and keeps the size", () => {
    const f = storyFigure(stepOf("padding='same'"));
    expect(f.params).toMatchObject({ padKind: 'same', kH: 5, kW: 5, strideH: 1, strideW: 1 });
    const { h, w, outputShape } = convView(f).info;
    expect([h.padBefore, h.padAfter, w.padBefore, w.padAfter]).toEqual([2, 2, 2, 2]);
    expect(outputShape.slice(2)).toEqual([f.params.inH, f.params.inW]);
  });

  it('many kernels: two kernels give two output channels, each with one bias', () => {
    const f = storyFigure(stepOf('Many kernels, many output channels'));
    const info = convView(f).info;
    expect(info.weightShape[0]).toBe(2);
    expect(info.outputShape[1]).toBe(2);
    expect(f.biasValues).toHaveLength(2);
  });

  it('counting the parameters of the previous step’s layer: C_out × C_in × kH × kW weights plus C_out biases', () => {
    const i = stepOf('Counting the parameters');
    const f = storyFigure(i);
    expect(f).toEqual(storyFigure(i - 1));
    const p = f.params;
    const total = p.outChannels * p.inChannels * p.kH * p.kW + p.outChannels;
    expect(CONV_NARRATIVE.answer('paramCount', f).values).toEqual([total]);
    expect(
      conv2d(tensor([1, 3, 4, 4], f.input), tensor([2, 3, 3, 3], f.weight), tensor([2], f.biasValues)).shape,
    ).toEqual([1, 2, 2, 2]);
  });

  it('free play comes last', () => {
    expect(stepOf('Your turn')).toBe(CONV_STORY.length - 1);
    expect(CONV_STORY[CONV_STORY.length - 1]?.checkpoint).toBeNull();
  });
});

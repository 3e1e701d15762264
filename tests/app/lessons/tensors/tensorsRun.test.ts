import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../../engine/autograd';
import { tensorsEn } from '../../../../app/lessons/tensors/messages.en';
import { graphAt } from '../../../../app/lessons/tensors/tensorsGraph';
import { tensorsPytorchCode } from '../../../../app/lessons/tensors/tensorsPytorch';
import {
  answerOf,
  changedStorages,
  hiddenFrom,
  lastVisibleStep,
  lineInput,
  lineTensor,
  predictionMatches,
  shapeChange,
} from '../../../../app/lessons/tensors/tensorsRun';
import { normalizeSource, TENSORS_STORY } from '../../../../app/lessons/tensors/tensorsState';
import { formatValues } from '../../../../app/lessons/tensors/tensorText';

const step = (id: string) => {
  const s = TENSORS_STORY.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('the narrative’s programs', () => {
  it('every step’s program runs as the lesson says: to the end, or to the refusal it is about', () => {
    const ends = TENSORS_STORY.map((s) => {
      const run = runProgram(s.program);
      return [s.id, run.error?.code ?? 'ok'];
    });
    expect(Object.fromEntries(ends)).toEqual({
      'conv-input': 'ok',
      dims: 'dimension-out-of-range',
      views: 'ok',
      reference: 'ok',
      inplace: 'ok',
      accumulate: 'ok',
      detach: 'ok',
      gan: 'ok',
      freed: 'backward-through-freed-graph',
      saved: 'inplace-on-saved-tensor',
      free: 'ok',
    });
  });

  it('each checkpoint’s answer is read off the engine’s run', () => {
    const answers = TENSORS_STORY.filter((s) => s.checkpoint).map((s) => [
      s.id,
      s.checkpoint ? answerOf(runProgram(s.program), s.checkpoint.answer) : null,
    ]);
    expect(Object.fromEntries(answers)).toEqual({
      'conv-input': [1, 1, 4, 4],
      dims: [2],
      views: [1],
      reference: [1],
      inplace: [3],
      accumulate: [12],
      detach: [10],
      gan: [6],
    });
  });

  it('a checkpoint hides the lines from its own on, until answered or until the program is changed', () => {
    const s = step('accumulate');
    const run = runProgram(s.program);
    const state = { source: s.program, story: TENSORS_STORY.indexOf(s) };
    expect(hiddenFrom(state, false)).toBe(5);
    expect(run.steps[lastVisibleStep(run, 5)]?.line).toBe(4);
    expect(hiddenFrom(state, true)).toBeNull();
    expect(hiddenFrom({ ...state, source: `${s.program}\ny = w * 2` }, false)).toBeNull();
  });
});

describe('reading a line', () => {
  it('names the tensor a line made and the tensor it was computed from', () => {
    const s = step('conv-input');
    const run = runProgram(s.program);
    expect(lineTensor(run, 2)?.name).toBe('c');
    expect(lineInput(run, 2, s.program)?.shape).toEqual([1, 4, 4]);
    expect(lineInput(run, 0, s.program)).toBeNull();
  });

  it('an in-place change lights up every name on the storage', () => {
    const run = runProgram(step('views').program);
    const changed = changedStorages(run, 3);
    const storages = run.steps[3]?.state.tensors.filter((t) => t.names.length).map((t) => changed.has(t.storage));
    expect(storages).toEqual([true, true, true]);
    expect(changedStorages(run, 2).size).toBe(0);
  });
});

describe('shapes', () => {
  it('unsqueeze marks the new axes, squeeze the removed ones, reshape neither', () => {
    expect(shapeChange([4, 4], [1, 1, 4, 4])).toEqual({
      base: ['kept', 'kept'],
      view: ['new', 'new', 'kept', 'kept'],
      squeezeLike: true,
    });
    expect(shapeChange([1, 1, 4, 4], [4, 4]).base).toEqual(['removed', 'removed', 'kept', 'kept']);
    expect(shapeChange([4, 4], [4, 4, 1]).view).toEqual(['kept', 'kept', 'new']);
    expect(shapeChange([2, 3], [3, 2]).squeezeLike).toBe(false);
  });

  it('values print in PyTorch’s nested brackets', () => {
    expect(formatValues([2, 2], [0, 1, 2.5, -3])).toBe('[[0., 1.], [2.5, -3.]]');
    expect(formatValues([], [6])).toBe('6.');
  });
});

describe('checkpoint answers', () => {
  it('read every number in order, in any notation, full-width digits included', () => {
    expect(predictionMatches('1, 1, 4, 4', [1, 1, 4, 4])).toBe(true);
    expect(predictionMatches('[１，１，４，４]', [1, 1, 4, 4])).toBe(true);
    expect(predictionMatches('torch.Size([1, 1, 4, 4])', [1, 1, 4, 4])).toBe(true);
    expect(predictionMatches('4, 4', [1, 1, 4, 4])).toBe(false);
    expect(predictionMatches('12.0', [12])).toBe(true);
    expect(predictionMatches('6', [12])).toBe(false);
    expect(predictionMatches('1'.repeat(201), [1])).toBe(false);
  });
});

describe('the computation graph', () => {
  const words = tensorsEn.graph;

  it('after backward, every edge the gradient took carries its value, in the engine’s order', () => {
    const run = runProgram(step('accumulate').program);
    const g = graphAt(run, 2, words);
    const flows = g.edges.filter((e) => e.flow).map((e) => [e.flow?.order, e.flow?.value]);
    expect(flows).toEqual([
      [0, '3.'],
      [1, '3.'],
    ]);
    expect(g.nodes.find((n) => n.title === 'w')?.grad).toBe('6.');
  });

  it('the gradient stops at a detached tensor and at one without requires_grad', () => {
    const run = runProgram(step('detach').program);
    const g = graphAt(run, 4, words);
    const stops = g.edges.filter((e) => e.stop).map((e) => g.nodes.find((n) => n.key === e.from)?.title);
    expect(stops.sort()).toEqual(['10.', 'k']);
    expect(g.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
  });
});

describe('copy as PyTorch', () => {
  it('is the program itself after import torch, with a print of every name when it runs to the end', () => {
    const s = step('reference');
    expect(tensorsPytorchCode({ source: s.program, story: 3 })).toBe(
      `import torch\n\n${s.program}\n\nprint("a =", a)\nprint("c =", c)\n`,
    );
    const freed = step('freed');
    expect(tensorsPytorchCode({ source: freed.program, story: 8 })).toBe(`import torch\n\n${freed.program}\n`);
  });

  it('programs are kept within the limits the link can carry', () => {
    expect(normalizeSource('a = 1\r\nb\t= 2\r')).toBe('a = 1\nb    = 2\n');
    expect(normalizeSource('\n'.repeat(100)).split('\n')).toHaveLength(60);
    expect(normalizeSource('\uD800x')).toBe('\uFFFDx');
  });
});

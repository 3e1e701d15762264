import { describe, expect, it } from 'vitest';
import { CONV_NARRATIVE, CONV_STORY } from '../../../../app/lessons/conv/convStory';
import { TRANSPOSED_NARRATIVE, TRANSPOSED_STORY } from '../../../../app/lessons/transposed/transposedStory';
import { answerMatches, checkpointWaits, shapeWaits } from '../../../../app/lessons/kit/story';

describe('predict-then-reveal answers', () => {
  it('a size is accepted as "3x3", "3 × 3", "3,3", or "3" for a square', () => {
    for (const typed of ['3x3', '3 × 3', '3,3', ' 3 ', '3']) expect(answerMatches(typed, [3, 3])).toBe(true);
    expect(answerMatches('2x3', [3, 3])).toBe(false);
  });

  it('a non-square size needs both numbers in order', () => {
    expect(answerMatches('2 × 3', [2, 3])).toBe(true);
    expect(answerMatches('3 × 2', [2, 3])).toBe(false);
    expect(answerMatches('2', [2, 3])).toBe(false);
  });

  it('a count is one number; extra numbers or none are wrong', () => {
    expect(answerMatches('56', [56])).toBe(true);
    expect(answerMatches('about 56 parameters', [56])).toBe(true);
    expect(answerMatches('5 6', [56])).toBe(false);
    expect(answerMatches('', [56])).toBe(false);
    expect(answerMatches('-1', [1])).toBe(false);
  });

  it('full-width digits and signs read like ASCII ones (Chinese input methods type them)', () => {
    for (const typed of ['３×３', '３ｘ３', '３，３', '３']) expect(answerMatches(typed, [3, 3])).toBe(true);
    expect(answerMatches('１８', [18])).toBe(true);
    expect(answerMatches('－１', [-1])).toBe(true);
    expect(answerMatches('−１', [-1])).toBe(true);
    expect(answerMatches('－１', [1])).toBe(false);
  });

  it('an answer too long to be a prediction is not read', () => {
    expect(answerMatches(`${' '.repeat(500)}3`, [3])).toBe(false);
  });
});

describe('one rule for hiding a checkpoint’s answer', () => {
  it('a step with a question hides its answer until it is answered or shown', () => {
    expect(CONV_STORY[0]?.checkpoint).not.toBeNull();
    expect(checkpointWaits(CONV_STORY, 0, false)).toBe(true);
    expect(checkpointWaits(CONV_STORY, 0, true)).toBe(false);
    const asking = TRANSPOSED_STORY.findIndex((s) => s.checkpoint !== null);
    expect(checkpointWaits(TRANSPOSED_STORY, asking, false)).toBe(true);
  });

  it('a step without a question hides nothing', () => {
    const free = CONV_STORY.findIndex((s) => s.checkpoint === null);
    expect(free).toBeGreaterThanOrEqual(0);
    expect(checkpointWaits(CONV_STORY, free, false)).toBe(false);
    const freeT = TRANSPOSED_STORY.findIndex((s) => s.checkpoint === null);
    expect(checkpointWaits(TRANSPOSED_STORY, freeT, false)).toBe(false);
  });

  it('a step past the narrative asks nothing', () => {
    expect(checkpointWaits(CONV_STORY, CONV_STORY.length, false)).toBe(false);
  });
});

describe('a question about the output’s shape hides the shape too', () => {
  const stepOf = <C extends string>(steps: readonly { readonly checkpoint: C | null }[], kind: C) =>
    steps.findIndex((s) => s.checkpoint === kind);

  it('while a size question waits, in both lessons, and no longer once it is answered or shown', () => {
    for (const kind of ['outputSize', 'outputRows'] as const) {
      const i = stepOf(CONV_STORY, kind);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(shapeWaits(CONV_NARRATIVE, i, false)).toBe(true);
      expect(shapeWaits(CONV_NARRATIVE, i, true)).toBe(false);
    }
    for (const kind of ['outputSize', 'maxPadding'] as const) {
      const i = stepOf(TRANSPOSED_STORY, kind);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(shapeWaits(TRANSPOSED_NARRATIVE, i, false)).toBe(true);
    }
  });

  it('not while a question about a value waits: those keep the real, empty grid', () => {
    for (const kind of ['firstCell', 'paramCount'] as const) {
      const i = stepOf(CONV_STORY, kind);
      expect(checkpointWaits(CONV_STORY, i, false)).toBe(true);
      expect(shapeWaits(CONV_NARRATIVE, i, false)).toBe(false);
    }
    const overlap = stepOf(TRANSPOSED_STORY, 'maxOverlap');
    expect(shapeWaits(TRANSPOSED_NARRATIVE, overlap, false)).toBe(false);
  });

  it('a narrative that names no shape questions never hides the shape', () => {
    expect(shapeWaits({ steps: CONV_STORY }, 0, false)).toBe(false);
  });
});

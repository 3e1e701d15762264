// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstFrame } from '../../../app/prerender/afterFirstFrame';

/** A document whose visibility the test sets. */
function docWith(visibilityState: DocumentVisibilityState): Document {
  return { visibilityState } as Document;
}

describe('afterFirstFrame: work that would hold back the first paint waits for it', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the task only after the next frame, in a task of its own', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const task = vi.fn();
    afterFirstFrame(docWith('visible'), task);
    expect(task).not.toHaveBeenCalled();
    frames.shift()?.(0);
    // Still inside the frame's callback: the paint has not happened yet.
    expect(task).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a tab opened in the background, which paints no frames', () => {
    const rafs = vi.fn();
    vi.stubGlobal('requestAnimationFrame', rafs);
    const task = vi.fn();
    afterFirstFrame(docWith('hidden'), task);
    expect(task).toHaveBeenCalledTimes(1);
    expect(rafs).not.toHaveBeenCalled();
  });
});

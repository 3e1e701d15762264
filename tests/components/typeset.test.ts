// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { queueTypeset, typesetInto } from '../../components/formulas/typeset';

/** A stand-in for KaTeX: writes the source into a span and counts its calls. */
function fakeKatex() {
  const typeset = vi.fn((tex: string, into: HTMLElement) => {
    const span = document.createElement('span');
    span.className = 'katex';
    span.textContent = tex;
    into.replaceChildren(span);
  });
  return typeset;
}

describe('formula typesetting', () => {
  it('typesets a formula once and copies its tree when the same formula comes back', () => {
    const katex = fakeKatex();
    const a = document.createElement('span');
    const b = document.createElement('span');
    expect(typesetInto('o = 3', a, katex)).toBe(true);
    expect(typesetInto('o = 4', a, katex)).toBe(true);
    expect(typesetInto('o = 3', b, katex)).toBe(false);
    expect(katex).toHaveBeenCalledTimes(2);
    expect(b.textContent).toBe('o = 3');
    // A copy, not the tree another formula is showing.
    expect(b.firstChild).not.toBe(a.firstChild);
  });

  it('typesets one new formula per task, so input can be handled between them', async () => {
    vi.useFakeTimers();
    try {
      const done: string[] = [];
      for (const tex of ['x_1', 'x_2', 'x_3']) {
        queueTypeset(() => {
          done.push(tex);
          return true;
        });
      }
      expect(done).toEqual(['x_1']);
      await vi.advanceTimersToNextTimerAsync();
      expect(done).toEqual(['x_1', 'x_2']);
      await vi.advanceTimersToNextTimerAsync();
      expect(done).toEqual(['x_1', 'x_2', 'x_3']);
      await vi.runAllTimersAsync();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a queued formula whose figure changed before its turn', async () => {
    vi.useFakeTimers();
    try {
      const done: string[] = [];
      queueTypeset(() => {
        done.push('first');
        return true;
      });
      const cancel = queueTypeset(() => {
        done.push('stale');
        return true;
      });
      queueTypeset(() => {
        done.push('latest');
        return true;
      });
      cancel();
      await vi.runAllTimersAsync();
      expect(done).toEqual(['first', 'latest']);
    } finally {
      vi.useRealTimers();
    }
  });
});

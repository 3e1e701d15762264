// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FigureModel } from '../../../../components/figures/figureModel';
import { useFigureExports } from '../../../../app/lessons/kit/useFigureLesson';
import { createAppStore } from '../../../../app/store/appStore';
import { StoreProvider } from '../../../../app/store/react';

function exportsOf(hideOutput: boolean) {
  const drawn: { step: number; hidden: boolean }[] = [];
  const store = createAppStore({ lang: 'en', theme: 'light' });
  const wrapper = ({ children }: { children: ReactNode }) => <StoreProvider store={store}>{children}</StoreProvider>;
  const { result } = renderHook(
    () =>
      useFigureExports<never>(
        { id: 'conv' },
        (step, _focus, hidden) => {
          drawn.push({ step, hidden });
          return {} as FigureModel;
        },
        2,
        hideOutput,
        4,
      ),
    { wrapper },
  );
  return { exports: result.current, drawn };
}

describe('a figure exported while a checkpoint waits for its answer', () => {
  it('keeps the answer hidden in the picture and in every frame of the animation', () => {
    const { exports, drawn } = exportsOf(true);
    exports.model();
    exports.frames();
    expect(drawn).toEqual([
      { step: 2, hidden: true },
      { step: 0, hidden: true },
      { step: 1, hidden: true },
      { step: 2, hidden: true },
      { step: 3, hidden: true },
    ]);
  });

  it('shows the answers once nothing waits', () => {
    const { exports, drawn } = exportsOf(false);
    exports.frames();
    expect(drawn.every((d) => !d.hidden)).toBe(true);
    expect(drawn).toHaveLength(4);
  });
});

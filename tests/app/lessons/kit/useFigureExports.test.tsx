// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FigureModel } from '../../../../components/figures/figureModel';
import { useFigureExports } from '../../../../app/lessons/kit/useFigureLesson';
import { createAppStore } from '../../../../app/store/appStore';
import { StoreProvider } from '../../../../app/store/react';

function exportsAt(step: number, total: number) {
  const drawn: { step: number; hidden: boolean }[] = [];
  const store = createAppStore({ lang: 'en', theme: 'light' });
  const wrapper = ({ children }: { children: ReactNode }) => <StoreProvider store={store}>{children}</StoreProvider>;
  const { result } = renderHook(
    () =>
      useFigureExports<never>(
        { id: 'conv' },
        (at) => {
          drawn.push({ step: at, hidden: false });
          return {} as FigureModel;
        },
        step,
        total,
      ),
    { wrapper },
  );
  return { exports: result.current, drawn };
}

describe('a figure exported for slides or a handout', () => {
  it('shows every answer in the picture, with no question beside it to answer', () => {
    const { exports, drawn } = exportsAt(2, 4);
    exports.model();
    expect(drawn).toEqual([{ step: 2, hidden: false }]);
  });

  it('shows every answer in every frame of the animation, one frame per playback step', () => {
    const { exports, drawn } = exportsAt(2, 4);
    exports.frames();
    expect(drawn).toEqual([0, 1, 2, 3].map((step) => ({ step, hidden: false })));
  });
});

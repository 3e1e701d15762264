// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { FIGURE_READY_MARK, FigurePanel } from '../../../../app/lessons/kit/LessonShell';
import { renderWithStore } from '../../../support/render';

function figure(label: string) {
  return (
    <FigurePanel
      refusal={null}
      fixes={[]}
      settingNames={{}}
      onFix={() => undefined}
      onReset={() => undefined}
      playable={false}
      announce=""
    >
      <p>{label}</p>
    </FigurePanel>
  );
}

const marks = () => performance.getEntriesByName(FIGURE_READY_MARK, 'mark');

describe('the figure panel', () => {
  beforeEach(() => performance.clearMarks(FIGURE_READY_MARK));

  it('marks when its figure can first take input, for load measurements', () => {
    expect(marks()).toHaveLength(0);
    renderWithStore(figure('first'));
    expect(marks()).toHaveLength(1);
  });

  it('marks only the page’s first figure: a later one leaves the first moment as it was', () => {
    const { unmount } = renderWithStore(figure('first'));
    const [first] = marks();
    unmount();
    renderWithStore(figure('second'));
    expect(marks()).toEqual([first]);
  });
});

import { describe, expect, it } from 'vitest';
import { lessonWords } from '../../../../app/lessons/kit/messages';
import { buildMatrixFigure, matrixFigureModel } from '../../../../app/lessons/matrix/matrixFigureModel';
import { MATRIX_MESSAGES } from '../../../../app/lessons/matrix/messages';
import { MATRIX_DEFAULT_FIGURE } from '../../../../app/lessons/matrix/matrixState';
import type { MatrixHidden } from '../../../../app/lessons/matrix/matrixStory';
import { matrixView } from '../../../../app/lessons/matrix/matrixView';

const t = lessonWords('en', 'matrix', MATRIX_MESSAGES);
const view = matrixView(MATRIX_DEFAULT_FIGURE);
const exported = (hidden: MatrixHidden) =>
  matrixFigureModel(
    buildMatrixFigure(MATRIX_DEFAULT_FIGURE, view, { step: 15, focus: null, hidden, theme: 'light', t }),
    'Convolution as a matrix',
  );

describe('the matrix figure as exported', () => {
  it('holds every matrix of the page, laid out without overlaps', () => {
    const m = exported('none');
    expect(m.matrices.map((x) => x.id)).toEqual([
      'm-input',
      'm-weight',
      'm-x',
      'm-c',
      'm-y',
      'm-output',
      'm-kernelRow',
      'm-patches',
      'm-im2colY',
      'm-ct',
      'm-yAgain',
      'm-back',
      'm-original',
      'm-difference',
      'm-convT',
      'm-gram',
      'm-identity',
      'm-gradOutput',
      'm-gradMatrix',
      'm-gradBackward',
    ]);
    for (const a of m.matrices) {
      expect(a.cells).toHaveLength(a.rows * a.cols);
      expect(a.x + a.cols).toBeLessThanOrEqual(m.width);
      for (const b of m.matrices) {
        if (a === b) continue;
        const apart = a.x + a.cols <= b.x || b.x + b.cols <= a.x || a.y + a.rows <= b.y || b.y + b.rows <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('C’s cells are the engine’s entries of C', () => {
    const c = exported('none').matrices.find((x) => x.id === 'm-c');
    expect(c?.cells.map((cell) => Number(cell.text))).toEqual(Array.from(view.numbers?.unrolled.matrix.data ?? []));
  });

  it('drawn while a checkpoint waits, it gives no answer away', () => {
    expect(exported('product').matrices.map((x) => x.id)).toEqual(['m-input', 'm-weight', 'm-x']);
    const waitingForTranspose = exported('transpose').matrices.map((x) => x.id);
    expect(waitingForTranspose).toContain('m-ct');
    for (const id of ['m-back', 'm-difference', 'm-convT', 'm-gram', 'm-gradMatrix'])
      expect(waitingForTranspose).not.toContain(id);
  });
});

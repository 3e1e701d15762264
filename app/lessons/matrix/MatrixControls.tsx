import { memo, useCallback } from 'react';
import { useAppStore } from '../../store/react';
import { paramControls } from '../kit/ParamControls';
import { SliceHistoryActions } from '../kit/SliceHistoryActions';
import { useSlice, useSliceActions } from '../kit/slice';
import { useMatrixWords } from './messages';
import { MATRIX_LIMITS, matrixInfoOf, type MatrixParam, type MatrixParams } from './matrixState';
import { matrixSlice } from './slice';

const isValid = (q: MatrixParams) => matrixInfoOf(q).valid;

/** Input size (up to 6×6), kernel size, stride and padding of the one-channel convolution. */
export const MatrixControls = memo(function MatrixControls() {
  const t = useMatrixWords();
  const c = t.figure.controls;
  const params = useSlice(matrixSlice, (s) => s.present.params);
  const hidden = useAppStore((s) => s.hidden);
  const setParams = useSliceActions(matrixSlice).setParams;
  const set = useCallback((key: MatrixParam, v: number) => setParams({ [key]: v }), [setParams]);
  const { pair } = paramControls({
    idPrefix: 'm',
    params,
    limits: MATRIX_LIMITS,
    isValid,
    onSet: set,
    hidden,
    heightLabel: c.height,
    widthLabel: c.width,
  });
  return (
    <section className="controls" aria-label={c.label}>
      <h2 className="panel-title">{c.label}</h2>
      <div className="controls-grid">
        {pair('input-size', c.inputSize, 'inH', 'inW')}
        {pair('kernel-size', c.kernelSize, 'kH', 'kW')}
        {pair('stride', c.stride, 'strideH', 'strideW')}
        {pair('padding', c.padding, 'padH', 'padW')}
      </div>
      <SliceHistoryActions slice={matrixSlice} />
    </section>
  );
});

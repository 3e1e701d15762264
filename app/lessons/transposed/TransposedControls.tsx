import { memo, useCallback } from 'react';
import { useSlice, useSliceActions } from '../kit/slice';
import { transposedSlice } from './slice';
import { useAppStore } from '../../store/react';
import { OVERLAP_PRESETS } from './transposedStory';
import {
  TRANSPOSED_LIMITS,
  transposedInfoOf,
  type TransposedNumericParam,
  type TransposedParams,
} from './transposedState';
import { useTransposedWords } from './messages';
import { CheckControl, paramControls } from '../kit/ParamControls';
import { SliceHistoryActions } from '../kit/SliceHistoryActions';

const isValid = (q: TransposedParams) => transposedInfoOf(q).valid;

/** Every parameter of the engine's conv_transpose2d, plus overlap presets. */
export const TransposedControls = memo(function TransposedControls() {
  const t = useTransposedWords();
  const c = t.figure.controls;
  const params = useSlice(transposedSlice, (s) => s.present.params);
  const hidden = useAppStore((s) => s.hidden);
  const setParams = useSliceActions(transposedSlice).setParams;
  const set = useCallback((key: TransposedNumericParam, v: number) => setParams({ [key]: v }), [setParams]);
  const { show, single, pair } = paramControls({
    idPrefix: 't',
    params,
    limits: TRANSPOSED_LIMITS,
    isValid,
    onSet: set,
    hidden,
    heightLabel: c.height,
    widthLabel: c.width,
  });
  return (
    <section className="controls" aria-label={c.label}>
      <h2 className="panel-title">{c.label}</h2>
      {show('presets') ? (
        <div className="control" data-control="presets">
          <span className="control-label">{t.transposed.views.presets}</span>
          <div className="preset-buttons">
            {OVERLAP_PRESETS.map((preset) => (
              <button
                key={preset.id}
                type="button"
                className="btn"
                onClick={() =>
                  setParams({ ...preset.params, inH: Math.max(params.inH, 3), inW: Math.max(params.inW, 3) })
                }
              >
                {t.transposed.views.preset[preset.id]}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <div className="controls-grid">
        {single('batch', c.batch, 'batch')}
        {single('in-channels', c.inChannels, 'inChannels')}
        {single('out-channels', c.outChannels, 'outChannels')}
        {pair('input-size', c.inputSize, 'inH', 'inW')}
        {pair('kernel-size', c.kernelSize, 'kH', 'kW')}
        {pair('stride', c.stride, 'strideH', 'strideW')}
        {pair('padding', c.padding, 'padH', 'padW')}
        {pair('output-padding', t.transposed.controls.outputPadding, 'opH', 'opW')}
        {pair('dilation', c.dilation, 'dilH', 'dilW')}
        {single('groups', c.groups, 'groups')}
        {show('bias') ? (
          <CheckControl id="bias" label={c.bias} checked={params.bias} onChange={(bias) => setParams({ bias })} />
        ) : null}
      </div>
      <SliceHistoryActions slice={transposedSlice} />
    </section>
  );
});

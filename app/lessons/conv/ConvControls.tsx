import { memo, useCallback } from 'react';
import { useSlice, useSliceActions } from '../kit/slice';
import { convSlice } from './slice';
import { PADDING_MODES, type PaddingMode } from '../../../engine/convInfo';
import {
  depthwiseParams,
  infoOf,
  isDepthwise,
  LIMITS,
  type ConvParams,
  type NumericParam,
  type PadKind,
} from './convState';
import { useAppStore } from '../../store/react';
import { useConvWords } from './messages';
import { CheckControl, paramControls } from '../kit/ParamControls';
import { SliceHistoryActions } from '../kit/SliceHistoryActions';

const isValid = (q: ConvParams) => infoOf(q).valid;

/** Every parameter of the engine's conv2d, with limits read from its validity check. */
export const ConvControls = memo(function ConvControls() {
  const t = useConvWords();
  const c = { ...t.figure.controls, ...t.conv.controls };
  const params = useSlice(convSlice, (s) => s.present.params);
  const hidden = useAppStore((s) => s.hidden);
  const setParams = useSliceActions(convSlice).setParams;
  const set = useCallback((key: NumericParam, v: number) => setParams({ [key]: v }), [setParams]);
  const { show, single, pair, fields } = paramControls({
    idPrefix: 'conv',
    params,
    limits: LIMITS,
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
        {single('batch', c.batch, 'batch')}
        {single('in-channels', c.inChannels, 'inChannels')}
        {single('out-channels', c.outChannels, 'outChannels')}
        {pair('input-size', c.inputSize, 'inH', 'inW')}
        {pair('kernel-size', c.kernelSize, 'kH', 'kW')}
        {pair('stride', c.stride, 'strideH', 'strideW')}
        {show('padding') ? (
          <div className="control" data-control="padding">
            <span className="control-label">{c.padding}</span>
            <span className="control-pair">
              <select
                aria-label={c.padKind}
                value={params.padKind}
                onChange={(e) => setParams({ padKind: e.target.value as PadKind })}
              >
                {(['explicit', 'same', 'valid'] as const).map((k) => (
                  <option key={k} value={k}>
                    {c.padKinds[k]}
                  </option>
                ))}
              </select>
              {params.padKind === 'explicit' ? fields(c.padding, 'padH', 'padW') : null}
            </span>
          </div>
        ) : null}
        {show('padding-mode') ? (
          <div className="control" data-control="padding-mode">
            <label className="control-label" htmlFor="conv-padding-mode">
              {c.paddingMode}
            </label>
            <select
              id="conv-padding-mode"
              value={params.paddingMode}
              onChange={(e) => setParams({ paddingMode: e.target.value as PaddingMode })}
            >
              {PADDING_MODES.map((m) => (
                <option key={m} value={m}>
                  {c.paddingModes[m]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {pair('dilation', c.dilation, 'dilH', 'dilW')}
        {single(
          'groups',
          c.groups,
          'groups',
          <>
            <p className="control-note" data-testid="depthwise-note">
              {isDepthwise(params) ? c.isDepthwise(params.groups) : c.depthwiseNote}
            </p>
            {isDepthwise(params) ? null : (
              <button type="button" className="btn" onClick={() => setParams(depthwiseParams(params))}>
                {c.depthwise}
              </button>
            )}
          </>,
        )}
        {show('bias') ? (
          <CheckControl id="bias" label={c.bias} checked={params.bias} onChange={(bias) => setParams({ bias })} />
        ) : null}
      </div>
      <SliceHistoryActions slice={convSlice} />
    </section>
  );
});

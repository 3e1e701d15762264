import { useState } from 'react';
import type { Pair } from '../../../engine/convInfo';
import { STACK_LIMITS, type LayerStack, type StackLayer } from '../../../engine/layerStack';
import { NumberField } from '../kit/NumberField';
import type { RfWords } from './messages';
import {
  addLayer,
  channelsBefore,
  LAYER_KINDS,
  moveLayer,
  newLayer,
  removeLayer,
  replaceLayer,
  withInput,
} from './rfState';

const L = STACK_LIMITS;

type PairKey = 'kernel' | 'stride' | 'padding' | 'dilation';
const PAIR_LIMITS: Record<PairKey, readonly [number, number]> = {
  kernel: [1, L.maxKernel],
  stride: [1, L.maxStride],
  padding: [0, L.maxPadding],
  dilation: [1, L.maxDilation],
};

/** The pair settings each kind has, in PyTorch's order. */
function pairKeys(layer: StackLayer): readonly PairKey[] {
  switch (layer.kind) {
    case 'conv':
    case 'maxpool':
      return ['kernel', 'stride', 'padding', 'dilation'];
    case 'avgpool':
      return ['kernel', 'stride', 'padding'];
    case 'relu':
    case 'batchnorm':
      return [];
  }
}

function LayerEditor({
  layer,
  index,
  count,
  refused,
  stack,
  t,
  onEdit,
}: {
  layer: StackLayer;
  index: number;
  count: number;
  refused: boolean;
  stack: LayerStack;
  t: RfWords;
  onEdit: (stack: LayerStack) => void;
}) {
  const e = t.rf.editor;
  const f = e.fields;
  const set = (next: StackLayer) => onEdit(replaceLayer(stack, index, next));
  const id = (name: string) => `rf-l${index}-${name}`;
  const pair = (key: PairKey) => {
    const value = (layer as unknown as Record<PairKey, Pair>)[key];
    const [min, max] = PAIR_LIMITS[key];
    const name = f[key] ?? key;
    return (
      <div className="rf-field" key={key}>
        <span className="rf-field-name">{name}</span>
        <NumberField
          id={id(`${key}-h`)}
          label={e.axis(name, 'h')}
          value={value[0]}
          min={min}
          max={max}
          valid={null}
          onChange={(v) => set({ ...layer, [key]: [v, value[1]] } as StackLayer)}
        />
        <span aria-hidden="true">×</span>
        <NumberField
          id={id(`${key}-w`)}
          label={e.axis(name, 'w')}
          value={value[1]}
          min={min}
          max={max}
          valid={null}
          onChange={(v) => set({ ...layer, [key]: [value[0], v] } as StackLayer)}
        />
      </div>
    );
  };
  const int = (key: 'inChannels' | 'outChannels' | 'channels', value: number) => (
    <div className="rf-field" key={key}>
      <label className="rf-field-name" htmlFor={id(key)}>
        {f[key]}
      </label>
      <NumberField
        id={id(key)}
        label={f[key] ?? key}
        value={value}
        min={1}
        max={L.maxChannels}
        valid={null}
        onChange={(v) => set({ ...layer, [key]: v } as StackLayer)}
      />
    </div>
  );
  const flag = (key: 'bias' | 'ceilMode' | 'countIncludePad', value: boolean) => (
    <label className="rf-flag" key={key}>
      <input
        type="checkbox"
        checked={value}
        onChange={(ev) => set({ ...layer, [key]: ev.target.checked } as StackLayer)}
      />{' '}
      {f[key]}
    </label>
  );
  const title = e.layer(index, t.rf.kinds[layer.kind]);
  return (
    <li className={refused ? 'rf-layer rf-layer--refused' : 'rf-layer'} data-kind={layer.kind} aria-label={title}>
      <div className="rf-layer-head">
        <span className="rf-layer-title">{title}</span>
        <label className="visually-hidden" htmlFor={id('kind')}>
          {e.kind}
        </label>
        <select
          id={id('kind')}
          value={layer.kind}
          onChange={(ev) => set(newLayer(ev.target.value as StackLayer['kind'], channelsBefore(stack, index)))}
        >
          {LAYER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.rf.kinds[k]}
            </option>
          ))}
        </select>
        <span className="rf-layer-buttons">
          <button
            type="button"
            className="btn btn--icon"
            aria-label={e.moveUp(index)}
            title={e.moveUp(index)}
            disabled={index === 0}
            onClick={() => onEdit(moveLayer(stack, index, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn--icon"
            aria-label={e.moveDown(index)}
            title={e.moveDown(index)}
            disabled={index === count - 1}
            onClick={() => onEdit(moveLayer(stack, index, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn--icon"
            aria-label={e.remove(index)}
            title={e.remove(index)}
            onClick={() => onEdit(removeLayer(stack, index))}
          >
            ✕
          </button>
        </span>
      </div>
      {refused ? <p className="rf-layer-refused">{e.refusedHere}</p> : null}
      <div className="rf-layer-fields">
        {layer.kind === 'conv' ? [int('inChannels', layer.inChannels), int('outChannels', layer.outChannels)] : null}
        {layer.kind === 'batchnorm' ? int('channels', layer.channels) : null}
        {pairKeys(layer).map(pair)}
        {layer.kind === 'conv' ? flag('bias', layer.bias) : null}
        {layer.kind === 'maxpool' || layer.kind === 'avgpool' ? flag('ceilMode', layer.ceilMode) : null}
        {layer.kind === 'avgpool' ? flag('countIncludePad', layer.countIncludePad) : null}
      </div>
    </li>
  );
}

/** The stack editor: the input, every layer's settings, reorder, remove and add; edits go through undo. */
export function StackEditor({
  stack,
  refusedLayer,
  canUndo,
  canRedo,
  t,
  onEdit,
  onUndo,
  onRedo,
}: {
  stack: LayerStack;
  refusedLayer: number | null;
  canUndo: boolean;
  canRedo: boolean;
  t: RfWords;
  onEdit: (stack: LayerStack) => void;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const e = t.rf.editor;
  const [kind, setKind] = useState<StackLayer['kind']>('conv');
  const { channels, size } = stack.input;
  const full = stack.layers.length >= L.maxLayers;
  return (
    <section className="rf-editor" aria-labelledby="rf-editor-title" data-control="stack">
      <h2 id="rf-editor-title" className="panel-title">
        {e.title}
      </h2>
      <div className="controls-actions">
        <button type="button" className="btn" onClick={onUndo} disabled={!canUndo}>
          {e.undo}
        </button>
        <button type="button" className="btn" onClick={onRedo} disabled={!canRedo}>
          {e.redo}
        </button>
      </div>
      <fieldset className="rf-input">
        <legend>{e.input}</legend>
        <div className="rf-field">
          <label className="rf-field-name" htmlFor="rf-in-c">
            {e.channels}
          </label>
          <NumberField
            id="rf-in-c"
            label={e.channels}
            value={channels}
            min={1}
            max={L.maxChannels}
            valid={null}
            onChange={(v) => onEdit(withInput(stack, v, size))}
          />
        </div>
        <div className="rf-field">
          <label className="rf-field-name" htmlFor="rf-in-h">
            {e.height}
          </label>
          <NumberField
            id="rf-in-h"
            label={e.height}
            value={size[0]}
            min={1}
            max={L.maxInputSize}
            valid={null}
            onChange={(v) => onEdit(withInput(stack, channels, [v, size[1]]))}
          />
        </div>
        <div className="rf-field">
          <label className="rf-field-name" htmlFor="rf-in-w">
            {e.width}
          </label>
          <NumberField
            id="rf-in-w"
            label={e.width}
            value={size[1]}
            min={1}
            max={L.maxInputSize}
            valid={null}
            onChange={(v) => onEdit(withInput(stack, channels, [size[0], v]))}
          />
        </div>
      </fieldset>
      {stack.layers.length === 0 ? <p className="hint">{e.empty}</p> : null}
      <ol className="rf-layers">
        {stack.layers.map((layer, i) => (
          <LayerEditor
            key={i}
            layer={layer}
            index={i}
            count={stack.layers.length}
            refused={refusedLayer === i}
            stack={stack}
            t={t}
            onEdit={onEdit}
          />
        ))}
      </ol>
      <div className="rf-add">
        <label htmlFor="rf-add-kind">{e.addKind}</label>
        <select id="rf-add-kind" value={kind} onChange={(ev) => setKind(ev.target.value as StackLayer['kind'])}>
          {LAYER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.rf.kinds[k]}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={full} onClick={() => onEdit(addLayer(stack, kind))}>
          {e.add}
        </button>
      </div>
      {full ? <p className="hint">{e.full(L.maxLayers)}</p> : null}
    </section>
  );
}

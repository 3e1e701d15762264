import { memo, useRef, useState } from 'react';
import { useSlice, useSliceActions } from '../kit/slice';
import { AE_LIMITS, canUseShipped, LR_CHOICES } from './aeState';
import type { Trainer } from './useTrainer';
import { useAutoencoderWords } from './messages';
import { autoencoderSlice } from './slice';

/** The network's channel counts, the seed, the learning rate, where training starts, and weights in and out. */
export const AeControls = memo(function AeControls({
  exportWeights,
  importWeights,
}: {
  exportWeights: Trainer['exportWeights'];
  importWeights: Trainer['importWeights'];
}) {
  const t = useAutoencoderWords();
  const c = t.autoencoder.controls;
  const state = useSlice(autoencoderSlice, (s) => s);
  const actions = useSliceActions(autoencoderSlice);
  const file = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const lrChoices = LR_CHOICES.includes(state.lr) ? LR_CHOICES : [...LR_CHOICES, state.lr].sort((a, b) => a - b);
  return (
    <section className="controls" aria-labelledby="ae-controls-title">
      <h2 id="ae-controls-title" className="panel-title">
        {c.label}
      </h2>
      <div className="controls-grid">
        <label className="control">
          <span className="control-label">{c.layers}</span>
          <select
            value={state.channels.length}
            onChange={(e) => {
              const n = Number(e.target.value);
              const next = Array.from(
                { length: n },
                (_, i) => state.channels[i] ?? Math.max(4, (state.channels.at(-1) ?? 16) / 2),
              );
              actions.setChannels(next);
            }}
          >
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {state.channels.map((ch, i) => (
          <label className="control" key={i}>
            <span className="control-label">{c.channels(i)}</span>
            <input
              className="ae-number"
              type="number"
              inputMode="numeric"
              min={AE_LIMITS.channels[0]}
              max={AE_LIMITS.channels[1]}
              value={ch}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (e.target.value === '' || !Number.isFinite(v)) return;
                actions.setChannels(state.channels.map((x, j) => (j === i ? v : x)));
              }}
            />
          </label>
        ))}
        <label className="control">
          <span className="control-label">{c.lr}</span>
          <select value={state.lr} onChange={(e) => actions.setLr(Number(e.target.value))}>
            {lrChoices.map((lr) => (
              <option key={lr} value={lr}>
                {lr}
              </option>
            ))}
          </select>
        </label>
        <div className="control">
          <span className="control-label">{c.seed}</span>
          <span className="ae-row">
            <input
              className="ae-number"
              type="number"
              inputMode="numeric"
              aria-label={c.seed}
              min={AE_LIMITS.seed[0]}
              max={AE_LIMITS.seed[1]}
              value={state.seed}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (e.target.value !== '' && Number.isFinite(v)) actions.setSeed(v);
              }}
            />
            <button type="button" className="btn" onClick={() => actions.setSeed((state.seed * 7919 + 13) % 1_000_000)}>
              {c.newSeed}
            </button>
          </span>
        </div>
        <fieldset className="control ae-fieldset">
          <legend className="control-label">{c.start}</legend>
          {(['shipped', 'scratch'] as const).map((s) => (
            <label key={s} className="control-check">
              <input
                type="radio"
                name="ae-start"
                value={s}
                checked={state.start === s}
                disabled={s === 'shipped' && !canUseShipped(state)}
                onChange={() => actions.setStart(s)}
              />
              {s === 'shipped' ? c.shipped : c.scratch}
            </label>
          ))}
          {!canUseShipped(state) ? <p className="hint">{c.shippedOnly}</p> : null}
        </fieldset>
        <div className="ae-row">
          <button
            type="button"
            className="btn"
            onClick={async () => {
              const json = await exportWeights();
              if (!json) return;
              const { downloadBlob } = await import('../../../components/export/download');
              downloadBlob(new Blob([json], { type: 'application/json' }), 'convlab-autoencoder-weights.json');
            }}
          >
            {c.exportWeights}
          </button>
          <button type="button" className="btn" onClick={() => file.current?.click()}>
            {c.importWeights}
          </button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label={c.importWeights}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              if (f.size > 64 * 1024 * 1024) {
                setMessage(c.importFailed['too-large']);
                return;
              }
              const outcome = await importWeights(await f.text());
              if (!outcome) return;
              setMessage(outcome.ok ? c.imported(outcome.channels.join(', ')) : c.importFailed[outcome.reason]);
            }}
          />
        </div>
        <p role="status" className="share-status">
          {message}
        </p>
      </div>
    </section>
  );
});

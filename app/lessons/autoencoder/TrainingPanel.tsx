import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useAppStore } from '../../store/react';
import { LossChart } from './LossChart';
import { PhotoCanvas } from './PhotoCanvas';
import type { AutoencoderWords } from './messages';
import type { OwnPhotoOutcome, Trainer } from './useTrainer';
import { HELD_OUT_PHOTO } from './useTrainer';
import type { AutoencoderState } from './aeState';

/**
 * The held-out photo beside its reconstruction, the training buttons, the
 * speed and the loss curve. Progress comes from the trainer's progress store
 * through narrow selectors: a report re-renders this panel only.
 */
export function TrainingPanel({
  trainer,
  state,
  t,
}: {
  trainer: Trainer;
  state: AutoencoderState;
  t: AutoencoderWords;
}) {
  const w = t.autoencoder;
  const tr = w.training;
  const zh = useAppStore((s) => s.lang) === 'zh-CN';
  const photo = trainer.photos.find((p) => p.id === HELD_OUT_PHOTO);
  const width = trainer.original?.width ?? 256;
  const height = trainer.original?.height ?? 256;
  const progress = trainer.progress;
  const heldOut = useStore(progress, (s) => s.heldOut);
  const status = useStore(progress, (s) => s.status);
  const step = useStore(progress, (s) => s.step);
  const stepsPerSecond = useStore(progress, (s) => s.stepsPerSecond);
  const losses = useStore(progress, (s) => s.losses);
  const psnrs = useStore(progress, (s) => s.psnrs);
  const running = status === 'running';
  const loss = losses.at(-1);
  return (
    <div className="ae-figure" role="group" aria-label={w.figureLabel}>
      <section className="ae-panel" aria-labelledby="ae-recon-title">
        <h2 id="ae-recon-title" className="panel-title">
          {w.recon.title}
        </h2>
        {trainer.error ? (
          <p role="alert">{trainer.error === 'photos' ? w.errors.photos : w.errors.worker}</p>
        ) : !trainer.ready ? (
          <p role="status">{w.recon.loading}</p>
        ) : null}
        <div className="ae-pair">
          <figure>
            <PhotoCanvas rgba={trainer.original?.rgba ?? null} width={width} height={height} label={w.recon.original} />
            <figcaption>{w.recon.original}</figcaption>
          </figure>
          <figure>
            <PhotoCanvas rgba={heldOut?.rgba ?? null} width={width} height={height} label={w.recon.reconstruction} />
            <figcaption>
              {w.recon.reconstruction}
              {heldOut ? (
                <>
                  {' · '}
                  <strong data-testid="ae-psnr">{w.recon.psnr(heldOut.psnr.toFixed(2))}</strong>
                  {' · '}
                  {w.recon.atStep(heldOut.step)}
                </>
              ) : null}
            </figcaption>
          </figure>
        </div>
        <p className="hint">
          {trainer.startedFrom === 'shipped' && trainer.shipped
            ? w.recon.shipped(
                trainer.shipped.steps,
                trainer.shipped.photos
                  .map((id) => {
                    const p = trainer.photos.find((e) => e.id === id);
                    return p ? (zh ? p.title.zh : p.title.en) : id;
                  })
                  .join(zh ? '、' : ', '),
              )
            : w.recon.scratch(state.seed)}{' '}
          {trainer.ownPhoto
            ? w.own.yours(width, height)
            : photo
              ? w.recon.credit(zh ? photo.title.zh : photo.title.en, photo.author, photo.licence)
              : null}
        </p>
        <OwnPhoto trainer={trainer} t={t} />
      </section>
      <section className="ae-panel" aria-labelledby="ae-train-title">
        <h2 id="ae-train-title" className="panel-title">
          {tr.title}
        </h2>
        <div className="ae-row">
          {running ? (
            <button type="button" className="btn btn--primary" onClick={trainer.pause}>
              {tr.pause}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary"
              onClick={trainer.start}
              disabled={!trainer.ready || status === 'diverged'}
            >
              {step > 0 ? tr.resume : tr.start}
            </button>
          )}
          <button type="button" className="btn" onClick={trainer.reset} disabled={!trainer.ready}>
            {tr.reset}
          </button>
          <span className="ae-mono" data-testid="ae-step">
            {tr.step(step)}
          </span>
          {stepsPerSecond ? (
            <span className="ae-mono">{tr.speed(stepsPerSecond.toFixed(1), (1000 / stepsPerSecond).toFixed(0))}</span>
          ) : null}
        </div>
        <p role="status" className={status === 'diverged' ? 'verdict verdict--wrong' : 'hint'}>
          {tr.status[status]}
        </p>
        {losses.length > 0 ? (
          <div className="ae-scroll" tabIndex={0}>
            <LossChart
              losses={losses}
              psnrs={psnrs}
              label={tr.chartLabel(losses.length, loss === undefined ? '' : loss.toExponential(2))}
              lossTitle={tr.loss}
              psnrTitle={tr.psnrAxis}
              stepTitle={tr.stepAxis}
            />
          </div>
        ) : (
          <p className="hint">{tr.empty}</p>
        )}
      </section>
    </div>
  );
}

type OwnRefusal = Extract<OwnPhotoOutcome, { ok: false }>['refusal'];

function refusalText(w: AutoencoderWords['autoencoder']['own'], r: OwnRefusal): string {
  switch (r.kind) {
    case 'not-an-image':
      return w.notAnImage;
    case 'corrupt':
      return w.corrupt(r.format.toUpperCase());
    case 'too-large':
      return w.tooLarge(Math.round(r.bytes / 1048576), r.width, r.height);
    case 'too-small':
      return w.tooSmall;
    case 'not-ready':
      return w.notReady;
  }
}

/** A photo the student picks becomes the held-out photo; it is decoded here and never leaves the browser. */
function OwnPhoto({ trainer, t }: { trainer: Trainer; t: AutoencoderWords }) {
  const w = t.autoencoder.own;
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="ae-row">
      <button type="button" className="btn" disabled={!trainer.ready || busy} onClick={() => input.current?.click()}>
        {w.pick}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        aria-label={w.pick}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          setMessage({ ok: true, text: w.reading });
          void trainer.pickOwnPhoto(file).then((outcome) => {
            setBusy(false);
            setMessage(outcome.ok ? { ok: true, text: w.done } : { ok: false, text: refusalText(w, outcome.refusal) });
          });
        }}
      />
      <span className="hint">{w.privacy}</span>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'hint' : 'verdict verdict--wrong'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

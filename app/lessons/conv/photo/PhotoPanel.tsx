/**
 * "The kernel on a photo": the figure's kernel (or a preset) applied to a
 * bundled photo or the student's own, in a Web Worker, with the figure's
 * stride, padding, padding mode and dilation. Loaded only when it opens.
 */
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent as ReactClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { kernelPreset, presetKernel } from '../../../../engine/kernelPresets';
import type { PixelArithmetic } from '../../../../engine/photoFilter';
import type { PixelMappingRequest } from '../../../../engine';
import { downloadBlob } from '../../../../components/export/download';
import { useAppStore } from '../../../store/react';
import { useLatestCallback } from '../../../useLatestCallback';
import { useSlice, useSliceActions } from '../../kit/slice';
import { convSlice } from '../slice';
import {
  convPhotoSlice,
  DEFAULT_PHOTO,
  FILTER_CHOICES,
  figureKernel,
  figurePhotoSettings,
  OWN_PHOTO,
  type PhotoCompare,
  type PhotoFilterChoice,
  type PhotoRange,
} from '../photoState';
import { usePhotoWords, type PhotoWords } from './messages';
import { PhotoLegend } from './PhotoLegend';
import { effectiveExtent, formatValue, pixelAt } from './photoFormat';
import { PixelExplain } from './PixelExplain';
import { photoPytorchCode } from './photoPytorch';
import { usePhotoFilter, type ShownResult } from './usePhotoFilter';
import './photoPanel.css';

/** Draws RGBA bytes into a canvas of their size; `onDrawn` hears when they are on it. */
function PixelCanvas({
  rgba,
  width,
  height,
  className,
  canvasRef,
  onDrawn,
  elapsedMs,
}: {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  className?: string;
  canvasRef?: React.RefObject<HTMLCanvasElement | null>;
  onDrawn?: (canvas: HTMLCanvasElement) => void;
  /** Request-to-answer time of the worker for this picture, kept on the canvas for measurements. */
  elapsedMs?: number;
}) {
  const own = useRef<HTMLCanvasElement>(null);
  const ref = canvasRef ?? own;
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas || rgba.length !== width * height * 4) return;
    // jsdom and some locked-down browsers give no 2D context: the picture is then left blank.
    const context =
      typeof navigator !== 'undefined' && /jsdom/.test(navigator.userAgent) ? null : canvas.getContext('2d');
    // The bytes came by transfer into an ArrayBuffer of their own: drawn without a copy.
    if (context) context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
    onDrawn?.(canvas);
  }, [ref, rgba, width, height, onDrawn]);
  return (
    <canvas
      ref={ref}
      className={className}
      width={width}
      height={height}
      data-elapsed={elapsedMs === undefined ? undefined : elapsedMs.toFixed(1)}
    />
  );
}

/** The kernel in use: the figure's (each weight can be picked and dragged) or a preset's, with its source. */
function KernelView({
  t,
  choice,
  values,
  cols,
  multi,
  onWeight,
}: {
  t: PhotoWords;
  choice: PhotoFilterChoice;
  values: readonly number[];
  cols: number;
  multi: boolean;
  onWeight: (index: number, value: number) => void;
}) {
  const p = t.photo;
  const [picked, setPicked] = useState(0);
  const index = Math.min(picked, values.length - 1);
  const preset = choice === 'figure' ? undefined : kernelPreset(choice);
  const current = values[index] ?? 0;
  const row = Math.floor(index / cols);
  const col = index % cols;
  return (
    <div className="photo-kernel">
      <div className="photo-kernel-grid" style={{ gridTemplateColumns: `repeat(${cols}, auto)` }}>
        {preset
          ? preset.numerators.map((n, i) => (
              <span key={i} className="photo-weight">
                {formatValue(n)}
              </span>
            ))
          : values.map((v, i) => (
              <button
                key={i}
                type="button"
                className="photo-weight"
                aria-pressed={i === index}
                aria-label={p.weightButton(Math.floor(i / cols), i % cols, formatValue(v))}
                onClick={() => setPicked(i)}
              >
                {formatValue(v)}
              </button>
            ))}
      </div>
      <div className="photo-kernel-text">
        {preset ? (
          <>
            {preset.divisor !== 1 ? <p>{p.divisor(preset.divisor)}</p> : null}
            <p>
              {p.presetSource}{' '}
              <a href={preset.source} target="_blank" rel="noopener noreferrer">
                {new URL(preset.source).hostname}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{p.figureKernelNote(multi)}</p>
            <label className="photo-drag">
              <span>{p.dragWeight(row, col)}</span>
              <input
                type="range"
                min={Math.min(-4, Math.floor(current))}
                max={Math.max(4, Math.ceil(current))}
                step={0.05}
                value={current}
                aria-label={p.dragWeight(row, col)}
                onChange={(e) => onWeight(index, Number(e.target.value))}
              />
              <output>{formatValue(current)}</output>
            </label>
          </>
        )}
      </div>
    </div>
  );
}

/** First image file of a drop or paste, if any. */
function imageFile(list: DataTransfer | null): File | null {
  if (!list) return null;
  for (const file of Array.from(list.files)) if (file.type.startsWith('image/') || file.type === '') return file;
  return null;
}

interface Picked {
  readonly oy: number;
  readonly ox: number;
}

export default function PhotoPanel({ hideAnswers, onClose }: { hideAnswers: boolean; onClose: () => void }) {
  const t = usePhotoWords();
  const p = t.photo;
  const panel = useSlice(convPhotoSlice, (s) => s);
  const { set } = useSliceActions(convPhotoSlice);
  const figure = useSlice(convSlice, (s) => s.present);
  const { setValues } = useSliceActions(convSlice);
  const lang = useAppStore((s) => s.lang);

  const kernel = useMemo(() => {
    const preset = panel.filter === 'figure' ? undefined : kernelPreset(panel.filter);
    return preset ? presetKernel(preset) : figureKernel(figure);
  }, [panel.filter, figure]);
  const settings = useMemo(() => figurePhotoSettings(figure, panel.colour), [figure, panel.colour]);
  const mapping: PixelMappingRequest = panel.range === 'own' ? { kind: 'min-max' } : { kind: 'auto' };
  const f = usePhotoFilter({ kernel, settings, mapping });
  const { ready, manifest, photo, result, problem, loadBundled, loadOwn } = f;

  // The photo the panel shows follows the link: bundled photos load by id; an own photo can't come from a link.
  const requested = useRef<string | null>(null);
  const [ownMissing, setOwnMissing] = useState(false);
  useEffect(() => {
    if (manifest === null || !ready) return;
    if (panel.photo === OWN_PHOTO) {
      if (photo?.source.kind === 'own') return;
      if (requested.current === null) {
        setOwnMissing(true);
        set({ photo: manifest[0]?.id ?? DEFAULT_PHOTO });
      }
      return;
    }
    const entry = manifest.find((e) => e.id === panel.photo) ?? manifest[0];
    if (!entry) return;
    if (entry.id !== panel.photo) {
      set({ photo: entry.id });
      return;
    }
    if (requested.current === entry.id) return;
    requested.current = entry.id;
    loadBundled(entry);
  }, [ready, manifest, panel.photo, photo, set, loadBundled]);

  const takeFile = useLatestCallback((file: File | null) => {
    if (!file) return;
    void loadOwn(file).then((ok) => {
      if (!ok) return;
      requested.current = OWN_PHOTO;
      setOwnMissing(false);
      set({ photo: OWN_PHOTO });
    });
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  // Pasting a picture anywhere on the page while the panel is open uses it (text pastes are left alone).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = imageFile(e.clipboardData);
      if (!file) return;
      e.preventDefault();
      takeFile(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [takeFile]);

  // The picked output pixel and its arithmetic.
  const shown: ShownResult | null = result && photo && result.photoSerial === photo.serial ? result : null;
  const [picked, setPicked] = useState<Picked | null>(null);
  const [explained, setExplained] = useState<{ key: string; arithmetic: PixelArithmetic | null } | null>(null);
  const explainTicket = useRef(0);
  const pickedInside = picked && shown && picked.oy < shown.height && picked.ox < shown.width ? picked : null;
  /** What the shown arithmetic must be about: this pixel of this result. */
  const explainKey = pickedInside && shown ? `${shown.id}:${pickedInside.oy}:${pickedInside.ox}` : null;
  const { explain } = f;
  useEffect(() => {
    const ticket = ++explainTicket.current;
    if (explainKey === null || !shown || !pickedInside) return;
    void explain(shown, pickedInside.oy, pickedInside.ox).then((a) => {
      if (ticket === explainTicket.current) setExplained({ key: explainKey, arithmetic: a });
    });
    // The key names the pixel and the result; the objects behind it change with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [explainKey, explain]);
  const arithmetic = explained && explained.key === explainKey ? explained.arithmetic : null;

  const afterCanvas = useRef<HTMLCanvasElement>(null);
  const drawnCount = useRef(0);
  const onDrawn = useMemo(
    () => (canvas: HTMLCanvasElement) => {
      // For measurements and tests: when the newest result reached the canvas.
      canvas.dataset.drawn = String(++drawnCount.current);
      canvas.dataset.drawnAt = String(performance.now());
    },
    [],
  );

  const pickFromPointer = (e: PointerEvent<HTMLDivElement>) => {
    if (!shown) return;
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    setPicked(
      pixelAt((e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height, shown.width, shown.height),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!shown) return;
    const step = e.shiftKey ? 10 : 1;
    const at = pickedInside ?? { oy: Math.floor(shown.height / 2), ox: Math.floor(shown.width / 2) };
    const move: Record<string, [number, number]> = {
      ArrowUp: [-step, 0],
      ArrowDown: [step, 0],
      ArrowLeft: [0, -step],
      ArrowRight: [0, step],
    };
    const d = move[e.key];
    if (d) {
      e.preventDefault();
      e.stopPropagation();
      setPicked({
        oy: Math.max(0, Math.min(shown.height - 1, at.oy + d[0])),
        ox: Math.max(0, Math.min(shown.width - 1, at.ox + d[1])),
      });
    } else if (e.key === 'Escape') setPicked(null);
  };

  const [split, setSplit] = useState(50);
  const slider = panel.compare === 'slider';
  const inW = photo?.width ?? 1;
  const inH = photo?.height ?? 1;
  const outW = shown?.width ?? inW;
  const outH = shown?.height ?? inH;
  const widest = Math.max(inW, outW);

  // Markers: the picked output pixel, and the input neighbourhood it reads (padding may reach outside).
  const marker = (left: number, top: number, w: number, h: number, total: [number, number], kind: string) => (
    <span
      className={`photo-marker photo-marker--${kind}`}
      aria-hidden="true"
      style={{
        left: `${(100 * left) / total[0]}%`,
        top: `${(100 * top) / total[1]}%`,
        width: `${(100 * w) / total[0]}%`,
        height: `${(100 * h) / total[1]}%`,
      }}
    />
  );
  const [extH, extW] = shown ? effectiveExtent(shown.kernel, shown.settings) : [1, 1];
  const neighbourhoodMarker =
    arithmetic && pickedInside ? marker(arithmetic.left, arithmetic.top, extW, extH, [inW, inH], 'input') : null;
  const outputMarker = pickedInside ? marker(pickedInside.ox, pickedInside.oy, 1, 1, [outW, outH], 'output') : null;

  const swatch = (() => {
    if (!shown || !pickedInside) return 'rgb(0, 0, 0)';
    const at = (pickedInside.oy * shown.width + pickedInside.ox) * 4;
    return `rgb(${shown.rgba[at]}, ${shown.rgba[at + 1]}, ${shown.rgba[at + 2]})`;
  })();

  const exportPng = () => {
    afterCanvas.current?.toBlob((blob) => {
      if (blob) downloadBlob(blob, `convlab-photo-${panel.filter}.png`);
    }, 'image/png');
  };

  const ownEntry = photo?.source.kind === 'own' ? photo.source : null;
  const bundled = photo?.source.kind === 'bundled' ? photo.source.entry : null;
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const code = photoPytorchCode(
    bundled ? bundled.file : 'your-photo.jpg',
    kernel,
    settings,
    shown && !hideAnswers ? shown : null,
  );

  const afterLabel = shown && !hideAnswers ? p.afterLabel(shown.width, shown.height) : p.afterLabelHidden;
  const pickFrame = (children: React.ReactNode, style?: React.CSSProperties) => (
    <div
      className="photo-frame photo-frame--pick"
      role="img"
      tabIndex={0}
      aria-label={afterLabel}
      aria-describedby="photo-explain"
      style={style}
      onPointerMove={pickFromPointer}
      onPointerDown={pickFromPointer}
      onKeyDown={onKey}
      data-testid="photo-result"
    >
      {children}
    </div>
  );
  const afterPicture = shown ? (
    <PixelCanvas
      rgba={shown.rgba}
      width={shown.width}
      height={shown.height}
      canvasRef={afterCanvas}
      onDrawn={onDrawn}
      elapsedMs={shown.elapsedMs}
      className="photo-canvas"
    />
  ) : null;

  const zh = lang === 'zh-CN';

  return (
    <section
      className={`photo-panel${dragging ? ' is-dragging' : ''}`}
      aria-labelledby="photo-title"
      data-testid="photo-panel"
      onDragOver={(e: DragEvent) => {
        if (Array.from(e.dataTransfer.types).includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e: DragEvent) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        takeFile(imageFile(e.dataTransfer));
      }}
      onPaste={(e: ReactClipboardEvent) => {
        // Handled by the window listener; stop here so it is not handled twice.
        if (imageFile(e.clipboardData)) e.stopPropagation();
      }}
    >
      <div className="photo-head">
        <h2 className="panel-title" id="photo-title">
          {p.title}
        </h2>
        <button type="button" className="btn" onClick={onClose} aria-expanded={true}>
          {p.close}
        </button>
      </div>
      <p className="photo-intro">{p.intro}</p>

      <div className="photo-controls">
        <label className="control">
          <span className="control-label">{p.photo}</span>
          <select
            value={panel.photo}
            onChange={(e) => {
              requested.current = requested.current === OWN_PHOTO ? null : requested.current;
              set({ photo: e.target.value });
            }}
          >
            {(manifest ?? []).map((entry) => (
              <option key={entry.id} value={entry.id}>
                {zh ? entry.title.zh : entry.title.en}
              </option>
            ))}
            {ownEntry || panel.photo === OWN_PHOTO ? <option value={OWN_PHOTO}>{p.ownOption}</option> : null}
          </select>
        </label>
        <div className="control">
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            {p.pickOwn}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            hidden
            data-testid="photo-file"
            onChange={(e) => {
              takeFile(e.target.files?.[0] ?? null);
              e.target.value = '';
            }}
          />
        </div>
        <label className="control">
          <span className="control-label">{p.kernel}</span>
          <select value={panel.filter} onChange={(e) => set({ filter: e.target.value as PhotoFilterChoice })}>
            {FILTER_CHOICES.map((c) => (
              <option key={c} value={c}>
                {p.filters[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control-label">{p.colour}</span>
          <select
            value={panel.colour}
            onChange={(e) => set({ colour: e.target.value === 'summed' ? 'summed' : 'per-channel' })}
          >
            <option value="per-channel">{p.colours['per-channel']}</option>
            <option value="summed">{p.colours.summed}</option>
          </select>
        </label>
        <label className="control">
          <span className="control-label">{p.range}</span>
          <select value={panel.range} onChange={(e) => set({ range: e.target.value as PhotoRange })}>
            <option value="auto">{p.ranges.auto}</option>
            <option value="own">{p.ranges.own}</option>
          </select>
        </label>
        <fieldset className="control photo-compare">
          <legend className="control-label">{p.compare}</legend>
          {(['side', 'slider'] as const satisfies readonly PhotoCompare[]).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="photo-compare"
                checked={panel.compare === c}
                onChange={() => set({ compare: c })}
              />{' '}
              {p.compares[c]}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="photo-note">{p.colourNotes[panel.colour]}</p>
      <p className="hint">{dragging ? p.dropHere : p.dropHint}</p>

      {f.refusal ? (
        <div className="photo-refusal" role="alert">
          <p>
            {f.refusal.kind === 'not-an-image'
              ? p.refusals['not-an-image']
              : f.refusal.kind === 'corrupt'
                ? p.refusals.corrupt(f.refusal.format)
                : p.refusals.tooLarge(f.refusal.bytes, f.refusal.width, f.refusal.height)}
          </p>
          <p>{p.refusals.kept}</p>
        </div>
      ) : null}
      {ownMissing ? <p className="photo-note">{p.ownMissing}</p> : null}
      {manifest !== null && manifest.length === 0 ? <p className="photo-note">{p.noManifest}</p> : null}

      <KernelView
        t={t}
        choice={panel.filter}
        values={kernel.values}
        cols={kernel.cols}
        multi={figure.params.inChannels > 1 || figure.params.outChannels > 1}
        onWeight={(i, v) => setValues('weight', [[i, v]])}
      />

      {problem ? (
        <div className="photo-refusal" role="alert" data-testid="photo-problem">
          {problem.kind === 'refused' ? (
            <>
              <p>{p.refused}</p>
              <p>{t.engine[problem.code](problem.details)}</p>
            </>
          ) : (
            <p>{p.failed}</p>
          )}
        </div>
      ) : null}

      {photo ? (
        slider ? (
          <div className="photo-stage photo-stage--slider">
            <div className="photo-slider-frame">
              <PixelCanvas rgba={photo.rgba} width={photo.width} height={photo.height} className="photo-canvas" />
              {pickFrame(
                <>
                  <div className="photo-over" style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
                    {afterPicture}
                  </div>
                  {neighbourhoodMarker}
                  {outputMarker}
                </>,
              )}
              <span className="photo-split" style={{ left: `${split}%` }} aria-hidden="true" />
            </div>
            <label className="photo-split-control">
              <span>
                {p.before} ↔ {p.after}
              </span>
              <input
                type="range"
                min={0}
                max={100}
                value={split}
                aria-label={p.slider}
                onChange={(e) => setSplit(Number(e.target.value))}
              />
            </label>
            {shown && (shown.width !== inW || shown.height !== inH) ? <p className="hint">{p.stretched}</p> : null}
          </div>
        ) : (
          <div className="photo-stage photo-stage--side">
            <figure className="photo-figure">
              <figcaption>{p.before}</figcaption>
              <div
                className="photo-frame"
                role="img"
                aria-label={p.beforeLabel(photo.width, photo.height)}
                style={{ width: `${(100 * inW) / widest}%` }}
              >
                <PixelCanvas rgba={photo.rgba} width={photo.width} height={photo.height} className="photo-canvas" />
                {neighbourhoodMarker}
              </div>
            </figure>
            <figure className="photo-figure">
              <figcaption>{p.after}</figcaption>
              {pickFrame(
                <>
                  {afterPicture}
                  {outputMarker}
                </>,
                { width: `${(100 * outW) / widest}%` },
              )}
            </figure>
          </div>
        )
      ) : (
        <p className="photo-note">{p.loadingPhoto}</p>
      )}

      <div className="photo-status" aria-live="polite">
        {f.progress ? (
          <label className="photo-progress">
            <span>{p.progress(f.progress.done, f.progress.total)}</span>
            <progress value={f.progress.done} max={f.progress.total} />
          </label>
        ) : null}
        {shown && photo && !hideAnswers ? (
          <span>{p.sizes(photo.width, photo.height, shown.width, shown.height)}</span>
        ) : null}
        {shown ? <span className="photo-time">{p.updated(Math.round(shown.elapsedMs))}</span> : null}
        <button type="button" className="btn" onClick={exportPng} disabled={!shown}>
          {p.exportPng}
        </button>
        <button
          type="button"
          className="btn"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(code);
              setCopyStatus(p.codeCopied);
            } catch {
              setCopyStatus(p.copyFailed);
            }
          }}
        >
          {p.copyCode}
        </button>
        {copyStatus ? <span role="status">{copyStatus}</span> : null}
      </div>
      <details className="photo-code">
        <summary>{p.codeTitle}</summary>
        <pre>
          <code>{code}</code>
        </pre>
      </details>

      {bundled ? (
        <p className="photo-credit">
          {p.credit(zh ? bundled.title.zh : bundled.title.en, bundled.author, bundled.licence)}{' '}
          <a href={bundled.source} target="_blank" rel="noopener noreferrer">
            {p.source}
          </a>
        </p>
      ) : ownEntry && photo ? (
        <p className="photo-credit">
          {p.ownInfo(photo.width, photo.height, ownEntry.originalWidth, ownEntry.originalHeight)}
        </p>
      ) : null}

      {shown ? <PhotoLegend legend={shown.legend} channels={shown.channels} t={t} /> : null}

      <section className="photo-explain" id="photo-explain" aria-label={p.explain.title}>
        <h3 className="panel-title">{p.explain.title}</h3>
        {arithmetic && shown ? (
          <PixelExplain
            arithmetic={arithmetic}
            rows={shown.kernel.rows}
            cols={shown.kernel.cols}
            swatch={swatch}
            t={t}
          />
        ) : (
          <p className="hint">{p.explain.hint}</p>
        )}
      </section>
    </section>
  );
}

import { memo, useRef, useState } from 'react';
import { useAppStore } from '../../store/react';
import { useMessages } from '../../useMessages';
import { LONG_LINK_LENGTH } from '../../urlCodec';
import type { FigureModel } from '../../../components/figures/figureModel';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copy link, export PNG/SVG, record a GIF of the animation and copy the
 * PyTorch code. The exporters load only when used. Memoized: pass stable
 * `model` and `frames` (they are called on a click, not while rendering).
 */
export const SharePanel = memo(function SharePanel({
  name,
  model,
  frames,
  code,
}: {
  /** File name stem, e.g. "convlab-conv". */
  name: string;
  /** The figure as it is now; without it (a lesson with no matrix figure) there is no PNG/SVG/GIF export here. */
  model?: () => FigureModel;
  /** One model per playback step, for the GIF. */
  frames?: () => FigureModel[];
  code: string;
}) {
  const t = useMessages();
  const theme = useAppStore((s) => s.theme);
  const [status, setStatus] = useState('');
  /** Length of the last link copied, when chat apps may cut it off. */
  const [longLink, setLongLink] = useState<number | null>(null);
  const [recording, setRecording] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const options = { cellSize: 40, theme } as const;

  const exportAs = async (kind: 'png' | 'svg') => {
    if (!model) return;
    // The export code downloads on first use: offline, or after a deploy, that can fail.
    try {
      const mod = await import('../../../components/export/download');
      const blob = kind === 'png' ? await mod.figureToPngBlob(model(), options) : mod.figureToSvgBlob(model(), options);
      mod.downloadBlob(blob, `${name}.${kind}`);
      setStatus(t.share.saved(`${name}.${kind}`));
    } catch {
      setStatus(t.share.exportFailed);
    }
  };

  const recordGif = async () => {
    if (!frames) return;
    const controller = new AbortController();
    abort.current = controller;
    const all = frames();
    setRecording({ done: 0, total: all.length });
    try {
      const [{ recordGif: record }, { downloadBlob }] = await Promise.all([
        import('../../../components/export/recordGif'),
        import('../../../components/export/download'),
      ]);
      const blob = await record(all, {
        cellSize: 32,
        theme,
        delayMs: 600,
        onProgress: (done, total) => setRecording({ done, total }),
        signal: controller.signal,
      });
      downloadBlob(blob, `${name}.gif`);
      setStatus(t.share.saved(`${name}.gif`));
    } catch {
      if (!controller.signal.aborted) setStatus(t.share.exportFailed);
    } finally {
      setRecording(null);
      abort.current = null;
    }
  };

  return (
    <section className="share" aria-labelledby={`${name}-share`} data-control="share">
      <h2 id={`${name}-share`} className="panel-title">
        {t.share.label}
      </h2>
      <div className="share-buttons">
        <button
          type="button"
          className="btn"
          onClick={async () => {
            const href = window.location.href;
            setLongLink(href.length > LONG_LINK_LENGTH ? href.length : null);
            setStatus((await copyText(href)) ? t.share.linkCopied : t.share.copyFailed);
          }}
        >
          {t.share.copyLink}
        </button>
        {model ? (
          <>
            <button type="button" className="btn" onClick={() => void exportAs('png')}>
              {t.share.png}
            </button>
            <button type="button" className="btn" onClick={() => void exportAs('svg')}>
              {t.share.svg}
            </button>
          </>
        ) : null}
        {!frames ? null : recording ? (
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>
            {t.share.recording(recording.done, recording.total)} {t.share.cancel}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => void recordGif()}>
            {t.share.gif}
          </button>
        )}
      </div>
      {longLink !== null && (
        <p className="hint" data-notice="long-link">
          {t.share.longLink(longLink)}
        </p>
      )}
      <p className="hint">{t.share.embedHint}</p>
      <p role="status" className="share-status">
        {status}
      </p>
      <details className="code">
        <summary>{t.share.codeTitle}</summary>
        <button
          type="button"
          className="btn"
          onClick={async () => setStatus((await copyText(code)) ? t.share.codeCopied : t.share.copyFailed)}
        >
          {t.share.copyCode}
        </button>
        {/* Focusable: a long program scrolls, and the keyboard can scroll it too. */}
        <pre tabIndex={0}>
          <code>{code}</code>
        </pre>
      </details>
    </section>
  );
});

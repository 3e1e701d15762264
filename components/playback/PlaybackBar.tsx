import { SPEEDS } from '../../app/store/playbackSlice';
import { useAppStore } from '../../app/store/react';
import { useMessages } from '../../app/useMessages';
import { Icon } from './icons';

/**
 * Play/pause, step, first/last, a scrubber and the speed; the step is announced
 * in words. `held`: playback waits for an answer (the number of steps would
 * give it away), so every control is disabled and a short note stands where
 * "Step 1 of N" was, in the same place so nothing moves.
 */
export function PlaybackBar({ announce, held = false }: { announce: string; held?: boolean }) {
  const t = useMessages();
  const { step, total, playing, speed } = useAppStore((s) => s.playback);
  const setStep = useAppStore((s) => s.setStep);
  const stepBy = useAppStore((s) => s.stepBy);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const setSpeed = useAppStore((s) => s.setSpeed);
  return (
    <div className="playback" role="group" aria-label={t.playback.label} data-control="playback">
      <div className="playback-buttons">
        <button
          type="button"
          className="btn"
          disabled={held}
          onClick={() => setStep(0)}
          aria-label={t.playback.first}
          title={t.playback.first}
        >
          <Icon name="first" />
        </button>
        <button
          type="button"
          className="btn"
          disabled={held}
          onClick={() => stepBy(-1)}
          aria-label={t.playback.back}
          title={t.playback.back}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="btn btn--primary playback-play"
          disabled={held}
          onClick={togglePlay}
          aria-label={playing ? t.playback.pause : t.playback.play}
          title={playing ? t.playback.pause : t.playback.play}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="btn"
          disabled={held}
          onClick={() => stepBy(1)}
          aria-label={t.playback.forward}
          title={t.playback.forward}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className="btn"
          disabled={held}
          onClick={() => setStep(total - 1)}
          aria-label={t.playback.last}
          title={t.playback.last}
        >
          <Icon name="last" />
        </button>
      </div>
      <label className="playback-scrub">
        <span className="visually-hidden">{t.playback.scrubber}</span>
        <input
          type="range"
          min={0}
          max={held ? 0 : Math.max(0, total - 1)}
          value={held ? 0 : step}
          disabled={held}
          aria-valuetext={held ? t.playback.held : t.playback.stepOf(step + 1, total)}
          onChange={(e) => setStep(Number(e.target.value))}
        />
      </label>
      <span className="playback-count">{held ? t.playback.held : t.playback.stepOf(step + 1, total)}</span>
      <label className="playback-speed">
        <span>{t.playback.speed}</span>
        <select value={speed} disabled={held} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

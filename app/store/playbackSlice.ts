import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';

/** Steps per second at speed 1. */
const BASE_RATE = 2;
export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  playback: {
    /** Current step, 0 … total−1. */
    readonly step: number;
    /** How many steps the current figure has. */
    readonly total: number;
    readonly playing: boolean;
    readonly speed: number;
  };
  setTotal: (total: number) => void;
  setStep: (step: number) => void;
  stepBy: (delta: number) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  /** Advances time by `dtMs`; called by the clock each frame while playing. */
  tick: (dtMs: number) => void;
}

const clamp = (v: number, total: number) => Math.max(0, Math.min(Math.max(0, total - 1), Math.round(v)));

/**
 * Playback with a new step count. A figure shown complete stays complete when
 * it grows or shrinks; otherwise the step is clamped. Figure edits apply this
 * in the same store update as the edit, so one edit renders once.
 */
export function withTotal(playback: PlaybackSlice['playback'], total: number): PlaybackSlice['playback'] {
  if (playback.total === total) return playback;
  const atEnd = playback.step >= playback.total - 1;
  return { ...playback, total, step: atEnd ? Math.max(0, total - 1) : clamp(playback.step, total) };
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  const update = (patch: Partial<PlaybackSlice['playback']>) => set({ playback: { ...get().playback, ...patch } });
  // Fraction of the way to the next step. Only the clock needs it, so it is not
  // store state: a frame that does not reach the next step changes nothing.
  let phase = 0;
  return {
    playback: { step: 0, total: 1, playing: false, speed: 1 },
    setTotal: (total) => {
      const { playback } = get();
      const next = withTotal(playback, total);
      if (next !== playback) set({ playback: next });
    },
    setStep: (step) => {
      phase = 0;
      update({ step: clamp(step, get().playback.total) });
    },
    stepBy: (delta) => {
      phase = 0;
      update({ step: clamp(get().playback.step + delta, get().playback.total) });
    },
    play: () => {
      const { step, total } = get().playback;
      // Playing from the end starts over.
      phase = 0;
      update({ playing: true, step: step >= total - 1 ? 0 : step });
    },
    pause: () => update({ playing: false }),
    togglePlay: () => (get().playback.playing ? get().pause() : get().play()),
    setSpeed: (speed) => update({ speed }),
    tick: (dtMs) => {
      const { playing, step, total, speed } = get().playback;
      if (!playing) return;
      const advanced = phase + (dtMs / 1000) * BASE_RATE * speed;
      const whole = Math.floor(advanced);
      phase = advanced - whole;
      if (whole === 0) return;
      const next = step + whole;
      if (next >= total - 1) {
        phase = 0;
        update({ step: Math.max(0, total - 1), playing: false });
      } else update({ step: next });
    },
  };
};

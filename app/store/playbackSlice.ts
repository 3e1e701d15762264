import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';

/** Steps per second at speed 1. */
export const BASE_RATE = 2;
export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  playback: {
    /** Current step, 0 … total−1. */
    readonly step: number;
    /** How many steps the current figure has. */
    readonly total: number;
    readonly playing: boolean;
    readonly speed: number;
    /** Fraction of the way to the next step (drives the clock). */
    readonly phase: number;
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
  return {
    playback: { step: 0, total: 1, playing: false, speed: 1, phase: 0 },
    setTotal: (total) => {
      const { playback } = get();
      const next = withTotal(playback, total);
      if (next !== playback) set({ playback: next });
    },
    setStep: (step) => update({ step: clamp(step, get().playback.total), phase: 0 }),
    stepBy: (delta) => update({ step: clamp(get().playback.step + delta, get().playback.total), phase: 0 }),
    play: () => {
      const { step, total } = get().playback;
      // Playing from the end starts over.
      update({ playing: true, step: step >= total - 1 ? 0 : step, phase: 0 });
    },
    pause: () => update({ playing: false }),
    togglePlay: () => (get().playback.playing ? get().pause() : get().play()),
    setSpeed: (speed) => update({ speed }),
    tick: (dtMs) => {
      const { playing, step, total, speed, phase } = get().playback;
      if (!playing) return;
      const advanced = phase + (dtMs / 1000) * BASE_RATE * speed;
      const whole = Math.floor(advanced);
      if (whole === 0) {
        update({ phase: advanced });
        return;
      }
      const next = step + whole;
      if (next >= total - 1) update({ step: Math.max(0, total - 1), phase: 0, playing: false });
      else update({ step: next, phase: advanced - whole });
    },
  };
};

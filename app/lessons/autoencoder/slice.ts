import type { LessonSlice } from '../contract';
import { AE_DEFAULTS, AE_LIMITS, type AutoencoderState } from './aeState';
import { AE_STORY } from './aeStory';

export interface AutoencoderActions {
  /** Puts a whole state in (a link, a narrative step). */
  readonly load: (state: AutoencoderState) => void;
  readonly setChannels: (channels: readonly number[]) => void;
  readonly setSeed: (seed: number) => void;
  readonly setLr: (lr: number) => void;
  readonly setBits: (bits: number) => void;
  readonly setStart: (start: AutoencoderState['start']) => void;
  /** Goes to a narrative step and applies what the step sets. */
  readonly goToStory: (index: number) => void;
}

const clampInt = (v: number, [lo, hi]: readonly [number, number]) => Math.max(lo, Math.min(hi, Math.round(v)));

/** The autoencoder lesson's slot of the store: its settings and narrative step. */
export const autoencoderSlice: LessonSlice<AutoencoderState, AutoencoderActions> = {
  id: 'autoencoder',
  initial: AE_DEFAULTS,
  actions: (lens) => {
    const update = (change: Partial<AutoencoderState>) => lens.set({ ...lens.get(), ...change }, 1);
    return {
      load: (state) => lens.set(state, 1),
      setChannels: (channels) => {
        const n = clampInt(channels.length, AE_LIMITS.layers);
        const next = Array.from({ length: n }, (_, i) => clampInt(channels[i] ?? 8, AE_LIMITS.channels));
        update({ channels: next });
      },
      setSeed: (seed) => update({ seed: clampInt(seed, AE_LIMITS.seed) }),
      setLr: (lr) => {
        if (Number.isFinite(lr)) update({ lr: Math.max(AE_LIMITS.lr[0], Math.min(AE_LIMITS.lr[1], lr)) });
      },
      setBits: (bits) => update({ bits: clampInt(bits, AE_LIMITS.bits) }),
      setStart: (start) => update({ start }),
      goToStory: (index) => {
        const story = clampInt(index, [0, AE_STORY.length - 1]);
        const step = AE_STORY[story]!;
        update({
          story,
          ...(step.start ? { start: step.start } : {}),
          ...(step.bits !== undefined ? { bits: step.bits } : {}),
        });
      },
    };
  },
};

/**
 * The autoencoder lesson's state: the network's encoder channels, the seed
 * and learning rate of a training run, where training starts (the shipped
 * weights or a fresh seeded initialisation), the bits per latent value of the
 * compression panel and the narrative step. Training progress lives in the
 * worker, not here: the same state reproduces the same run.
 */
import { DEFAULT_TRAINER_SETTINGS, TRAINER_LIMITS } from '../../workers/autoencoderApi';

export type StartFrom = 'shipped' | 'scratch';

export interface AutoencoderState {
  /** Channels of each encoder layer (1 to 3 layers); the decoder mirrors them. */
  readonly channels: readonly number[];
  readonly seed: number;
  /** Adam's learning rate. */
  readonly lr: number;
  /** Bits per latent value in the compression panel. */
  readonly bits: number;
  readonly start: StartFrom;
  readonly story: number;
}

/** The shipped weights are for this network only. */
export const SHIPPED_CHANNELS: readonly number[] = [64, 32];

export const AE_DEFAULTS: AutoencoderState = {
  channels: SHIPPED_CHANNELS,
  seed: DEFAULT_TRAINER_SETTINGS.seed,
  lr: DEFAULT_TRAINER_SETTINGS.lr,
  bits: 4,
  start: 'shipped',
  story: 0,
};

export const AE_LIMITS = {
  layers: [TRAINER_LIMITS.minLayers, TRAINER_LIMITS.maxLayers],
  channels: [1, TRAINER_LIMITS.maxChannels],
  seed: [0, TRAINER_LIMITS.maxSeed],
  lr: [TRAINER_LIMITS.minLr, TRAINER_LIMITS.maxLr],
  bits: [1, 8],
} as const;

/** The learning rates the lesson offers (the link may carry any other inside the limits). */
export const LR_CHOICES: readonly number[] = [1e-4, 3e-4, 1e-3, 2e-3, 5e-3, 1e-2, 3e-2, 0.1, 0.3, 1];

/** Whether the shipped weights fit this network (they were trained for SHIPPED_CHANNELS). */
export function canUseShipped(state: AutoencoderState): boolean {
  return state.channels.join() === SHIPPED_CHANNELS.join();
}

/** Where training really starts: the shipped weights only when they fit. */
export function effectiveStart(state: AutoencoderState): StartFrom {
  return state.start === 'shipped' && canUseShipped(state) ? 'shipped' : 'scratch';
}

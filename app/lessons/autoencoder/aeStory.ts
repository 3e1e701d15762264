/**
 * The autoencoder lesson's narrative: what each step sets and which
 * prediction it asks for. Every answer is read off the engine's shape chain
 * (engine/nn/spec.ts) for the held-out photo's size, never written by hand.
 */
import { autoencoderSpec, layerShapes, psnr, type NetworkShapes } from '../../../engine/nn';
import type { AutoencoderState, StartFrom } from './aeState';

/** The held-out photo's side in pixels: the shape chain and the checkpoints use it. */
export const HELD_OUT_SIDE = 256;

export type AeCheckpoint = 'firstSize' | 'latentValues' | 'outputPadding' | 'psnr' | 'levels' | 'gridDecoder';

export interface AeStoryStep {
  /** What the step sets when the student goes to it. */
  readonly start?: StartFrom;
  readonly bits?: number;
  readonly checkpoint: AeCheckpoint | null;
}

export const AE_STORY: readonly AeStoryStep[] = [
  { checkpoint: null },
  { checkpoint: 'firstSize' },
  { checkpoint: 'latentValues' },
  { checkpoint: 'outputPadding' },
  { checkpoint: 'psnr' },
  { start: 'scratch', checkpoint: null },
  { start: 'shipped', bits: 3, checkpoint: 'levels' },
  { start: 'shipped', checkpoint: null },
  { checkpoint: 'gridDecoder' },
];

/** The shape chain of the state's network on the held-out photo. */
export function aeShapes(state: Pick<AutoencoderState, 'channels'>): NetworkShapes {
  return layerShapes(autoencoderSpec(3, state.channels), [HELD_OUT_SIDE, HELD_OUT_SIDE]);
}

/** A checkpoint's answer: the numbers a typed prediction must match, and the text that shows it. */
export function aeAnswer(
  kind: AeCheckpoint,
  state: AutoencoderState,
): { readonly values: readonly number[]; readonly text: string } {
  const shapes = aeShapes(state);
  switch (kind) {
    case 'firstSize': {
      const [, h, w] = shapes.layers[0]?.outShape ?? [0, 0, 0];
      return { values: [h, w], text: `${h}×${w}` };
    }
    case 'latentValues': {
      const latent = shapes.layers[shapes.latentLayer]?.outShape ?? [0, 0, 0];
      return { values: [shapes.latentSize], text: `${latent.join('×')} = ${shapes.latentSize}` };
    }
    case 'outputPadding': {
      const first = shapes.layers.find((l) => l.kind === 'convTranspose');
      const op = first?.torch[0].outputPadding ?? 0;
      return { values: [op], text: String(op) };
    }
    case 'psnr': {
      const db = Math.round(psnr(0.01));
      return { values: [db], text: `${db} dB` };
    }
    case 'gridDecoder':
      // 1 names the transposed decoder, 2 resize-then-convolve: the uneven overlap map belongs to the first.
      return { values: [1], text: '1' };
    case 'levels': {
      const levels = 2 ** (AE_STORY[6]?.bits ?? state.bits);
      return { values: [levels], text: String(levels) };
    }
  }
}

/** Whether the page hides the answer of the step's checkpoint: asked, not yet answered, on the lesson's own network. */
export function aeHides(
  state: AutoencoderState,
  revealed: boolean,
  shippedChannels: readonly number[],
): AeCheckpoint | null {
  const kind = AE_STORY[state.story]?.checkpoint ?? null;
  if (kind === null || revealed) return null;
  // The decoders' grid does not depend on the channel counts; the sizes do.
  if (kind === 'gridDecoder') return kind;
  return state.channels.join() === shippedChannels.join() ? kind : null;
}

/**
 * Links the convolution lesson's story offers to other lessons. Written out
 * here (not built with those lessons' codecs) so this lesson's code does not
 * load theirs; tests decode them with the other lessons' own link codecs.
 */

/** The lesson's first example as a tensors-lesson program: a 4×4 matrix, then two `unsqueeze(0)`. */
export const CONV_INPUT_PROGRAM = [
  'x = torch.arange(16.0).reshape(4, 4)',
  'b = x.unsqueeze(0)',
  'c = b.unsqueeze(0)',
].join('\n');

/** `#/tensors` at its first step, running `CONV_INPUT_PROGRAM`: every shape shows at once (no question waits on it). */
export const TENSORS_SHAPES_HREF = `#/tensors?v=1&story=0&code=${encodeURIComponent(CONV_INPUT_PROGRAM)}`;

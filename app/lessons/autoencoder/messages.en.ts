/**
 * English words of the autoencoder lesson, loaded with its code. `messages.zh.ts` has exactly
 * the same keys (its type is `AutoencoderMessages`).
 */
export const autoencoderEn = {
  title: 'A convolutional autoencoder',
  figureLabel: 'Autoencoder figure',
  keys: 'Keys: Space starts or pauses training, ← → move through the story.',
  steps: [
    {
      title: 'The same picture out as in',
      body: 'An autoencoder is trained to give back its own input. That sounds pointless until you look at the middle: the encoder squeezes the photo through strided convolutions into a small stack of numbers, the latent, and the decoder has to rebuild the whole photo from that alone. Whatever survives the squeeze is what the network learned to keep.',
    },
    {
      title: 'The encoder halves the picture',
      body: 'Each encoder layer is a 3×3 convolution with stride 2 and padding 1 (TensorFlow calls it “same”), followed by ReLU. Stride 2 visits every other position, so the height and the width are halved, while the number of channels grows or shrinks as the layer chooses.',
    },
    {
      title: 'The latent',
      body: 'After the last encoder layer the photo is a few channels of a small grid: the latent. It is the narrowest point of the network, and everything the decoder knows about the photo passes through it. Compare its size with the photo’s: a latent that holds more numbers than the picture saves nothing.',
    },
    {
      title: 'The decoder doubles it back',
      body: 'The decoder uses transposed convolutions with stride 2: each latent cell stamps a 3×3 kernel onto a canvas twice as large. PyTorch computes (i − 1)·s − 2p + k + output_padding, so with padding 1 it needs output_padding to land exactly on twice the size; TensorFlow’s “same” gets there by cropping unevenly. The last layer ends in a sigmoid, so every pixel lies between 0 and 1.',
    },
    {
      title: 'Why the mean squared error',
      body: 'Training lowers the mean squared error between the photo and its reconstruction, averaged over every pixel and channel. It is simple, smooth and exactly what PSNR measures: PSNR = 10·log₁₀(1 / MSE) decibels for pixels in [0, 1], so every tenfold drop of the error adds 10 dB.',
    },
    {
      title: 'Train it yourself',
      body: 'The network now starts from random weights drawn with the seed. Press Start: the worker cuts random 32×32 patches out of the training photos, takes Adam steps on batches of 8 and, about once a second, shows how the held-out astronaut looks through the network. Nobody trains on the astronaut, so its PSNR says how well the network generalises. Try a tiny latent, or a learning rate that is far too high.',
    },
    {
      title: 'Quantise, then code',
      body: 'To store the latent you must write it with few bits. Quantising to b bits keeps 2ᵇ levels between 0 and the largest value; then a real compressor (deflate) packs the codes, and the zeros that ReLU makes cost almost nothing. Bytes, bits per pixel and PSNR below are measured on the real output, not estimated.',
    },
    {
      title: 'Against JPEG',
      body: 'The browser’s own JPEG encoder compresses the same astronaut at many qualities; the chart puts both codecs on the same axes. A small autoencoder that learned from three photos is not a serious codec: see where it stands, and read the sentence under the chart, which is computed from the two curves.',
    },
    {
      title: 'Checkerboards',
      body: 'A transposed convolution upsamples by stamping a kernel onto the canvas, and with a 3×3 kernel and stride 2 the stamps overlap unevenly. Another decoder first resizes the image (each pixel repeated 2×2) and then runs an ordinary 3×3 convolution of stride 1. Below, both decoders train side by side from the same seed on the same batches. Before you press the button, predict which one paints a fine grid over the photo.',
    },
  ],
  questions: {
    gridDecoder:
      'Early in training, which decoder draws a fine grid pattern over the photo? Type 1 for the transposed convolution, 2 for resize-then-convolve.',
    firstSize: 'The photo is 256×256. What are the height and width after the first encoder layer?',
    latentValues: 'How many numbers does the latent of a 256×256 photo hold (channels × height × width)?',
    outputPadding: 'Which output_padding does PyTorch’s first transposed layer need to double its input exactly?',
    psnr: 'If the mean squared error is 0.01, what is the PSNR in dB?',
    levels: 'At 3 bits per latent value, how many different values can the latent take?',
  },
  hidden: 'Answer the question first',
  codeHidden: '# The code shows the answer: answer the question first.',
  chain: {
    title: 'The shape chain',
    caption: (side: number) => `Every tensor of the network for a ${side}×${side} photo (PyTorch’s layouts).`,
    layer: 'Layer',
    shape: 'Output shape',
    torch: 'PyTorch',
    tf: 'TensorFlow “same”',
    params: 'Parameters',
    input: 'Photo',
    conv: (i: number) => `Conv ${i + 1}`,
    convT: (i: number) => `ConvT ${i + 1}`,
    latent: 'latent',
    tfConv: (i: number, s: number, o: number, before: number, after: number) =>
      `⌈${i} / ${s}⌉ = ${o}, pad ${before} before, ${after} after`,
    tfConvT: (i: number, s: number, o: number, before: number, after: number) =>
      `${i}·${s} = ${o}, crop ${before} before, ${after} after`,
    paramCount: (cout: number, cin: number, k: number, n: number) => `${cout}·${cin}·${k}² + ${cout} = ${n}`,
    padding: (p: number, op: number | null) => (op === null ? `padding=${p}` : `padding=${p}, output_padding=${op}`),
    total: (n: number) => `${n} parameters in all.`,
    latentVsImage: (latent: string, image: string, ratio: string) =>
      `The latent holds ${latent} numbers, the photo ${image}: ${ratio} of the photo.`,
  },
  recon: {
    title: 'The held-out photo through the network',
    original: 'Original',
    reconstruction: 'Reconstruction',
    psnr: (db: string) => `PSNR ${db} dB`,
    atStep: (step: number) => `after ${step} training steps`,
    shipped: (steps: number, photos: string) =>
      `Weights shipped with the app: trained offline for ${steps} steps on ${photos}.`,
    scratch: (seed: number) => `Random weights from seed ${seed}.`,
    loading: 'Loading the photos and the network…',
    credit: (title: string, author: string, licence: string) => `${title}, ${author} (${licence}).`,
  },
  training: {
    title: 'Training',
    start: 'Start',
    pause: 'Pause',
    resume: 'Resume',
    reset: 'Reset',
    step: (n: number) => `Step ${n}`,
    speed: (sps: string, ms: string) => `${sps} steps per second (${ms} ms per step)`,
    status: {
      idle: 'Ready.',
      running: 'Training…',
      paused: 'Paused.',
      diverged:
        'Stopped: the loss is no longer a number. The learning rate is too high; the weights are back to the last step whose loss was finite. Lower the learning rate and press Reset.',
    },
    loss: 'Loss (mean squared error, log scale)',
    psnrAxis: 'Held-out PSNR (dB)',
    stepAxis: 'Step',
    chartLabel: (steps: number, last: string) => `Loss curve over ${steps} steps; last loss ${last}.`,
    empty: 'The curve appears when training runs.',
  },
  controls: {
    label: 'Network and training',
    layers: 'Encoder layers',
    channels: (i: number) => `Channels of encoder layer ${i + 1}`,
    seed: 'Seed',
    newSeed: 'New seed',
    lr: 'Learning rate',
    start: 'Start from',
    shipped: 'shipped weights',
    scratch: 'random weights (seed)',
    shippedOnly: 'The shipped weights fit only the 64, 32 network; this one starts from random weights.',
    exportWeights: 'Export weights (JSON)',
    importWeights: 'Import weights (JSON)',
    imported: (channels: string) => `Imported a network with encoder channels ${channels}.`,
    importFailed: {
      'too-large': 'That file is too large for a weights file.',
      'not-json': 'That file is not JSON.',
      'wrong-format': 'That JSON is not a ConvLab weights file.',
      'unsupported-version': 'That weights file comes from another version of ConvLab.',
      'invalid-network': 'The network in that file is outside what ConvLab can run.',
      'missing-parameter': 'A weight or bias is missing from that file.',
      'shape-mismatch': 'A weight in that file does not have the shape its network needs.',
      'not-a-number': 'That file holds values that are not numbers.',
      'not-an-autoencoder': 'That file holds another kind of network, not one of this lesson’s autoencoders.',
      'too-large-for-lesson': 'That network has more layers or channels than this lesson trains.',
      'no-photos': 'The photos are not loaded yet; try again in a moment.',
    },
  },
  compression: {
    title: 'Compression, measured',
    bits: 'Bits per latent value',
    bitsValue: (b: number) => `Bits per latent value: ${b}`,
    latent: (values: number, bits: number) => `${values} latent values × ${bits} bits`,
    bytes: (n: number) => `${n} bytes after deflate`,
    bpp: (v: string) => `${v} bits per pixel`,
    ours: 'Autoencoder',
    jpeg: 'JPEG',
    jpegAt: (q: string, bytes: number) => `JPEG at quality ${q}: ${bytes} bytes`,
    chartTitle: 'Rate and distortion',
    bppAxis: 'bits per pixel',
    psnrAxis: 'PSNR (dB)',
    measuring: 'Measuring…',
    noJpeg: 'This browser cannot encode JPEG in a worker, so only the autoencoder is shown.',
    verdictJpeg: (bpp: string, ours: string, jpeg: string) =>
      `At every rate both were measured at, JPEG looks better: at ${bpp} bits per pixel it gives ${jpeg} dB, the autoencoder ${ours} dB. JPEG has decades of engineering behind it (colour subsampling, a transform tuned to the eye, adaptive coding); this small network learned from three photos.`,
    verdictOurs: (bpp: string, ours: string, jpeg: string) =>
      `At every rate both were measured at, the autoencoder wins: at ${bpp} bits per pixel it gives ${ours} dB, JPEG ${jpeg} dB. That is the low-rate end, where JPEG’s 8×8 blocks fall apart and a learned decoder still draws smooth shapes.`,
    verdictMixed: (low: string, ours: string) =>
      `The curves cross: the autoencoder wins below about ${low} bits per pixel (at its best point it gives ${ours} dB), where JPEG’s blocks fall apart; above it JPEG wins, because it can spend more bits on detail while this network cannot get past what its decoder learned.`,
    verdictNone:
      'The two curves do not overlap in bits per pixel, so no honest comparison at equal rate is possible: fewer channels or fewer bits bring the autoencoder into JPEG’s range.',
  },
  checker: {
    title: 'Checkerboards: two ways to upsample',
    intro:
      'The same encoder with two decoders, trained side by side from the same seed on the same batches. Left: the lesson’s transposed convolutions (3×3, stride 2). Right: resize-then-convolve, where each decoder layer repeats every pixel 2×2 (nearest) and then applies a 3×3 convolution of stride 1. Both show the same 96×96 crop of the held-out photo, enlarged.',
    train: (steps: number) => `Train both from scratch (${steps} steps)`,
    stop: 'Stop',
    progress: (step: number, steps: number) => `Step ${step} of ${steps}`,
    decoder: {
      transposed: 'Transposed convolution',
      nearest: 'Nearest ×2, then 3×3 convolution',
      bilinear: 'Bilinear ×2, then 3×3 convolution',
    },
    psnr: (db: string) => `PSNR ${db} dB`,
    empty: 'Press the button: the difference shows in the first few hundred steps.',
    status: {
      running: 'Training both…',
      done: 'Done. Look closely at the two crops.',
      paused: 'Stopped.',
      diverged: 'Stopped: a loss is no longer a number; the learning rate is too high.',
      refused: 'The side-by-side run cannot start until the photos and the network are ready.',
    },
    answer: '1, the transposed convolution',
    overlapCaption:
      'Stamps reaching each output cell: a 3×3 kernel of ones, stride 2, padding 1, output_padding 1, on a 4×4 input of ones (the overlap map of the transposed-convolution lesson).',
    overlapLabel: 'Overlap counts of a 3×3, stride-2 transposed convolution',
    why: 'With a 3×3 kernel and stride 2, neighbouring stamps overlap on every other row and every other column only. A cell where such a row meets such a column collects 4 stamps, a cell on one of them 2, every other cell 1. Until its weights learn to even this out, the transposed decoder paints that uneven grid into the picture: the checkerboard. Resizing first gives every output cell the same kind of sum, so there is no grid to paint (Odena, Dumoulin and Olah, Distill 2016).',
  },
  backward: {
    title: 'Backward is transposed: the gradient of an encoder layer',
    intro: (s: number, p: number) =>
      `A convolution like the encoder’s (3×3 kernel, stride ${s}, padding ${p}) on a 4×4 input gives a 2×2 output. Training needs ∂L/∂x, the gradient of its input, from the gradient of its output ∂L/∂y. Below, the engine computes it twice.`,
    gradOutput: '∂L/∂y (2×2)',
    weight: 'Kernel w',
    gradInput: '∂L/∂x from the convolution’s backward pass',
    transposed: (s: number, p: number, op: number) =>
      `conv_transpose2d(∂L/∂y, w), stride ${s}, padding ${p}, output_padding ${op}`,
    verdict: (equal: number, total: number) => `${equal} of ${total} cells are equal.`,
    why: (op: number) =>
      `Each output cell of the convolution read a 3×3 window of the input, so its gradient flows back to that same window, weighted by the same kernel: that is exactly the stamping of a transposed convolution. output_padding ${op} restores the column and row the stride never reached. This is why the worker can train the encoder with the decoder’s fast transposed convolution, and the other way round.`,
  },
  own: {
    pick: 'Try your own photo',
    privacy: 'The photo is read here and never leaves this browser.',
    reading: 'Reading the photo…',
    done: 'Your photo is now the held-out photo: the network never trained on it.',
    yours: (w: number, h: number) => `Your photo, scaled to ${w}×${h}.`,
    notAnImage: 'That file is not an image this browser can read (PNG, JPEG, GIF, WebP, BMP or AVIF).',
    corrupt: (format: string) => `That ${format} file is damaged: it could not be decoded.`,
    tooLarge: (mb: number, w: number | null, h: number | null) =>
      w !== null && h !== null
        ? `That image is too large (${w}×${h} pixels); pick one under 50 megapixels.`
        : `That file is too large (${mb} MB); pick one under 40 MB.`,
    tooSmall: 'That image is too small: it needs at least 8 pixels on each side.',
    notReady: 'The network is not ready yet; try again in a moment.',
  },
  errors: {
    photos: 'The bundled photos could not be loaded.',
    worker: 'Training could not start in this browser (no Web Worker).',
  },
};

export type AutoencoderMessages = typeof autoencoderEn;

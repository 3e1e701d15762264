/**
 * The autoencoder lesson's Web Worker: the handlers of autoencoderApi.ts,
 * exposed through comlink. Training yields through a MessageChannel (browsers
 * clamp nested timers); pictures go back by transfer, not copy; JPEG is the
 * browser's own encoder on an OffscreenCanvas.
 */
import { expose, transfer } from 'comlink';
import { createAutoencoderApi, type AutoencoderApi, type JpegCodec, type TrainerReport } from './autoencoderApi';
import { createMessageYield } from './latest';

const jpeg: JpegCodec = async (rgba, width, height, quality) => {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bitmap = await createImageBitmap(blob);
  context.clearRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { bytes: blob.size, rgba: context.getImageData(0, 0, width, height).data };
};

const api = createAutoencoderApi({ yieldToEventLoop: createMessageYield(), jpeg });

const withPicture = (report: TrainerReport): TrainerReport =>
  report.heldOut ? transfer(report, [report.heldOut.rgba.buffer]) : report;

const exposed: AutoencoderApi = {
  ...api,
  onReport(listener) {
    // The reconstruction in a report moves to the page (transfer), it is not copied.
    api.onReport(listener ? (report) => listener(withPicture(report)) : null);
  },
  configure(settings, weights) {
    const outcome = api.configure(settings, weights);
    return outcome.ok ? { ...outcome, report: withPicture(outcome.report) } : outcome;
  },
  async start() {
    return withPicture(await api.start());
  },
  train: (steps) => withPicture(api.train(steps)),
  setHeldOut(photo) {
    const report = api.setHeldOut(photo);
    return report ? withPicture(report) : null;
  },
  measure: () => withPicture(api.measure()),
  importWeights(text) {
    const outcome = api.importWeights(text);
    return outcome.ok ? { ...outcome, report: withPicture(outcome.report) } : outcome;
  },
  async jpeg(qualities) {
    const results = await api.jpeg(qualities);
    return transfer(
      results,
      results.map((r) => r.rgba.buffer),
    );
  },
  // Side-by-side pictures are small crops (96×96): copied, so the listener and the answer may share one.
  onCompare(listener) {
    api.onCompare(listener ? (report) => listener(report) : null);
  },
  compress(bits) {
    const result = api.compress(bits);
    return result ? transfer(result, [result.rgba.buffer]) : null;
  },
};

expose(exposed);

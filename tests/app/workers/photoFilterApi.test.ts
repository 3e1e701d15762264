import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2d, filterImage, photoWeight, presetKernel, kernelPreset, tensor } from '../../../engine';
import type { PhotoFilterSettings, RgbImage } from '../../../engine';
import { createPhotoFilterApi, type FilterOutcome, type FilterProgress } from '../../../app/workers/photoFilterApi';
import type { BitmapDecoder } from '../../../app/photos/decodePhoto';
import { photoCases, randomImage, randomKernel } from '../../support/photos';

const SAME: PhotoFilterSettings = {
  colour: 'per-channel',
  stride: [1, 1],
  padding: 'same',
  paddingMode: 'zeros',
  dilation: [1, 1],
};

/** A copy, since the API keeps (owns) the image it is given. */
const copyOf = (image: RgbImage): RgbImage => ({ ...image, data: Float32Array.from(image.data) });

function done(outcome: FilterOutcome) {
  if (outcome.status !== 'done') throw new Error(`expected a result, got ${outcome.status}`);
  return outcome;
}

describe('photo filter worker handlers', () => {
  it("give the engine's conv2d of the same [1, 3, H, W] tensor, as float32", async () => {
    await fc.assert(
      fc.asyncProperty(photoCases, async ({ image, kernel, settings }) => {
        const api = createPhotoFilterApi();
        api.setImage(copyOf(image));
        const result = done(await api.filter({ id: 1, kernel, settings, mapping: { kind: 'min-max' } }));
        const perChannel = settings.colour === 'per-channel';
        const expected = conv2d(
          tensor([1, 3, image.height, image.width], image.data),
          tensor([perChannel ? 3 : 1, perChannel ? 1 : 3, kernel.rows, kernel.cols], photoWeight(kernel)),
          null,
          { ...settings, groups: perChannel ? 3 : 1 },
        );
        expect([1, result.channels, result.height, result.width]).toEqual(expected.shape);
        for (let i = 0; i < expected.data.length; i++) {
          const e = expected.data[i]!;
          expect(Math.abs(result.values[i]! - e)).toBeLessThanOrEqual(2 ** -23 * Math.max(1, Math.abs(e)));
        }
        expect(Array.from(result.values)).toEqual(Array.from(filterImage(image, kernel, settings).data));
        expect(result.rgba).toHaveLength(result.width * result.height * 4);
      }),
      { numRuns: 60 },
    );
  });

  it('runs only the newest of requests sent in a burst', async () => {
    const api = createPhotoFilterApi();
    api.setImage(randomImage(16, 16, 1));
    const kernel = randomKernel(3, 3, 2);
    const burst = [1, 2, 3].map((id) => api.filter({ id, kernel, settings: SAME, mapping: { kind: 'auto' } }));
    const outcomes = await Promise.all(burst);
    expect(outcomes.map((o) => o.status)).toEqual(['superseded', 'superseded', 'done']);
    expect(outcomes[2]!.id).toBe(3);
  });

  it('reports progress band by band for slow filters, with the same result', async () => {
    const image = randomImage(40, 30, 3);
    const kernel = randomKernel(5, 5, 4);
    const settings = { ...SAME, dilation: [2, 2] as const };
    const api = createPhotoFilterApi({ slowMultiplyAdds: 0, bandMultiplyAdds: 40 * 3 * 25 * 4 });
    const seen: FilterProgress[] = [];
    api.onProgress((p) => seen.push(p));
    api.setImage(copyOf(image));
    const result = done(await api.filter({ id: 7, kernel, settings, mapping: { kind: 'min-max' } }));
    expect(seen.map((p) => [p.id, p.done, p.total])).toEqual(Array.from({ length: 8 }, (_, i) => [7, i + 1, 8]));
    expect(Array.from(result.values)).toEqual(Array.from(filterImage(image, kernel, settings).data));
  });

  it('stops a slow filter between bands when a newer request arrives', async () => {
    const api = createPhotoFilterApi({ slowMultiplyAdds: 0, bandMultiplyAdds: 1 });
    api.setImage(randomImage(12, 12, 5));
    const kernel = randomKernel(3, 3, 6);
    let newer: Promise<FilterOutcome> | null = null;
    const progress: number[] = [];
    api.onProgress((p) => {
      progress.push(p.id);
      if (p.id === 1 && !newer) newer = api.filter({ id: 2, kernel, settings: SAME, mapping: { kind: 'auto' } });
    });
    const first = await api.filter({ id: 1, kernel, settings: SAME, mapping: { kind: 'auto' } });
    expect(first).toEqual({ status: 'superseded', id: 1 });
    expect(progress.filter((id) => id === 1)).toHaveLength(1);
    expect((await newer!)?.status).toBe('done');
  });

  it('maps a Sobel result on a diverging scale centred on 0', async () => {
    const api = createPhotoFilterApi();
    api.setImage(randomImage(10, 10, 8));
    const kernel = presetKernel(kernelPreset('sobel-x')!);
    const result = done(await api.filter({ id: 1, kernel, settings: SAME, mapping: { kind: 'auto' } }));
    expect(result.legend).toMatchObject({ kind: 'diverging', centre: 0 });
    expect(result.legend.low).toBe(-result.legend.high);
  });

  it('answers with a typed outcome, never an exception, for requests it cannot run', async () => {
    const api = createPhotoFilterApi();
    const kernel = randomKernel(3, 3, 9);
    const request = { id: 1, kernel, settings: SAME, mapping: { kind: 'auto' } } as const;
    expect(await api.filter(request)).toEqual({ status: 'no-image', id: 1 });
    api.setImage(randomImage(8, 8, 10));
    expect(await api.filter({ ...request, settings: { ...SAME, stride: [2, 2] } })).toMatchObject({
      status: 'refused',
      code: 'same-padding-with-stride',
    });
    expect(await api.filter({ ...request, kernel: { rows: 3, cols: 3, values: [1, 2] } })).toEqual({
      status: 'invalid',
      id: 1,
    });
    expect(await api.filter({ ...request, kernel: { rows: 1, cols: 1, values: [NaN] } })).toEqual({
      status: 'invalid',
      id: 1,
    });
    expect(await api.filter({ ...request, mapping: { kind: 'fixed', low: 0, high: Infinity } })).toEqual({
      status: 'invalid',
      id: 1,
    });
  });

  it('explains an output pixel with the very value the filter returned', async () => {
    const api = createPhotoFilterApi();
    api.setImage(randomImage(9, 7, 11));
    const kernel = randomKernel(3, 3, 12);
    const settings = { ...SAME, colour: 'summed' as const, paddingMode: 'circular' as const };
    const result = done(await api.filter({ id: 1, kernel, settings, mapping: { kind: 'auto' } }));
    const arithmetic = api.explain(kernel, settings, 6, 8)!;
    expect(arithmetic.channels[0]!.terms).toHaveLength(27);
    expect(arithmetic.channels[0]!.value).toBe(result.values[6 * 9 + 8]);
    expect(api.explain(kernel, settings, 7, 0)).toBeNull();
  });

  it('keeps the current photo when a new file is refused', async () => {
    const corrupt: BitmapDecoder = () => Promise.reject(new Error('cannot decode'));
    const api = createPhotoFilterApi({ decoder: corrupt });
    api.setImage(randomImage(5, 5, 13));
    const png = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]);
    expect(await api.decode(png)).toEqual({ ok: false, refusal: { kind: 'corrupt', format: 'png' } });
    const outcome = await api.filter({
      id: 1,
      kernel: randomKernel(3, 3, 14),
      settings: SAME,
      mapping: { kind: 'auto' },
    });
    expect(done(outcome)).toMatchObject({ width: 5, height: 5 });
  });
});

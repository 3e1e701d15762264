/**
 * A test-only hook: until the photo panel exists (issue 17), the browser test
 * tests/e2e/photo-worker.spec.ts drives the built app's photo filter worker
 * through it. main.tsx loads this chunk only for a link with
 * `?e2e=photo-worker`; nothing else reaches it.
 *
 * `check()` decodes a bundled photo in the worker, filters it, and compares
 * the worker's values with the engine's reference conv2d of the same tensor
 * (decoded again on this thread), then tries the refusals.
 */
import { conv2d, photoWeight, presetKernel, kernelPreset, tensor, type PhotoFilterSettings } from '../../engine';
import { decodePhoto } from '../photos/decodePhoto';
import { parsePhotoManifest, photoUrl, PHOTO_MANIFEST_PATH } from '../photos/photoManifest';
import { createPhotoFilterClient } from './photoFilterClient';

export interface PhotoWorkerCheck {
  readonly photo: string;
  readonly decoded: { readonly width: number; readonly height: number };
  /** Identity kernel, fixed 0–1 range: the result's RGBA bytes equal the decoded photo's. */
  readonly identityKeepsBytes: boolean;
  /** Sobel x summed over RGB with reflect padding: max |worker − reference conv2d|. */
  readonly sobelMaxError: number;
  readonly sobelLegend: string;
  /** Stride 2, padding 1 per channel: the output size. */
  readonly strided: readonly [number, number] | string;
  /** Three requests at once: the last comes back 'done'; the others 'superseded', or 'done' if they started first. */
  readonly burst: readonly string[];
  readonly progressEvents: number;
  readonly refusals: readonly string[];
  /** Median ms per 3×3 update, call to answer (eight updates after two warm-ups). */
  readonly medianUpdateMs: number;
}

const SAME: PhotoFilterSettings = {
  colour: 'per-channel',
  stride: [1, 1],
  padding: 'same',
  paddingMode: 'zeros',
  dilation: [1, 1],
};

async function check(): Promise<PhotoWorkerCheck> {
  const base = import.meta.env.BASE_URL;
  const manifest = parsePhotoManifest(await (await fetch(`${base}${PHOTO_MANIFEST_PATH}`)).json());
  if (!manifest.ok || !manifest.photos[0]) throw new Error('no manifest');
  const entry = manifest.photos[0];
  const blob = await (await fetch(photoUrl(entry, base))).blob();
  const client = createPhotoFilterClient();
  try {
    const decoded = await client.decode(blob);
    if (!decoded.ok) throw new Error(`the worker refused the bundled photo: ${decoded.refusal.kind}`);
    const local = await decodePhoto(blob);
    if (!local.ok) throw new Error('main-thread decode failed');
    const { image } = local.photo;

    const identity = presetKernel(kernelPreset('identity')!);
    const same = await client.filter(identity, SAME, { kind: 'fixed', low: 0, high: 1 });
    const identityKeepsBytes =
      same.status === 'done' &&
      same.rgba.length === decoded.rgba.length &&
      same.rgba.every((b, i) => b === decoded.rgba[i]);

    const sobel = presetKernel(kernelPreset('sobel-x')!);
    const sobelSettings: PhotoFilterSettings = { ...SAME, colour: 'summed', paddingMode: 'reflect' };
    const edges = await client.filter(sobel, sobelSettings, { kind: 'auto' });
    const reference = conv2d(
      tensor([1, 3, image.height, image.width], image.data),
      tensor([1, 3, 3, 3], photoWeight(sobel)),
      null,
      { padding: 'same', paddingMode: 'reflect' },
    ).data;
    let sobelMaxError = edges.status === 'done' && edges.values.length === reference.length ? 0 : Infinity;
    if (edges.status === 'done') {
      for (let i = 0; i < reference.length; i++) {
        sobelMaxError = Math.max(sobelMaxError, Math.abs(edges.values[i]! - reference[i]!));
      }
    }

    const halved = await client.filter(identity, { ...SAME, stride: [2, 2], padding: [1, 1] }, { kind: 'auto' });

    const burst = await Promise.all(
      [0.25, 0.5, 0.75].map((v) =>
        client.filter({ rows: 1, cols: 1, values: [v] }, SAME, { kind: 'auto' }).then((o) => o.status),
      ),
    );

    let progressEvents = 0;
    // 9×9 dilated by 2 on a 451×300 photo: 33 million multiply-adds, a slow filter that runs in bands.
    const dilated = { rows: 9, cols: 9, values: Array.from({ length: 81 }, () => 1 / 81) };
    // Progress has its own port: wait for the last band's report, which may come after the result.
    await new Promise<void>((resolve) => {
      void client.filter(dilated, { ...SAME, dilation: [2, 2] }, { kind: 'auto' }, (p) => {
        progressEvents++;
        if (p.done === p.total) resolve();
      });
    });

    const refusals: string[] = [
      await client.decode(new Blob(['not a picture'], { type: 'text/plain' })),
      await client.decode(new Blob([(await blob.arrayBuffer()).slice(0, 1500)], { type: 'image/jpeg' })),
    ].map((o) => (o.ok ? 'decoded' : o.refusal.kind));
    const refused = await client.filter(identity, { ...SAME, stride: [2, 2] }, { kind: 'auto' });
    refusals.push(refused.status === 'refused' ? refused.code : refused.status);

    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const step = { rows: 3, cols: 3, values: [0, -0.25, 0, -0.25, 2 + i / 10, -0.25, 0, -0.25, 0] };
      const outcome = await client.filter(step, SAME, { kind: 'auto' });
      if (i >= 2) times.push(outcome.elapsedMs);
    }
    times.sort((a, b) => a - b);

    return {
      photo: entry.id,
      decoded: { width: decoded.width, height: decoded.height },
      identityKeepsBytes,
      sobelMaxError,
      sobelLegend: edges.status === 'done' ? edges.legend.kind : edges.status,
      strided: halved.status === 'done' ? [halved.width, halved.height] : halved.status,
      burst,
      progressEvents,
      refusals,
      medianUpdateMs: (times[3]! + times[4]!) / 2,
    };
  } finally {
    client.dispose();
  }
}

/** Puts `check` where the browser test finds it. */
export function installPhotoWorkerCheck(): void {
  (window as unknown as { convlabPhotoWorkerCheck?: () => Promise<PhotoWorkerCheck> }).convlabPhotoWorkerCheck = check;
}

import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { filterImage } from '../../../engine';
import { createPhotoFilterApi } from '../../../app/workers/photoFilterApi';
import { createPhotoFilterClient, type PhotoFilterClient } from '../../../app/workers/photoFilterClient';
import { randomImage, randomKernel } from '../../support/photos';

const SAME = {
  colour: 'per-channel',
  stride: [1, 1],
  padding: 'same',
  paddingMode: 'zeros',
  dilation: [1, 1],
} as const;

let open: { client: PhotoFilterClient; ports: MessagePort[] } | null = null;

/** A client talking to the handlers over a MessageChannel, as it talks to the worker. */
function connect(options: Parameters<typeof createPhotoFilterApi>[0] = {}): PhotoFilterClient {
  const { port1, port2 } = new MessageChannel();
  expose(createPhotoFilterApi(options), port1);
  const client = createPhotoFilterClient(port2);
  open = { client, ports: [port1, port2] };
  return client;
}

afterEach(() => {
  open?.client.dispose();
  for (const port of open?.ports ?? []) port.close();
  open = null;
});

describe('photo filter client', () => {
  it('hands the image over, filters it in the other thread and returns the same values as the engine', async () => {
    const client = connect();
    const image = randomImage(24, 18, 1);
    const kernel = randomKernel(3, 3, 2);
    const expected = filterImage(image, kernel, SAME);
    const sent = { ...image, data: Float32Array.from(image.data) };
    expect(await client.setImage(sent)).toEqual({ width: 24, height: 18 });
    // Transferred, not copied: the caller's buffer is detached.
    expect(sent.data.length).toBe(0);
    const outcome = await client.filter(kernel, SAME, { kind: 'auto' });
    if (outcome.status !== 'done') throw new Error(outcome.status);
    expect(Array.from(outcome.values)).toEqual(Array.from(expected.data));
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('resolves older requests as superseded while a value is dragged, and only the newest hears progress', async () => {
    const client = connect({ slowMultiplyAdds: 0, bandMultiplyAdds: 24 * 27 });
    await client.setImage(randomImage(24, 18, 3));
    const heard: number[] = [];
    const steps = [0.1, 0.2, 0.3].map((v) =>
      client.filter({ rows: 3, cols: 3, values: [0, 0, 0, 0, v, 0, 0, 0, 0] }, SAME, { kind: 'min-max' }, (p) =>
        heard.push(p.id),
      ),
    );
    const outcomes = await Promise.all(steps);
    expect(outcomes.map((o) => o.status)).toEqual(['superseded', 'superseded', 'done']);
    // Progress messages travel on their own port, so some may come after the result: count none, check whose.
    expect(heard.every((id) => id === outcomes[2]!.id)).toBe(true);
  });

  it('passes decoding refusals through', async () => {
    const client = connect();
    expect(await client.decode(new Blob(['plain text']))).toEqual({ ok: false, refusal: { kind: 'not-an-image' } });
  });
});

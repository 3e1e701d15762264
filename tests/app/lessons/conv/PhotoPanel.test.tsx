// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import ConvLesson from '../../../../app/lessons/conv/ConvLesson';
import { PhotoServicesContext, type PhotoServices } from '../../../../app/lessons/conv/photo/photoServices';
import { convPhotoSlice } from '../../../../app/lessons/conv/photoState';
import { sliceState } from '../../../../app/lessons/kit/slice';
import type { BitmapDecoder } from '../../../../app/photos/decodePhoto';
import type { PhotoEntry } from '../../../../app/photos/photoManifest';
import { createPhotoFilterApi, type FilterOutcome } from '../../../../app/workers/photoFilterApi';
import type { PhotoFilterClient } from '../../../../app/workers/photoFilterClient';
import { renderWithStore } from '../../../support/render';
import { convOf } from '../../../support/lessons';

const FREE = 'v=1&story=13&seed=7&p=1';

/** The first bytes of a PNG of width × height: enough for the header check; the fake decoder does the rest. */
function pngHeader(width: number, height: number): Blob {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return new Blob([b], { type: 'image/png' });
}

/** Any bytes "decode" to a 12×8 picture with a horizontal ramp, so edges and blurs give different results. */
const rampDecoder: BitmapDecoder = async () => ({
  width: 12,
  height: 8,
  draw(w, h) {
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([(i % w) * 20, 100, 255 - (i % w) * 20, 255], i * 4);
    return rgba;
  },
  close() {},
});

const ENTRIES: PhotoEntry[] = ['cat', 'coffee'].map((id) => ({
  id,
  file: `${id}.jpg`,
  width: 12,
  height: 8,
  title: { en: `Photo ${id}`, zh: `照片 ${id}` },
  licence: 'CC0-1.0',
  author: 'Test',
  source: 'https://example.org/',
}));

const sent: FilterOutcome['status'][] = [];

/** The worker's handlers, called in this thread: the panel cannot tell them from the worker. */
function services(): PhotoServices {
  return {
    createClient: (): PhotoFilterClient => {
      const api = createPhotoFilterApi({ decoder: rampDecoder });
      return {
        decode: (blob) => api.decode(blob),
        setImage: async (image) => api.setImage(image),
        filter: async (kernel, settings, mapping) => {
          const outcome = await api.filter({ id: sent.length + 1, kernel, settings, mapping });
          sent.push(outcome.status);
          return { ...outcome, elapsedMs: 1 };
        },
        explain: async (kernel, settings, oy, ox) => api.explain(kernel, settings, oy, ox),
        dispose: () => undefined,
      };
    },
    loadManifest: async () => ({ ok: true, photos: ENTRIES }),
    fetchPhoto: async () => pngHeader(12, 8),
  };
}

function renderPanel(query: string) {
  return renderWithStore(
    <PhotoServicesContext.Provider value={services()}>
      <ConvLesson query={query} />
    </PhotoServicesContext.Provider>,
  );
}

const panel = () => screen.findByRole('region', { name: 'The kernel on a photo' }, { timeout: 30_000 });
const result = () => screen.findByRole('img', { name: /^The filtered photo, \d+×\d+ pixels/ }, { timeout: 30_000 });
const sizes = async () => (await screen.findByText(/→ \d+×\d+ pixels/, {}, { timeout: 30_000 })).textContent;

afterEach(() => {
  sent.length = 0;
});

describe('the photo panel of the convolution lesson', () => {
  it('opens from its button, loads the first bundled photo and filters it with the figure’s kernel', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel(FREE);
    await user.click(screen.getByRole('button', { name: 'Try the kernel on a photo' }));
    const region = await panel();
    expect(await result()).toBeInTheDocument();
    expect(within(region).getByRole('combobox', { name: 'Photo' })).toHaveValue('cat');
    expect(within(region).getByRole('combobox', { name: 'Kernel' })).toHaveValue('figure');
    expect(sliceState(store.getState(), convPhotoSlice)).toMatchObject({ open: true, photo: 'cat' });
    expect(within(region).getByText(/Photo: Photo cat, by Test; licence CC0-1.0/)).toBeInTheDocument();
  });

  it("the figure's stride applies: stride 2 halves the picture", async () => {
    renderPanel(`${FREE}&photo=cat`);
    await result();
    expect(await sizes()).toBe('12×8 → 12×8 pixels');
    renderPanel(`v=1&story=13&seed=7&s=2&p=1&photo=cat`);
    expect((await screen.findAllByText('12×8 → 6×4 pixels', {}, { timeout: 30_000 })).length).toBe(1);
  });

  it('a signed preset gets a diverging legend with the numbers at its ends, and nothing is clipped', async () => {
    renderPanel(`${FREE}&photo=cat&filter=sobel-x&colour=sum`);
    const legend = await screen.findByRole('region', { name: 'Values to pixels' }, { timeout: 30_000 });
    expect(legend).toHaveAttribute('data-mapping', 'diverging');
    expect(within(legend).getByText(/^signed values: 0 is the middle/)).toBeInTheDocument();
    expect(within(legend).getByText('No value is outside the range: nothing is clipped.')).toBeInTheDocument();
  });

  it('a blur keeps a fixed range set by the kernel and says how much it clips (here nothing)', async () => {
    renderPanel(`${FREE}&photo=cat&filter=box-blur`);
    const legend = await screen.findByRole('region', { name: 'Values to pixels' }, { timeout: 30_000 });
    expect(legend).toHaveAttribute('data-mapping', 'fixed');
    expect(within(legend).getByTestId('photo-clipped')).toHaveAttribute('data-clipped', '0');
  });

  it('dragging a weight of the figure’s kernel edits the figure and filters again', async () => {
    const { store } = renderPanel(`${FREE}&photo=cat`);
    await result();
    const before = sent.length;
    const slider = screen.getByRole('slider', { name: 'Drag weight (row 0, column 0)' });
    fireEvent.change(slider, { target: { value: '2.5' } });
    expect(convOf(store).present.weight[0]).toBe(2.5);
    expect(await screen.findByText('2.5', { selector: 'output' }, { timeout: 30_000 })).toBeInTheDocument();
    await waitFor(() => expect(sent.length).toBeGreaterThan(before), { timeout: 30_000 });
  });

  it('focusing the result and pressing an arrow key shows that pixel’s neighbourhood, kernel and sum', async () => {
    const user = userEvent.setup();
    renderPanel(`${FREE}&photo=cat&filter=identity`);
    const picture = await result();
    picture.focus();
    await user.keyboard('{ArrowRight}');
    const arithmetic = await screen.findByTestId('pixel-arithmetic', {}, { timeout: 30_000 });
    expect(within(arithmetic).getByText('Output pixel: row 4, column 7')).toBeInTheDocument();
    expect(within(arithmetic).getAllByRole('table', { name: 'Kernel' })).toHaveLength(3);
    expect(within(arithmetic).getByRole('table', { name: 'Input R' })).toBeInTheDocument();
    // Identity: the sum is the centre input value, 7·20/255 ≈ 0.549 in R.
    expect(within(arithmetic).getAllByText('0.549').length).toBeGreaterThan(0);
  });

  it('a file that is not a picture is refused in words, and the photo and figure stay', async () => {
    const { store } = renderPanel(`${FREE}&photo=cat`);
    await result();
    const figureBefore = convOf(store).present;
    const input = screen.getByTestId('photo-file');
    fireEvent.change(input, { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
    expect(alert).toHaveTextContent('That file is not a picture this browser can read');
    expect(alert).toHaveTextContent('The photo you had stays');
    expect(convOf(store).present).toBe(figureBefore);
    expect(sliceState(store.getState(), convPhotoSlice).photo).toBe('cat');
  });

  it('a picture of one’s own is used, said to stay in the browser, and the link says only "own"', async () => {
    const { store } = renderPanel(`${FREE}&photo=cat`);
    await result();
    fireEvent.change(screen.getByTestId('photo-file'), {
      target: { files: [new File([pngHeader(12, 8)], 'me.png', { type: 'image/png' })] },
    });
    expect(await screen.findByText(/^Your photo, 12×8 pixels\. It stays in this browser\./)).toBeInTheDocument();
    expect(sliceState(store.getState(), convPhotoSlice).photo).toBe('own');
  });

  it('a link naming someone’s own photo opens a bundled one and says why', async () => {
    const { store } = renderPanel(`${FREE}&photo=own`);
    expect(
      await screen.findByText(/This link was made with someone's own photo/, {}, { timeout: 30_000 }),
    ).toBeVisible();
    await result();
    expect(sliceState(store.getState(), convPhotoSlice).photo).toBe('cat');
  });

  it('speaks Chinese with the rest of the page', async () => {
    renderWithStore(
      <PhotoServicesContext.Provider value={services()}>
        <ConvLesson query={`${FREE}&photo=cat&lang=zh-CN`} />
      </PhotoServicesContext.Provider>,
      { lang: 'zh-CN' },
    );
    expect(await screen.findByRole('region', { name: '卷积核作用在照片上' }, { timeout: 30_000 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '卷积核' })).toHaveValue('figure');
  });

  it('closing the panel takes its keys out of the link state', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel(`${FREE}&photo=cat`);
    await panel();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(sliceState(store.getState(), convPhotoSlice).open).toBe(false);
    expect(screen.getByRole('button', { name: 'Try the kernel on a photo' })).toBeInTheDocument();
  });
});

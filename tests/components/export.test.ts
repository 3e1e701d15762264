// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as gifenc from 'gifenc';
import type { CellState, FigureCell, FigureMatrix, FigureModel } from '../../components/figures/figureModel';
import { downloadBlob, figureToSvgBlob } from '../../components/export/download';
import { figureCanvasSize } from '../../components/export/drawFigure';
import { cellStyle, layoutFigure, themeColors, type PxBox } from '../../components/export/figureLayout';
import { figureToSvg, svgToString } from '../../components/export/figureToSvg';
import { MAX_GIF_FRAMES, recordGif, sampleFrames, type RecorderCanvas } from '../../components/export/recordGif';

/** Counts frames written by the real gifenc encoder. */
const writeFrame = vi.hoisted(() => vi.fn());

vi.mock('gifenc', async (importOriginal) => {
  const real = await importOriginal<typeof import('gifenc')>();
  return {
    ...real,
    GIFEncoder: () => {
      const stream = real.GIFEncoder();
      return {
        ...stream,
        writeFrame: (...args: Parameters<typeof stream.writeFrame>) => {
          writeFrame(...args);
          stream.writeFrame(...args);
        },
        finish: () => stream.finish(),
        bytes: () => stream.bytes(),
      };
    },
  };
});

const XSS = '<img src=x onerror=alert(1)>';

function matrix(
  id: string,
  label: string,
  x: number,
  y: number,
  texts: readonly string[][],
  state: CellState = 'idle',
) {
  const rows = texts.length;
  const cols = texts[0]?.length ?? 0;
  const cells: FigureCell[] = texts.flat().map((text) => ({ text, state, fill: null }));
  return { id, label, rows, cols, x, y, cells } satisfies FigureMatrix;
}

/** Input 3×3 on the left, kernel 2×2 beside it, output 2×2 underneath the input. */
function sampleFigure(): FigureModel {
  const input = matrix('input', 'Input', 0, 0, [
    ['1', '2', '3'],
    ['4', XSS, '6'],
    ['7', '8', '9'],
  ]);
  const kernel = matrix(
    'kernel',
    'Kernel',
    4,
    0,
    [
      ['1', '0'],
      ['0', '1'],
    ],
    'contributing',
  );
  const output = matrix(
    'output',
    'Output',
    0,
    3,
    [
      ['6', '8'],
      ['12', '14'],
    ],
    'target',
  );
  const padded = {
    ...output,
    cells: output.cells.map((cell, i) => (i === 0 ? { ...cell, state: 'padding' as const } : cell)),
  };
  return {
    title: 'Convolution, step 1',
    caption: '1×1 + 2×0 + 4×0 + 5×1 = 6',
    width: 6,
    height: 5,
    matrices: [input, kernel, padded],
  };
}

function overlaps(a: PxBox, b: PxBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: PxBox, inner: PxBox): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('figureToSvg', () => {
  it('draws one rect per cell, tagged with its matrix and state', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light' });
    const cells = [...svg.querySelectorAll('rect[data-state]')];
    expect(cells).toHaveLength(9 + 4 + 4);
    expect(cells.map((rect) => rect.getAttribute('data-matrix'))).toEqual([
      ...Array<string>(9).fill('input'),
      ...Array<string>(4).fill('kernel'),
      ...Array<string>(4).fill('output'),
    ]);
    expect(cells.map((rect) => rect.getAttribute('data-state')).slice(9)).toEqual([
      'contributing',
      'contributing',
      'contributing',
      'contributing',
      'padding',
      'target',
      'target',
      'target',
    ]);
  });

  it('shows the cell texts in row-major order, matrix after matrix', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light' });
    const texts = [...svg.querySelectorAll('text.cell')].map((node) => node.textContent);
    expect(texts).toEqual(['1', '2', '3', '4', XSS, '6', '7', '8', '9', '1', '0', '0', '1', '6', '8', '12', '14']);
  });

  it('labels each matrix and puts the caption last', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'dark' });
    expect([...svg.querySelectorAll('text.label')].map((node) => node.textContent)).toEqual([
      'Input',
      'Kernel',
      'Output',
    ]);
    const caption = svg.querySelector('text.caption');
    expect(caption?.textContent).toBe('1×1 + 2×0 + 4×0 + 5×1 = 6');
    expect(svg.lastElementChild).toBe(caption);
    expect(svg.querySelector('title')?.textContent).toBe('Convolution, step 1');
  });

  it('paints a background rect the size of the figure', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light', cellSize: 30 });
    const { width, height } = figureCanvasSize(sampleFigure(), 30);
    const background = svg.querySelector('rect:not([data-state])');
    expect(background?.getAttribute('width')).toBe(String(width));
    expect(background?.getAttribute('height')).toBe(String(height));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
  });

  it('hatches padding cells with the one pattern defined in <defs>', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light' });
    const patterns = svg.querySelectorAll('defs > pattern');
    expect(patterns).toHaveLength(1);
    const id = patterns[0]?.getAttribute('id');
    const hatched = [...svg.querySelectorAll('path')].filter((path) => path.getAttribute('fill') === `url(#${id})`);
    expect(hatched).toHaveLength(1);
  });

  it('dashes the outlines of states that STATE_STYLE dashes', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light' });
    expect(svg.querySelector('rect[data-state="contributing"]')?.getAttribute('stroke-dasharray')).toBe('4 2');
    expect(svg.querySelector('rect[data-state="target"]')?.hasAttribute('stroke-dasharray')).toBe(false);
  });

  it('keeps markup typed into a cell as text: no element is created from it and no script appears', () => {
    const model = sampleFigure();
    const hostile: FigureModel = {
      ...model,
      title: '<script>alert(1)</script>',
      caption: '</text><script>alert(2)</script>',
      matrices: model.matrices.map((m) => ({ ...m, label: '<script>alert(3)</script>' })),
    };
    const svg = figureToSvg(hostile, { theme: 'light' });
    expect(svg.querySelector('img')).toBeNull();
    expect(svg.querySelector('script')).toBeNull();
    expect([...svg.querySelectorAll('text.cell')].some((node) => node.textContent === XSS)).toBe(true);

    const reparsed = new DOMParser().parseFromString(svgToString(svg), 'image/svg+xml');
    expect(reparsed.querySelector('parsererror')).toBeNull();
    expect(reparsed.querySelector('img')).toBeNull();
    expect(reparsed.querySelector('script')).toBeNull();
    expect(reparsed.querySelector('text.caption')?.textContent).toBe('</text><script>alert(2)</script>');
    expect(reparsed.querySelector('title')?.textContent).toBe('<script>alert(1)</script>');
  });
});

describe('svgToString', () => {
  it('round-trips through DOMParser to the same cells, texts and caption', () => {
    const svg = figureToSvg(sampleFigure(), { theme: 'light' });
    const markup = svgToString(svg);
    expect(markup.startsWith('<?xml')).toBe(true);
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(svg.getAttribute('viewBox'));
    expect(root.querySelectorAll('rect[data-state]')).toHaveLength(17);
    expect([...root.querySelectorAll('text')].map((node) => node.textContent)).toEqual(
      [...svg.querySelectorAll('text')].map((node) => node.textContent),
    );
  });
});

describe('layoutFigure', () => {
  it('keeps matrices, their labels and the caption apart', () => {
    const layout = layoutFigure(sampleFigure(), 40);
    const boxes = layout.matrices.flatMap((m) => [m.box, m.labelBox]);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      expect(overlaps(a, layout.captionBox)).toBe(false);
    }
  });

  it('keeps labels clear of every cell for any arrangement of non-overlapping matrices', () => {
    const placement = fc.record({
      x: fc.integer({ min: 0, max: 12 }),
      y: fc.integer({ min: 0, max: 12 }),
      rows: fc.integer({ min: 1, max: 4 }),
      cols: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(placement, { maxLength: 8 }), fc.integer({ min: 8, max: 64 }), (placements, cellSize) => {
        const apart: (typeof placements)[number][] = [];
        for (const p of placements) {
          const box = { x: p.x, y: p.y, width: p.cols, height: p.rows };
          if (apart.every((q) => !overlaps(box, { x: q.x, y: q.y, width: q.cols, height: q.rows }))) apart.push(p);
        }
        const matrices = apart.map((p, i) =>
          matrix(
            `m${i}`,
            `M${i}`,
            p.x,
            p.y,
            Array.from({ length: p.rows }, () => Array<string>(p.cols).fill('0')),
          ),
        );
        const layout = layoutFigure({ title: '', caption: 'c', width: 1, height: 1, matrices }, cellSize);
        const figure = { x: 0, y: 0, width: layout.width, height: layout.height };
        const boxes = layout.matrices.flatMap((m) => [m.box, m.labelBox]);
        for (const [i, a] of boxes.entries()) {
          expect(contains(figure, a)).toBe(true);
          expect(overlaps(a, layout.captionBox)).toBe(false);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        }
      }),
    );
  });

  it('puts a label in the free row a model leaves above its matrix, adding no band', () => {
    const input = matrix('input', 'Input', 0, 1, [['1', '2']]);
    const output = matrix('output', 'Output', 0, 4, [['3', '4']]);
    const model = { title: '', caption: 'c', width: 2, height: 5, matrices: [input, output] };
    const layout = layoutFigure(model, 40);
    expect(layout.matrices.map((m) => m.box.y)).toEqual([20 + 40, 20 + 4 * 40]);
    expect(layout.height).toBe(20 + 5 * 40 + 40 + 20);
  });

  it('stacks the label band of a lower matrix between it and the matrix above', () => {
    const layout = layoutFigure(sampleFigure(), 40);
    const [input, , output] = layout.matrices;
    expect(output?.labelBox.y).toBeGreaterThanOrEqual((input?.box.y ?? 0) + (input?.box.height ?? 0));
    expect(output?.label.y).toBeGreaterThan(output?.labelBox.y ?? Infinity);
    expect(output?.label.y).toBeLessThanOrEqual((output?.labelBox.y ?? 0) + (output?.labelBox.height ?? 0));
  });

  it('places cells on a grid of cellSize px inside their matrix, inside the figure', () => {
    const layout = layoutFigure(sampleFigure(), 32);
    const figure = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const m of layout.matrices) {
      expect(contains(figure, m.box)).toBe(true);
      expect(contains(figure, m.labelBox)).toBe(true);
      for (const cell of m.cells) {
        expect(contains(m.box, cell)).toBe(true);
        expect(cell.x - m.box.x).toBe(cell.col * 32);
        expect(cell.y - m.box.y).toBe(cell.row * 32);
      }
    }
    expect(contains(figure, layout.captionBox)).toBe(true);
  });

  it('scales linearly with the cell size and rounds the figure up to whole px', () => {
    const small = figureCanvasSize(sampleFigure(), 20);
    const large = figureCanvasSize(sampleFigure(), 40);
    expect(Number.isInteger(small.width) && Number.isInteger(small.height)).toBe(true);
    expect(Math.abs(large.width - small.width * 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(large.height - small.height * 2)).toBeLessThanOrEqual(1);
  });

  it('grows the figure to hold a matrix that lies beyond the declared model size', () => {
    const model = { ...sampleFigure(), width: 1, height: 1 };
    const layout = layoutFigure(model, 40);
    for (const m of layout.matrices) expect(m.box.x + m.box.width).toBeLessThanOrEqual(layout.width);
  });
});

/** A stand-in canvas for jsdom: drawing calls are accepted and ignored; pixels are synthetic. */
function fakeCanvasFactory() {
  const sizes: { width: number; height: number }[] = [];
  let reads = 0;
  const createCanvas = (width: number, height: number): RecorderCanvas => {
    sizes.push({ width, height });
    const context = new Proxy(
      {},
      {
        get(_target, property) {
          if (property === 'getImageData') {
            return (_x: number, _y: number, w: number, h: number) => {
              reads += 1;
              const data = new Uint8ClampedArray(w * h * 4);
              for (let p = 0; p < w * h; p += 1) {
                const stripe = Math.floor((p % w) / 8) % 3;
                data.set([(reads * 70 + stripe * 40) % 256, stripe * 90, 255 - reads * 50, 255], p * 4);
              }
              return { data, width: w, height: h };
            };
          }
          if (property === 'measureText') return () => ({ width: 10 });
          return () => undefined;
        },
        set: () => true,
      },
    );
    return { getContext: () => context as unknown as CanvasRenderingContext2D };
  };
  return { createCanvas, sizes, reads: () => reads };
}

describe('cellStyle', () => {
  it('writes on a cell fill in whichever of dark or light text reads better, whatever the theme', () => {
    const on = (fill: string | null, theme: 'light' | 'dark') =>
      cellStyle({ text: '1', state: 'idle', fill }, theme).textColor;
    expect(on('#440154', 'light')).toBe('#ffffff');
    expect(on('rgb(253, 231, 37)', 'dark')).toBe('#1b1d21');
    expect(on('#fff', 'dark')).toBe('#1b1d21');
    expect(on(null, 'dark')).toBe(themeColors('dark').text);
    expect(on('not a colour', 'light')).toBe(themeColors('light').text);
  });

  it('fills padding without a fill of its own in the padding colour, and hatches it', () => {
    const style = cellStyle({ text: '', state: 'padding', fill: null }, 'dark');
    expect(style.fill).toBe(themeColors('dark').padding);
    expect(style.hatch).toBe(true);
    expect(style.italic).toBe(true);
  });
});

describe('downloads', () => {
  it('saves a blob through a temporary link named after the file, then revokes its URL', async () => {
    const createObjectURL = vi.fn(() => 'blob:figure');
    const revokeObjectURL = vi.fn();
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    try {
      downloadBlob(new Blob(['x']), 'figure.svg');
      expect(clicked).toEqual([{ href: 'blob:figure', download: 'figure.svg', attached: true }]);
      expect(document.querySelector('a[download]')).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:figure');
    } finally {
      click.mockRestore();
      Object.assign(URL, original);
    }
  });

  it('makes an SVG file of the figure', async () => {
    const blob = figureToSvgBlob(sampleFigure(), { theme: 'light' });
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
    expect(doc.querySelectorAll('rect[data-state]')).toHaveLength(17);
  });
});

describe('recordGif', () => {
  beforeEach(() => writeFrame.mockClear());

  it('encodes a 3-frame recording as three GIF frames in a GIF89a image', async () => {
    const fake = fakeCanvasFactory();
    const progress: [number, number][] = [];
    const frames = [sampleFigure(), sampleFigure(), sampleFigure()];
    const blob = await recordGif(frames, {
      cellSize: 10,
      theme: 'light',
      delayMs: 500,
      createCanvas: fake.createCanvas,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(writeFrame).toHaveBeenCalledTimes(3);
    expect(fake.reads()).toBe(3);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const { width, height } = figureCanvasSize(sampleFigure(), 10);
    expect(fake.sizes).toEqual([{ width, height }]);
    expect(writeFrame.mock.calls[0]?.slice(1, 3)).toEqual([width, height]);
    expect(blob.type).toBe('image/gif');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('GIF89a');
    expect(bytes.at(-1)).toBe(0x3b);
  });

  it('sizes every frame to the largest figure', async () => {
    const fake = fakeCanvasFactory();
    const wide = { ...sampleFigure(), width: 12 };
    await recordGif([sampleFigure(), wide], {
      cellSize: 10,
      theme: 'dark',
      delayMs: 100,
      createCanvas: fake.createCanvas,
    });
    expect(fake.sizes).toEqual([figureCanvasSize(wide, 10)]);
  });

  it('stops between frames when aborted and rejects with the abort reason', async () => {
    const fake = fakeCanvasFactory();
    const controller = new AbortController();
    const recording = recordGif([sampleFigure(), sampleFigure(), sampleFigure()], {
      cellSize: 10,
      theme: 'light',
      delayMs: 100,
      createCanvas: fake.createCanvas,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    await expect(recording).rejects.toMatchObject({ name: 'AbortError' });
    expect(writeFrame).toHaveBeenCalledTimes(1);
  });

  it('refuses to start when the signal is already aborted', async () => {
    const fake = fakeCanvasFactory();
    const controller = new AbortController();
    controller.abort();
    await expect(
      recordGif([sampleFigure()], {
        cellSize: 10,
        theme: 'light',
        delayMs: 100,
        createCanvas: fake.createCanvas,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.sizes).toHaveLength(0);
  });

  it('caps a long recording at MAX_GIF_FRAMES frames and keeps its total duration', async () => {
    const fake = fakeCanvasFactory();
    const tiny = { ...sampleFigure(), matrices: [matrix('m', 'M', 0, 0, [['1']])], width: 1, height: 1 };
    await recordGif(Array<FigureModel>(MAX_GIF_FRAMES + 50).fill(tiny), {
      cellSize: 4,
      theme: 'light',
      delayMs: 100,
      createCanvas: fake.createCanvas,
    });
    expect(writeFrame).toHaveBeenCalledTimes(MAX_GIF_FRAMES);
    expect(writeFrame.mock.calls[0]?.[3]).toMatchObject({ delay: (100 * 250) / 200 });
  }, 30_000);

  it('rejects an empty recording', async () => {
    await expect(recordGif([], { cellSize: 10, theme: 'light', delayMs: 100 })).rejects.toThrow(RangeError);
  });
});

describe('sampleFrames', () => {
  it('keeps short sequences whole', () => {
    expect(sampleFrames([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('samples long sequences evenly, keeping the first and the last frame', () => {
    const frames = Array.from({ length: 1000 }, (_, i) => i);
    const picked = sampleFrames(frames, 200);
    expect(picked).toHaveLength(200);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(999);
    const gaps = picked.slice(1).map((value, i) => value - (picked[i] ?? 0));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});

it('leaves gifenc and recordGif to be loaded lazily: no other module imports them statically (type-only imports aside)', async () => {
  expect(typeof gifenc.GIFEncoder).toBe('function');
  const sources = import.meta.glob(['../../app/**/*.{ts,tsx}', '../../components/**/*.{ts,tsx}'], {
    query: '?raw',
    import: 'default',
  });
  const staticImport = /^\s*(import|export)(?!\s+type\b)\b[^;(]*\bfrom\s*['"]([^'"]*\/recordGif|gifenc)['"]/m;
  for (const [path, load] of Object.entries(sources)) {
    if (path.endsWith('/export/recordGif.ts') || path.endsWith('.d.ts')) continue;
    expect(String(await load()), path).not.toMatch(staticImport);
  }
});

import { describe, expect, it } from 'vitest';
import {
  fitPages,
  PAGE_BUDGET_BYTES,
  TOTAL_BUDGET_BYTES,
  type RenderedRoute,
} from '../../../app/prerender/renderRoutes';

/** A route whose full page has `size` characters per language, and whose frame has 100. */
function route(name: string, size: number): RenderedRoute {
  const page = (n: number, frame: boolean) => ({ html: 'x'.repeat(n), frame });
  return {
    name,
    full: { [`${name}/en/light`]: page(size, false), [`${name}/zh-CN/light`]: page(size, false) },
    frames: { [`${name}/en/light`]: page(100, true), [`${name}/zh-CN/light`]: page(100, true) },
  };
}

const isFrame = (pages: ReturnType<typeof fitPages>['pages'], name: string) => pages[`${name}/en/light`]?.frame;

describe('fitPages: which routes index.html holds in full', () => {
  it('writes every route in full while they fit, in the path order', () => {
    const { pages, framed } = fitPages([route('home', 2_000), route('conv', 20_000), route('transposed', 30_000)]);
    expect(['home', 'conv', 'transposed'].map((n) => isFrame(pages, n))).toEqual([false, false, false]);
    expect(framed).toEqual([]);
  });

  it('writes a page larger than the page budget as its frame, and says why', () => {
    const { pages, framed } = fitPages([route('home', 2_000), route('matrix', PAGE_BUDGET_BYTES + 1)]);
    expect(isFrame(pages, 'matrix')).toBe(true);
    expect(framed).toEqual([expect.stringContaining('matrix: larger than')]);
  });

  it('frames the later routes once the earlier ones fill the total budget, and keeps a later one that fits', () => {
    // Home (2 × 1,000) and two routes of two pages of `half` leave 600 bytes: a frame and a tiny page.
    const half = Math.floor((TOTAL_BUDGET_BYTES - 2_000) / 4) - 200;
    const { pages, framed } = fitPages([
      route('home', 1_000),
      route('conv', half),
      route('transposed', half),
      route('receptive-field', 20_000),
      route('tensors', 200),
    ]);
    expect(['home', 'conv', 'transposed', 'receptive-field', 'tensors'].map((n) => isFrame(pages, n))).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(framed).toEqual([expect.stringContaining('receptive-field: the routes before it fill')]);
    const total = Object.values(pages).reduce((sum, p) => sum + p.html.length, 0);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET_BYTES);
  });
});

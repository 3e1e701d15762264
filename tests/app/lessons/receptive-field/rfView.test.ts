import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cellRegion,
  inputExtent,
  stackFromFixture,
  stackInfo,
  type FixtureRfLayer,
  type LayerStack,
  type Pair,
} from '../../../../engine';
import { MAP_CELL_STATES, mapPictures, resolveCell } from '../../../../app/lessons/receptive-field/rfView';

interface RfCase {
  input_size: Pair;
  layers: FixtureRfLayer[];
  expected: { output: Pair; input_rows: Pair | null; input_cols: Pair | null }[];
}

const cases = (JSON.parse(readFileSync('tests/fixtures/pytorch/receptive_field.json', 'utf8')) as { cases: RfCase[] })
  .cases;

function stateAt(p: ReturnType<typeof mapPictures>[number], r: number, c: number): string {
  const W = p.size[1] + 2 * p.margin;
  return MAP_CELL_STATES[p.states[(r + p.margin) * W + c + p.margin] ?? 0] ?? '?';
}

describe('the maps highlight what the engine says a cell sees', () => {
  it('marks on the image exactly PyTorch’s input range for every probe cell of receptive_field.json', () => {
    for (const c of cases) {
      const info = stackInfo(stackFromFixture(c.input_size, c.layers));
      for (const probe of c.expected) {
        const cell = { level: info.rows.length, row: probe.output[0], col: probe.output[1] };
        const [image] = mapPictures(info, cell, null, false);
        expect(image).toBeDefined();
        if (!image) continue;
        expect({ rows: image.rows, cols: image.cols }).toEqual({ rows: probe.input_rows, cols: probe.input_cols });
        expect({ rows: image.rows, cols: image.cols }).toEqual(inputExtent(info, cell.row, cell.col));
      }
    }
  });

  it('shows dilation gaps as skipped, padding read past the border as padding, and nothing while a checkpoint waits', () => {
    const conv = (d: number, p: number) => ({
      kind: 'conv' as const,
      inChannels: 1,
      outChannels: 1,
      kernel: [3, 3] as Pair,
      stride: [1, 1] as Pair,
      padding: [p, p] as Pair,
      dilation: [d, d] as Pair,
      bias: false,
    });
    const stack: LayerStack = { input: { channels: 1, size: [9, 9] }, layers: [conv(2, 2)] };
    const info = stackInfo(stack);
    const [image, out] = mapPictures(info, { level: 1, row: 0, col: 4 }, null, false);
    if (!image || !out) throw new Error('two levels expected');
    const region = cellRegion(info, 1, 0, 4).levels[0];
    expect(region?.rows.outside).toEqual([-2]);
    expect(stateAt(image, 0, 4)).toBe('contributing');
    expect(stateAt(image, 1, 4)).toBe('gap');
    expect(stateAt(image, 0, 3)).toBe('gap');
    expect(stateAt(image, -2, 4)).toBe('padding');
    expect(stateAt(out, 0, 4)).toBe('active');
    const [hidden] = mapPictures(info, { level: 1, row: 0, col: 4 }, null, true);
    expect(hidden && Array.from(hidden.states).some((s) => MAP_CELL_STATES[s] === 'contributing')).toBe(false);
  });

  it('marks the window of the next layer a hovered cell feeds', () => {
    const info = stackInfo({
      input: { channels: 1, size: [6, 6] },
      layers: [{ kind: 'maxpool', kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false }],
    });
    const [, out] = mapPictures(info, null, { level: 0, row: 3, col: 4 }, false);
    if (!out) throw new Error('two levels expected');
    expect(stateAt(out, 1, 2)).toBe('target');
    expect(Array.from(out.states).filter((s) => MAP_CELL_STATES[s] === 'target')).toHaveLength(1);
  });

  it('brings a chosen cell inside the levels PyTorch accepts, defaulting to the centre of the last', () => {
    const info = stackInfo({
      input: { channels: 1, size: [5, 5] },
      layers: [
        { kind: 'relu' },
        { kind: 'maxpool', kernel: [9, 9], stride: [1, 1], padding: [0, 0], dilation: [1, 1], ceilMode: false },
      ],
    });
    expect(resolveCell(info, null)).toEqual({ level: 1, row: 2, col: 2 });
    expect(resolveCell(info, { level: 2, row: 9, col: 9 })).toEqual({ level: 1, row: 2, col: 2 });
    expect(resolveCell(info, { level: 0, row: 9, col: 1 })).toEqual({ level: 0, row: 4, col: 1 });
  });
});

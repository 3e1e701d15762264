import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellRegion,
  effectiveField,
  feedsWindow,
  inputExtent,
  isEngineError,
  levelSize,
  stackFromFixture,
  stackInfo,
  stackWeights,
  type FixtureRfLayer,
  type LayerStack,
  type Pair,
  type StackInfo,
} from '../../engine';
import { stacks } from '../support/stackArbitraries';

interface RfCase {
  input_size: Pair;
  layers: FixtureRfLayer[];
  output_size: Pair;
  expected: { output: Pair; input_rows: Pair | null; input_cols: Pair | null }[];
}

const cases = (JSON.parse(readFileSync('tests/fixtures/pytorch/receptive_field.json', 'utf8')) as { cases: RfCase[] })
  .cases;

/** A cell of some level of an accepted stack, drawn from a seed. */
function cellOf(info: StackInfo, pick: readonly [number, number, number]): [number, number, number] {
  const level = pick[0] % (info.rows.length + 1);
  const [h, w] = levelSize(info, level);
  return [level, pick[1] % h, pick[2] % w];
}

const picks = fc.tuple(fc.nat(), fc.nat(), fc.nat());

describe('which cells influence a cell (receptive_field.json)', () => {
  it('gives PyTorch’s first and last input row and column for every probe cell', () => {
    expect(cases).toHaveLength(60);
    for (const c of cases) {
      const info = stackInfo(stackFromFixture(c.input_size, c.layers));
      for (const probe of c.expected) {
        expect(inputExtent(info, probe.output[0], probe.output[1])).toEqual({
          rows: probe.input_rows,
          cols: probe.input_cols,
        });
      }
    }
  });
});

describe('influence regions', () => {
  const dilated: LayerStack = {
    input: { channels: 1, size: [9, 9] },
    layers: [
      {
        kind: 'conv',
        inChannels: 1,
        outChannels: 1,
        kernel: [3, 3],
        stride: [1, 1],
        padding: [2, 2],
        dilation: [2, 2],
        bias: true,
      },
    ],
  };

  it('marks the cells a dilated window steps over as skipped', () => {
    const region = cellRegion(stackInfo(dilated), 1, 4, 4);
    expect(region.levels[0]?.rows).toEqual({ cells: [2, 4, 6], extent: [2, 6], skipped: [3, 5], outside: [] });
  });

  it('clips at the border and reports the padding positions read as outside', () => {
    const region = cellRegion(stackInfo(dilated), 1, 0, 8);
    expect(region.levels[0]?.rows).toEqual({ cells: [0, 2], extent: [0, 2], skipped: [1], outside: [-2] });
    expect(region.levels[0]?.cols).toEqual({ cells: [6, 8], extent: [6, 8], skipped: [7], outside: [10] });
    // The unclipped field (Distill): u + i·j … + r − 1.
    expect(region.field).toEqual({ rows: [-2, 2], cols: [6, 10] });
  });

  it('grows level by level: a cell sees exactly what the cells it reads see', () => {
    fc.assert(
      fc.property(stacks(5, 16), picks, (stack, pick) => {
        const info = stackInfo(stack);
        const [level, row, col] = cellOf(info, pick);
        if (level < 2) return;
        const region = cellRegion(info, level, row, col);
        const below = region.levels[level - 1];
        const union = new Set<number>();
        for (const r of below?.rows.cells ?? []) {
          for (const q of cellRegion(info, level - 1, r, below?.cols.cells[0] ?? 0).levels[0]?.rows.cells ?? []) {
            union.add(q);
          }
        }
        expect([...union].sort((a, b) => a - b)).toEqual(region.levels[0]?.rows.cells);
      }),
      { numRuns: 300 },
    );
  });

  it('moves monotonically without dilation: a later cell’s range never starts or ends before an earlier one’s', () => {
    fc.assert(
      fc.property(stacks(5, 16), picks, (stack, pick) => {
        // With dilation a clipped range can jump back: a window may step over the map's first cells.
        const undilated: LayerStack = {
          ...stack,
          layers: stack.layers.map((l) => ('dilation' in l ? { ...l, dilation: [1, 1] as const } : l)),
        };
        const info = stackInfo(undilated);
        if (!info.valid) return;
        const [level, row] = cellOf(info, pick);
        if (level === 0 || row === 0) return;
        for (let l = 0; l < level; l++) {
          const a = cellRegion(info, level, row - 1, 0).levels[l]?.rows.extent;
          const b = cellRegion(info, level, row, 0).levels[l]?.rows.extent;
          if (a && b) {
            expect(b[0]).toBeGreaterThanOrEqual(a[0]);
            expect(b[1]).toBeGreaterThanOrEqual(a[1]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves the unclipped field by one jump per cell, dilation or not', () => {
    fc.assert(
      fc.property(stacks(5, 16), picks, (stack, pick) => {
        const info = stackInfo(stack);
        const [level, row, col] = cellOf(info, pick);
        if (level === 0 || row === 0) return;
        const a = cellRegion(info, level, row - 1, col).field.rows;
        const b = cellRegion(info, level, row, col).field.rows;
        const jump = info.rows[level - 1]?.h.jump ?? NaN;
        expect([b[0] - a[0], b[1] - a[1]]).toEqual([jump, jump]);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the table: an unclipped field is r cells wide and starts at u + i·j', () => {
    fc.assert(
      fc.property(stacks(5, 16), picks, (stack, pick) => {
        const info = stackInfo(stack);
        const [level, row, col] = cellOf(info, pick);
        if (level === 0) return;
        const region = cellRegion(info, level, row, col);
        const top = info.rows[level - 1];
        const image = region.levels[0];
        if (!top || !image?.rows.extent) return;
        const [first, last] = image.rows.extent;
        expect(first).toBeGreaterThanOrEqual(region.field.rows[0]);
        expect(last).toBeLessThanOrEqual(region.field.rows[1]);
        expect(region.field.rows[1] - region.field.rows[0] + 1).toBe(top.h.size);
      }),
      { numRuns: 300 },
    );
  });

  it('feeds exactly the next-level cells whose window reads it', () => {
    fc.assert(
      fc.property(stacks(4, 14), picks, (stack, pick) => {
        const info = stackInfo(stack);
        const [level, row, col] = cellOf(info, pick);
        const feeds = feedsWindow(info, level, row, col);
        if (level === info.rows.length) {
          expect(feeds).toBeNull();
          return;
        }
        const [h] = levelSize(info, level + 1);
        for (let o = 0; o < h; o++) {
          const reads = cellRegion(info, level + 1, o, 0).levels[level]?.rows.cells.includes(row) ?? false;
          expect(feeds?.rows.cells.includes(o)).toBe(reads);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the effective field lives in the box of the clipped theoretical field', () => {
    fc.assert(
      fc.property(stacks(4, 14), picks, (stack, pick) => {
        const info = stackInfo(stack);
        const [level, row, col] = cellOf(info, pick);
        const region = cellRegion(info, level, row, col);
        const field = effectiveField(
          info,
          { level, row, col, channel: 0 },
          stackWeights(stack.layers, 'ones', () => 0),
          () => 1,
        );
        const rows = level === 0 ? ([row, row] as const) : region.levels[0]?.rows.extent;
        const cols = level === 0 ? ([col, col] as const) : region.levels[0]?.cols.extent;
        if (!rows || !cols) {
          expect(field.rows * field.cols).toBe(0);
          return;
        }
        expect([field.y0, field.y0 + field.rows - 1]).toEqual(rows);
        expect([field.x0, field.x0 + field.cols - 1]).toEqual(cols);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a cell the stack does not have', () => {
    const info = stackInfo(dilated);
    for (const [level, row, col] of [
      [2, 0, 0],
      [1, 9, 0],
      [0, 0, -1],
    ] as const) {
      try {
        cellRegion(info, level, row, col);
        expect.unreachable();
      } catch (e) {
        expect(isEngineError(e) && e.code).toBe('cell-out-of-range');
      }
    }
  });
});

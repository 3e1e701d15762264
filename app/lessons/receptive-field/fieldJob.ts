/**
 * One effective-field computation as a plain function of plain data, so the
 * same code runs in the worker (`effectiveField.worker.ts`) and, where no
 * worker exists (tests), on the calling thread.
 */
import { effectiveField, fieldImage, stackWeights } from '../../../engine/effectiveField';
import { isEngineError, type EngineProblem } from '../../../engine/errors';
import { stackInfo, type LayerStack } from '../../../engine/layerStack';
import { mulberry32 } from '../../../engine/random';
import type { RfCell, WeightMode } from './rfState';

export interface FieldRequest {
  readonly id: number;
  readonly stack: LayerStack;
  readonly cell: RfCell;
  readonly weights: WeightMode;
  readonly seed: number;
}

export type FieldAnswer =
  | {
      readonly id: number;
      readonly ok: true;
      /** Image rows y0 … y0 + rows − 1, columns x0 … x0 + cols − 1. */
      readonly y0: number;
      readonly x0: number;
      readonly rows: number;
      readonly cols: number;
      /** Σ over channels of |∂y/∂x|, row-major over the box. */
      readonly magnitude: Float64Array;
      readonly peak: number;
    }
  | { readonly id: number; readonly ok: false; readonly problem: EngineProblem | null };

/**
 * ∂ out[0, 0, row, col] / ∂ image for the chosen cell, with all-ones or
 * seeded random weights and image (the weights drawn first, then the image,
 * from one generator).
 */
export function computeField(req: FieldRequest): FieldAnswer {
  try {
    const info = stackInfo(req.stack);
    const random = mulberry32(req.seed);
    const weights = stackWeights(req.stack.layers.slice(0, info.rows.length), req.weights, random);
    const image = fieldImage(req.stack.input, req.weights, random);
    const f = effectiveField(info, { ...req.cell, channel: 0 }, weights, image);
    return {
      id: req.id,
      ok: true,
      y0: f.y0,
      x0: f.x0,
      rows: f.rows,
      cols: f.cols,
      magnitude: f.magnitude,
      peak: f.peak,
    };
  } catch (e) {
    return { id: req.id, ok: false, problem: isEngineError(e) ? (e.problems[0] ?? null) : null };
  }
}

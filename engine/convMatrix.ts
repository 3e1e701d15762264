import { conv2dInfo, type Conv2dConfig, type Conv2dInfo } from './convInfo';
import { EngineError } from './errors';
import { convTranspose2dConfigOf, type ConvTranspose2dOptions } from './convTranspose2d';
import { assertValidConvTranspose2d, convTranspose2dInfo } from './convInfo';
import { paddedSourceTable } from './padding';
import { fromOwned, type Tensor } from './tensor';

/**
 * Convolution as a matrix: y = C·x with x and y flattened row-major per
 * sample (C_in·H·W and C_out·OH·OW long). Row r of C is output cell r: one
 * window position of one kernel; its non-zeros are that kernel's weights at the
 * input cells under the window. Padding modes other than zeros fold the padded
 * cell's weight onto the input cell it copies.
 */
export interface ConvMatrix {
  readonly info: Conv2dInfo;
  /** Dense [rows, cols] matrix (rows = C_out·OH·OW, cols = C_in·H·W). */
  readonly matrix: Tensor;
  readonly rows: number;
  readonly cols: number;
  /** For each row: output channel and the window position (oy, ox) it is. */
  readonly rowWindows: readonly { readonly co: number; readonly oy: number; readonly ox: number }[];
}

/**
 * Builds C for a conv2d configuration with batch 1 and the given weight.
 * `windows` limits the window positions per axis (the first OH×OW), which
 * the transposed convolution needs when output_padding ≥ stride.
 */
export function convMatrix(config: Conv2dConfig, weight: Tensor, windows?: readonly [number, number]): ConvMatrix {
  const info = conv2dInfo({ ...config, batch: 1 });
  if (!info.valid) throw new EngineError(info.problems);
  const { h, w, inPerGroup, outPerGroup } = info;
  const [, Cout, fullOH, fullOW] = info.outputShape;
  const OH = windows ? Math.min(windows[0], fullOH) : fullOH;
  const OW = windows ? Math.min(windows[1], fullOW) : fullOW;
  const Cin = config.inChannels;
  const rowsTable = paddedSourceTable(h.padBefore, h.padAfter, h.inSize, config.paddingMode);
  const colsTable = paddedSourceTable(w.padBefore, w.padAfter, w.inSize, config.paddingMode);
  const rows = Cout * OH * OW;
  const cols = Cin * h.inSize * w.inSize;
  const m = new Float64Array(rows * cols);
  const rowWindows: { co: number; oy: number; ox: number }[] = [];
  for (let co = 0; co < Cout; co++) {
    const g = Math.floor(co / outPerGroup);
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        const r = (co * OH + oy) * OW + ox;
        rowWindows.push({ co, oy, ox });
        for (let ci = 0; ci < inPerGroup; ci++) {
          const c = g * inPerGroup + ci;
          for (let ky = 0; ky < h.kernel; ky++) {
            const sy = rowsTable[oy * h.stride + ky * h.dilation] ?? -1;
            if (sy < 0) continue;
            for (let kx = 0; kx < w.kernel; kx++) {
              const sx = colsTable[ox * w.stride + kx * w.dilation] ?? -1;
              if (sx < 0) continue;
              const col = (c * h.inSize + sy) * w.inSize + sx;
              m[r * cols + col] =
                (m[r * cols + col] ?? 0) + (weight.data[((co * inPerGroup + ci) * h.kernel + ky) * w.kernel + kx] ?? 0);
            }
          }
        }
      }
    }
  }
  return { info, matrix: fromOwned([rows, cols], m), rows, cols, rowWindows };
}

/** y = M·x for a dense [rows, cols] matrix. */
export function matVec(m: Tensor, x: ArrayLike<number>): Float64Array {
  const [rows = 0, cols = 0] = m.shape;
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let acc = 0;
    for (let c = 0; c < cols; c++) acc += (m.data[r * cols + c] ?? 0) * (x[c] ?? 0);
    y[r] = acc;
  }
  return y;
}

/** x = Mᵀ·y for a dense [rows, cols] matrix, without forming Mᵀ. */
export function matTVec(m: Tensor, y: ArrayLike<number>): Float64Array {
  const [rows = 0, cols = 0] = m.shape;
  const x = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const yr = y[r] ?? 0;
    if (yr === 0) continue;
    for (let c = 0; c < cols; c++) x[c] = (x[c] ?? 0) + (m.data[r * cols + c] ?? 0) * yr;
  }
  return x;
}

/** Mᵀ as a dense tensor. */
export function transpose(m: Tensor): Tensor {
  const [rows = 0, cols = 0] = m.shape;
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m.data[r * cols + c] ?? 0;
  return fromOwned([cols, rows], t);
}

/**
 * (c) conv_transpose2d as Cᵀ·y: C is the matrix of the direct convolution
 * that maps the transposed output's size back to the input's size with the
 * same weight, stride, padding, dilation and groups.
 */
export function convTranspose2dViaMatrix(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: ConvTranspose2dOptions = {},
): Tensor {
  const tInfo = convTranspose2dInfo(convTranspose2dConfigOf(input, weight, bias, options));
  assertValidConvTranspose2d(tInfo);
  const t = tInfo.config;
  const [N, Cout, OH, OW] = tInfo.outputShape;
  const { matrix } = convMatrix(
    {
      batch: 1,
      inChannels: t.outChannels,
      outChannels: t.inChannels,
      inputSize: [OH, OW],
      kernelSize: t.kernelSize,
      stride: t.stride,
      padding: t.padding,
      dilation: t.dilation,
      groups: t.groups,
      paddingMode: 'zeros',
      bias: false,
    },
    weight,
    t.inputSize,
  );
  const perSample = t.inChannels * t.inputSize[0] * t.inputSize[1];
  const outPerSample = Cout * OH * OW;
  const out = new Float64Array(N * outPerSample);
  for (let n = 0; n < N; n++) {
    const x = matTVec(matrix, input.data.subarray(n * perSample, (n + 1) * perSample));
    for (let i = 0; i < outPerSample; i++) {
      const co = Math.floor(i / (OH * OW));
      out[n * outPerSample + i] = (x[i] ?? 0) + (bias ? (bias.data[co] ?? 0) : 0);
    }
  }
  return fromOwned([N, Cout, OH, OW], out);
}

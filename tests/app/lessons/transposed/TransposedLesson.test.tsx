// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { convTranspose2dScatter, tensor } from '../../../../engine';
import { formatCell } from '../../../../app/parseNumbers';
import type { AppStore } from '../../../../app/store/appStore';
import { transposedInputShape, transposedWeightShape } from '../../../../app/lessons/transposed/transposedState';
import TransposedLesson from '../../../../app/lessons/transposed/TransposedLesson';
import { renderWithStore } from '../../../support/render';
import { transposedOf } from '../../../support/lessons';

// The free-play step with the default figure (a bare story=11 opens that step's own figure).
const FREE = 'v=1&story=11&seed=0';

function cells(name: string): HTMLElement[] {
  return within(screen.getByRole('grid', { name })).getAllByRole('gridcell');
}

function texts(name: string): string[] {
  return cells(name).map((c) => c.textContent ?? '');
}

/** The engine's running sums of the cropped output after `step` scatter steps (plus bias). */
function enginePartial(store: AppStore, step: number): string[] {
  const f = transposedOf(store).present;
  const p = f.params;
  const r = convTranspose2dScatter(
    tensor(transposedInputShape(p), f.input),
    tensor(transposedWeightShape(p), f.weight),
    p.bias ? tensor([p.outChannels], f.biasValues) : null,
    {
      stride: [p.strideH, p.strideW],
      padding: [p.padH, p.padW],
      outputPadding: [p.opH, p.opW],
      dilation: [p.dilH, p.dilW],
      groups: p.groups,
    },
  );
  const [, , OH, OW] = r.info.outputShape;
  const sums = new Map<number, number>();
  r.steps.slice(0, step + 1).forEach((s) =>
    s.stamps.forEach((st) => {
      if (st.oy !== null && st.ox !== null && st.co === 0 && st.n === 0)
        sums.set(st.oy * OW + st.ox, (sums.get(st.oy * OW + st.ox) ?? 0) + st.contribution);
    }),
  );
  const last = step >= r.steps.length - 1;
  return Array.from({ length: OH * OW }, (_, i) =>
    sums.has(i) || last ? formatCell((sums.get(i) ?? 0) + (r.bias[0] ?? 0)) : '',
  );
}

describe('the transposed convolution lesson', () => {
  it('opens on the lesson’s example and ends at [[0,0,1],[0,4,6],[4,12,9]]', () => {
    renderWithStore(<TransposedLesson query={FREE} />);
    expect(texts('Output, channel 0')).toEqual(['0', '0', '1', '0', '4', '6', '4', '12', '9']);
  });

  it('after every step the output grid shows exactly the engine’s partial sums', () => {
    const { store } = renderWithStore(<TransposedLesson query={`${FREE}&s=2&k=3&h=3&w=3&b=1&seed=5&step=0`} />);
    const total = store.getState().playback.total;
    expect(total).toBe(9);
    for (let step = 0; step < total; step++) {
      act(() => store.getState().setStep(step));
      expect(texts('Output, channel 0')).toEqual(enginePartial(store, step));
    }
  });

  it('padding draws the crop on the full canvas: cut cells are marked cropped', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&p=1`} />);
    const canvas = cells('Full canvas, channel 0');
    // Only the centre of the 3×3 canvas is kept; the rest is cut away (or is the last stamp, drawn on top).
    expect(canvas[4]?.dataset.state).not.toBe('cropped');
    const others = canvas.filter((_, i) => i !== 4).map((c) => c.dataset.state);
    expect(others.every((s) => s === 'cropped' || s === 'target')).toBe(true);
    expect(others.filter((s) => s === 'cropped').length).toBeGreaterThanOrEqual(5);
    expect(texts('Output, channel 0')).toEqual(['4']);
  });

  it('output_padding keeps one more row and column at the end, with their real values', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&h=3&w=3&k=3&s=2&p=1&op=1&seed=4`} />);
    const out = cells('Output, channel 0');
    expect(out).toHaveLength(36);
    const canvas = cells('Full canvas, channel 0');
    // Canvas 7×7; kept rows/cols 1…6: the last row and column survive because output_padding 1 undoes one crop.
    const row6 = canvas.slice(42, 49);
    expect(row6.slice(1).every((c) => c.dataset.state !== 'cropped')).toBe(true);
    expect(row6[0]?.dataset.state).toBe('cropped');
  });

  it('the lesson’s impossible crop (padding 2 on a 3×3 result) is shown and explained, with fixes', async () => {
    const user = userEvent.setup();
    renderWithStore(<TransposedLesson query={`${FREE}&p=2`} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('leaves -1×-1: nothing is left');
    expect(
      cells('Full canvas, channel 0').every(
        (c) => c.dataset.state === 'cropped' || c.dataset.state === 'active' || c.dataset.state === 'target',
      ),
    ).toBe(true);
    await user.click(within(alert).getByRole('button', { name: /Padding to 1/ }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(texts('Output, channel 0')).toEqual(['4']);
  });

  it('output_padding of 2 with stride 2 is refused with its reason', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&s=2&op=2`} />);
    expect(screen.getByRole('alert')).toHaveTextContent('must be smaller than the stride (2) or the dilation (1)');
  });

  it('the direct convolution of the zero-inserted input gives the same numbers, cell by cell', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&h=3&w=3&k=3&s=2&p=1&seed=8&b=1`} />);
    expect(texts('Output, channel 0 (The same numbers as a direct convolution)')).toEqual(texts('Output, channel 0'));
    const up = cells('Zero-inserted input, channel 0');
    // 3 inputs with one zero between each, padded by d(k−1)−p = 1 on each side: 7 wide.
    expect(up).toHaveLength(49);
    expect(up.filter((c) => c.dataset.state === 'gap').length).toBeGreaterThan(0);
  });

  it('the step in the stamp view is the matching step in the direct view', () => {
    const { store } = renderWithStore(<TransposedLesson query={`${FREE}&s=2&step=3`} />);
    act(() => store.getState().setStep(3));
    const activeUp = cells('Zero-inserted input, channel 0').filter((c) => c.dataset.state === 'active');
    expect(activeUp.map((c) => c.textContent)).toEqual(['3']);
    const targets = (name: string) => cells(name).flatMap((c, i) => (c.dataset.state === 'target' ? [i] : []));
    expect(targets('Output, channel 0 (The same numbers as a direct convolution)')).toEqual(
      targets('Output, channel 0'),
    );
  });

  it('pointing at an output cell lists every contribution it received', () => {
    renderWithStore(<TransposedLesson query={FREE} />);
    fireEvent.mouseOver(cells('Output, channel 0')[4] as HTMLElement);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('0×3 + 1×2 + 2×1 + 3×0 = 4');
  });

  it('kernel 3 with stride 2 makes a checkerboard of overlap counts; kernel 4 with stride 2 is even inside', async () => {
    const user = userEvent.setup();
    renderWithStore(<TransposedLesson query={`${FREE}&h=4&w=4`} />);
    await user.click(screen.getByRole('button', { name: 'kernel 3, stride 2: checkerboard' }));
    const counts = texts('Overlap count, channel 0').map(Number);
    expect(new Set(counts)).toEqual(new Set([1, 2, 4]));
    expect(screen.getByTestId('max-overlap')).toHaveTextContent('Busiest cell: 4 stamps.');
    await user.click(screen.getByRole('button', { name: 'kernel 4, stride 2: even' }));
    const kept = cells('Overlap count, channel 0').filter((c) => c.dataset.state !== 'cropped');
    const inner = kept.map((c) => Number(c.textContent)).filter((v) => v === 4);
    expect(inner.length).toBeGreaterThan(kept.length / 3);
  });

  it('the round trip says which conv input sizes map back, and output_padding picks one', async () => {
    renderWithStore(<TransposedLesson query={`${FREE}&h=3&w=3&k=3&s=2&p=1&op=1`} />);
    // The formulas follow the figure once its frame has painted.
    await waitFor(() => expect(screen.getByTestId('round-trip-h')).toHaveTextContent('{5, 6} to 3'));
    expect(screen.getByTestId('round-trip-h')).toHaveTextContent('here 6');
  });

  it('asks "what size comes out?" before showing it', async () => {
    const user = userEvent.setup();
    // The stamp-and-sum step, the first with a question.
    renderWithStore(<TransposedLesson query="v=1&story=1" />);
    // One "?" cell: an empty grid of the real size would answer the question.
    expect(texts('Output, channel 0: size hidden until you answer')).toEqual(['?']);
    expect(screen.queryByRole('heading', { name: 'Round trip with a convolution' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '3 x 3');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Right: 3 × 3.')).toBeInTheDocument();
    expect(texts('Output, channel 0')).toHaveLength(9);
    expect(await screen.findByRole('heading', { name: 'Round trip with a convolution' })).toBeInTheDocument();
  });

  it('a refused configuration has no round trip to offer, and says so instead of listing an empty set', async () => {
    renderWithStore(<TransposedLesson query={`${FREE}&p=2`} />);
    await waitFor(() => expect(screen.getByTestId('round-trip-h')).toHaveTextContent('nothing comes out'));
    expect(screen.getByTestId('round-trip-h')).not.toHaveTextContent('{}');
  });

  it('copy as PyTorch builds nn.ConvTranspose2d with output_padding', async () => {
    renderWithStore(<TransposedLesson query={`${FREE}&s=2&op=1`} />);
    expect((await screen.findByText(/output_padding=\(1, 1\)/, {}, { timeout: 10_000 })).textContent).toContain(
      'nn.ConvTranspose2d(',
    );
  });

  it('speaks Chinese when the link says so', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&lang=zh-CN`} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('转置卷积');
    expect(screen.getByRole('grid', { name: '完整画布，通道 0' })).toBeInTheDocument();
  });

  it('a step whose figure the student changed says so, and its button loads the step’s own figure again', async () => {
    const user = userEvent.setup();
    // Stamp and sum: its text speaks of the 2×2 input.
    const { store } = renderWithStore(<TransposedLesson query="v=1&story=1" />);
    const own = transposedOf(store).present;
    expect(screen.queryByText(/You changed the figure/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'kernel 3, stride 2: checkerboard' }));
    expect(screen.getByText(/You changed the figure/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore it' }));
    expect(transposedOf(store).present).toEqual(own);
    expect(transposedOf(store).story).toBe(1);
    expect(screen.queryByText(/You changed the figure/)).not.toBeInTheDocument();
  });

  it('the free-play step never offers to restore: its text names no figure', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&h=3&w=3`} />);
    expect(screen.queryByRole('button', { name: 'Restore it' })).not.toBeInTheDocument();
  });

  it('the refused-padding step asks for the largest padding first, and keeps the refusal and its fixes back until answered', async () => {
    const user = userEvent.setup();
    renderWithStore(<TransposedLesson query="v=1&story=3" />);
    expect(screen.getByText('What is the largest padding that still leaves an output?')).toBeInTheDocument();
    expect(screen.queryByText('PyTorch would refuse this configuration')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Set Padding/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '1');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Right: 1.')).toBeInTheDocument();
    expect(screen.getByText('PyTorch would refuse this configuration')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set Padding to 1' })).toBeInTheDocument();
  });
});

describe('the transposed formulas for refused settings', () => {
  const formulas = () => screen.getByRole('region', { name: 'Formulas with your numbers' });

  it('show the output-size formula when the size itself is the reason (zero or less)', async () => {
    // Default 2×2 input, kernel 2, stride 1: padding 2 leaves (2−1)·1 − 4 + 2 = −1.
    renderWithStore(<TransposedLesson query={`${FREE}&p=2`} />);
    await waitFor(() => expect(within(formulas()).getAllByRole('math').length).toBeGreaterThan(0));
    expect(within(formulas()).queryByTestId('formulas-refused')).not.toBeInTheDocument();
  });

  it('compute nothing when the settings are refused for another reason, and say why', async () => {
    // output_padding 1 with stride 1 and dilation 1: refused, though a size could be written down.
    renderWithStore(<TransposedLesson query={`${FREE}&op=1`} />);
    await waitFor(() => expect(within(formulas()).getByTestId('formulas-refused')).toHaveTextContent('refused'));
    expect(within(formulas()).queryByRole('math')).not.toBeInTheDocument();
    expect(within(formulas()).queryByText('Round trip with a convolution')).not.toBeInTheDocument();
  });
});

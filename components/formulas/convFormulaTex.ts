/**
 * LaTeX of the convolution lesson's formulas, with the engine's numbers
 * substituted. Every number comes from the formula records the engine returns.
 */
import type { OutputSizeFormula, ParamCountFormula, TransposeOutputSizeFormula } from '../../engine';

const term = (id: string, body: string | number) => `\\htmlClass{term-${id}}{${body}}`;

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(3)));
}

function value(f: OutputSizeFormula, id: string): number {
  return f.terms.find((t) => t.id === id)?.value ?? 0;
}

/**
 * o = ⌊(i + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1, symbolic then with numbers
 * (conv_arithmetic Relationship 15 with padding per side). p₀ is the padding
 * before the input on this axis and p₁ after it: their terms are `p0-h`, `p1-h`
 * (top, bottom) or `p0-w`, `p1-w` (left, right).
 */
export function outputSizeTex(f: OutputSizeFormula, axisLetter: string): string {
  const sym = `o_${axisLetter} = \\left\\lfloor \\frac{${term('i', 'i')} + ${term(`p0-${axisLetter}`, 'p_0')} + ${term(`p1-${axisLetter}`, 'p_1')} - ${term('d', 'd')}(${term('k', 'k')} - 1) - 1}{${term('s', 's')}} \\right\\rfloor + 1`;
  const numbers = `\\left\\lfloor \\frac{${term('i', value(f, 'i'))} + ${term(`p0-${axisLetter}`, value(f, 'p0'))} + ${term(`p1-${axisLetter}`, value(f, 'p1'))} - ${term('d', value(f, 'd'))}(${term('k', value(f, 'k'))} - 1) - 1}{${term('s', value(f, 's'))}} \\right\\rfloor + 1`;
  const floor = `\\lfloor ${num(f.quotient)} \\rfloor + 1`;
  // Three lines, so a narrow panel shows the floor and the result without scrolling.
  return `\\begin{gathered}${sym} \\\\ = ${numbers} \\\\ = ${floor} = ${term('o', f.result)}\\end{gathered}`;
}

/** C_out · (C_in / g) · k_h · k_w + C_out, symbolic then with numbers. */
export function paramCountTex(f: ParamCountFormula): string {
  const v = (id: string) => f.terms.find((t) => t.id === id)?.value ?? 0;
  const biasSym = f.biases > 0 ? ` + ${term('bias', 'C_{out}')}` : '';
  const biasNum = f.biases > 0 ? ` + ${term('bias', v('cout'))}` : '';
  const sym = `P = ${term('cout', 'C_{out}')} \\cdot \\frac{${term('cin', 'C_{in}')}}{${term('g', 'g')}} \\cdot ${term('kh', 'k_h')} \\cdot ${term('kw', 'k_w')}${biasSym}`;
  const numbers = `${term('cout', v('cout'))} \\cdot \\frac{${term('cin', v('cin'))}}{${term('g', v('g'))}} \\cdot ${term('kh', v('kh'))} \\cdot ${term('kw', v('kw'))}${biasNum}`;
  return `\\begin{gathered}${sym} \\\\ = ${numbers} = ${f.weights}${f.biases > 0 ? ` + ${f.biases}` : ''} = ${f.total}\\end{gathered}`;
}

/** o = (i−1)s − 2p + d(k−1) + a + 1, symbolic then with numbers. */
export function transposeOutputSizeTex(f: TransposeOutputSizeFormula, axisLetter: string): string {
  const v = (id: string) => f.terms.find((x) => x.id === id)?.value ?? 0;
  const sym = `o_${axisLetter} = (${term('i', 'i')} - 1)${term('s', 's')} - 2${term('p', 'p')} + ${term('d', 'd')}(${term('k', 'k')} - 1) + ${term('a', 'a')} + 1`;
  const numbers = `(${term('i', v('i'))} - 1)\\cdot ${term('s', v('s'))} - 2\\cdot ${term('p', v('p'))} + ${term('d', v('d'))}\\cdot(${term('k', v('k'))} - 1) + ${term('a', v('a'))} + 1`;
  return `\\begin{gathered}${sym} \\\\ = ${numbers} \\\\ = ${term('o', f.result)}\\end{gathered}`;
}

/**
 * Parsers of what a person types or pastes into a matrix. They return a
 * result and never throw; the grid shows the error inline and keeps the text.
 */
import { VALUE_LIMIT } from './lessons/conv/convState';

export type ParseError = 'empty' | 'not-a-number' | 'too-large';
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

/**
 * Accepts "3", "-1.5", "2e-3", "−2" (minus sign), "1,5" (decimal comma), and
 * their full-width forms ("１２", "－１", "１，５", "１．５"), read through Unicode NFKC.
 */
export function parseCellInput(text: string): Parsed<number> {
  const normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/[−–]/g, '-')
    .replace(/^([-+]?\d+),(\d+)$/, '$1.$2');
  if (normalized === '') return { ok: false, error: 'empty' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return { ok: false, error: 'not-a-number' };
  const value = Number(normalized);
  if (!Number.isFinite(value) || Math.abs(value) > VALUE_LIMIT) return { ok: false, error: 'too-large' };
  // Keep 6 significant digits: enough for lesson arithmetic, short in links.
  return { ok: true, value: Number(value.toPrecision(6)) + 0 };
}

/**
 * A block copied from a spreadsheet or typed as text: rows on lines, cells
 * separated by tabs, commas, semicolons or spaces. Brackets are ignored, so
 * `[[1, 2], [3, 4]]` from Python also pastes; full-width text (`１，２；３，４`) reads
 * as its ASCII form (NFKC).
 */
export function parseBlock(text: string): Parsed<number[][]> {
  const cleaned = text.normalize('NFKC').replace(/\r/g, '');
  let lines = cleaned.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 1 && /\]\s*,\s*\[/.test(lines[0] ?? '')) {
    lines = (lines[0] ?? '').split(/\]\s*,\s*\[/);
  }
  if (lines.length === 0 || lines.length > 64) return { ok: false, error: lines.length ? 'too-large' : 'empty' };
  const rows: number[][] = [];
  for (const line of lines) {
    const parts = line
      .replace(/[[\]()]/g, ' ')
      .split(/[\t,;\s]+/)
      .filter((p) => p !== '');
    if (parts.length > 64) return { ok: false, error: 'too-large' };
    const row: number[] = [];
    for (const p of parts) {
      const v = parseCellInput(p);
      if (!v.ok) return v;
      row.push(v.value);
    }
    if (row.length) rows.push(row);
  }
  return rows.length ? { ok: true, value: rows } : { ok: false, error: 'empty' };
}

/** How a number is shown in a cell: up to 4 significant digits, no trailing zeros. */
export function formatCell(v: number): string {
  if (Object.is(v, -0) || v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

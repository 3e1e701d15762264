/**
 * Parsers of what a person types or pastes into a matrix. They return a
 * result and never throw; the grid shows the error inline and keeps the text.
 */
import { VALUE_LIMIT } from './lessons/conv/convState';

export type ParseError = 'empty' | 'not-a-number' | 'too-large' | 'too-long';
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

/**
 * Decimal commas, the same rule for a typed cell and a pasted block:
 *
 * - Only the ASCII comma "," can be a decimal mark. The full-width "，" and the
 *   ideographic "、" always separate values, as they do in Chinese text.
 * - A number written digits, one comma, digits ("1,5", "-2,25e3") reads the
 *   comma as its decimal mark. A typed cell holds one number, so "1,5" is 1.5.
 * - In a pasted block the commas are decimal marks only when (a) the block
 *   also separates values with tabs, semicolons or spaces and (b) every value
 *   that holds a comma is such a number: "1,5⇥2,5" and "1,5 2,5" are 1.5 and
 *   2.5. Otherwise every comma separates values: "1,2,3" (no other separator)
 *   and "1, 2, 3" (a comma followed by a space) are lists, and so is a column
 *   "1,5⏎2,5", since line breaks alone do not count as a separator.
 */
const DECIMAL_COMMA_NUMBER = /^[-+]?\d+,\d+(e[-+]?\d+)?$/i;

/** The largest block a paste reads (rows, and values per row), whatever room the grid has. */
export const BLOCK_LIMIT = 64;
/** The longest pasted text read, in UTF-16 code units (a sheet of thousands of cells); longer text is refused unread. */
export const PASTE_TEXT_LIMIT = 1_000_000;

/** NFKC with the commas that never mark decimals turned into a separator first (NFKC would make them ","). */
function normalizeText(text: string): string {
  return text
    .replace(/[\uFF0C\uFE50\u3001\uFF64]/g, ';')
    .normalize('NFKC')
    .replace(/[−–]/g, '-');
}

/** One value, already normalized: a decimal comma (see `DECIMAL_COMMA_NUMBER`) reads as a point. */
function parseNormalized(text: string): Parsed<number> {
  const trimmed = text.trim();
  const normalized = DECIMAL_COMMA_NUMBER.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (normalized === '') return { ok: false, error: 'empty' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return { ok: false, error: 'not-a-number' };
  const value = Number(normalized);
  if (!Number.isFinite(value) || Math.abs(value) > VALUE_LIMIT) return { ok: false, error: 'too-large' };
  // Keep 6 significant digits: enough for lesson arithmetic, short in links.
  return { ok: true, value: Number(value.toPrecision(6)) + 0 };
}

/**
 * Accepts "3", "-1.5", "2e-3", "−2" (minus sign), "1,5" (a decimal comma,
 * by the rule above), and full-width digits and marks ("１２", "－１", "１．５"),
 * read through Unicode NFKC. "１，５" holds a list comma, so it is not a number.
 */
export function parseCellInput(text: string): Parsed<number> {
  if (text.length > 1000) return { ok: false, error: 'not-a-number' };
  return parseNormalized(normalizeText(text));
}

/** A pasted block as read: the values that fit, and what the text held. */
export interface PastedBlock {
  /** The values read, row by row: at most the room's rows, each at most the room's columns. */
  readonly values: number[][];
  /** How many rows the text holds (lines with at least one value). */
  readonly rows: number;
  /** How many columns the text holds: the values in its longest row. */
  readonly cols: number;
  /** Whether commas were read as decimal marks (see the rule above). */
  readonly decimalComma: boolean;
}

/** What a paste did: the block's size in the text, how much of it fit in the grid, and how commas were read. */
export interface PasteReport {
  readonly rows: number;
  readonly cols: number;
  /** Rows and columns written: the block clipped to the grid from the cell the paste starts at. */
  readonly keptRows: number;
  readonly keptCols: number;
  readonly decimalComma: boolean;
}

/** How much of a block the grid has room for, from the cell the paste starts at. */
export interface BlockRoom {
  readonly rows: number;
  readonly cols: number;
}

/**
 * A block copied from a spreadsheet or typed as text: rows on lines, values
 * separated by tabs, semicolons, spaces or commas (commas by the decimal-comma
 * rule above). Brackets are ignored, so `[[1, 2], [3, 4]]` from Python also
 * pastes; full-width digits and signs read as their ASCII forms (NFKC), and
 * full-width commas separate values (`１，２；－３` is 1, 2, -3).
 *
 * A block larger than `room` (at most `BLOCK_LIMIT` × `BLOCK_LIMIT`) is
 * clipped to it: only the values that fit are read, the rest are counted, so
 * `rows` and `cols` say how much was left out. Text longer than
 * `PASTE_TEXT_LIMIT` is refused ('too-long'), a value that is not a number
 * refuses the block ('not-a-number'), and nothing throws.
 */
export function parseBlock(
  text: string,
  room: BlockRoom = { rows: BLOCK_LIMIT, cols: BLOCK_LIMIT },
): Parsed<PastedBlock> {
  if (text.length > PASTE_TEXT_LIMIT) return { ok: false, error: 'too-long' };
  const maxRows = Math.max(0, Math.min(BLOCK_LIMIT, Math.floor(room.rows)));
  const maxCols = Math.max(0, Math.min(BLOCK_LIMIT, Math.floor(room.cols)));
  let lines = normalizeText(text).replace(/\r/g, '').split('\n');
  if (lines.length === 1 && /\]\s*,\s*\[/.test(lines[0] ?? '')) {
    lines = (lines[0] ?? '').split(/\]\s*,\s*\[/);
  }
  lines = lines.map((l) => l.replace(/[[\]()]/g, ' ').trim()).filter((l) => l !== '');
  const decimalComma = readsDecimalCommas(lines);
  const separators = decimalComma ? /[\t;\s]+/ : /[\t,;\s]+/;
  const values: number[][] = [];
  let rows = 0;
  let cols = 0;
  for (const line of lines) {
    const parts = line.split(separators).filter((p) => p !== '');
    if (parts.length === 0) continue;
    rows += 1;
    cols = Math.max(cols, parts.length);
    if (values.length >= maxRows) continue;
    const row: number[] = [];
    for (const p of parts.slice(0, maxCols)) {
      const v = parseNormalized(p);
      if (!v.ok) return v;
      row.push(v.value);
    }
    values.push(row);
  }
  if (rows === 0) return { ok: false, error: 'empty' };
  return { ok: true, value: { values, rows, cols, decimalComma } };
}

/** The block rule for decimal commas: another separator, and every comma inside a number written digits-comma-digits. */
function readsDecimalCommas(lines: readonly string[]): boolean {
  let comma = false;
  let otherSeparator = false;
  for (const line of lines) {
    if (/[\t;\s]/.test(line)) otherSeparator = true;
    if (!line.includes(',')) continue;
    comma = true;
    for (const part of line.split(/[\t;\s]+/)) {
      if (part.includes(',') && !DECIMAL_COMMA_NUMBER.test(part)) return false;
    }
  }
  return comma && otherSeparator;
}

/** How a number is shown in a cell: up to 4 significant digits, no trailing zeros. */
export function formatCell(v: number): string {
  if (Object.is(v, -0) || v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_LIMIT, formatCell, parseBlock, parseCellInput, PASTE_TEXT_LIMIT } from '../../app/parseNumbers';

describe('typing a number into a cell', () => {
  it.each([
    ['3', 3],
    [' -1.5 ', -1.5],
    ['2e-3', 0.002],
    ['１２', 12],
    ['−2', -2],
    ['1,5', 1.5],
    ['.5', 0.5],
    ['－１', -1],
    ['１．５', 1.5],
    ['＋３', 3],
    ['２ｅ－３', 0.002],
    ['\u3000７\u3000', 7],
  ])('accepts %j as %d', (text, value) => {
    expect(parseCellInput(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not-a-number'],
    ['1..2', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['1e999', 'too-large'],
    ['2000000', 'too-large'],
    ['１，５', 'not-a-number'],
    ['1,2,3', 'not-a-number'],
    ['1, 5', 'not-a-number'],
    ['7'.repeat(5000), 'not-a-number'],
  ])('refuses %j (%s) without throwing', (text, error) => {
    expect(parseCellInput(text)).toEqual({ ok: false, error });
  });
});

/** The values of a block that parses; the test fails if it does not. */
function valuesOf(text: string, room?: { rows: number; cols: number }): number[][] {
  const parsed = parseBlock(text, room);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error}`);
  return parsed.value.values;
}

describe('pasting a block', () => {
  it('reads a block typed with full-width digits, list commas, semicolons and spaces', () => {
    expect(parseBlock('１，２；－３\n４　５　６')).toEqual({
      ok: true,
      value: {
        values: [
          [1, 2, -3],
          [4, 5, 6],
        ],
        rows: 2,
        cols: 3,
        decimalComma: false,
      },
    });
  });

  it('reads rows and tab-separated cells copied from a spreadsheet', () => {
    expect(valuesOf('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('reads a Python nested list, on one line or several', () => {
    const expected = [
      [1, 2],
      [3, 4],
    ];
    expect(valuesOf('[[1, 2], [3, 4]]')).toEqual(expected);
    expect(valuesOf('[[1,2],[3,4]]')).toEqual(expected);
    expect(valuesOf('[[1, 2],\n [3, 4]]')).toEqual(expected);
    expect(valuesOf('[[1,2],\n [3,4]]')).toEqual(expected);
  });

  it('refuses a block with a word in it and says why', () => {
    expect(parseBlock('1 2\n3 x')).toEqual({ ok: false, error: 'not-a-number' });
  });

  it.each([
    ['', 'empty'],
    ['\n \n\t', 'empty'],
    ['[[]]', 'empty'],
    [';;;\n, ,', 'empty'],
    ['1 2\nfoo', 'not-a-number'],
    ['<img src=x onerror=alert(1)>', 'not-a-number'],
    ['1 2 1e999', 'too-large'],
    ['NaN Infinity', 'not-a-number'],
  ])('refuses junk %j (%s) without throwing', (text, error) => {
    expect(parseBlock(text)).toEqual({ ok: false, error });
  });

  it('never throws, and what it reads fits the room and holds only finite numbers', () => {
    const pieces = fc.constantFrom(
      '1',
      '-2,5',
      '3.25',
      ',',
      '，',
      ';',
      '\t',
      ' ',
      '\n',
      '[',
      ']',
      'e',
      'x',
      '１',
      '、',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.nat(70), fc.nat(70), (t, rows, cols) => {
        const parsed = parseBlock(t, { rows, cols });
        parseCellInput(t);
        if (!parsed.ok) return;
        expect(parsed.value.values.length).toBeLessThanOrEqual(Math.min(rows, BLOCK_LIMIT));
        for (const row of parsed.value.values) {
          expect(row.length).toBeLessThanOrEqual(Math.min(cols, BLOCK_LIMIT, parsed.value.cols));
          expect(row.every(Number.isFinite)).toBe(true);
        }
      }),
    );
  });
});

describe('decimal commas in a pasted block', () => {
  it.each([
    ['tabs', '1,5\t2,5', [[1.5, 2.5]]],
    [
      'semicolons (a European CSV)',
      '1,5;-2,25\n3;4,75',
      [
        [1.5, -2.25],
        [3, 4.75],
      ],
    ],
    ['spaces', '1,5 2,5', [[1.5, 2.5]]],
    ['an exponent', '1,5e3\t2', [[1500, 2]]],
  ])('with %s between values, a comma between digits is a decimal mark', (_, text, values) => {
    const parsed = parseBlock(text);
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ values, decimalComma: true }) });
  });

  it.each([
    ['commas alone', '1,2,3', [[1, 2, 3]]],
    ['a comma and a space', '1, 2, 3', [[1, 2, 3]]],
    ['a comma beside a tab', '1,\t2', [[1, 2]]],
    ['a value with two commas', '1,2,3\t4', [[1, 2, 3, 4]]],
    ['a value with a point and a comma', '1.5,2\t3', [[1.5, 2, 3]]],
    [
      'a column of comma numbers (line breaks alone are no separator)',
      '1,5\n2,5',
      [
        [1, 5],
        [2, 5],
      ],
    ],
    ['Chinese full-width commas, which never mark decimals', '１，５　２，５', [[1, 5, 2, 5]]],
    ['ideographic commas', '1、2、3', [[1, 2, 3]]],
  ])('%s stay a list', (_, text, values) => {
    const parsed = parseBlock(text);
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ values, decimalComma: false }) });
  });

  it('reads a typed cell by the same rule: one comma between digits is a decimal mark', () => {
    for (const text of ['1,5', '-2,25', '1,5e3']) {
      const block = parseBlock(`${text}\t0`);
      const cell = parseCellInput(text);
      expect(block.ok && cell.ok && block.value.values[0]?.[0] === cell.value).toBe(true);
    }
  });
});

describe('a pasted block larger than the grid', () => {
  const big = Array.from({ length: 70 }, (_, r) => Array.from({ length: 80 }, (_, c) => r * 100 + c).join('\t')).join(
    '\n',
  );

  it('is clipped to the room given, and says how large it was', () => {
    const parsed = parseBlock(big, { rows: 3, cols: 2 });
    expect(parsed).toEqual({
      ok: true,
      value: {
        values: [
          [0, 1],
          [100, 101],
          [200, 201],
        ],
        rows: 70,
        cols: 80,
        decimalComma: false,
      },
    });
  });

  it('reads at most the block limit, whatever room is asked for', () => {
    const parsed = parseBlock(big, { rows: 1000, cols: 1000 });
    expect(parsed.ok && parsed.value.values.length).toBe(BLOCK_LIMIT);
    expect(parsed.ok && parsed.value.values[0]?.length).toBe(BLOCK_LIMIT);
  });

  it('counts ragged rows by the longest one', () => {
    const parsed = parseBlock('1\n1 2 3 4 5\n1 2', { rows: 2, cols: 2 });
    expect(parsed).toEqual({
      ok: true,
      value: { values: [[1], [1, 2]], rows: 3, cols: 5, decimalComma: false },
    });
  });

  it('ignores what falls outside the grid, even when it is not a number', () => {
    expect(valuesOf('1 2 total\n3 4 x\nsum', { rows: 2, cols: 2 })).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('refuses text longer than the paste limit without reading it', () => {
    expect(parseBlock('1\t'.repeat(PASTE_TEXT_LIMIT / 2 + 1))).toEqual({ ok: false, error: 'too-long' });
  });

  it('reads a sheet just under the paste limit, clipped', () => {
    const row = '12345\t'.repeat(99) + '1\n';
    const text = row.repeat(Math.floor(PASTE_TEXT_LIMIT / row.length));
    const parsed = parseBlock(text, { rows: 4, cols: 4 });
    expect(parsed.ok && parsed.value.rows).toBe(Math.floor(PASTE_TEXT_LIMIT / row.length));
    expect(parsed.ok && parsed.value.cols).toBe(100);
    expect(parsed.ok && parsed.value.values).toEqual(Array.from({ length: 4 }, () => [12345, 12345, 12345, 12345]));
  });
});

describe('showing a number in a cell', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1.23456, '1.235'],
    [-6, '-6'],
    [123456, '1.2e5'],
  ])('%d reads as %s', (v, text) => {
    expect(formatCell(v)).toBe(text);
  });
});

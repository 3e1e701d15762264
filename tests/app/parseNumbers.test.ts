import { describe, expect, it } from 'vitest';
import { formatCell, parseBlock, parseCellInput } from '../../app/parseNumbers';

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
    ['１，５', 1.5],
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
  ])('refuses %j (%s) without throwing', (text, error) => {
    expect(parseCellInput(text)).toEqual({ ok: false, error });
  });
});

describe('pasting a block', () => {
  it('reads a block typed with full-width digits, commas and semicolons', () => {
    expect(parseBlock('１，２；－３\n４　５　６')).toEqual({
      ok: true,
      value: [
        [1, 2, -3],
        [4, 5, 6],
      ],
    });
  });

  it('reads rows and tab-separated cells copied from a spreadsheet', () => {
    expect(parseBlock('1\t2\t3\r\n4\t5\t6\r\n')).toEqual({
      ok: true,
      value: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
  });

  it('reads a Python nested list', () => {
    expect(parseBlock('[[1, 2], [3, 4]]')).toEqual({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('refuses a block with a word in it and says why', () => {
    expect(parseBlock('1 2\n3 x')).toEqual({ ok: false, error: 'not-a-number' });
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

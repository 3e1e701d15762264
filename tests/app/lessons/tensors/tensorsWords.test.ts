import { describe, expect, it } from 'vitest';
import { AUTOGRAD_ERROR_CODES, type ProblemDetails } from '../../../../engine';
import { runProgram, SUBSET_CODES, type ProgramError } from '../../../../engine/autograd';
import { PYTHON_SYNTAX_CODES } from '../../../../engine/python';
import { TENSORS_MESSAGES } from '../../../../app/lessons/tensors/messages';
import { errorText } from '../../../../app/lessons/tensors/tensorText';

const LANGS = ['en', 'zh-CN'] as const;

/** Details with every field a refusal may carry, filled with recognisable values. */
const DETAILS: ProblemDetails = {
  length: 901,
  max: 902,
  lines: 903,
  syntax: 'import',
  operator: '//',
  raw: '0x1F',
  name: 'weight',
  function: 'sum',
  left: 3,
  right: 4,
  node: 'MulBackward0',
  shape: '[2, 3]',
  version: 5,
  expected: 4,
  output: '[7]',
  input: '[8]',
  gradient: '[9]',
  sizeA: 11,
  sizeB: 12,
  dim: 13,
  broadcast: '[14, 15]',
  min: -16,
  dims: 17,
  size: 18,
  attribute: 'zero_',
  elements: 19,
};

function sentence(stage: ProgramError['stage'], code: string, lang: (typeof LANGS)[number]): string {
  return errorText(TENSORS_MESSAGES[lang], { stage, code, line: 7, column: 21, details: DETAILS } as ProgramError);
}

describe('wording of the console’s refusals', () => {
  it.each(LANGS)(
    'every syntax, subset and autograd code has its own sentence in %s, with the line and column',
    (lang) => {
      const all: [ProgramError['stage'], readonly string[]][] = [
        ['syntax', PYTHON_SYNTAX_CODES],
        ['subset', SUBSET_CODES],
        ['runtime', AUTOGRAD_ERROR_CODES],
        ['runtime', SUBSET_CODES],
        ['limit', ['program-too-long']],
      ];
      for (const [stage, codes] of all) {
        for (const code of codes) {
          const text = sentence(stage, code, lang);
          expect(text, `${stage} ${code}`).toMatch(lang === 'en' ? /^Line 7, column 21: \S/ : /^第 7 行第 21 列：\S/);
          expect(text, `${stage} ${code}`).not.toContain('undefined');
          expect(text, `${stage} ${code}`).not.toContain(code);
        }
      }
    },
  );

  it('says what to change: the numbers of a refusal appear in its words', () => {
    for (const lang of LANGS) {
      expect(sentence('runtime', 'dimension-out-of-range', lang)).toMatch(/-16[\s\S]*902[\s\S]*13/);
      expect(sentence('runtime', 'backward-non-scalar', lang)).toContain('[2, 3]');
      expect(sentence('runtime', 'broadcast-shape-mismatch', lang)).toMatch(/11[\s\S]*12/);
      expect(sentence('syntax', 'line-too-long', lang)).toMatch(/901[\s\S]*902/);
      expect(sentence('limit', 'program-too-long', lang)).toMatch(/903[\s\S]*902/);
    }
  });

  it('words what the engine really returns for a program with a mistake on line 2', () => {
    const run = runProgram('a = torch.tensor([1.0, 2.0], requires_grad=True)\na.backward()');
    expect(run.error).not.toBeNull();
    const error = run.error as ProgramError;
    expect(errorText(TENSORS_MESSAGES.en, error)).toBe(
      'Line 2, column 1: backward() without arguments needs a single number, but this tensor has shape [2]. Call .sum() (or .mean()) first, or pass gradient= a tensor of that shape.',
    );
    expect(errorText(TENSORS_MESSAGES['zh-CN'], error)).toMatch(/^第 2 行第 1 列：.*\[2\]/);
  });
});

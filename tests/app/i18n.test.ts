import { describe, expect, it } from 'vitest';
import { ENGINE_ERROR_CODES } from '../../engine';
import { detectLang, messages, LANGS } from '../../app/i18n';

/** Walks two message trees and lists keys present in one but not the other. */
function keyPaths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keyPaths(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('Chinese and English have exactly the same keys', () => {
    const [zh, en] = LANGS.map((l) => keyPaths(messages(l)).sort());
    expect(zh).toEqual(en);
  });

  it('every engine refusal is worded in both languages, with its numbers', () => {
    for (const lang of LANGS) {
      for (const code of ENGINE_ERROR_CODES) {
        const text = messages(lang).engine[code]({
          dim: 7,
          min: -1,
          max: 0,
          name: 'x',
          axis: 'h',
          value: 0,
          expected: 4,
          actual: 2,
          stride: 2,
          dilation: 1,
          padding: 9,
          groups: 3,
          inChannels: 4,
          outChannels: 5,
          weightInChannels: 1,
          biasSize: 2,
          kernelH: 3,
          kernelW: 3,
          paddedH: 2,
          paddedW: 2,
          strideH: 2,
          strideW: 2,
          inputSize: 3,
          outputPadding: 2,
          fullH: 3,
          fullW: 3,
          outH: -1,
          outW: -1,
          paddingH: 2,
          paddingW: 2,
          shape: '2×-1',
          layer: 1,
          kernel: 3,
          cost: 9,
          mode: 'reflect',
        });
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|NaN/);
      }
    }
  });

  it('picks Chinese for any zh browser language and English otherwise', () => {
    expect(detectLang(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
  });

  it('a refusal of a non-positive size names it in words a student knows, never by its field in the code', () => {
    for (const lang of LANGS) {
      for (const name of ['inChannels', 'outChannels', 'inputSize', 'kernelSize']) {
        const text = messages(lang).engine['non-positive-size']({ name, axis: 'h', value: 0 });
        expect(text).not.toContain(name);
        expect(text).toContain('0');
      }
    }
  });

  it('the output_padding refusal gives the real rule: it only picks among input sizes a strided convolution maps alike', () => {
    const details = { outputPadding: 2, stride: 2, dilation: 1 };
    expect(messages('en').engine['output-padding-too-large'](details)).toMatch(
      /smaller than the stride \(2\) or the dilation \(1\).*stride-2 convolution maps to the same output size/,
    );
    expect(messages('zh-CN').engine['output-padding-too-large'](details)).toMatch(/步长为 2 的卷积后得到同一输出尺寸/);
  });
});

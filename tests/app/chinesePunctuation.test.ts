import { describe, expect, it } from 'vitest';
import { messages } from '../../app/i18n';
import { LESSONS } from '../../app/lessons/registry';

/**
 * Every Chinese string the app can show: the shell's catalogue, each lesson's
 * `messages.zh.ts` and its panels' (found by name, so a new lesson is checked the day it lands)
 * and each lesson's title and summary on the landing page.
 */
const lessonCatalogues = import.meta.glob<Record<string, unknown>>('../../app/lessons/**/messages.zh.ts', {
  eager: true,
});

/**
 * A value that reads as a number in arithmetic and comparisons and as `text`
 * in a template, and answers every property with itself: one sample that fits
 * any message function's parameters (details records, counts, places).
 */
function sample(text: string): unknown {
  const target = (): void => undefined;
  const proxy: unknown = new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'string' ? text : 2);
      if (key === 'toString') return () => text;
      if (key === 'valueOf') return () => 2;
      return typeof key === 'symbol' ? undefined : proxy;
    },
  });
  return proxy;
}

/** Every string of a message tree, functions called once with `arg` for each parameter. */
function texts(node: unknown, arg: unknown, path = ''): { path: string; text: string }[] {
  if (typeof node === 'string') return [{ path, text: node }];
  if (typeof node === 'function') {
    const fn = node as (...args: unknown[]) => unknown;
    const args: unknown[] = Array.from({ length: Math.max(fn.length, 1) }, () => arg);
    return texts(fn(...args), arg, `${path}()`);
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => texts(v, arg, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Han characters and the full-width forms and marks of Chinese text. */
const CJK = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”]';
const ASCII_BESIDE_CJK = new RegExp(`${CJK}[,:;()?!]|[,:;()?!]${CJK}`, 'u');

function offenders(arg: unknown): string[] {
  const trees: [string, unknown][] = [
    ['shell', messages('zh-CN')],
    ...Object.entries(lessonCatalogues).flatMap(([file, mod]) =>
      Object.values(mod).map((tree): [string, unknown] => [file, tree]),
    ),
    ...LESSONS.map((l): [string, unknown] => [
      `entry ${l.id}`,
      { title: l.title['zh-CN'], summary: l.summary['zh-CN'] },
    ]),
  ];
  return trees.flatMap(([where, tree]) =>
    texts(tree, arg)
      .filter(({ text }) => ASCII_BESIDE_CJK.test(text))
      .map(({ path, text }) => `${where} ${path}: ${text}`),
  );
}

describe('Chinese punctuation', () => {
  it('finds each lesson catalogue it walks', () => {
    expect(Object.keys(lessonCatalogues).length).toBeGreaterThanOrEqual(3);
  });

  it('no Chinese sentence uses an ASCII , : ; ( ) ? or ! next to a Chinese character (numbers filled in)', () => {
    expect(offenders(sample('2'))).toEqual([]);
  });

  it('no Chinese sentence uses ASCII punctuation next to a Chinese word filled into it (cell states, axis names)', () => {
    expect(offenders(sample('格'))).toEqual([]);
  });
});

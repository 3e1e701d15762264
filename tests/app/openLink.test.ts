import { describe, expect, it } from 'vitest';
import type { AnyLessonDefinition } from '../../app/lessons/contract';
import conv from '../../app/lessons/conv';
import transposed from '../../app/lessons/transposed';
import { createAppStore } from '../../app/store/appStore';
import { decodeLink, holds, openLink } from '../../app/useLessonUrl';

describe('openLink: a lesson link is in the store before the first render', () => {
  const lessons: [string, AnyLessonDefinition][] = [
    ['conv', conv],
    ['transposed', transposed],
  ];
  it.each(lessons)('a link without state (%s) leaves the store holding exactly what the link asks for', (_, lesson) => {
    const store = createAppStore({ lang: 'zh-CN', theme: 'light' });
    openLink(lesson.link, '', store);
    // So the lesson's reader of its link finds nothing to apply, and renders the lesson once.
    expect(holds(lesson.link, decodeLink(lesson.link, '').state, store.getState())).toBe(true);
    // A link that leaves the language open keeps the one the visit chose.
    expect(store.getState().lang).toBe('zh-CN');
  });

  it('a link with its own figure is that figure at the first render, and another link is not what it holds', () => {
    const store = createAppStore({ lang: 'en', theme: 'light' });
    openLink(conv.link, 'v=1&h=6&story=13', store);
    expect(conv.link.encode(conv.link.snapshot(store.getState()))).toContain('h=6');
    expect(holds(conv.link, decodeLink(conv.link, 'v=1&h=6&story=13').state, store.getState())).toBe(true);
    expect(holds(conv.link, decodeLink(conv.link, 'v=1&h=5&story=13').state, store.getState())).toBe(false);
  });

  it('a hide= naming a control the lesson lacks is reported, and the rest of the link still opens', () => {
    const { state, ignored } = decodeLink(conv.link, 'v=1&hide=no-such-control');
    expect(ignored).toContain('hide');
    expect(state.shared.hide).toEqual([]);
  });
});

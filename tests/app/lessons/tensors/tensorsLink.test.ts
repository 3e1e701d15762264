import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../../../app/lessons/tensors/linkText';
import {
  decodeTensorsLink,
  encodeTensorsLink,
  type TensorsLinkState,
} from '../../../../app/lessons/tensors/tensorsLink';
import {
  MAX_SOURCE_CHARS,
  normalizeSource,
  storyProgram,
  TENSORS_STORY,
} from '../../../../app/lessons/tensors/tensorsState';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;

/** Programs as the lesson holds them: any text, normalized (tabs, line ends, lengths). */
const arbSource = fc
  .oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 70 }).map((l) => l.join('\n')),
    fc.string({ unit: 'binary', maxLength: 5000 }),
    fc.constantFrom(...TENSORS_STORY.map((s) => s.program)),
  )
  .map(normalizeSource);

const arbState: fc.Arbitrary<TensorsLinkState> = fc.record({
  program: fc.record({ source: arbSource, story: fc.integer({ min: 0, max: TENSORS_STORY.length - 1 }) }),
  step: fc.option(fc.integer({ min: 0, max: 999 })),
  shared: fc.record({
    lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
    theme: fc.constantFrom(null, 'dark' as const),
    present: fc.boolean(),
    embed: fc.boolean(),
    hide: fc.constant([]),
  }),
});

describe('the tensors lesson link', () => {
  it('is short for a narrative step with its own program: the version and the step', () => {
    expect(encodeTensorsLink({ program: { source: storyProgram(3), story: 3 }, step: null, shared })).toBe(
      'v=1&story=3',
    );
  });

  it('reopens every program the lesson can hold, at the same narrative step and line (round trip)', () => {
    fc.assert(
      fc.property(arbState, (state) => {
        const { state: back, ignored } = decodeTensorsLink(encodeTensorsLink(state));
        expect(ignored).toEqual([]);
        expect(back).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a long program deflated, so the link stays shorter than the program', () => {
    const source = Array.from({ length: 40 }, (_, i) => `a${i} = torch.ones(2, 2) * ${i}.0`).join('\n');
    const q = encodeTensorsLink({ program: { source, story: 10 }, step: 3, shared });
    expect(q).toMatch(/code=~/);
    expect(q.length).toBeLessThan(source.length);
    expect(decodeTensorsLink(q).state.program.source).toBe(source);
  });

  it('never throws on any query, and always gives a program within the limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (q) => {
        const { state } = decodeTensorsLink(q);
        expect(state.program.source.length).toBeLessThanOrEqual(MAX_SOURCE_CHARS);
        expect(state.program.story).toBeGreaterThanOrEqual(0);
        expect(state.program.story).toBeLessThan(TENSORS_STORY.length);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back per key and names what it ignored', () => {
    const { state, ignored } = decodeTensorsLink(`v=1&story=99&code=~!!!&step=-3&lang=xx&zzz=1`);
    expect(state.program).toEqual({ story: 0, source: storyProgram(0) });
    expect(state.step).toBeNull();
    expect(ignored).toEqual(expect.arrayContaining(['story', 'code', 'step', 'lang', '*unknown']));
  });

  it('refuses a program longer than the limit, written plainly or deflated', () => {
    const text = 'x'.repeat(MAX_SOURCE_CHARS + 1);
    expect(decodeTensorsLink(`story=2&code=${text}`).ignored).toEqual(['code']);
    const compact = formatText(text);
    expect(compact.startsWith('~')).toBe(true);
    expect(compact.length).toBeLessThan(100);
    const { state, ignored } = decodeTensorsLink(`story=2&code=${compact}`);
    expect(ignored).toEqual(['code']);
    expect(state.program.source).toBe(storyProgram(2));
  });
});

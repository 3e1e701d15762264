// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnyLessonDefinition } from '../../../app/lessons/contract';
import { LESSONS } from '../../../app/lessons/registry';
import { SHARED_KEYS } from '../../../app/urlCodec';

/** Walks a message tree and lists its key paths. */
function keyPaths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keyPaths(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the lesson registry', () => {
  it('lists the six lessons of the path in learning order, with the routes links already use', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'conv',
      'transposed',
      'receptive-field',
      'matrix',
      'tensors',
      'autoencoder',
    ]);
  });

  it('gives every lesson a title and a summary in both languages', () => {
    for (const lesson of LESSONS) {
      for (const text of [lesson.title.en, lesson.title['zh-CN'], lesson.summary.en, lesson.summary['zh-CN']])
        expect(text.trim().length).toBeGreaterThan(1);
    }
  });

  it.each(LESSONS.filter((l) => 'load' in l).map((l) => [l.id, l] as const))(
    '%s loads a definition that answers to its id, its slot and its own link keys',
    async (id, entry) => {
      if (!('load' in entry)) throw new Error('not built');
      const lesson: AnyLessonDefinition = (await entry.load()).default;
      expect(lesson.id).toBe(id);
      expect(lesson.slice.id).toBe(id);
      expect(lesson.storySteps).toBeGreaterThan(0);
      expect(lesson.link.keys.filter((k: string) => (SHARED_KEYS as readonly string[]).includes(k))).toEqual([]);
      expect(new Set(lesson.link.keys).size).toBe(lesson.link.keys.length);
      expect(keyPaths(lesson.messages['zh-CN']).sort()).toEqual(keyPaths(lesson.messages.en).sort());
      expect(lesson.pytorch(lesson.slice.initial)).toContain('import torch');
    },
  );
});

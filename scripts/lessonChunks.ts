/**
 * How the build splits the app's code into files.
 *
 * Left to itself, the bundler makes one chunk for each distinct set of entries that share a
 * module: the convolution lesson came in 13 files, most of them under 2 KiB. Each file is one more
 * request, and a host speaking HTTP/1.1 answers six at a time, so on a phone (150 ms round trips)
 * a lesson waited for two or three rounds before it could start. Here:
 *   - `app-entry` holds what the page's entry (`app/main.tsx`) imports, and `app` what the app's
 *     start (`app/boot.tsx`) adds: React, the shell, the landing page. Naming them first keeps
 *     them out of the kit below, which would otherwise pull them in as its dependencies, and keeps
 *     `app` out of the entry's static imports (the entry evaluates it after the first paint);
 *   - `lesson-kit` holds every other module that two lessons or more share, when one of them is
 *     the convolution or transposed lesson: the lesson kit, the grids, the engine, the color
 *     scales. Those two lessons come in two files, their own and the kit; the others in a few.
 * Whatever is left (a lesson's own code, heavy libraries only one or two lessons use, exports)
 * stays with the bundler's own splitting.
 */
import type { Plugin } from 'vite';

/** A lesson's entry module: the registry's `load` imports it. */
const LESSON_ENTRY = /[\\/]app[\\/]lessons[\\/]([^\\/]+)[\\/]index\.tsx?$/;
/** The app's own entries, in order: a module both import goes with the first. */
const APP_ENTRIES: readonly (readonly [chunk: string, module: RegExp])[] = [
  ['app-entry', /[\\/]app[\\/]main\.tsx$/],
  ['app', /[\\/]app[\\/]boot\.tsx$/],
];
/** The lessons whose shared code makes the kit: the two most links open. */
const KIT_LESSONS: ReadonlySet<string> = new Set(['conv', 'transposed']);

/** Where each module the app's code imports belongs, from the module graph alone. */
export interface ChunkPlan {
  /** Module → `app-entry` or `app`, for what the app's entries import statically. */
  readonly app: ReadonlyMap<string, string>;
  /** Module → the lessons that import it statically, for every other module a lesson imports. */
  readonly lessons: ReadonlyMap<string, ReadonlySet<string>>;
}

export function planChunks(ids: readonly string[], importedIds: (id: string) => readonly string[]): ChunkPlan {
  const reach = (from: string): string[] => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...importedIds(id));
    }
    return [...seen];
  };
  const app = new Map<string, string>();
  for (const [chunk, module] of APP_ENTRIES) {
    const entry = ids.find((id) => module.test(id));
    if (entry) for (const id of reach(entry)) if (!app.has(id)) app.set(id, chunk);
  }
  const lessons = new Map<string, Set<string>>();
  for (const entry of ids) {
    const lesson = LESSON_ENTRY.exec(entry)?.[1];
    if (!lesson) continue;
    for (const id of reach(entry)) {
      if (app.has(id)) continue;
      const users = lessons.get(id) ?? new Set<string>();
      users.add(lesson);
      lessons.set(id, users);
    }
  }
  return { app, lessons };
}

/** The chunk the plan puts a module in, or null to leave it to the bundler. */
export function chunkOf(plan: ChunkPlan, id: string): string | null {
  const app = plan.app.get(id);
  if (app) return app;
  const users = plan.lessons.get(id);
  if (!users || users.size < 2) return null;
  for (const lesson of users) if (KIT_LESSONS.has(lesson)) return 'lesson-kit';
  return null;
}

export interface LessonChunks {
  /** Reads the module graph once it is complete, before the chunks are made. */
  readonly plugin: Plugin;
  /** The chunk groups, in the bundler's form (`output.codeSplitting.groups`). */
  readonly groups: readonly { name: (id: string) => string | null; priority: number }[];
}

export function lessonChunks(): LessonChunks {
  let plan: ChunkPlan = { app: new Map(), lessons: new Map() };
  // A group's dependencies join it, so the groups go in order: the entry's modules first, then
  // the start's, then the kit's.
  const group = (chunk: string, priority: number) => ({
    name: (id: string) => (chunkOf(plan, id) === chunk ? chunk : null),
    priority,
  });
  return {
    plugin: {
      name: 'convlab-lesson-chunks',
      apply: 'build',
      buildEnd() {
        plan = planChunks([...this.getModuleIds()], (id) => this.getModuleInfo(id)?.importedIds ?? []);
      },
    },
    groups: [group('app-entry', 3), group('app', 2), group('lesson-kit', 1)],
  };
}

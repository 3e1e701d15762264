/**
 * What every lesson's narrative shares: a step sets some of the figure's
 * settings and a seed, and may ask the student to predict a number first.
 */

/** One narrative step: the settings it changes from the lesson's defaults, its seed, and its question (if any). */
export interface StoryStep<P, C extends string> {
  readonly params: Partial<P>;
  readonly seed: number;
  readonly checkpoint: C | null;
}

/** A link a step's text offers: to another lesson, opened at a figure or program that shows what the step says. */
export interface StoryLink {
  /** A hash route with its query, e.g. `#/tensors?v=1&story=0`. */
  readonly href: string;
  readonly label: string;
}

/** One step's words in the reader's language: its title, its body and, for some steps, a link. */
export interface StoryText {
  readonly title: string;
  readonly body: string;
  readonly link?: StoryLink;
}

/** The settings of narrative step `index` (clamped to the story): the lesson's defaults with the step's own changes. */
export function storySettings<P, C extends string>(story: readonly StoryStep<P, C>[], index: number, defaults: P): P {
  const step = story[Math.max(0, Math.min(story.length - 1, index))];
  return { ...defaults, ...(step?.params ?? {}) };
}

/** The longest typed answer read, in UTF-16 code units. */
const ANSWER_LIMIT = 200;

/**
 * Whether a typed prediction is right. A size (two expected numbers) reads
 * "3x3", "3 × 3", "3,3", or "3" for a square; a count reads one number.
 * Full-width digits and signs ("３×３", "－１", "３，３") read as their ASCII
 * forms (Unicode NFKC), and "−" (U+2212) as a minus. An answer longer than
 * `ANSWER_LIMIT` characters is not read.
 */
export function answerMatches(typed: string, expected: readonly number[]): boolean {
  if (typed.length > ANSWER_LIMIT) return false;
  const nums =
    typed
      .normalize('NFKC')
      .replace(/\u2212/g, '-')
      .match(/-?\d+/g)
      ?.map(Number) ?? [];
  if (expected.length === 2) {
    const [a, b] = expected;
    if (nums.length === 1) return a === b && nums[0] === a;
    return nums.length === 2 && nums[0] === a && nums[1] === b;
  }
  return nums.length === 1 && nums[0] === expected[0];
}

/**
 * Whether the figure still has every setting its narrative step set up. A
 * checkpoint hides its answer only then: once the student changes a setting,
 * the figure is theirs and shows everything.
 */
export function hasStorySettings<P>(params: P, own: P): boolean {
  return (Object.keys(own as object) as (keyof P)[]).every((k) => params[k] === own[k]);
}

/**
 * Whether the figure hides its results: the narrative step asks for a
 * prediction, it has not been answered on this visit, and the figure is still
 * the step's own (`hasStorySettings`).
 */
export function hidesAnswers<P, C extends string>(
  steps: readonly StoryStep<P, C>[],
  story: number,
  revealed: boolean,
  params: P,
  defaults: P,
): boolean {
  const checkpoint = steps[story]?.checkpoint ?? null;
  return checkpoint !== null && !revealed && hasStorySettings(params, storySettings(steps, story, defaults));
}

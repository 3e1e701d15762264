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

/**
 * A narrative's steps, and which of its checkpoint kinds ask about the
 * output's shape (its size, its rows, the largest padding that leaves one):
 * while one of those waits, the figure hides the shape too (`shapeWaits`).
 */
export interface StoryQuestions<P, C extends string> {
  readonly steps: readonly StoryStep<P, C>[];
  /** The checkpoint kinds whose answer follows from the output's shape; none when absent. */
  readonly shapeKinds?: readonly C[];
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
 * Whether a checkpoint waits: narrative step `story` asks for a prediction and
 * it has not been answered (or shown) on this visit. While one waits, nothing
 * on the page may give its answer away: the output's values, the formulas,
 * the printed shape and values of the PyTorch code, what a screen reader
 * hears. The question is about the figure on screen, whatever its settings
 * (its answer is read off that figure), so a figure the student or a link
 * changed stays hidden too, until "Check" or "Just show me". An embed or an
 * export shows no question, so it never hides (the caller passes
 * `answered` true there).
 */
export function checkpointWaits<P, C extends string>(
  steps: readonly StoryStep<P, C>[],
  story: number,
  answered: boolean,
): boolean {
  return !answered && (steps[story]?.checkpoint ?? null) !== null;
}

/**
 * Whether a waiting checkpoint asks about the output's shape (one of the
 * narrative's `shapeKinds`). Then an empty output grid of the real size would
 * give the answer away, and so would everything that counts outputs or window
 * positions: the figure draws each output (and any grid whose size gives the
 * answer) as one "?" cell, playback stays at its first step without saying how
 * many there are, and pointing at a cell marks and counts no outputs. A
 * question about values (a cell, a count of parameters) keeps the real shape.
 * Never in an embed or an export (the caller passes `answered` true there).
 */
export function shapeWaits<P, C extends string>(
  narrative: StoryQuestions<P, C>,
  story: number,
  answered: boolean,
): boolean {
  const kind = narrative.steps[story]?.checkpoint ?? null;
  return !answered && kind !== null && (narrative.shapeKinds ?? []).includes(kind);
}

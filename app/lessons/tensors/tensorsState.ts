/**
 * The tensors lesson's state: a program of the console's PyTorch subset and
 * the narrative step. The program's line being shown is the playback step
 * (one step per line that ran), so stepping, playing and the keys come from
 * the shell's playback like every other lesson's.
 *
 * The narrative's steps are ready-made programs (scenarios); a step with a
 * checkpoint hides what the console shows from `hideFrom` on until the
 * student has answered.
 */
import { MAX_PROGRAM_LINES } from '../../../engine/autograd';

/** A question of the narrative; its words are in the lesson's messages, its answer comes from the engine. */
export type TensorsCheckpoint =
  'conv-shape' | 'largest-dim' | 'view-shares' | 'reference' | 'inplace' | 'accumulate' | 'detach' | 'gan';

/** What a checkpoint asks about, read off the engine's run of the step's program. */
export type AnswerSource =
  /** The shape of `name` after the last line. */
  | { readonly kind: 'shape'; readonly name: string }
  /** `name`'s first value after `line` (1-based). */
  | { readonly kind: 'value'; readonly name: string; readonly line: number }
  /** `name.grad`'s first value after `line`. */
  | { readonly kind: 'grad'; readonly name: string; readonly line: number }
  /** The largest dim the refusal at the end of the program allows. */
  | { readonly kind: 'dim-max' };

export interface TensorsStoryStep {
  /** Stable name of the scenario (tests and the words use it). */
  readonly id: string;
  readonly program: string;
  readonly checkpoint: {
    readonly question: TensorsCheckpoint;
    /** First 1-based line whose result is hidden until the student answers. */
    readonly hideFrom: number;
    readonly answer: AnswerSource;
  } | null;
}

const lines = (...l: string[]) => l.join('\n');

/** The narrative: one ready-made program per step, in the order the lesson tells them. */
export const TENSORS_STORY: readonly TensorsStoryStep[] = [
  {
    id: 'conv-input',
    program: lines(
      'x = torch.arange(16.0).reshape(4, 4)',
      'b = x.unsqueeze(0)',
      'c = b.unsqueeze(0)',
      'y = c.squeeze()',
    ),
    checkpoint: { question: 'conv-shape', hideFrom: 3, answer: { kind: 'shape', name: 'c' } },
  },
  {
    id: 'dims',
    program: lines('x = torch.ones(4, 4)', 'a = x.unsqueeze(-1)', 'b = x.unsqueeze(2)', 'c = x.unsqueeze(3)'),
    checkpoint: { question: 'largest-dim', hideFrom: 3, answer: { kind: 'dim-max' } },
  },
  {
    id: 'views',
    program: lines('x = torch.zeros(2, 3)', 'v = x.view(6)', 'r = x.reshape(3, 2)', 'v.add_(1)'),
    checkpoint: { question: 'view-shares', hideFrom: 4, answer: { kind: 'value', name: 'x', line: 4 } },
  },
  {
    id: 'reference',
    program: lines('a = torch.tensor([1.0, 2.0])', 'c = a', 'c = c + 1'),
    checkpoint: { question: 'reference', hideFrom: 3, answer: { kind: 'value', name: 'a', line: 3 } },
  },
  {
    id: 'inplace',
    program: lines('a = torch.tensor([1.0, 2.0])', 'c = a', 'c += 1', 'c.add_(1)'),
    checkpoint: { question: 'inplace', hideFrom: 3, answer: { kind: 'value', name: 'a', line: 4 } },
  },
  {
    id: 'accumulate',
    program: lines(
      'w = torch.tensor(3.0, requires_grad=True)',
      'y = w * w',
      'y.backward()',
      'y = w * w',
      'y.backward()',
      'w.grad.zero_()',
    ),
    checkpoint: { question: 'accumulate', hideFrom: 5, answer: { kind: 'grad', name: 'w', line: 5 } },
  },
  {
    id: 'detach',
    program: lines(
      'x = torch.tensor(2.0, requires_grad=True)',
      'k = torch.tensor(5.0, requires_grad=False)',
      'h = x * k',
      'z = h.detach() * x',
      'z.backward()',
    ),
    checkpoint: { question: 'detach', hideFrom: 5, answer: { kind: 'grad', name: 'x', line: 5 } },
  },
  {
    id: 'gan',
    program: lines(
      'noise = torch.tensor([1.0, 2.0])',
      'g = torch.tensor(2.0, requires_grad=True)',
      'fake = g * noise',
      'd = torch.tensor(3.0, requires_grad=True)',
      'loss_d = (d * fake.detach()).sum()',
      'loss_d.backward()',
    ),
    checkpoint: { question: 'gan', hideFrom: 6, answer: { kind: 'grad', name: 'd', line: 6 } },
  },
  {
    id: 'freed',
    program: lines('a = torch.tensor(2.0, requires_grad=True)', 'y = a * a', 'y.backward()', 'y.backward()'),
    checkpoint: null,
  },
  {
    id: 'saved',
    program: lines(
      'x = torch.tensor([1.0, 2.0], requires_grad=True)',
      'y = x * 2',
      'z = y * y',
      'y.add_(1)',
      'z.sum().backward()',
    ),
    checkpoint: null,
  },
  {
    id: 'free',
    program: lines(
      'a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)',
      'b = a.t()',
      'c = (a @ b).sum()',
      'c.backward()',
      'with torch.no_grad():',
      '    a.sub_(0.1 * a.grad)',
    ),
    checkpoint: null,
  },
];

/** Lines a student can pick instead of typing them (the console's subset, one idea each). */
export const PICKABLE_LINES: readonly string[] = [
  'x = torch.arange(16.0).reshape(4, 4)',
  'b = x.unsqueeze(0)',
  'c = b.unsqueeze(-1)',
  'd = c.squeeze()',
  'v = x.view(16)',
  'w = torch.tensor(3.0, requires_grad=True)',
  'y = w * w',
  'y.backward()',
  'y.backward(retain_graph=True)',
  'w.grad.zero_()',
  'h = y.detach()',
  'k = torch.tensor(2.0, requires_grad=False)',
  'z = (w * k).sum()',
  'c += 1',
  'c.add_(1)',
];

/** The program with `line` added at the end. */
export function withLine(source: string, line: string): string {
  const body = source.replace(/\n+$/, '');
  return body === '' ? line : `${body}\n${line}`;
}

/** Longest program text the lesson keeps (characters), and lines: past the engine's 40 so its refusal shows. */
export const MAX_SOURCE_CHARS = 4000;
export const MAX_SOURCE_LINES = MAX_PROGRAM_LINES + 20;

/** The lesson's slot of the store. */
export interface TensorsState {
  /** The program, lines joined by `\n`. */
  readonly source: string;
  /** Narrative step, 0 … TENSORS_STORY.length − 1. */
  readonly story: number;
}

export function clampStory(story: number): number {
  return Math.max(0, Math.min(TENSORS_STORY.length - 1, Math.round(story)));
}

/** The ready-made program of narrative step `story` (clamped). */
export function storyProgram(story: number): string {
  return TENSORS_STORY[clampStory(story)]?.program ?? '';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A program as the lesson keeps it: `\r\n` and `\r` read as `\n`, tabs as four
 * spaces, broken UTF-16 replaced, and cut to `MAX_SOURCE_LINES` lines and
 * `MAX_SOURCE_CHARS` characters, so every program the lesson holds fits in a link.
 */
export function normalizeSource(text: string): string {
  const clean = text
    .slice(0, MAX_SOURCE_CHARS * 2)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(LONE_SURROGATE, '\uFFFD');
  let out = clean.split('\n').slice(0, MAX_SOURCE_LINES).join('\n').slice(0, MAX_SOURCE_CHARS);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/** Whether a text is a program the lesson could hold as it is. */
export function isNormalSource(text: string): boolean {
  return normalizeSource(text) === text;
}

export const TENSORS_INITIAL: TensorsState = { source: storyProgram(0), story: 0 };

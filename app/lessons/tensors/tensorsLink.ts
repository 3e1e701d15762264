/**
 * The tensors lesson's link: the narrative step (`story`), the program
 * (`code`, left out while it is the step's own program) and the line being
 * shown (`step`, left out at the last line), besides the shared keys. A
 * value that does not fit falls back to its default and is named.
 */
import type { Decoded } from '../kit/figureCodec';
import {
  decodeShared,
  encodeShared,
  ignoredName,
  migrateQuery,
  parseIntIn,
  readQuery,
  SHARED_KEYS,
  writeQuery,
  type SharedLinkState,
} from '../../urlCodec';
import { formatText, parseText } from './linkText';
import { isNormalSource, MAX_SOURCE_CHARS, storyProgram, TENSORS_STORY, type TensorsState } from './tensorsState';

export interface TensorsLinkState {
  readonly program: TensorsState;
  /** The playback step (a line that ran), or null for the last one. */
  readonly step: number | null;
  readonly shared: SharedLinkState;
}

/** The lesson's own keys. */
export const TENSORS_KEYS = ['story', 'code', 'step'] as const;

/** Highest step a link may name: more than a program of 40 lines ever has. */
const MAX_STEP = 999;

export function decodeTensorsLink(query: string): Decoded<TensorsLinkState> {
  const q = migrateQuery(readQuery(query));
  const ignored: string[] = [...q.dropped];
  const shared = decodeShared(q, ignored);
  const known = new Set<string>([...SHARED_KEYS, ...TENSORS_KEYS]);
  for (const key of q.values.keys()) if (!known.has(key)) ignored.push(ignoredName(key, known));

  let story = 0;
  const rawStory = q.values.get('story');
  if (rawStory !== undefined) {
    const n = parseIntIn(rawStory, 0, TENSORS_STORY.length - 1);
    if (n === null) ignored.push('story');
    else story = n;
  }
  let source = storyProgram(story);
  const rawCode = q.values.get('code');
  if (rawCode !== undefined) {
    const text = parseText(rawCode, MAX_SOURCE_CHARS);
    if (text === null || !isNormalSource(text)) ignored.push('code');
    else source = text;
  }
  let step: number | null = null;
  const rawStep = q.values.get('step');
  if (rawStep !== undefined) {
    const n = parseIntIn(rawStep, 0, MAX_STEP);
    if (n === null) ignored.push('step');
    else step = n;
  }
  return { state: { program: { source, story }, step, shared }, ignored };
}

export function encodeTensorsLink(state: TensorsLinkState): string {
  const { source, story } = state.program;
  const pairs: [string, string][] = [['story', String(story)]];
  if (source !== storyProgram(story)) pairs.push(['code', formatText(source)]);
  if (state.step !== null) pairs.push(['step', String(state.step)]);
  const [version, ...shared] = encodeShared(state.shared);
  return writeQuery([...(version ? [version] : []), ...pairs, ...shared]);
}

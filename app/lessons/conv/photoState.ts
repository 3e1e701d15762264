/**
 * The "try it on a photo" panel's state and its keys in the conv lesson's
 * link. The panel's code loads only when it opens; this small part (state,
 * link keys, the settings it takes from the figure) loads with the lesson.
 *
 * Link keys (added in link version 1; links without them open with the panel
 * closed, as before):
 *
 * | key       | values                                 | default     |
 * | --------- | -------------------------------------- | ----------- |
 * | `photo`   | a bundled photo's id, or `own`         | panel shut  |
 * | `filter`  | `figure` or a preset id (`sobel-x`, …) | `figure`    |
 * | `colour`  | `rgb` (per channel) or `sum` (C_in = 3) | `rgb`       |
 * | `range`   | `auto` or `own` (the output's min–max) | `auto`      |
 * | `compare` | `side` or `slider`                     | `side`      |
 */
import { KERNEL_PRESETS, type Kernel2d, type KernelPresetId } from '../../../engine/kernelPresets';
import type { ColourMode } from '../../../engine/photoFilter';
import type { PhotoFilterSettings } from '../../../engine';
import type { LessonSlice } from '../contract';
import type { RawQuery } from '../../urlCodec';
import type { ConvFigureState } from './convState';

/** The kernel the photo is filtered with: the figure's own, or a preset. */
export type PhotoFilterChoice = 'figure' | KernelPresetId;

/** How the output's values become pixels: `auto` (by the kernel) or the output's own min–max. */
export type PhotoRange = 'auto' | 'own';

export type PhotoCompare = 'side' | 'slider';

/** A photo the student picked: it stays in the browser, so a link can only say that there was one. */
export const OWN_PHOTO = 'own';

export interface PhotoPanelState {
  readonly open: boolean;
  /** A bundled photo's id, or OWN_PHOTO. */
  readonly photo: string;
  readonly filter: PhotoFilterChoice;
  readonly colour: ColourMode;
  readonly range: PhotoRange;
  readonly compare: PhotoCompare;
}

/** The first bundled photo (the manifest lists it first). */
export const DEFAULT_PHOTO = 'cat';

export const DEFAULT_PHOTO_PANEL: PhotoPanelState = {
  open: false,
  photo: DEFAULT_PHOTO,
  filter: 'figure',
  colour: 'per-channel',
  range: 'auto',
  compare: 'side',
};

export const PHOTO_KEYS = ['photo', 'filter', 'colour', 'range', 'compare'] as const;

export const FILTER_CHOICES: readonly PhotoFilterChoice[] = ['figure', ...KERNEL_PRESETS.map((p) => p.id)];

const PHOTO_ID = /^[a-z0-9-]{1,40}$/;

const COLOUR_CODES: Readonly<Record<ColourMode, string>> = { 'per-channel': 'rgb', summed: 'sum' };

/**
 * The panel's part of a link. Never throws: each key that does not parse
 * falls back to its default and is named in `ignored`.
 */
export function decodePhotoPanel(q: RawQuery, ignored: string[]): PhotoPanelState {
  const get = (key: string) => q.values.get(key);
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(key);
    return fallback;
  };
  const rawPhoto = get('photo');
  const photoOk = rawPhoto !== undefined && PHOTO_ID.test(rawPhoto);
  if (rawPhoto !== undefined && !photoOk) ignored.push('photo');
  const colour = pick('colour', ['rgb', 'sum'], 'rgb');
  return {
    open: rawPhoto !== undefined,
    photo: photoOk ? rawPhoto : DEFAULT_PHOTO,
    filter: pick('filter', FILTER_CHOICES, 'figure'),
    colour: colour === 'sum' ? 'summed' : 'per-channel',
    range: pick('range', ['auto', 'own'], 'auto'),
    compare: pick('compare', ['side', 'slider'], 'side'),
  };
}

/** The panel's keys, only while it is open and only those that differ from the defaults. */
export function encodePhotoPanel(s: PhotoPanelState): [string, string][] {
  if (!s.open) return [];
  const d = DEFAULT_PHOTO_PANEL;
  const pairs: [string, string][] = [['photo', s.photo]];
  if (s.filter !== d.filter) pairs.push(['filter', s.filter]);
  if (s.colour !== d.colour) pairs.push(['colour', COLOUR_CODES[s.colour]]);
  if (s.range !== d.range) pairs.push(['range', s.range]);
  if (s.compare !== d.compare) pairs.push(['compare', s.compare]);
  return pairs;
}

export interface PhotoPanelActions {
  readonly load: (state: PhotoPanelState) => void;
  readonly set: (change: Partial<PhotoPanelState>) => void;
}

/** The panel's own slot of the store (not part of the figure's undo history: it is a way of looking). */
export const convPhotoSlice: LessonSlice<PhotoPanelState, PhotoPanelActions> = {
  id: 'conv-photo',
  initial: DEFAULT_PHOTO_PANEL,
  actions: (lens) => ({
    load: (state) => lens.set(state),
    set: (change) => {
      const current = lens.get();
      const next = { ...current, ...change };
      if ((Object.keys(next) as (keyof PhotoPanelState)[]).some((k) => next[k] !== current[k])) lens.set(next);
    },
  }),
};

/**
 * The figure's first kernel (output channel 0, input channel 0), which the
 * photo is filtered with when `filter` is `figure`: weight[0, 0, :, :].
 */
export function figureKernel(figure: ConvFigureState): Kernel2d {
  const { kH, kW } = figure.params;
  return { rows: kH, cols: kW, values: figure.weight.slice(0, kH * kW) };
}

/** The figure's stride, padding, padding mode and dilation, applied to the photo. */
export function figurePhotoSettings(figure: ConvFigureState, colour: ColourMode): PhotoFilterSettings {
  const p = figure.params;
  return {
    colour,
    stride: [p.strideH, p.strideW],
    padding: p.padKind === 'explicit' ? [p.padH, p.padW] : p.padKind,
    paddingMode: p.paddingMode,
    dilation: [p.dilH, p.dilW],
  };
}

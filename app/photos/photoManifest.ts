/**
 * The bundled photos' manifest, `public/photos/photos.json` (written by
 * scripts/make-photos.py): which photos there are, their pixel size, titles
 * in both languages, licence, author and source. Parsed like any input: a
 * bad manifest is a result, never an exception.
 */

export interface PhotoEntry {
  /** Stable id, used in links (`photo=cat`). */
  readonly id: string;
  /** File name inside `photos/`. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly title: { readonly en: string; readonly zh: string };
  /** SPDX id (CC0-1.0) or "Public domain". */
  readonly licence: string;
  readonly author: string;
  /** Where the photo comes from (https URL). */
  readonly source: string;
}

export type ManifestResult =
  | { readonly ok: true; readonly photos: readonly PhotoEntry[] }
  | { readonly ok: false; readonly reason: 'not-a-manifest' | 'bad-entry'; readonly index?: number };

/** Where the manifest lives, relative to the app's base URL. */
export const PHOTO_MANIFEST_PATH = 'photos/photos.json';

const ID = /^[a-z0-9-]{1,40}$/;
const FILE = /^[a-z0-9-]{1,40}\.(jpg|png|webp)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, max = 300): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

function side(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4096;
}

function entryOf(v: unknown): PhotoEntry | null {
  if (!isRecord(v)) return null;
  const { id, file, width, height, title, licence, author, source } = v;
  if (!(text(id) && ID.test(id) && text(file) && FILE.test(file) && side(width) && side(height))) return null;
  if (!(isRecord(title) && text(title.en) && text(title.zh))) return null;
  if (!(text(licence) && text(author) && text(source) && source.startsWith('https://'))) return null;
  return { id, file, width, height, title: { en: title.en, zh: title.zh }, licence, author, source };
}

/** The photos of a parsed `photos.json` ({ version: 1, photos: [...] }), ids unique. */
export function parsePhotoManifest(json: unknown): ManifestResult {
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.photos))
    return { ok: false, reason: 'not-a-manifest' };
  const photos: PhotoEntry[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of json.photos.entries()) {
    const entry = entryOf(raw);
    if (!entry || seen.has(entry.id)) return { ok: false, reason: 'bad-entry', index };
    seen.add(entry.id);
    photos.push(entry);
  }
  return { ok: true, photos };
}

/** A photo's URL under the app's base (import.meta.env.BASE_URL, which ends in '/'). */
export function photoUrl(entry: PhotoEntry, base: string): string {
  return `${base}photos/${entry.file}`;
}

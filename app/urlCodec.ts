/**
 * Pieces of the URL-state codecs: every lesson's whole state lives in the hash
 * query. Decoding never throws: a value that does not parse, is out of range or
 * too long falls back to its default, and its key is reported so the app can
 * say what it ignored.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { isLang, type Lang } from './i18n';
import type { Theme } from './theme';

export const URL_VERSION = 1;
/** Most numbers a list may hold: the largest matrix a lesson reaches (conv input 2×4×16×16). */
export const MAX_LIST_LENGTH = 2048;
/**
 * Longest text `formatNumber` writes for one number: 12 significant digits,
 * a sign, a point and the zeros or exponent of the smallest magnitudes
 * (`-0.00000123456789012`, `-1.23456789012e-100`).
 */
const MAX_NUMBER_TEXT = 20;
/** Longest single value: the largest list written readably (a number and its comma each). */
const MAX_VALUE_LENGTH = MAX_LIST_LENGTH * (MAX_NUMBER_TEXT + 1);
/**
 * Longest query the codecs will read at all: the largest reachable state,
 * conv with input 2×4×16×16, weight 4×4×7×7 and 4 biases (2,836 numbers),
 * written readably, plus room for the settings and shared keys.
 */
export const MAX_QUERY_LENGTH = (2048 + 784 + 4) * (MAX_NUMBER_TEXT + 1) + 2_000;
/** Links longer than this may be cut off by chat apps and forums: the share panel says so. */
export const LONG_LINK_LENGTH = 2_000;

export interface RawQuery {
  readonly values: ReadonlyMap<string, string>;
  /** Keys dropped while reading (too long, malformed, repeated). */
  readonly dropped: readonly string[];
}

/** Splits a query into key → value, refusing oversized input piece by piece. */
export function readQuery(query: string): RawQuery {
  const values = new Map<string, string>();
  const dropped: string[] = [];
  if (query.length > MAX_QUERY_LENGTH) return { values, dropped: [TOO_LONG] };
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    const rawValue = eq >= 0 ? part.slice(eq + 1) : '';
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      dropped.push(UNKNOWN);
      continue;
    }
    if (key.length > 24 || value.length > MAX_VALUE_LENGTH || values.has(key)) {
      dropped.push(known(key) ? key : UNKNOWN);
      continue;
    }
    values.set(key, value);
  }
  return { values, dropped };
}

/**
 * What a notice may name. A key the app knows is named; anything else a link
 * carries is only counted as "unknown", so a link cannot put its own words on
 * the page. The sentinels are worded by the app in the reader's language.
 */
export const UNKNOWN = '*unknown';
export const TOO_LONG = '*too-long';
/** The link was written by a newer version of the app: it opens as well as it can, with a notice. */
export const NEWER = '*newer';

/** One change of link format: rewrites a query of version `from` into one of version `from + 1`. */
export interface LinkMigration {
  readonly from: number;
  readonly migrate: (values: ReadonlyMap<string, string>) => Map<string, string>;
}

/**
 * Every change of link format so far, oldest first. Empty while version 1 is
 * the only one ever written; a change of a key's meaning bumps `URL_VERSION`
 * and adds its migration here, so every link written before keeps opening.
 */
export const LINK_MIGRATIONS: readonly LinkMigration[] = [];

/** Highest version a link may name at all (anything above `URL_VERSION` is from a newer app). */
const MAX_VERSION = 999;

/**
 * Brings a query up to the current version: an older link is migrated step
 * by step, a link without `v` is read as current, and a newer one is read as
 * it is and flagged (`NEWER` among the dropped keys) so the app can say so.
 * A `v` that is not a version is left for `decodeShared` to report.
 */
export function migrateQuery(
  q: RawQuery,
  migrations: readonly LinkMigration[] = LINK_MIGRATIONS,
  current: number = URL_VERSION,
): RawQuery {
  const raw = q.values.get('v');
  const version = raw === undefined ? null : parseIntIn(raw, 1, MAX_VERSION);
  if (version === null || version === current) return q;
  if (version > current) return { ...q, dropped: [...q.dropped, NEWER] };
  let values = new Map(q.values);
  for (const m of migrations) if (m.from >= version && m.from < current) values = m.migrate(values);
  values.set('v', String(current));
  return { ...q, values };
}

/** Keys made only of letters a codec uses (never shown if the codec does not know them). */
function known(key: string): boolean {
  return /^[a-z]{1,8}$/.test(key);
}

/** An unknown key as it goes into the list of ignored keys. */
export function ignoredName(key: string, knownKeys: ReadonlySet<string>): string {
  return knownKeys.has(key) ? key : UNKNOWN;
}

/** A whole number in [min, max], or null. */
export function parseIntIn(raw: string, min: number, max: number): number | null {
  if (!/^-?\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** `3` or `3x2` (height × width), each in [min, max]. */
export function parsePairIn(raw: string, min: number, max: number): [number, number] | null {
  const parts = raw.split('x');
  if (parts.length === 1) {
    const n = parseIntIn(raw, min, max);
    return n === null ? null : [n, n];
  }
  if (parts.length !== 2) return null;
  const h = parseIntIn(parts[0] ?? '', min, max);
  const w = parseIntIn(parts[1] ?? '', min, max);
  return h === null || w === null ? null : [h, w];
}

export function formatPair(h: number, w: number): string {
  return h === w ? String(h) : `${h}x${w}`;
}

/** A finite decimal number with |v| ≤ limit, or null. */
function parseNumber(raw: string, limit: number): number | null {
  if (raw.length === 0 || raw.length > 24 || !/^-?(\d+\.?\d*|\.\d+)(e-?\d{1,3})?$/i.test(raw)) return null;
  const v = Number(raw);
  return Number.isFinite(v) && Math.abs(v) <= limit ? v : null;
}

/** Marks a list written compactly: `~` then the base64url of the deflated readable list. */
export const COMPACT_PREFIX = '~';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * The readable list inside a compact value, or null. The inflated text may
 * not exceed what `length` numbers take written readably, so a small link
 * cannot unpack into a huge one.
 */
function inflateList(raw: string, length: number): string | null {
  const bytes = fromBase64Url(raw.slice(COMPACT_PREFIX.length));
  if (bytes === null) return null;
  const cap = length * (MAX_NUMBER_TEXT + 1);
  try {
    // One byte more than allowed: a longer text fills it and is refused.
    const out = inflateSync(bytes, { out: new Uint8Array(cap + 1) });
    if (out.length > cap) return null;
    return strFromU8(out);
  } catch {
    return null;
  }
}

/** Comma-separated numbers of exactly `length` entries (readable or compact), or null. */
export function parseNumberList(raw: string, length: number, limit: number): number[] | null {
  if (length > MAX_LIST_LENGTH) return null;
  const text = raw.startsWith(COMPACT_PREFIX) ? inflateList(raw, length) : raw;
  if (text === null) return null;
  const parts = text.split(',');
  if (parts.length !== length) return null;
  const out: number[] = [];
  for (const p of parts) {
    const v = parseNumber(p, limit);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Shortest faithful text of a number (at most 6 significant digits kept by editing). */
export function formatNumber(v: number): string {
  if (Object.is(v, -0)) return '0';
  return String(Number(v.toPrecision(12)));
}

/**
 * A list as a link writes it: readable (`1,2.5,-3`) unless the deflated,
 * base64url form is shorter, as it is for large matrices of long decimals.
 */
export function formatNumberList(values: readonly number[]): string {
  const readable = values.map(formatNumber).join(',');
  if (readable.length < 200) return readable;
  const compact = COMPACT_PREFIX + toBase64Url(deflateSync(strToU8(readable), { level: 9 }));
  return compact.length < readable.length ? compact : readable;
}

/** Settings every lesson shares: language, theme, presentation and embedding. */
export interface SharedLinkState {
  readonly lang: Lang | null;
  readonly theme: Theme | null;
  readonly present: boolean;
  readonly embed: boolean;
  readonly hide: readonly string[];
}

export const SHARED_KEYS = ['v', 'lang', 'theme', 'present', 'embed', 'hide'] as const;

export function decodeShared(q: RawQuery, ignored: string[]): SharedLinkState {
  const get = (k: string) => q.values.get(k);
  const v = get('v');
  if (v !== undefined && parseIntIn(v, 1, MAX_VERSION) === null) ignored.push('v');
  const lang = get('lang');
  const theme = get('theme');
  const flag = (k: string): boolean => {
    const raw = get(k);
    if (raw === undefined) return false;
    if (raw === '1' || raw === '0') return raw === '1';
    ignored.push(k);
    return false;
  };
  let hide: string[] = [];
  const rawHide = get('hide');
  if (rawHide !== undefined) {
    const items = rawHide.split(',').filter(Boolean);
    if (items.length <= 32 && items.every((s) => /^[a-z][a-z-]{0,23}$/.test(s))) hide = items;
    else ignored.push('hide');
  }
  if (lang !== undefined && !isLang(lang)) ignored.push('lang');
  if (theme !== undefined && theme !== 'light' && theme !== 'dark') ignored.push('theme');
  return {
    lang: lang !== undefined && isLang(lang) ? lang : null,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    present: flag('present'),
    embed: flag('embed'),
    hide,
  };
}

export function encodeShared(s: SharedLinkState): [string, string][] {
  const out: [string, string][] = [['v', String(URL_VERSION)]];
  if (s.lang) out.push(['lang', s.lang]);
  if (s.theme) out.push(['theme', s.theme]);
  if (s.present) out.push(['present', '1']);
  if (s.embed) out.push(['embed', '1']);
  if (s.hide.length) out.push(['hide', s.hide.join(',')]);
  return out;
}

/** Joins key/value pairs; commas and x stay readable. */
export function writeQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');
}

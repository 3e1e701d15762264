/**
 * The autoencoder lesson's link: its typed key table over the shell's
 * shared keys. Decoding never throws: each key that does not parse or is out
 * of its limits falls back to its default and is named in `ignored`.
 */
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
import { AE_DEFAULTS, AE_LIMITS, type AutoencoderState, type StartFrom } from './aeState';
import { AE_STORY } from './aeStory';

export interface AutoencoderLinkState {
  readonly state: AutoencoderState;
  readonly shared: SharedLinkState;
}

export const AE_KEYS = ['ch', 'seed', 'lr', 'bits', 'init', 'story'] as const;

/** `64,32`: 1 to 3 whole numbers in the channel limits. */
function parseChannels(raw: string): number[] | null {
  const parts = raw.split(',');
  if (parts.length < AE_LIMITS.layers[0] || parts.length > AE_LIMITS.layers[1]) return null;
  const out: number[] = [];
  for (const p of parts) {
    const v = parseIntIn(p, AE_LIMITS.channels[0], AE_LIMITS.channels[1]);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** A learning rate written as a decimal or with an exponent (`0.005`, `5e-3`), inside the limits. */
function parseLr(raw: string): number | null {
  if (raw.length > 24 || !/^(\d+\.?\d*|\.\d+)(e-?\d{1,2})?$/i.test(raw)) return null;
  const v = Number(raw);
  return Number.isFinite(v) && v >= AE_LIMITS.lr[0] && v <= AE_LIMITS.lr[1] ? v : null;
}

export function decodeAutoencoderLink(query: string): {
  readonly state: AutoencoderLinkState;
  readonly ignored: readonly string[];
} {
  const q = migrateQuery(readQuery(query));
  const ignored: string[] = [...q.dropped];
  const shared = decodeShared(q, ignored);
  const known = new Set<string>([...SHARED_KEYS, ...AE_KEYS]);
  for (const key of q.values.keys()) if (!known.has(key)) ignored.push(ignoredName(key, known));
  const read = <T>(key: (typeof AE_KEYS)[number], parse: (raw: string) => T | null, fallback: T): T => {
    const raw = q.values.get(key);
    if (raw === undefined) return fallback;
    const v = parse(raw);
    if (v === null) {
      ignored.push(key);
      return fallback;
    }
    return v;
  };
  const state: AutoencoderState = {
    channels: read('ch', parseChannels, AE_DEFAULTS.channels),
    seed: read('seed', (r) => parseIntIn(r, AE_LIMITS.seed[0], AE_LIMITS.seed[1]), AE_DEFAULTS.seed),
    lr: read('lr', parseLr, AE_DEFAULTS.lr),
    bits: read('bits', (r) => parseIntIn(r, AE_LIMITS.bits[0], AE_LIMITS.bits[1]), AE_DEFAULTS.bits),
    start: read('init', (r): StartFrom | null => (r === 'shipped' || r === 'scratch' ? r : null), AE_DEFAULTS.start),
    story: read('story', (r) => parseIntIn(r, 0, AE_STORY.length - 1), AE_DEFAULTS.story),
  };
  return { state: { state, shared }, ignored };
}

export function encodeAutoencoderLink({ state, shared }: AutoencoderLinkState): string {
  return writeQuery([
    ...encodeShared(shared),
    ['ch', state.channels.join(',')],
    ['seed', String(state.seed)],
    ['lr', String(state.lr)],
    ['bits', String(state.bits)],
    ['init', state.start],
    ['story', String(state.story)],
  ]);
}

/**
 * A free text (the program) in a link: as it is, or deflated and base64url
 * (`~…`, the same compact form the shell's number lists use) when that is
 * shorter. Kept with the lesson so the landing page's JavaScript does not grow.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { COMPACT_PREFIX, fromBase64Url, toBase64Url } from '../../urlCodec';

/** The text as a link writes it: compact when shorter (long texts), or when the text itself starts with `~`. */
export function formatText(text: string): string {
  const compact = COMPACT_PREFIX + toBase64Url(deflateSync(strToU8(text), { level: 9 }));
  if (text.startsWith(COMPACT_PREFIX)) return compact;
  return text.length >= 200 && compact.length < text.length ? compact : text;
}

/**
 * The text of a value written by `formatText`, or null: one that does not
 * inflate, or is longer than `maxLength` UTF-16 units, is refused (a short
 * link cannot unpack into a huge text).
 */
export function parseText(raw: string, maxLength: number): string | null {
  if (!raw.startsWith(COMPACT_PREFIX)) return raw.length <= maxLength ? raw : null;
  const bytes = fromBase64Url(raw.slice(COMPACT_PREFIX.length));
  if (bytes === null) return null;
  // UTF-8 takes at most 3 bytes per UTF-16 unit; one byte more than that is refused.
  const cap = maxLength * 3;
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(cap + 1) });
    if (out.length > cap) return null;
    const text = strFromU8(out);
    return text.length <= maxLength ? text : null;
  } catch {
    return null;
  }
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../app/photos/imageHeader';
import { parsePhotoManifest, photoUrl } from '../../../app/photos/photoManifest';

const shipped = JSON.parse(readFileSync('public/photos/photos.json', 'utf8')) as unknown;

describe('the bundled photos', () => {
  const result = parsePhotoManifest(shipped);
  const photos = result.ok ? result.photos : [];

  it('have a manifest that parses, with three or four public domain or CC0 photos', () => {
    expect(result.ok).toBe(true);
    expect(photos.length).toBeGreaterThanOrEqual(3);
    expect(photos.length).toBeLessThanOrEqual(4);
    for (const p of photos) expect(['CC0-1.0', 'Public domain']).toContain(p.licence);
  });

  it('are the files the manifest names, of its sizes, at most 512 px, under 250 KB together', () => {
    let total = 0;
    for (const p of photos) {
      const path = `public/photos/${p.file}`;
      expect(existsSync(path)).toBe(true);
      total += statSync(path).size;
      expect(readImageHeader(new Uint8Array(readFileSync(path)))).toEqual({
        format: 'jpeg',
        width: p.width,
        height: p.height,
      });
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(512);
    }
    expect(total).toBeLessThan(250 * 1024);
  });

  it('are each listed with their licence in LICENSES.md', () => {
    const licences = readFileSync('public/photos/LICENSES.md', 'utf8');
    for (const p of photos) {
      expect(licences).toContain(p.file);
      expect(licences).toContain(p.source);
    }
  });
});

describe('parsePhotoManifest', () => {
  const entry = {
    id: 'cat',
    file: 'cat.jpg',
    width: 10,
    height: 10,
    title: { en: 'Cat', zh: '猫' },
    licence: 'CC0-1.0',
    author: 'A',
    source: 'https://example.org/cat',
  };

  it('refuses what is not a manifest, and names the first bad entry', () => {
    expect(parsePhotoManifest(null)).toEqual({ ok: false, reason: 'not-a-manifest' });
    expect(parsePhotoManifest({ version: 2, photos: [] })).toEqual({ ok: false, reason: 'not-a-manifest' });
    expect(parsePhotoManifest({ version: 1, photos: [entry, { ...entry, id: 'b', file: '../x.jpg' }] })).toEqual({
      ok: false,
      reason: 'bad-entry',
      index: 1,
    });
    expect(parsePhotoManifest({ version: 1, photos: [entry, entry] })).toEqual({
      ok: false,
      reason: 'bad-entry',
      index: 1,
    });
    expect(parsePhotoManifest({ version: 1, photos: [{ ...entry, source: 'javascript:alert(1)' }] }).ok).toBe(false);
  });

  it('places photos under the app base URL', () => {
    expect(photoUrl(entry, '/convlab/')).toBe('/convlab/photos/cat.jpg');
  });
});

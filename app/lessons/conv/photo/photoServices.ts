/**
 * What the photo panel needs from the outside world: a filter client (a Web
 * Worker in the browser), the bundled photos' manifest and their bytes.
 * Component tests give the panel their own through `PhotoServicesContext`.
 */
import { createContext } from 'react';
import {
  parsePhotoManifest,
  photoUrl,
  PHOTO_MANIFEST_PATH,
  type ManifestResult,
  type PhotoEntry,
} from '../../../photos/photoManifest';
import { createPhotoFilterClient, type PhotoFilterClient } from '../../../workers/photoFilterClient';

export interface PhotoServices {
  readonly createClient: () => PhotoFilterClient;
  readonly loadManifest: () => Promise<ManifestResult>;
  readonly fetchPhoto: (entry: PhotoEntry) => Promise<Blob>;
}

/** The app's own files, under its base URL (the app works under any sub-path). */
export const browserPhotoServices: PhotoServices = {
  createClient: () => createPhotoFilterClient(),
  loadManifest: async () => {
    const response = await fetch(`${import.meta.env.BASE_URL}${PHOTO_MANIFEST_PATH}`);
    if (!response.ok) return { ok: false, reason: 'not-a-manifest' };
    return parsePhotoManifest(await response.json());
  },
  fetchPhoto: async (entry) => {
    const response = await fetch(photoUrl(entry, import.meta.env.BASE_URL));
    if (!response.ok) throw new Error(`photo ${entry.id}: HTTP ${response.status}`);
    return response.blob();
  },
};

export const PhotoServicesContext = createContext<PhotoServices>(browserPhotoServices);

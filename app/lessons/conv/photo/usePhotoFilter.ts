/**
 * The photo panel's link to its worker: one filter client for the panel's
 * life, the photo it holds (bundled or the student's own), and the newest
 * filtered picture for the kernel and settings the panel asks for.
 *
 * Photos are decoded one after another, and a request made stale by a newer
 * one is skipped, so the worker always ends up holding the photo the panel
 * shows. Filtering goes through the client, which drops results older than
 * one it already gave: while a weight is dragged, every result that arrives
 * is drawn, newest last.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type {
  EngineErrorCode,
  Kernel2d,
  PhotoFilterSettings,
  PixelArithmetic,
  ProblemDetails,
} from '../../../../engine';
import type { PixelMappingRequest } from '../../../../engine';
import type { PhotoRefusal } from '../../../photos/decodePhoto';
import type { PhotoEntry } from '../../../photos/photoManifest';
import type { FilterProgress, FilterResult } from '../../../workers/photoFilterApi';
import type { PhotoFilterClient } from '../../../workers/photoFilterClient';
import { PhotoServicesContext } from './photoServices';

/** Where the photo in the worker came from. */
export type PhotoSource =
  | { readonly kind: 'bundled'; readonly entry: PhotoEntry }
  | { readonly kind: 'own'; readonly originalWidth: number; readonly originalHeight: number };

/** The photo the worker holds, as RGBA bytes for the "before" picture. */
export interface LoadedPhoto {
  readonly source: PhotoSource;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
  /** Counts photos loaded in this panel: a new one asks for a new filter. */
  readonly serial: number;
}

/** A filtered picture with the kernel and settings it was made with (the hover explains exactly that). */
export interface ShownResult extends FilterResult {
  readonly kernel: Kernel2d;
  readonly settings: PhotoFilterSettings;
  readonly photoSerial: number;
  /** Milliseconds from the request to the answer. */
  readonly elapsedMs: number;
}

export type FilterProblem =
  | { readonly kind: 'refused'; readonly code: EngineErrorCode; readonly details: ProblemDetails }
  | { readonly kind: 'failed' };

export interface PhotoFilterState {
  /** Whether the worker is there to take photos (loads asked before it is are not made). */
  readonly ready: boolean;
  /** The bundled photos; null while the manifest loads, [] when it could not be read. */
  readonly manifest: readonly PhotoEntry[] | null;
  readonly photo: LoadedPhoto | null;
  readonly loading: boolean;
  /** Why the last photo the student gave was not used. */
  readonly refusal: PhotoRefusal | null;
  readonly result: ShownResult | null;
  readonly problem: FilterProblem | null;
  /** Bands of a slow filter, while it runs. */
  readonly progress: FilterProgress | null;
  /** Decodes the student's own file; resolves true when it is the photo now. */
  readonly loadOwn: (file: Blob) => Promise<boolean>;
  /** Decodes a bundled photo. */
  readonly loadBundled: (entry: PhotoEntry) => void;
  readonly explain: (result: ShownResult, oy: number, ox: number) => Promise<PixelArithmetic | null>;
}

export interface FilterAsk {
  readonly kernel: Kernel2d;
  readonly settings: PhotoFilterSettings;
  readonly mapping: PixelMappingRequest;
}

/** A stable text of what a filter request depends on: equal asks make one request. */
function askKey(ask: FilterAsk): string {
  return JSON.stringify(ask);
}

export function usePhotoFilter(ask: FilterAsk): PhotoFilterState {
  const services = useContext(PhotoServicesContext);
  const [client, setClient] = useState<PhotoFilterClient | null>(null);
  const [manifest, setManifest] = useState<readonly PhotoEntry[] | null>(null);
  const [photo, setPhoto] = useState<LoadedPhoto | null>(null);
  const [loading, setLoading] = useState(false);
  const [refusal, setRefusal] = useState<PhotoRefusal | null>(null);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  const [progress, setProgress] = useState<FilterProgress | null>(null);
  /** The newest load request: an older one that finishes late is dropped. */
  const loadTicket = useRef(0);
  /** Decodes run one at a time, in the order asked. */
  const decodeQueue = useRef<Promise<unknown>>(Promise.resolve());
  const serial = useRef(0);
  const filterTicket = useRef(0);

  useEffect(() => {
    const made = services.createClient();
    // The client is a worker this effect starts; the panel renders once more to use it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(made);
    return () => made.dispose();
  }, [services]);

  useEffect(() => {
    let live = true;
    services.loadManifest().then(
      (m) => live && setManifest(m.ok ? m.photos : []),
      () => live && setManifest([]),
    );
    return () => {
      live = false;
    };
  }, [services]);

  /** Queues a decode of `blob` (fetched by `get`); applies it only if no newer load was asked for since. */
  const load = useCallback(
    (get: () => Promise<Blob>, source: (w: number, h: number, ow: number, oh: number) => PhotoSource) => {
      const ticket = ++loadTicket.current;
      setLoading(true);
      const current = () => ticket === loadTicket.current;
      const run = async (): Promise<boolean> => {
        if (!client) return false;
        let blob: Blob;
        try {
          blob = await get();
        } catch {
          if (current()) setLoading(false);
          return false;
        }
        if (!current()) return false;
        const outcome = await (decodeQueue.current = decodeQueue.current.then(
          () => (current() ? client.decode(blob) : null),
          () => (current() ? client.decode(blob) : null),
        ));
        if (outcome === null) return false;
        if (current()) setLoading(false);
        if (!outcome.ok) {
          if (current()) setRefusal(outcome.refusal);
          return false;
        }
        // Decoded: the worker holds this photo now, so the panel shows it even if a newer load is pending.
        setRefusal(null);
        setPhoto({
          source: source(outcome.width, outcome.height, outcome.originalWidth, outcome.originalHeight),
          width: outcome.width,
          height: outcome.height,
          rgba: outcome.rgba,
          serial: ++serial.current,
        });
        return true;
      };
      return run();
    },
    [client],
  );

  const loadBundled = useCallback(
    (entry: PhotoEntry) => {
      void load(
        () => services.fetchPhoto(entry),
        () => ({ kind: 'bundled', entry }),
      );
    },
    [load, services],
  );

  const loadOwn = useCallback(
    (file: Blob) =>
      load(
        () => Promise.resolve(file),
        (_w, _h, originalWidth, originalHeight) => ({ kind: 'own', originalWidth, originalHeight }),
      ),
    [load],
  );

  const key = askKey(ask);
  const photoSerial = photo?.serial ?? 0;
  useEffect(() => {
    if (!client || photoSerial === 0) return;
    // The ask, rebuilt from its key: an equal ask from a new render makes no new request.
    const { kernel, settings, mapping } = JSON.parse(key) as FilterAsk;
    const ticket = ++filterTicket.current;
    const isNewest = () => ticket === filterTicket.current;
    client
      .filter(kernel, settings, mapping, (p) => {
        if (isNewest()) setProgress(p.done < p.total ? p : null);
      })
      .then(
        (outcome) => {
          switch (outcome.status) {
            case 'done':
              setResult({ ...outcome, kernel, settings, photoSerial });
              if (isNewest()) {
                setProblem(null);
                setProgress(null);
              }
              return;
            case 'superseded':
              return;
            case 'refused':
              if (isNewest()) {
                setProblem({ kind: 'refused', code: outcome.code, details: outcome.details });
                setProgress(null);
              }
              return;
            case 'no-image':
            case 'invalid':
              if (isNewest()) setProblem({ kind: 'failed' });
              return;
          }
        },
        () => isNewest() && setProblem({ kind: 'failed' }),
      );
  }, [client, key, photoSerial]);

  const explain = useCallback(
    (shown: ShownResult, oy: number, ox: number) =>
      client ? client.explain(shown.kernel, shown.settings, oy, ox).catch(() => null) : Promise.resolve(null),
    [client],
  );

  return {
    ready: client !== null,
    manifest,
    photo,
    loading,
    refusal,
    result,
    problem,
    progress,
    loadOwn,
    loadBundled,
    explain,
  };
}

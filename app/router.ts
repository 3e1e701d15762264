import { isLessonId, type LessonId } from './lessons/registry';

export type Route = { readonly kind: 'home' } | { readonly kind: 'lesson'; readonly lesson: LessonId };

export interface ParsedHash {
  readonly route: Route;
  /** The path was not a known route (the landing page shows a notice). */
  readonly unknownPath: string | null;
  /** Raw query string after `?` (decoded by the URL codec). */
  readonly query: string;
}

/** Splits `#/conv?v=1&…` into a route and its query. Never throws. */
export function parseHash(hash: string): ParsedHash {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw).replace(/\/+$/, '');
  const query = q >= 0 ? raw.slice(q + 1) : '';
  if (path === '' || path === '/') return { route: { kind: 'home' }, unknownPath: null, query };
  const name = path.replace(/^\//, '');
  if (isLessonId(name)) return { route: { kind: 'lesson', lesson: name }, unknownPath: null, query };
  return { route: { kind: 'home' }, unknownPath: path.slice(0, 60), query: '' };
}

export function routeHash(route: Route, query = ''): string {
  const path = route.kind === 'home' ? '#/' : `#/${route.lesson}`;
  return query ? `${path}?${query}` : path;
}

import { describe, expect, it } from 'vitest';
import { decodeConvLink } from '../../app/lessons/conv/convLink';
import { decodeTransposedLink } from '../../app/lessons/transposed/transposedLink';
import { migrateQuery, NEWER, readQuery, type LinkMigration } from '../../app/urlCodec';

describe('links across versions, as the app reads them today', () => {
  it.each([
    ['conv', decodeConvLink, 'k=2', (s: ReturnType<typeof decodeConvLink>['state']) => s.figure.params.kH],
    [
      'transposed',
      decodeTransposedLink,
      'k=3',
      (s: ReturnType<typeof decodeTransposedLink>['state']) => s.figure.params.kH,
    ],
  ] as const)(
    '%s: a version 1 link and a link without v open the same, with nothing ignored',
    (_id, decode, keys, kH) => {
      const withV = decode(`v=1&${keys}`);
      const withoutV = decode(keys);
      expect(withV.ignored).toEqual([]);
      expect(withoutV.ignored).toEqual([]);
      expect(withV.state).toEqual(withoutV.state);
      expect(kH(withV.state as never)).toBe(Number(keys.slice(2)));
    },
  );

  it.each([
    ['v=2&k=2', [NEWER]],
    ['v=99&k=2', [NEWER]],
  ])('a link from a newer version (%s) opens as well as it can and says so', (query, ignored) => {
    const { state, ignored: got } = decodeConvLink(query);
    expect(got).toEqual(ignored);
    expect(state.figure.params.kH).toBe(2);
  });

  it.each(['v=0', 'v=-1', 'v=abc', 'v=1.5'])('a version that is not one (%s) is named as ignored', (query) => {
    expect(decodeConvLink(`${query}&k=2`).ignored).toEqual(['v']);
  });
});

/** A made-up history of three versions: 1 → 2 renamed `k` to `ks`, 2 → 3 doubled `ks`. */
const HISTORY: readonly LinkMigration[] = [
  {
    from: 1,
    migrate: (values) => {
      const next = new Map(values);
      const k = next.get('k');
      next.delete('k');
      if (k !== undefined) next.set('ks', k);
      return next;
    },
  },
  {
    from: 2,
    migrate: (values) => {
      const next = new Map(values);
      const ks = next.get('ks');
      if (ks !== undefined) next.set('ks', String(Number(ks) * 2));
      return next;
    },
  },
];

describe('the migrations table', () => {
  it.each([
    ['v=1&k=3', { v: '3', ks: '6' }, []],
    ['v=2&ks=3', { v: '3', ks: '6' }, []],
    ['v=3&ks=3', { v: '3', ks: '3' }, []],
    ['ks=3', { ks: '3' }, []],
    ['v=4&ks=3', { v: '4', ks: '3' }, [NEWER]],
  ])('%s reads as %j', (query, values, dropped) => {
    const q = migrateQuery(readQuery(query), HISTORY, 3);
    expect(Object.fromEntries(q.values)).toEqual(values);
    expect(q.dropped).toEqual(dropped);
  });
});

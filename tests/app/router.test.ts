import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from '../../app/router';

describe('hash routes', () => {
  it.each([
    ['', { kind: 'home' }],
    ['#/', { kind: 'home' }],
    ['#/conv', { kind: 'lesson', lesson: 'conv' }],
    ['#/transposed?v=1&s=2', { kind: 'lesson', lesson: 'transposed' }],
    ['#/receptive-field/', { kind: 'lesson', lesson: 'receptive-field' }],
  ])('%s opens %j', (hash, route) => {
    expect(parseHash(hash).route).toEqual(route);
  });

  it('an unknown path falls back to the landing page and names the path', () => {
    const parsed = parseHash('#/nope?x=1');
    expect(parsed.route).toEqual({ kind: 'home' });
    expect(parsed.unknownPath).toBe('/nope');
  });

  it('keeps the query for the lesson codec', () => {
    expect(parseHash('#/conv?v=1&lang=en').query).toBe('v=1&lang=en');
    expect(routeHash({ kind: 'lesson', lesson: 'conv' }, 'v=1')).toBe('#/conv?v=1');
  });
});

import { useEffect, useState } from 'react';
import { parseHash, type ParsedHash } from './router';

/**
 * The current hash route; follows Back/Forward and links. `initialHash` stands for the address
 * where there is none (the build's prerendering of a route).
 */
export function useHashRoute(initialHash?: string): ParsedHash {
  const [parsed, setParsed] = useState(() => parseHash(initialHash ?? window.location.hash));
  useEffect(() => {
    const onChange = () => setParsed(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  return parsed;
}

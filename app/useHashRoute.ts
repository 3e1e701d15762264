import { useEffect, useState } from 'react';
import { parseHash, type ParsedHash } from './router';

/** The current hash route; follows Back/Forward and links. */
export function useHashRoute(): ParsedHash {
  const [parsed, setParsed] = useState(() => parseHash(window.location.hash));
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

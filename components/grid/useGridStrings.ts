import { useMemo } from 'react';
import { useMessages } from '../../app/useMessages';
import type { MatrixGridStrings } from './MatrixGrid';

/** The grids' words in the current language; the same object until the language changes, so cells stay memoized. */
export function useGridStrings(): MatrixGridStrings {
  const t = useMessages();
  return useMemo(
    () => ({ invalid: (e) => t.grid.invalid[e], cellLabel: t.grid.cellLabel, pasted: t.grid.pasted }),
    [t],
  );
}

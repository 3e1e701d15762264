import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './clock';

/**
 * `value`, or while `now` is false, `value` as of the last painted frame: a
 * change reaches the caller in a background (transition) render that starts
 * after the frame showing the urgent part of the edit has been painted, so
 * it can never delay that frame. A newer change, or `now` turning true, wins.
 */
export function useAfterPaint<T>(value: T, now = false): T {
  const [shown, setShown] = useState(value);
  // Drawn at once: keep the lagging copy current too, so turning `now` off shows no old state.
  if (now && shown !== value) setShown(value);
  useEffect(() => {
    if (now || shown === value) return;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [value, now, shown]);
  return now ? value : shown;
}

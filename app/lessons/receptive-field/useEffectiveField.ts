import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LayerStack } from '../../../engine';
import { computeField, type FieldAnswer } from './fieldJob';
import type { RfCell, WeightMode } from './rfState';

/** The field of the newest request, or null while it is being computed. */
export interface FieldState {
  readonly answer: FieldAnswer | null;
  /** Whether the work runs off the main thread (a worker); false only where workers do not exist. */
  readonly inWorker: boolean;
}

const neverChanges = () => () => {};
const hasWorkers = () => typeof Worker !== 'undefined';
/** The build's prerendered page says nothing of workers, so the first client render (hydration) must not either. */
const noWorkersWhilePrerendering = () => false;

/**
 * Computes the chosen cell's effective field in a worker made on first use
 * and kept for the life of the view; older answers are dropped. Without
 * Worker support (tests in Node) it computes on this thread.
 */
export function useEffectiveField(
  stack: LayerStack,
  cell: RfCell | null,
  weights: WeightMode,
  seed: number,
  enabled: boolean,
): FieldState {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [answer, setAnswer] = useState<FieldAnswer | null>(null);
  const inWorker = useSyncExternalStore(neverChanges, hasWorkers, noWorkersWhilePrerendering);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!enabled || !cell) return;
    const id = ++latest.current;
    const request = { id, stack, cell, weights, seed };
    if (!inWorker) {
      setAnswer(computeField(request));
      return;
    }
    setAnswer(null);
    if (!worker.current) {
      worker.current = new Worker(new URL('./effectiveField.worker.ts', import.meta.url), {
        type: 'module',
        name: 'effective-field',
      });
    }
    const w = worker.current;
    const onMessage = (e: MessageEvent<FieldAnswer>) => {
      if (e.data.id === latest.current) setAnswer(e.data);
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request);
    return () => w.removeEventListener('message', onMessage);
  }, [stack, cell, weights, seed, enabled, inWorker]);

  return { answer: enabled && cell ? answer : null, inWorker };
}

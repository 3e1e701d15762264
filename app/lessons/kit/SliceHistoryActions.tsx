import { memo, type ReactNode } from 'react';
import { useAppStore } from '../../store/react';
import type { LessonSlice } from '../contract';
import type { FigureActions, FigureHistory } from './figureActions';
import { HistoryActions } from './LessonShell';
import { useSlice, useSliceActions } from './slice';

/** New random numbers, the seed, undo and redo of one figure lesson's slice. */
export const SliceHistoryActions = memo(function SliceHistoryActions<P>({
  slice,
}: {
  slice: LessonSlice<FigureHistory<P>, FigureActions<P>>;
}) {
  const seed = useSlice(slice, (s) => s.present.seed);
  const canUndo = useSlice(slice, (s) => s.past.length > 0);
  const canRedo = useSlice(slice, (s) => s.future.length > 0);
  const hidden = useAppStore((s) => s.hidden);
  const { randomize, undo, redo } = useSliceActions(slice);
  return (
    <HistoryActions
      seed={seed}
      canUndo={canUndo}
      canRedo={canRedo}
      showRandomize={!hidden.includes('randomize')}
      onRandomize={randomize}
      onUndo={undo}
      onRedo={redo}
    />
  );
}) as <P>(props: { slice: LessonSlice<FigureHistory<P>, FigureActions<P>> }) => ReactNode;

import { lazy, memo, Suspense } from 'react';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { useSlice, useSliceActions } from '../kit/slice';
import { useConvWords } from './messages';
import { convPhotoSlice } from './photoState';

/** The panel's code (worker client, canvases, its words) loads the first time it opens. */
const PhotoPanel = lazy(() => import('./photo/PhotoPanel'));

/**
 * "Try the kernel on a photo": a button while the panel is shut, the panel
 * (loaded on demand) once it is open. Whether it is open is in the link.
 */
export const PhotoLauncher = memo(function PhotoLauncher({ hideAnswers }: { hideAnswers: boolean }) {
  const t = useConvWords();
  const open = useSlice(convPhotoSlice, (s) => s.open);
  const { set } = useSliceActions(convPhotoSlice);
  if (!open) {
    return (
      <div className="photo-launch">
        <button type="button" className="btn" aria-expanded={false} onClick={() => set({ open: true })}>
          {t.conv.photo.open}
        </button>
      </div>
    );
  }
  return (
    <ErrorBoundary
      title={t.errors.figureFailed}
      detail={t.errors.figureFailedDetail}
      resetLabel={t.conv.photo.close}
      onReset={() => set({ open: false })}
    >
      <Suspense fallback={<p className="photo-launch">{t.conv.photo.loading}</p>}>
        <PhotoPanel hideAnswers={hideAnswers} onClose={() => set({ open: false })} />
      </Suspense>
    </ErrorBoundary>
  );
});

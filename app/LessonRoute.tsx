import { createElement, lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { FailureBoundary } from '../components/FailureBoundary';
import { LessonDownloadError, loadedLesson, loadLesson } from './lessonModules';
import type { LessonProps } from './lessons/contract';
import type { LessonId } from './lessons/registry';
import { useMessages } from './useMessages';

type LessonView = LazyExoticComponent<ComponentType<LessonProps>>;

/**
 * Every lesson's view, loaded on first render and made once per attempt, so
 * React keeps a lesson's state across renders. A lazy view that failed stays
 * failed, so trying again makes a new one.
 */
const VIEWS = new Map<string, LessonView>();

function lessonView(id: LessonId, attempt: number): LessonView {
  const key = `${id}#${attempt}`;
  let view = VIEWS.get(key);
  if (!view) {
    view = lazy(async () => {
      const lesson = await loadLesson(id);
      if (!lesson) throw new Error(`No code for lesson ${id}`);
      return { default: lesson.View };
    });
    VIEWS.set(key, view);
  }
  return view;
}

function LessonFailed({ error, retry }: { readonly error: Error; readonly retry: () => void }) {
  const t = useMessages();
  const download = error instanceof LessonDownloadError;
  return (
    <div role="alert" className="figure-error figure-error--page">
      <p>
        <strong>{download ? t.errors.lessonDownloadFailed : t.errors.lessonFailed}</strong>
      </p>
      {download ? null : <p>{t.errors.figureFailedDetail(error.message.slice(0, 200))}</p>}
      <p className="figure-error-actions">
        <button type="button" className="btn btn--primary" onClick={retry}>
          {t.errors.retry}
        </button>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t.errors.reloadPage}
        </button>
      </p>
    </div>
  );
}

/**
 * Renders a lesson by id; its code loads on first visit. A download that
 * fails, or a lesson that stops working, says so in place of the lesson and
 * offers to try again; the header and the rest of the app keep working.
 * A lesson whose code has already arrived renders at once, without
 * suspending: the prerendered page (rendered once its lesson had loaded) and
 * the client's first render, which waits for the linked lesson
 * (`app/boot.tsx`), are then the same tree.
 */
export function LessonRoute({ lesson, query }: { lesson: LessonId } & LessonProps) {
  const [attempt, setAttempt] = useState(0);
  return (
    <FailureBoundary
      key={lesson}
      where={`lesson ${lesson}`}
      onRetry={() => setAttempt((a) => a + 1)}
      fallback={(error, retry) => <LessonFailed error={error} retry={retry} />}
    >
      {createElement(loadedLesson(lesson)?.View ?? lessonView(lesson, attempt), { query })}
    </FailureBoundary>
  );
}

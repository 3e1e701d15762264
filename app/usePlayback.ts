import { useEffect, type RefObject } from 'react';
import { createFrameClock, type Clock } from './clock';
import { useAppStoreApi } from './store/react';

/**
 * Runs the frame clock while playback is on and the figure is on screen, and
 * turns playback keys into store actions: Space, ←/→, Home/End; Ctrl+Z and
 * Ctrl+Shift+Z (or Ctrl+Y) undo and redo. `held`: playback waits (a question
 * its step count would answer): the clock does not run and the playback keys
 * do nothing, while the step stays what the link or the student set.
 */
export function usePlayback(
  figureRef: RefObject<HTMLElement | null>,
  undo: () => void,
  redo: () => void,
  held = false,
  clockFactory: () => Clock = createFrameClock,
): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const clock = clockFactory();
    let visible = true;
    if (held && store.getState().playback.playing) store.getState().pause();
    const sync = () => {
      if (store.getState().playback.playing && visible && !held) clock.start((dt) => store.getState().tick(dt));
      else clock.stop();
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playback.playing !== prev.playback.playing) sync();
    });
    let observer: IntersectionObserver | null = null;
    const el = figureRef.current;
    if (el && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver((entries) => {
        visible = entries.some((e) => e.isIntersecting);
        sync();
      });
      observer.observe(el);
    }
    const onVisibility = () => {
      visible = document.visibilityState === 'visible';
      sync();
    };
    document.addEventListener('visibilitychange', onVisibility);
    sync();
    return () => {
      unsubscribe();
      observer?.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      clock.stop();
    };
  }, [store, figureRef, clockFactory, held]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
      if (typing) return;
      const s = store.getState();
      if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
        e.preventDefault();
        if (e.key === 'y' || e.shiftKey) redo();
        else undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || held) return;
      const inGrid = target?.closest('[role="grid"]');
      const onButton = target?.tagName === 'BUTTON' || target?.tagName === 'A';
      switch (e.key) {
        case ' ':
          if (inGrid || onButton) return;
          e.preventDefault();
          s.togglePlay();
          break;
        case 'ArrowLeft':
          if (inGrid) return;
          e.preventDefault();
          s.pause();
          s.stepBy(-1);
          break;
        case 'ArrowRight':
          if (inGrid) return;
          e.preventDefault();
          s.pause();
          s.stepBy(1);
          break;
        case 'Home':
          if (inGrid) return;
          e.preventDefault();
          s.pause();
          s.setStep(0);
          break;
        case 'End':
          if (inGrid) return;
          e.preventDefault();
          s.pause();
          s.setStep(s.playback.total - 1);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, undo, redo, held]);
}

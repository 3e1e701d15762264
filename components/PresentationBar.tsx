import { useAppStore } from '../app/store/react';
import { useMessages } from '../app/useMessages';

/**
 * The teacher's way out of presentation mode, and to the lesson's settings:
 * the header is hidden while presenting, so these two buttons stay in the top
 * corner. `panels` is false where there is nothing to open (the landing page).
 */
export function PresentationBar({ panels }: { readonly panels: boolean }) {
  const t = useMessages();
  const open = useAppStore((s) => s.presentPanels);
  const setPresentation = useAppStore((s) => s.setPresentation);
  const setPresentPanels = useAppStore((s) => s.setPresentPanels);
  return (
    <nav className="present-bar" aria-label={t.nav.presentBar}>
      {panels ? (
        <button
          type="button"
          className="btn present-bar-panels"
          aria-expanded={open}
          aria-controls="lesson-side"
          onClick={() => setPresentPanels(!open)}
        >
          {t.nav.presentPanels}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn--primary"
        title={t.nav.exitPresentHint}
        aria-keyshortcuts="Escape"
        onClick={() => setPresentation(false)}
      >
        {t.nav.exitPresent}
      </button>
    </nav>
  );
}

// First, before anything reads the address: a reload reopens the edit that was still pending.
import './restorePendingLink';
// Then start fetching the linked lesson, beside the app's own code.
import './startLesson';
import './styles.css';
import { afterFirstFrame } from './prerender/afterFirstFrame';

/*
 * The page's entry, kept small on purpose. The prerendered page is already in `#root`; evaluating
 * React and the app before the browser has painted it would hold that first paint back (a
 * script that is ready when the HTML has been parsed runs before the first frame). So the app's
 * code (`boot.tsx`, fetched since the head was parsed: the build lists it as a module preload)
 * is evaluated only once a frame has been painted (`afterFirstFrame`).
 */

/** Said in place of the page when the app's own code cannot be fetched (offline on a first visit). */
function showLoadFailure(root: HTMLElement): void {
  const zh = document.documentElement.lang.startsWith('zh');
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'figure-error figure-error--page';
  message.textContent = zh
    ? 'ConvLab 的程序没能下载下来（可能是断网了）。请联网后刷新本页。'
    : 'ConvLab could not download its code (you may be offline). Connect and reload this page.';
  root.inert = false;
  root.replaceChildren(message);
}

const root = document.getElementById('root');
if (root) {
  afterFirstFrame(document, () => {
    import('./boot').then(
      ({ boot }) => boot(root),
      () => showLoadFailure(root),
    );
  });
}

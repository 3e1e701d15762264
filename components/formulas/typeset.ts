/**
 * Typesetting queue for KaTeX formulas. A formula's tree is remembered by its
 * TeX, so stepping a setting back and forth copies a tree instead of
 * typesetting it again, and formulas that do need typesetting go one per task,
 * so a key press that arrives meanwhile is handled between them.
 */

/** Trees kept, least recently used first out: a few edits' worth of every formula on a page. */
const KEPT = 48;
const trees = new Map<string, DocumentFragment>();

/** Fills `into` with the tree for `tex`, typesetting it with `render` only if none is kept. */
export function typesetInto(tex: string, into: HTMLElement, render: (tex: string, into: HTMLElement) => void): boolean {
  const kept = trees.get(tex);
  if (kept) {
    trees.delete(tex);
    trees.set(tex, kept);
    into.replaceChildren(kept.cloneNode(true));
    return false;
  }
  render(tex, into);
  const copy = document.createDocumentFragment();
  for (const node of into.childNodes) copy.append(node.cloneNode(true));
  trees.set(tex, copy);
  if (trees.size > KEPT) {
    const oldest = trees.keys().next().value;
    if (oldest !== undefined) trees.delete(oldest);
  }
  return true;
}

type Job = () => boolean;
const jobs: Job[] = [];
let running = false;

function run(): void {
  // Copies of kept trees are cheap and run together; a real typeset ends the
  // task, and anything queued after it waits for the next one.
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    if (job()) {
      setTimeout(run, 0);
      return;
    }
  }
  running = false;
}

/**
 * Queues `job` (which returns true when it did real typesetting) behind the
 * others. Returns a cancel.
 */
export function queueTypeset(job: Job): () => void {
  let live = true;
  jobs.push(() => live && job());
  if (!running) {
    running = true;
    run();
  }
  return () => {
    live = false;
  };
}

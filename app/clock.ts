/**
 * The one owner of requestAnimationFrame. A clock calls `onFrame(dtMs)` once a
 * frame while running; tests make a manual clock and call `advance` by hand.
 */
export interface Clock {
  start: (onFrame: (dtMs: number) => void) => void;
  stop: () => void;
  readonly running: boolean;
}

export function createFrameClock(
  raf: (cb: (t: number) => void) => number = (cb) => requestAnimationFrame(cb),
  caf: (id: number) => void = (id) => cancelAnimationFrame(id),
): Clock {
  let id: number | null = null;
  let last: number | null = null;
  let handler: ((dt: number) => void) | null = null;
  const frame = (t: number) => {
    const dt = last === null ? 0 : Math.min(250, t - last);
    last = t;
    handler?.(dt);
    if (handler) id = raf(frame);
  };
  return {
    start(onFrame) {
      handler = onFrame;
      if (id === null) {
        last = null;
        id = raf(frame);
      }
    },
    stop() {
      handler = null;
      if (id !== null) caf(id);
      id = null;
      last = null;
    },
    get running() {
      return id !== null;
    },
  };
}

/** A clock driven by hand: `advance(ms)` delivers one frame. */
export interface ManualClock extends Clock {
  advance: (dtMs: number) => void;
}

export function createManualClock(): ManualClock {
  let handler: ((dt: number) => void) | null = null;
  return {
    start(onFrame) {
      handler = onFrame;
    },
    stop() {
      handler = null;
    },
    get running() {
      return handler !== null;
    },
    advance(dtMs) {
      handler?.(dtMs);
    },
  };
}

/** Tasks waiting for the next painted frame; one rAF and one task serve them all. */
let waiting: (() => void)[] = [];
let scheduled = false;

function flushAfterPaint(): void {
  const tasks = waiting;
  waiting = [];
  scheduled = false;
  for (const task of tasks) task();
}

/**
 * Runs `task` once the next frame has been painted: in a task posted from that
 * frame's requestAnimationFrame callback, which the browser runs after the
 * frame's paint. Work that can wait (typesetting, off-screen matrices) goes
 * here so the frame of an edit shows the edit first. Everything queued for
 * the same frame runs in one task, so React renders it in one pass.
 * Returns a cancel.
 */
export function afterNextPaint(task: () => void): () => void {
  let live = true;
  waiting.push(() => {
    if (live) task();
  });
  if (!scheduled) {
    scheduled = true;
    if (typeof requestAnimationFrame === 'undefined') setTimeout(flushAfterPaint, 0);
    else requestAnimationFrame(() => setTimeout(flushAfterPaint, 0));
  }
  return () => {
    live = false;
  };
}

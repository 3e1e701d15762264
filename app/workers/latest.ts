/**
 * Helpers for worker jobs that a newer request makes pointless (a value being
 * dragged, a training run restarted): the newest request wins, older ones stop
 * at their next check. Shared by the photo filter and the autoencoder lesson.
 */

/** Hands out tickets; only the newest is current. */
export interface LatestGate {
  /** A ticket for a new job: it makes every earlier ticket stale. */
  enter(): () => boolean;
}

/** A gate: `enter()` returns `isCurrent`, true until the next `enter()`. */
export function createLatestGate(): LatestGate {
  let newest = 0;
  return {
    enter() {
      const ticket = ++newest;
      return () => ticket === newest;
    },
  };
}

/** Lets the event loop run queued messages (newer requests, cancels) before the caller goes on. */
export type YieldToEventLoop = () => Promise<void>;

/** A yield through a timer: works everywhere, but browsers may clamp nested timers to 4 ms. */
export const yieldByTimer: YieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A yield through a MessageChannel: a task queued behind the messages already
 * waiting, without timer clamping. For workers (it keeps a Node process
 * alive while a port is open, so tests use `yieldByTimer`).
 */
export function createMessageYield(): YieldToEventLoop {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

/**
 * What a training run has done so far (status, step, every loss, the held-out
 * PSNRs and the latest reconstruction), kept apart from the lesson's React state.
 *
 * The worker reports about five times a second; each report would otherwise
 * re-render the whole lesson (shape chain, compression panel, narrative,
 * controls) on the main thread. Instead reports wait in a queue and are folded
 * into this store once per animation frame, and only the panels that show
 * progress subscribe to it (narrow selectors), so a report costs one small
 * render of the training panel.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createFrameClock, type Clock } from '../../clock';
import type { HeldOutResult, TrainerReport, TrainerStatus } from '../../workers/autoencoderApi';

export interface TrainingProgress {
  readonly status: TrainerStatus;
  /** Adam steps since the network was made. */
  readonly step: number;
  /** Every step's loss since the network was made. */
  readonly losses: readonly number[];
  /** Held-out PSNR (dB) by step. */
  readonly psnrs: readonly { readonly step: number; readonly psnr: number }[];
  /** The latest reconstruction of the held-out photo. */
  readonly heldOut: HeldOutResult | null;
  /** Steps per second over the worker's last slice. */
  readonly stepsPerSecond: number | null;
}

export const EMPTY_PROGRESS: TrainingProgress = {
  status: 'idle',
  step: 0,
  losses: [],
  psnrs: [],
  heldOut: null,
  stepsPerSecond: null,
};

/**
 * `progress` after `reports`, in order: the losses appended once (one copy
 * for the whole batch, not one per report), a PSNR point per measured report,
 * the last reconstruction and speed that were given.
 */
export function foldReports(progress: TrainingProgress, reports: readonly TrainerReport[]): TrainingProgress {
  const last = reports.at(-1);
  if (!last) return progress;
  const losses: number[] = [];
  const psnrs: { step: number; psnr: number }[] = [];
  let heldOut = progress.heldOut;
  let stepsPerSecond = progress.stepsPerSecond;
  for (const r of reports) {
    for (const l of r.losses) losses.push(l);
    if (r.heldOut) {
      psnrs.push({ step: r.heldOut.step, psnr: r.heldOut.psnr });
      heldOut = r.heldOut;
    }
    stepsPerSecond = r.stepsPerSecond ?? stepsPerSecond;
  }
  return {
    status: last.status,
    step: last.step,
    losses: losses.length ? progress.losses.concat(losses) : progress.losses,
    psnrs: psnrs.length ? progress.psnrs.concat(psnrs) : progress.psnrs,
    heldOut,
    stepsPerSecond,
  };
}

/** The store and its queue: `push` a report, and it shows at the next frame. */
export interface ProgressFeed {
  readonly store: StoreApi<TrainingProgress>;
  push(report: TrainerReport): void;
  /** Drops any queued report and puts `progress` in the store now (a new network, an import). */
  replace(progress: TrainingProgress): void;
  /** Changes the status now (Start pressed), keeping the rest. */
  setStatus(status: TrainerStatus): void;
  dispose(): void;
}

/** A feed that folds its queue once per frame of `clock` (the browser's frames unless a test drives one by hand). */
export function createProgressFeed(clock: Clock = createFrameClock()): ProgressFeed {
  const store = createStore<TrainingProgress>()(() => EMPTY_PROGRESS);
  let queue: TrainerReport[] = [];
  const flush = () => {
    clock.stop();
    const reports = queue;
    queue = [];
    if (reports.length) store.setState(foldReports(store.getState(), reports), true);
  };
  return {
    store,
    push(report) {
      queue.push(report);
      if (!clock.running) clock.start(flush);
    },
    replace(progress) {
      queue = [];
      clock.stop();
      store.setState(progress, true);
    },
    setStatus(status) {
      if (store.getState().status !== status) store.setState({ status });
    },
    dispose() {
      queue = [];
      clock.stop();
    },
  };
}

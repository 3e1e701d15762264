import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../app/clock';
import { createProgressFeed, EMPTY_PROGRESS, foldReports } from '../../../../app/lessons/autoencoder/trainingProgress';
import type { HeldOutResult, TrainerReport } from '../../../../app/workers/autoencoderApi';

function picture(step: number, psnr: number): HeldOutResult {
  return { step, psnr, width: 1, height: 1, rgba: new Uint8ClampedArray(4) };
}

function report(step: number, losses: number[], heldOut: HeldOutResult | null = null): TrainerReport {
  return { status: 'running', step, losses, stepsPerSecond: 10, heldOut };
}

describe('training progress', () => {
  it('folds reports in order: every loss once, a PSNR point per measured report, the latest picture', () => {
    const first = picture(2, 12);
    const second = picture(5, 14);
    const p = foldReports(EMPTY_PROGRESS, [
      report(2, [0.3, 0.2], first),
      report(4, [0.1, 0.09]),
      report(5, [0.08], second),
    ]);
    expect(p.losses).toEqual([0.3, 0.2, 0.1, 0.09, 0.08]);
    expect(p.step).toBe(5);
    expect(p.psnrs).toEqual([
      { step: 2, psnr: 12 },
      { step: 5, psnr: 14 },
    ]);
    expect(p.heldOut).toBe(second);
    expect(p.status).toBe('running');
  });

  it('keeps the last picture and speed when a report brings none', () => {
    const shown = picture(1, 11);
    const before = { ...EMPTY_PROGRESS, heldOut: shown, stepsPerSecond: 7 };
    const after = foldReports(before, [{ ...report(3, [0.1]), stepsPerSecond: null, status: 'paused' }]);
    expect(after.heldOut).toBe(shown);
    expect(after.stepsPerSecond).toBe(7);
    expect(after.status).toBe('paused');
  });

  it('shows the reports of one frame together, at that frame, with one store update', () => {
    const clock = createManualClock();
    const feed = createProgressFeed(clock);
    let updates = 0;
    feed.store.subscribe(() => updates++);
    feed.push(report(1, [0.5]));
    feed.push(report(2, [0.4]));
    expect(feed.store.getState().step).toBe(0);
    clock.advance(16);
    expect(feed.store.getState().losses).toEqual([0.5, 0.4]);
    expect(updates).toBe(1);
    expect(clock.running).toBe(false);
  });

  it('drops queued reports of an old network when a new one replaces the progress', () => {
    const clock = createManualClock();
    const feed = createProgressFeed(clock);
    feed.push(report(7, [0.5]));
    feed.replace({ ...EMPTY_PROGRESS, status: 'idle' });
    clock.advance(16);
    expect(feed.store.getState().losses).toEqual([]);
    expect(feed.store.getState().step).toBe(0);
  });
});

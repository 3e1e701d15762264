import { describe, expect, it } from 'vitest';
import { createFrameClock, createManualClock } from '../../app/clock';
import { createAppStore } from '../../app/store/appStore';

describe('the playback clock', () => {
  it('a manual clock drives playback by hand, two steps per second at speed 1', () => {
    const store = createAppStore();
    const clock = createManualClock();
    store.getState().setTotal(10);
    store.getState().setStep(0);
    store.getState().play();
    clock.start((dt) => store.getState().tick(dt));
    clock.advance(250);
    expect(store.getState().playback.step).toBe(0);
    clock.advance(250);
    expect(store.getState().playback.step).toBe(1);
    store.getState().setSpeed(4);
    clock.advance(500);
    expect(store.getState().playback.step).toBe(5);
  });

  it('stops at the last step and playing again starts over', () => {
    const store = createAppStore();
    store.getState().setTotal(3);
    store.getState().play();
    store.getState().tick(5000);
    expect(store.getState().playback).toMatchObject({ step: 2, playing: false });
    store.getState().play();
    expect(store.getState().playback.step).toBe(0);
  });

  it('the frame clock owns requestAnimationFrame and stops asking for frames when stopped', () => {
    const queue: ((t: number) => void)[] = [];
    const clock = createFrameClock(
      (cb) => queue.push(cb),
      () => queue.splice(0),
    );
    const dts: number[] = [];
    clock.start((dt) => dts.push(dt));
    queue.shift()?.(1000);
    queue.shift()?.(1016);
    expect(dts).toEqual([0, 16]);
    clock.stop();
    expect(clock.running).toBe(false);
    expect(queue).toHaveLength(0);
  });
});

describe('the playback step when the figure changes size', () => {
  it('a figure shown complete stays complete; a step in the middle is kept', () => {
    const store = createAppStore();
    store.getState().setTotal(9);
    store.getState().setStep(8);
    store.getState().setTotal(16);
    expect(store.getState().playback.step).toBe(15);
    store.getState().setStep(3);
    store.getState().setTotal(4);
    expect(store.getState().playback.step).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { FINAL_STEP_MS, setTimerOnTime, type TimerClock } from '../../src/content/timer-on-time';

/**
 * A clock whose timers slip the way Firefox's timer thread lets them: a timer of delay d fires
 * at its due time plus `slip(d)`, where Firefox allows anything up to max(1, d / 8) ms.
 */
function slippingClock(slip: (delay: number) => number) {
  let now = 0;
  let nextId = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  const delays: number[] = [];
  const clock: TimerClock = {
    now: () => now,
    setTimeout(callback, ms) {
      delays.push(ms);
      const id = nextId++;
      due.set(id, { at: now + ms + slip(ms), callback });
      return id;
    },
    clearTimeout(id) {
      due.delete(id as number);
    },
  };
  /** Runs timers in order until none is left (or `until` is reached). */
  const run = (until = Infinity): void => {
    for (;;) {
      const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) return;
      due.delete(next[0]);
      now = next[1].at;
      next[1].callback();
    }
  };
  return { clock, run, delays, now: () => now, pending: () => due.size };
}

const firefoxWorstSlip = (delay: number): number => Math.max(1, delay / 8);

describe('setTimerOnTime', () => {
  it('fires exactly at the deadline when timers do not slip, in three timers for 484 ms', () => {
    const sim = slippingClock(() => 0);
    let firedAt: number | undefined;
    setTimerOnTime(() => (firedAt = sim.now()), 484, sim.clock);
    sim.run();
    expect(firedAt).toBe(484);
    expect(sim.delays).toHaveLength(3);
    expect(sim.delays.at(-1)).toBeLessThanOrEqual(FINAL_STEP_MS);
  });

  it('slips by at most an eighth of its last link when every timer slips as far as Firefox allows', () => {
    for (const delay of [16, 17, 50, 100, 484, 2000]) {
      const sim = slippingClock(firefoxWorstSlip);
      let firedAt: number | undefined;
      setTimerOnTime(() => (firedAt = sim.now()), delay, sim.clock);
      sim.run();
      expect(firedAt, `${delay} ms`).toBeGreaterThanOrEqual(delay);
      expect(firedAt, `${delay} ms`).toBeLessThanOrEqual(delay + FINAL_STEP_MS / 8);
    }
  });

  it('where one plain timer of the same delay may slip by an eighth of it', () => {
    const sim = slippingClock(firefoxWorstSlip);
    let firedAt: number | undefined;
    sim.clock.setTimeout(() => (firedAt = sim.now()), 484);
    sim.run();
    expect(firedAt).toBe(484 + 484 / 8);
  });

  it('stays within the bound for any mix of slips', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 200; trial++) {
      const sim = slippingClock((d) => random() * firefoxWorstSlip(d));
      const delay = 1 + random() * 1000;
      let firedAt: number | undefined;
      setTimerOnTime(() => (firedAt = sim.now()), delay, sim.clock);
      sim.run();
      expect(firedAt).toBeGreaterThanOrEqual(delay);
      expect(firedAt).toBeLessThanOrEqual(delay + FINAL_STEP_MS / 8);
    }
  });

  it('fires at once for a zero or negative delay', () => {
    const sim = slippingClock(() => 0);
    let fired = 0;
    setTimerOnTime(() => fired++, 0, sim.clock);
    setTimerOnTime(() => fired++, -5, sim.clock);
    sim.run();
    expect(fired).toBe(2);
    expect(sim.delays).toEqual([0, 0]);
  });

  it('is called off at any link of the chain', () => {
    for (const stopAt of [0, 100, 440, 483]) {
      const sim = slippingClock(() => 0);
      let fired = false;
      const cancel = setTimerOnTime(() => (fired = true), 484, sim.clock);
      sim.run(stopAt);
      cancel();
      sim.run();
      expect(fired, `cancelled at ${stopAt} ms`).toBe(false);
      expect(sim.pending()).toBe(0);
    }
  });
});

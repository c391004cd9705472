/**
 * A timeout that fires on time in Firefox too.
 *
 * Firefox's timer thread lets a timer of delay D fire up to D / 8 late (at least 1 ms), so that
 * it shares one wake-up with a later timer (TimerThread::ComputeAcceptableFiringDelay; the cap,
 * `timer.maximum_firing_delay_tolerance_ms`, is 10 s). Any other timer in the content process
 * due in that window pulls ours along. Set on a pointer move, a plain 484 ms timer fired 16.5 ms
 * late every time on a bare page (something of Firefox's comes due 500 ms after the move), and
 * up to 50 ms late in the benchmark while the main thread sat idle (a Firefox profile;
 * docs/performance.md, "29 November, morning").
 *
 * So a long wait runs as a short chain of timers: each link aims early enough that even at its
 * own worst slip it fires before the deadline's last FINAL_STEP_MS, and the last link, at most
 * FINAL_STEP_MS long, can slip by at most FINAL_STEP_MS / 8. For 484 ms that is three timers.
 * In Chromium the plain timer already fired on time (the benchmark's hover pairs); there the
 * chain costs two extra wake-ups.
 */

/** The last link's longest delay; Firefox lets it slip by an eighth of that (2 ms). */
export const FINAL_STEP_MS = 16;

/** Firefox's slip allowance is the delay divided by this (TimerThread.cpp). */
const SLIP_DIVIDER = 8;

export interface TimerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const browserClock: TimerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** Calls `callback` once `delayMs` have passed; returns a function that calls it off. */
export function setTimerOnTime(
  callback: () => void,
  delayMs: number,
  clock: TimerClock = browserClock,
): () => void {
  const deadline = clock.now() + delayMs;
  let id: unknown;
  const link = (): void => {
    const remaining = deadline - clock.now();
    if (remaining <= FINAL_STEP_MS) {
      id = clock.setTimeout(callback, Math.max(0, remaining));
      return;
    }
    // Fired at its worst slip (wait × 9/8), this link leaves half the last link's length.
    const aim = remaining - FINAL_STEP_MS / 2;
    id = clock.setTimeout(link, (aim * SLIP_DIVIDER) / (SLIP_DIVIDER + 1));
  };
  link();
  return () => clock.clearTimeout(id);
}

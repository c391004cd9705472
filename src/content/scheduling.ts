/**
 * Cooperative time slicing: our work runs in slices of at most SLICE_MS and then gives the
 * main thread back, so no task of ours comes near the 50 ms long-task threshold.
 */

/** Milliseconds of work per slice; leaves room under 50 ms even on a slow, shared core. */
export const SLICE_MS = 8;

/**
 * At least this often a yield goes through the timer queue (setTimeout) rather than a message,
 * so that the page's own timers get their turn.
 */
export const TIMER_TURN_MS = 32;

let lastTimerTurn = performance.now();

/**
 * Gives the main thread back with an ordinary task (a MessageChannel message): unlike
 * setTimeout it is neither clamped to 4 ms nor throttled in background tabs.
 *
 * Not `scheduler.yield()`: its continuations run ahead of the page's own queued tasks, so a
 * long scan starved the page's timers for the scan's whole length (measured on the hostile
 * 200,000-node page in Chromium: one 1.9 s gap in a 10 ms interval, against ≤ 0.7 s with
 * MessageChannel). A background scan should take turns with the page, not jump the queue.
 *
 * Messages alone are not enough in Firefox: there a chain of them kept the page's own timers
 * from running at all (measured on the same page just after load: its 10 ms interval held up
 * for 400-700 ms while our 8 ms slices ran back to back). So every TIMER_TURN_MS of a visible
 * page's time, one yield is a setTimeout, queued behind the page's timers. A hidden tab's
 * timers are throttled to about once a second; there messages only.
 */
export function yieldToMain(): Promise<void> {
  const now = performance.now();
  if (now - lastTimerTurn >= TIMER_TURN_MS && document.visibilityState === 'visible') {
    return new Promise((resolve) => {
      setTimeout(() => {
        lastTimerTurn = performance.now();
        resolve();
      }, 0);
    });
  }
  return messageTurn();
}

/** Resolves in a task of its own, queued as a message: not clamped like a chain of timers. */
export function messageTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A deadline for the current slice. */
export function sliceDeadline(): number {
  return performance.now() + SLICE_MS;
}

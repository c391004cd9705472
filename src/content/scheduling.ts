/**
 * Cooperative time slicing: our work runs in slices of at most SLICE_MS and then gives the
 * main thread back, so no task of ours comes near the 50 ms long-task threshold.
 */

/** Milliseconds of work per slice; leaves room under 50 ms even on a slow, shared core. */
export const SLICE_MS = 8;

/**
 * Gives the main thread back with an ordinary task (a MessageChannel message): unlike
 * setTimeout it is neither clamped to 4 ms nor throttled in background tabs.
 *
 * Not `scheduler.yield()`: its continuations run ahead of the page's own queued tasks, so a
 * long scan starved the page's timers for the scan's whole length (measured on the hostile
 * 200,000-node page in Chromium: one 1.9 s gap in a 10 ms interval, against ≤ 0.7 s with
 * MessageChannel). A background scan should take turns with the page, not jump the queue.
 */
export function yieldToMain(): Promise<void> {
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

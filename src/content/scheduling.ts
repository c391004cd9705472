/**
 * Cooperative time slicing: our work runs in slices of at most SLICE_MS and then gives the
 * main thread back, so no task of ours comes near the 50 ms long-task threshold.
 */

/** Milliseconds of work per slice; leaves room under 50 ms even on a slow, shared core. */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

function nativeYield(): (() => Promise<void>) | undefined {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  const method = scheduler?.yield;
  return typeof method === 'function' ? () => method.call(scheduler) : undefined;
}

/**
 * Gives the main thread back. `scheduler.yield()` keeps our continuation ahead of other queued
 * tasks (Chrome 129+, Firefox 142+); a MessageChannel message is the fallback because, unlike
 * setTimeout, it is neither clamped to 4 ms nor throttled in background tabs.
 */
export function yieldToMain(): Promise<void> {
  const native = nativeYield();
  if (native) return native().catch(() => undefined);
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

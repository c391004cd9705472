/**
 * Runs in the page. Watches, from outside, what a script does to the main thread and to the
 * highlight registry, without touching that script's code:
 * - a MessageChannel ping-pong loop: any gap between two pings longer than GAP_MS is a task (or
 *   a rendering step) that somebody else ran; on a page whose own scripts are inert, that is us;
 * - wrappers on the HighlightRegistry and Highlight mutators: the time of every registration is
 *   an output event ("all highlights registered" is the last one).
 */
/** A ping round trip costs ~10–40 µs; a gap above this is somebody else's work. */
const GAP_MS = 0.25;

export interface Interval {
  start: number;
  end: number;
}

export interface ActivityLog {
  busy: Interval[];
  outputs: number[];
  /** scheduler.yield() calls (a task of ours ends) and resumptions (one starts). */
  yields: number[];
  resumes: number[];
  /** PerformanceObserver 'longtask' entries (Chromium; ≥ 50 ms, anybody's). */
  longTasks: Interval[];
}

/**
 * scheduler.yield() continuations run ahead of other queued tasks, so the ping loop below sees a
 * sliced scan as one long gap; the yield points inside the gap are where our tasks end and start.
 */
export function wrapYield(log: ActivityLog): void {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const original = scheduler?.yield;
  if (!scheduler || typeof original !== 'function') return;
  scheduler.yield = function (this: unknown): Promise<void> {
    log.yields.push(performance.now());
    return original.call(scheduler).then(() => {
      log.resumes.push(performance.now());
    });
  };
}

export function observeLongTasks(log: ActivityLog): void {
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      log.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }).observe({ type: 'longtask' });
}

export function wrapHighlightMutators(outputs: number[]): void {
  const note = <T extends object>(proto: T, names: string[]): void => {
    for (const name of names) {
      const original = Reflect.get(proto, name) as unknown;
      if (typeof original !== 'function') continue;
      Reflect.set(proto, name, function (this: unknown, ...args: unknown[]) {
        outputs.push(performance.now());
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      });
    }
  };
  if (typeof HighlightRegistry !== 'undefined') {
    note(HighlightRegistry.prototype, ['set', 'delete', 'clear']);
  }
  if (typeof Highlight !== 'undefined') note(Highlight.prototype, ['add', 'delete', 'clear']);
}

/**
 * Pings until `isDone()` holds (then one more ping, so the task that finished the run is
 * closed as an interval) or `timeoutMs` passed.
 */
export function watchBusy(
  log: ActivityLog,
  isDone: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const channel = new MessageChannel();
  const begin = performance.now();
  let previous = begin;
  let finishing = false;
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      const now = performance.now();
      if (now - previous > GAP_MS) log.busy.push({ start: previous, end: now });
      previous = now;
      if (finishing || now - begin > timeoutMs) {
        channel.port1.close();
        resolve();
        return;
      }
      finishing = isDone();
      channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
}

/**
 * The run's tasks: the synchronous part, then every gap the pings saw until `doneAt` (the
 * content script's first `mentions-changed` message, sent when its first scan is complete),
 * each gap cut at the yield points inside it. On a page whose scripts are inert every such gap
 * is ours, apart from machine noise (preemption), which the median over runs absorbs.
 */
export function attribute(
  syncPart: Interval,
  log: ActivityLog,
  doneAt: number,
): { busyMs: number; longestMs: number; tasks: number } {
  let busyMs = syncPart.end - syncPart.start;
  let longestMs = busyMs;
  let tasks = 1;
  const cuts = [
    ...log.yields.map((at) => ({ at, kind: 'end' as const })),
    ...log.resumes.map((at) => ({ at, kind: 'start' as const })),
  ].sort((a, b) => a.at - b.at);
  const task = (start: number, end: number): void => {
    if (end <= start) return;
    busyMs += end - start;
    longestMs = Math.max(longestMs, end - start);
    tasks++;
  };
  for (const interval of log.busy) {
    const start = Math.max(interval.start, syncPart.end);
    // The interval that holds doneAt is the task that sent the message: count all of it.
    if (interval.end <= start || start >= doneAt) continue;
    let open: number | null = start;
    for (const cut of cuts) {
      if (cut.at <= start || cut.at >= interval.end) continue;
      if (cut.kind === 'end' && open !== null) {
        task(open, cut.at);
        open = null;
      } else if (cut.kind === 'start') {
        open ??= cut.at;
      }
    }
    if (open !== null) task(open, interval.end);
  }
  return { busyMs, longestMs, tasks };
}

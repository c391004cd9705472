/**
 * Runs in the page. Measures, from outside, the time from the end of the content script's hover
 * delay to the card being painted:
 * - the delay's end is the moment a timer that the content script set (its stack names the
 *   script's sourceURL) fires; setTimeout is wrapped only while a hover is measured;
 * - "shown" is the first DOM mutation after that (the card host added, or changed, or its open
 *   shadow root filled);
 * - "painted" is a message posted from the next requestAnimationFrame callback, which runs after
 *   that frame has been rendered.
 * The figure splits in three: our work (delay end → the mutation), the wait for the next frame
 * (→ the requestAnimationFrame callback; 0–16.7 ms at 60 Hz, set by where in the frame the
 * delay happened to end) and the frame's rendering (→ painted).
 */
export interface HoverResult {
  /** Pointer event → card painted, delay included. */
  totalMs: number;
  /** Delay end (our timer fired) → card painted. A hover without our timer gives no result. */
  afterDelayMs: number;
  /** Pointer event → delay end. */
  delayMs: number;
  /** Delay end → the card's first DOM mutation (our timer callback's work). */
  workMs: number;
  /** First mutation → the next frame's requestAnimationFrame callback. */
  frameWaitMs: number;
  /** That callback → painted (the frame's style, layout and paint, then one message). */
  renderMs: number;
}

export function mentionPoint(index: number): { x: number; y: number } | null {
  const ranges: AbstractRange[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('backstory')) highlight.forEach((r) => ranges.push(r));
  });
  const target = ranges[index];
  if (!target) return null;
  const range = document.createRange();
  range.setStart(target.startContainer, target.startOffset);
  range.setEnd(target.endContainer, target.endOffset);
  const el = target.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  const rect = range.getClientRects()[0];
  if (!rect || rect.width === 0) return null;
  return { x: rect.left + Math.min(rect.width / 2, 8), y: rect.top + rect.height / 2 };
}

export function armHover(scriptUrl: string, timeoutMs: number): Promise<HoverResult | null> {
  let pointerAt: number | null = null;
  let timerFiredAt: number | null = null;
  const original = window.setTimeout;
  const wrapped = (handler: TimerHandler, delay?: number, ...args: unknown[]): number => {
    const ours = typeof handler === 'function' && (new Error().stack ?? '').includes(scriptUrl);
    if (!ours) return original(handler, delay, ...args);
    return original(
      (...a: unknown[]) => {
        if (pointerAt !== null) timerFiredAt = performance.now();
        (handler as (...x: unknown[]) => void)(...a);
      },
      delay,
      ...args,
    );
  };
  window.setTimeout = wrapped as typeof window.setTimeout;
  const onPointer = (): void => {
    pointerAt ??= performance.now();
  };
  window.addEventListener('pointermove', onPointer, { capture: true });

  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const finish = (result: HoverResult | null): void => {
      for (const o of observers) o.disconnect();
      window.setTimeout = original;
      window.removeEventListener('pointermove', onPointer, { capture: true });
      resolve(result);
    };
    const timeout = original(() => finish(null), timeoutMs);
    let shown = false;
    const onMutation = (records: MutationRecord[]): void => {
      for (const r of records) {
        r.addedNodes.forEach((n) => {
          if (n instanceof Element && n.shadowRoot) watch(n.shadowRoot);
        });
      }
      if (shown || pointerAt === null || timerFiredAt === null) return;
      shown = true;
      const fired = timerFiredAt;
      const pointer = pointerAt;
      const mutated = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          clearTimeout(timeout);
          finish({
            totalMs: painted - pointer,
            afterDelayMs: painted - fired,
            delayMs: fired - pointer,
            workMs: mutated - fired,
            frameWaitMs: frame - mutated,
            renderMs: painted - frame,
          });
        };
        channel.port2.postMessage(0);
      });
    };
    const watch = (root: Node): void => {
      const o = new MutationObserver(onMutation);
      o.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
      observers.push(o);
    };
    watch(document);
    document.querySelectorAll('*').forEach((el) => {
      if (el.shadowRoot) watch(el.shadowRoot);
    });
  });
}

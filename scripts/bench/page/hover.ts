/**
 * Runs in the page. Measures, from outside, the time from the end of the content script's hover
 * delay to the card being painted:
 * - the delay's end is the pointer's arrival on the mention (the first pointermove, seen in the
 *   same dispatch as the content script's own listener) plus the delay the content script
 *   states (HOVER_OPEN_MS in src/content/hover-timing.ts);
 * - our work starts when a timer or an animation-frame callback that the content script set
 *   fires (their stacks name the script's sourceURL); setTimeout and requestAnimationFrame are
 *   wrapped only while a hover is measured;
 * - "shown" is the first DOM mutation after that which leaves the card host displayed and
 *   visible, read from its inline style (no style recalc forced): during the delay the card is
 *   staged, i.e. displayed with `visibility: hidden` (CardHost.prepare), and that is not shown;
 * - "painted": when the mutation came in one of our animation-frame callbacks (or the
 *   microtasks after it), that frame is rendered before any task that follows, so painted is a
 *   message posted right then; otherwise the mutation is rendered in the next frame, and
 *   painted is a message posted from the next requestAnimationFrame callback.
 * The figure splits in four: when our work started (against the delay's end; negative when
 *   before it), our work (→ the mutation), the wait for the next frame (→ the next frame's
 *   requestAnimationFrame callback; 0 when our work ran in a frame) and the rendering
 *   (→ painted).
 */
import { HOST_TAG } from '../../../src/content/card/host-tag';
import { messageTurn } from '../../../src/content/scheduling';

export interface HoverResult {
  /** Pointer event → card painted, delay included. */
  totalMs: number;
  /** Delay end (pointer event + the stated delay) → card painted; negative if painted before. */
  afterDelayMs: number;
  /** Delay end → our timer or frame callback started the work (negative: before the end). */
  startMs: number;
  /** That start → the card's first DOM mutation. */
  workMs: number;
  /** First mutation → the next frame's requestAnimationFrame callback; 0 in our own frame. */
  frameWaitMs: number;
  /** The frame → painted (the frame's style, layout and paint, then one message). */
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

/** Whether the card host is displayed and visible, by its inline style (set with !important). */
function hostShown(): boolean {
  const host = document.querySelector<HTMLElement>(HOST_TAG);
  if (!host) return false;
  const { style } = host;
  return (
    style.getPropertyValue('display') !== 'none' &&
    style.getPropertyValue('visibility') !== 'hidden'
  );
}

export function armHover(
  scriptUrl: string,
  delayMs: number,
  timeoutMs: number,
): Promise<HoverResult | null> {
  let pointerAt: number | null = null;
  /** When our latest timer or frame callback started, once the pointer has arrived. */
  let workStartedAt: number | null = null;
  /** Set while one of our frame callbacks' task runs (reset by the next task). */
  let inOurFrame = false;
  const ours = (handler: unknown): boolean =>
    typeof handler === 'function' && (new Error().stack ?? '').includes(scriptUrl);
  const originalTimeout = window.setTimeout;
  const originalFrame = window.requestAnimationFrame;
  const timeout = (handler: TimerHandler, delay?: number, ...args: unknown[]): number => {
    if (!ours(handler)) return originalTimeout(handler, delay, ...args);
    return originalTimeout(
      (...a: unknown[]) => {
        if (pointerAt !== null) workStartedAt = performance.now();
        (handler as (...x: unknown[]) => void)(...a);
      },
      delay,
      ...args,
    );
  };
  const frame = (callback: FrameRequestCallback): number => {
    if (!ours(callback)) return originalFrame.call(window, callback);
    return originalFrame.call(window, (time) => {
      if (pointerAt !== null) workStartedAt = performance.now();
      inOurFrame = true;
      void messageTurn().then(() => {
        inOurFrame = false;
      });
      callback(time);
    });
  };
  window.setTimeout = timeout as typeof window.setTimeout;
  window.requestAnimationFrame = frame;
  const onPointer = (): void => {
    pointerAt ??= performance.now();
  };
  window.addEventListener('pointermove', onPointer, { capture: true });

  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const finish = (result: HoverResult | null): void => {
      for (const o of observers) o.disconnect();
      window.setTimeout = originalTimeout;
      window.requestAnimationFrame = originalFrame;
      window.removeEventListener('pointermove', onPointer, { capture: true });
      resolve(result);
    };
    const giveUp = originalTimeout(() => finish(null), timeoutMs);
    let shown = false;
    const onMutation = (records: MutationRecord[]): void => {
      for (const r of records) {
        r.addedNodes.forEach((n) => {
          if (n instanceof Element && n.shadowRoot) watch(n.shadowRoot);
        });
      }
      if (shown || pointerAt === null || workStartedAt === null || !hostShown()) return;
      shown = true;
      const started = workStartedAt;
      const delayEnd = pointerAt + delayMs;
      const mutated = performance.now();
      const report = (frameAt: number): void => {
        const painted = performance.now();
        clearTimeout(giveUp);
        finish({
          totalMs: painted - (pointerAt as number),
          afterDelayMs: painted - delayEnd,
          startMs: started - delayEnd,
          workMs: mutated - started,
          frameWaitMs: frameAt - mutated,
          renderMs: painted - frameAt,
        });
      };
      // In our frame: this frame is rendered before the next task runs.
      if (inOurFrame) void messageTurn().then(() => report(mutated));
      else
        originalFrame.call(window, () => {
          const frameAt = performance.now();
          void messageTurn().then(() => report(frameAt));
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

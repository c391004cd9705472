/**
 * Page-side helpers shared by the content and card e2e tests. Page functions run in the page's
 * main world, which cannot see the content script's state: mentions are listed through the
 * message API, the card is read through its (open) shadow root.
 */
import type { MentionsReply } from '../../src/shared/messages';
import type { ExtensionSession, TestPage } from './harness';

export interface Point {
  x: number;
  y: number;
}

/**
 * Centre of the first line box of the `occurrence`-th match of `text` in the page's text,
 * scrolled into view first. Matches may cross element boundaries (split mentions).
 */
export async function pointOnText(page: TestPage, text: string, occurrence = 0): Promise<Point> {
  const point = await page.evaluate(
    (wanted: string, nth: number) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, noscript, template')) continue;
        nodes.push(node as Text);
        starts.push(all.length);
        all += (node as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= nth; i++) {
        at = all.indexOf(wanted, at + 1);
        if (at < 0) return null;
      }
      const locate = (offset: number): [Text, number] => {
        let i = starts.length - 1;
        while (i > 0 && (starts[i] as number) > offset) i--;
        return [nodes[i] as Text, offset - (starts[i] as number)];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      const [endNode, endOffset] = locate(at + wanted.length - 1);
      range.setEnd(endNode, endOffset + 1);
      const first = range.getClientRects()[0];
      if (!first) return null;
      if (first.top < 60 || first.bottom > innerHeight - 60) {
        window.scrollBy(0, first.top - innerHeight / 2);
      }
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    },
    text,
    occurrence,
  );
  if (!point) throw new Error(`"${text}" (occurrence ${occurrence}) is not on the page`);
  return point;
}

export interface CardState {
  open: boolean;
  /** The dialog's text content ('' when closed). */
  text: string;
  label: string;
  /** Whether the host is in the top layer (popover open). */
  topLayer: boolean;
  rect: { left: number; top: number; right: number; bottom: number } | null;
  /** Whether document focus is inside the card. */
  focused: boolean;
}

export function cardState(page: TestPage): Promise<CardState> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-card');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    const open = Boolean(
      host &&
      dialog &&
      getComputedStyle(host).display !== 'none' &&
      getComputedStyle(host).visibility === 'visible',
    );
    const labelId = dialog?.getAttribute('aria-labelledby');
    const label = labelId ? (host?.shadowRoot?.getElementById(labelId)?.textContent ?? '') : '';
    const rect = open && host ? host.getBoundingClientRect() : null;
    let topLayer = false;
    try {
      topLayer = Boolean(host?.matches(':popover-open'));
    } catch {
      topLayer = false;
    }
    return {
      open,
      text: open ? (dialog?.textContent ?? '') : '',
      label,
      topLayer,
      rect: rect && { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      focused: Boolean(host && document.activeElement === host),
    };
  });
}

/** Hovers `point` with the mouse and waits until the card is open (or fails). */
export async function hoverUntilOpen(page: TestPage, point: Point): Promise<CardState> {
  await page.mouse.move(point.x, point.y);
  await page.waitFor(
    () => {
      const host = document.querySelector('backstory-card');
      return Boolean(
        host &&
        getComputedStyle(host).display !== 'none' &&
        getComputedStyle(host).visibility === 'visible',
      );
    },
    { timeoutMs: 5_000 },
  );
  return cardState(page);
}

/** Moves the mouse to a corner where nothing is, closing any hover card. */
export async function moveAway(page: TestPage): Promise<void> {
  await page.mouse.move(2, 2);
}

export async function waitForClosed(page: TestPage): Promise<void> {
  await page.waitFor(
    () => {
      const host = document.querySelector('backstory-card');
      return (
        !host ||
        getComputedStyle(host).display === 'none' ||
        getComputedStyle(host).visibility === 'hidden'
      );
    },
    { timeoutMs: 5_000 },
  );
}

export function getMentions(session: ExtensionSession, page: TestPage): Promise<MentionsReply> {
  return session.sendToTab<MentionsReply>(page, { type: 'get-mentions' });
}

/** Waits until get-mentions reports `predicate` true; returns that reply. */
export async function waitForMentions(
  session: ExtensionSession,
  page: TestPage,
  predicate: (reply: MentionsReply) => boolean,
  timeoutMs = 10_000,
): Promise<MentionsReply> {
  const deadline = Date.now() + timeoutMs;
  let last: MentionsReply | undefined;
  while (Date.now() < deadline) {
    last = await getMentions(session, page);
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`mentions never matched; last reply: ${JSON.stringify(last)}`);
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the scan has settled: `predicate` holds and the mention count stays the same
 * over `quietMs` (a big page is read in slices, so an early reply can be partial).
 */
export async function waitForStableMentions(
  session: ExtensionSession,
  page: TestPage,
  predicate: (reply: MentionsReply) => boolean = (reply) => reply.active,
  quietMs = 600,
): Promise<MentionsReply> {
  let last = await waitForMentions(session, page, predicate);
  for (;;) {
    await sleep(quietMs);
    const next = await waitForMentions(session, page, predicate);
    if (next.mentions.length === last.mentions.length) return next;
    last = next;
  }
}

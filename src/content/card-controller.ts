/**
 * When the card opens and closes: hover intent for mice (open after HOVER_OPEN_MS on a
 * mention, stay while the pointer is on the mention or the card, close HOVER_CLOSE_MS after it
 * left both), taps for touch and pens, the keyboard command and the popup's "reveal" (which move
 * focus into the card), Escape and outside clicks to dismiss.
 *
 * Taps: the first tap on a mention opens its card. If that mention sits inside a link, the
 * click that follows the tap is cancelled so the reader sees the card instead of leaving the
 * page; a second tap on the same mention (its card already open) follows the link as usual.
 * Taps anywhere else are never touched.
 *
 * Re-renders: an app that replaces its text nodes (React without keys, every few hundred ms)
 * makes the scanner register the same mentions again as new records. The open card and a
 * pending open follow the copy rendered in the same place (same topic and text on the box the
 * mention had) instead of closing, and give up only when no copy turns up within
 * REFIND_GRACE_MS.
 */
import type { CardAnchor } from './card/host';
import { LazyCardHost, type CardRequest } from './card/lazy-host';
import { liveRange, mentionAtPoint, placeCentre, placeHas, placeOf } from './hit-test';
import { HOVER_OPEN_MS, OPEN_FRAME_LEAD_MS } from './hover-timing';
import type { MentionRecord, MentionRegistry } from './mention-registry';
import { setTimerOnTime } from './timer-on-time';

/** The card closes this long after the pointer left both the mention and the card. */
const HOVER_CLOSE_MS = 300;
/** At most one hit test per this many ms of pointer movement (the last move is always tested). */
const POINTER_THROTTLE_MS = 50;
/** The click a browser sends after a tap arrives well within this. */
const TAP_CLICK_WINDOW_MS = 800;
/**
 * How long a card (or pending open) whose mention was re-rendered waits for the copy to be read
 * again before it closes: the observer re-reads after 150 ms, or up to a second later on a page
 * that keeps it over its time budget, and the re-read itself takes time on a busy machine. At
 * 1000 ms (no margin over that second) a tapped card over text re-rendered every 250 ms closed
 * in 2 of 12 runs with both cores of the test machine kept busy, and in one CI run (e2e
 * card-rerender, 28 November).
 */
const REFIND_GRACE_MS = 2000;

type Opener = 'hover' | 'tap' | 'keyboard';

/** A mention the card is open on, or about to open on. */
interface Tracked {
  record: MentionRecord;
  opener: Opener;
  /** Where focus was before a keyboard-opened card took it. */
  returnFocus: Element | null;
  /** A line box of the mention (page coordinates): where a re-rendered copy is looked for. */
  place: DOMRect;
  /** When the record went stale with no copy found yet. */
  lostAt?: number;
}

interface PendingOpen extends Tracked {
  /** Calls off the wait's current timer. */
  cancelTimer?: () => void;
  /** The animation frame the card will be built in, once the first timer has fired. */
  frame?: number;
  /** The wait ended while the mention was lost: open as soon as its copy is found. */
  due?: boolean;
}

export class CardController {
  readonly #host = new LazyCardHost();
  #open: Tracked | undefined;
  #pendingOpen: PendingOpen | undefined;
  #recheckTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #throttleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastPointer: { x: number; y: number; overCard: boolean } | undefined;
  #lastHitTestAt = 0;
  #cancelClickUntil = 0;
  /** A mention (document order) to reveal once its re-rendered text has been read again. */
  #revealLater: number | undefined;
  /** Index (in document order) of the mention the keyboard command visited last. */
  #lastVisited = -1;
  #listening = false;

  readonly #registry: MentionRegistry;
  /** Returns false once the extension context is gone; the controller then does nothing. */
  readonly #alive: () => boolean;

  // #private members: esbuild shortens them, which keeps the every-page content script small.
  constructor(registry: MentionRegistry, alive: () => boolean) {
    this.#registry = registry;
    this.#alive = alive;
  }

  /** The host element, if created (the scanner and observer ignore it). */
  get hostElement(): HTMLElement | undefined {
    return this.#host.element;
  }

  start(): void {
    if (this.#listening) return;
    this.#listening = true;
    for (const [type, listener, passive] of this.#listeners()) {
      window.addEventListener(type, listener, { capture: true, passive });
    }
  }

  stop(): void {
    this.#listening = false;
    for (const [type, listener] of this.#listeners()) {
      window.removeEventListener(type, listener, { capture: true });
    }
    this.#close(false);
    this.#lastVisited = -1;
  }

  /** Event, listener, and whether it is passive (only click and keydown may be cancelled). */
  #listeners(): [string, EventListener, boolean][] {
    return [
      ['pointermove', this.#onPointerMove as EventListener, true],
      ['pointerout', this.#onPointerMove as EventListener, true],
      ['pointerdown', this.#onPointerDown as EventListener, true],
      ['pointerup', this.#onPointerUp as EventListener, true],
      ['click', this.#onClick as EventListener, false],
      ['keydown', this.#onKeyDown as EventListener, false],
    ];
  }

  /** Removes the host element too (extension switched off for good, or context invalidated). */
  destroy(): void {
    this.stop();
    this.#host.destroy();
  }

  /**
   * After a scan: moves the card and a pending open over to a re-rendered copy of their
   * mention, and closes / cancels them once it has been gone for REFIND_GRACE_MS.
   */
  forgetStale(): void {
    if (this.#revealLater !== undefined) this.reveal(this.#revealLater);
    const lost = this.#lost();
    for (const tracked of lost) {
      if (performance.now() - (tracked.lostAt ?? 0) < REFIND_GRACE_MS) continue;
      if (tracked === this.#open) this.#close(false);
      else this.#cancelPendingOpen();
    }
    const pending = this.#pendingOpen;
    if (pending?.due && !lost.includes(pending)) this.#show(pending);
    // Text read again under a resting pointer counts as the pointer arriving on it (it may have
    // come to rest in the 150 ms between a re-render and the re-read, when nothing was there).
    if (!this.#open && !this.#pendingOpen && this.#lastPointer) this.#hoverCheck();
    if (lost.length > 0 && !this.#recheckTimer) {
      this.#recheckTimer = setTimeout(() => {
        this.#recheckTimer = undefined;
        this.forgetStale();
      }, REFIND_GRACE_MS);
    }
  }

  /** Keyboard command: the mention after the last one visited, wrapping around. */
  next(): boolean {
    const mentions = this.#registry.ordered();
    if (mentions.length === 0) return false;
    const current = this.#open ? mentions.indexOf(this.#open.record) : -1;
    const from = current >= 0 ? current : this.#lastVisited;
    // Skip mentions that are not rendered (inside display:none, closed <details>): there is
    // nothing to scroll to. One layout read per skipped mention, on a key press only.
    for (let step = 1; step <= mentions.length; step++) {
      const index = (from + step) % mentions.length;
      const record = mentions[index];
      // A re-rendered one (text out of the page, not read again yet) is revealed once read.
      if (record && (!this.#isLive(record) || liveRange(record).getClientRects().length > 0)) {
        return this.reveal(index);
      }
    }
    return false;
  }

  /** Scrolls mention `index` (document order) into view and opens its card with focus in it. */
  reveal(index: number): boolean {
    const record = this.#registry.ordered()[index];
    if (!record) return false;
    this.#lastVisited = index;
    // Its text was re-rendered and not read again yet: nothing to scroll to or place a card
    // on. The re-read lists the copy at the same index (forgetStale() comes back here).
    this.#revealLater = this.#isLive(record) ? undefined : index;
    if (this.#revealLater !== undefined) return true;
    const returnFocus = this.#open?.returnFocus ?? document.activeElement;
    this.#close(false);
    const place = scrollIntoView(record);
    const pending: PendingOpen = { record, opener: 'keyboard', returnFocus, place };
    this.#pendingOpen = pending;
    this.#host.prefetch(this.#request(record), this.#anchor(pending));
    // Let the scroll settle for a frame so the card is placed against the final layout.
    requestAnimationFrame(() => {
      if (this.#pendingOpen === pending) this.#openPending();
    });
    return true;
  }

  /** The wait for `pendingOpen` is over: open it, or once its re-rendered copy is found. */
  #openPending(): void {
    const pending = this.#pendingOpen;
    if (!pending) return;
    if (this.#refind(pending)) this.#show(pending);
    else pending.due = true; // forgetStale() opens it when the copy is read
  }

  #show(tracked: Tracked): void {
    this.#cancelPendingOpen(false);
    this.#cancelClose();
    this.#open = tracked;
    tracked.lostAt = undefined;
    this.#host.show(
      this.#request(tracked.record),
      this.#anchor(tracked),
      tracked.opener === 'keyboard',
    );
  }

  #request(record: MentionRecord): CardRequest {
    return { topic: record.topic, matchedText: record.text, onClose: () => this.#close(true) };
  }

  /** Where the card points: the mention, and the line the pointer was on (keyboard: the last). */
  #anchor({ record, place }: Tracked): CardAnchor {
    return { range: liveRange(record), point: placeCentre(place) };
  }

  /** Whether the record is still registered and its text still in the page. */
  #isLive(record: MentionRecord): boolean {
    return this.#registry.has(record) && record.nodes.every((node) => node.isConnected);
  }

  /**
   * Keeps `tracked` on a live record: its own, or the copy a re-render put in its place (a
   * mention with the same topic and text under the centre of its old box). False while lost.
   */
  #refind(tracked: Tracked): boolean {
    const old = tracked.record;
    if (this.#isLive(old)) return true;
    const { x, y } = placeCentre(tracked.place);
    let copy: MentionRecord | undefined;
    try {
      copy = mentionAtPoint(this.#registry, x, y);
    } catch {
      // Hit testing on a hostile page can throw: not found.
    }
    if (copy?.topic === old.topic && copy.text === old.text) {
      tracked.record = copy;
      tracked.lostAt = undefined;
      // Same text in the same place: the card only needs its anchor moved, not a new render.
      if (tracked === this.#open) this.#host.move(this.#anchor(tracked));
      return true;
    }
    tracked.lostAt ??= performance.now();
    return false;
  }

  /** The card and the pending open whose mention is gone with no copy found (yet). */
  #lost(): Tracked[] {
    const lost: Tracked[] = [];
    for (const tracked of [this.#open, this.#pendingOpen]) {
      if (tracked && !this.#refind(tracked)) lost.push(tracked);
    }
    return lost;
  }

  #close(restoreFocus: boolean): void {
    this.#cancelPendingOpen();
    this.#cancelClose();
    const closing = this.#open;
    this.#open = undefined;
    if (!closing) return;
    // Only move focus back if it is still in the card (the reader may have moved on).
    // activeElement, not :focus-within: the latter fails while the window lacks system focus.
    const host = this.#host.element;
    const focusInCard = host !== undefined && document.activeElement === host;
    this.#host.hide();
    const target = closing.returnFocus;
    if (restoreFocus && focusInCard && target instanceof HTMLElement && target.isConnected) {
      target.focus({ preventScroll: true });
    }
  }

  #isOnCard(event: Event): boolean {
    const host = this.#host.element;
    return host !== undefined && event.composedPath().includes(host);
  }

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || !this.#alive()) return;
    // Out of the window (pointerout to nowhere): no longer resting anywhere on the page.
    const gone = event.type === 'pointerout' && !event.relatedTarget;
    this.#lastPointer = gone
      ? undefined
      : { x: event.clientX, y: event.clientY, overCard: this.#isOnCard(event) };
    const wait = this.#lastHitTestAt + POINTER_THROTTLE_MS - performance.now();
    if (wait <= 0) this.#hoverCheck();
    else if (!this.#throttleTimer) this.#throttleTimer = setTimeout(() => this.#hoverCheck(), wait);
  };

  #hoverCheck(): void {
    this.#throttleTimer = undefined;
    this.#lastHitTestAt = performance.now();
    const pointer = this.#lastPointer;
    if (!pointer) return;
    try {
      if (pointer.overCard) {
        this.#cancelClose();
        this.#cancelPendingOpen();
        return;
      }
      const lost = this.#lost();
      const record = mentionAtPoint(this.#registry, pointer.x, pointer.y);
      // Over re-rendered text that has not been read again yet: wait for the re-read.
      if (!record && lost.some(({ place }) => placeHas(place, pointer.x, pointer.y))) return;
      if (record && record === this.#open?.record) {
        this.#cancelClose();
        this.#cancelPendingOpen();
        return;
      }
      if (record) {
        const place = this.#pendingOpen?.record !== record && placeOf(record, pointer.x, pointer.y);
        if (place) {
          this.#cancelPendingOpen();
          const pending: PendingOpen = { record, opener: 'hover', returnFocus: null, place };
          const open = (): void => {
            if (this.#pendingOpen === pending) this.#openPending();
          };
          // Built in a frame callback, the card is painted in that same frame; a frame that has
          // not come by the end of the delay is not waited for (hover-timing.ts).
          pending.cancelTimer = setTimerOnTime(() => {
            pending.frame = requestAnimationFrame(open);
            pending.cancelTimer = setTimerOnTime(open, OPEN_FRAME_LEAD_MS);
          }, HOVER_OPEN_MS - OPEN_FRAME_LEAD_MS);
          // The card gets ready during the delay: rendered, laid out and placed.
          this.#host.prefetch(this.#request(record), this.#anchor(pending));
          this.#pendingOpen = pending;
        }
      } else {
        this.#cancelPendingOpen();
      }
      // A card the keyboard opened stays until dismissed: the pointer was never on it.
      if (this.#open && this.#open.opener !== 'keyboard') this.#scheduleClose();
    } catch {
      // Hit testing on a hostile page can throw; losing one hover is fine.
    }
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (!this.#open || this.#isOnCard(event)) return;
    if (event.pointerType !== 'mouse') return; // touch: decided on pointerup
    try {
      this.#lost(); // the card follows a re-rendered copy of its mention
      if (mentionAtPoint(this.#registry, event.clientX, event.clientY) === this.#open?.record) {
        return;
      }
    } catch {
      // fall through: close
    }
    this.#close(false);
  };

  readonly #onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !this.#alive() || this.#isOnCard(event)) return;
    try {
      this.#lost(); // the card follows a re-rendered copy of its mention
      const record = mentionAtPoint(this.#registry, event.clientX, event.clientY);
      const place = record && placeOf(record, event.clientX, event.clientY);
      if (!record || !place) {
        if (this.#open) this.#close(false);
        return;
      }
      if (record === this.#open?.record) return; // second tap: let the page have its click
      this.#show({ record, opener: 'tap', returnFocus: null, place });
      const link = record.range.startContainer.parentElement?.closest('a[href]');
      this.#cancelClickUntil = link ? performance.now() + TAP_CLICK_WINDOW_MS : 0;
    } catch {
      // A failed tap leaves the page's own behaviour untouched.
    }
  };

  readonly #onClick = (event: MouseEvent): void => {
    if (this.#cancelClickUntil === 0) return;
    const cancel = performance.now() < this.#cancelClickUntil;
    this.#cancelClickUntil = 0;
    if (cancel && !this.#isOnCard(event)) event.preventDefault();
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#open) return;
    // The card is on top, so this Escape is meant for it and not for the page underneath.
    event.stopPropagation();
    this.#close(true);
  };

  #scheduleClose(): void {
    this.#closeTimer ??= setTimeout(() => {
      this.#closeTimer = undefined;
      this.#close(false);
    }, HOVER_CLOSE_MS);
  }

  #cancelClose(): void {
    if (this.#closeTimer !== undefined) clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  /** Calls off the pending open; its staged card is taken down unless it is about to show. */
  #cancelPendingOpen(unstage = true): void {
    const pending = this.#pendingOpen;
    if (!pending) return;
    pending.cancelTimer?.();
    if (pending.frame !== undefined) cancelAnimationFrame(pending.frame);
    this.#pendingOpen = undefined;
    if (unstage) this.#host.unstage();
  }
}

/**
 * Centres the mention: its parent element first (this also scrolls nested scrollers), then the
 * window by the remaining distance if a tall parent left the mention itself out of view.
 * Returns its last line box (page coordinates; empty if it is not rendered).
 */
function scrollIntoView(record: MentionRecord): DOMRect {
  const parent = record.range.startContainer.parentElement;
  parent?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = liveRange(record).getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > window.innerHeight) {
    window.scrollBy({ top: rect.top - window.innerHeight / 2, behavior: 'instant' });
  }
  return placeOf(record) ?? new DOMRect();
}

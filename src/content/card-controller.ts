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
 */
import { LazyCardHost } from './card/lazy-host';
import { liveRange, mentionAtPoint } from './hit-test';
import type { MentionRecord, MentionRegistry } from './mention-registry';

/** Hover this long on a mention before its card opens (Wikipedia: 150 + 350 ms). */
const HOVER_OPEN_MS = 500;
/** The card closes this long after the pointer left both the mention and the card. */
const HOVER_CLOSE_MS = 300;
/** At most one hit test per this many ms of pointer movement (the last move is always tested). */
const POINTER_THROTTLE_MS = 50;
/** The click a browser sends after a tap arrives well within this. */
const TAP_CLICK_WINDOW_MS = 800;

type Opener = 'hover' | 'tap' | 'keyboard';

interface OpenCard {
  record: MentionRecord;
  opener: Opener;
  /** Where focus was before a keyboard-opened card took it. */
  returnFocus: Element | null;
}

export class CardController {
  private readonly host = new LazyCardHost();
  private open: OpenCard | undefined;
  private pendingOpen: { record: MentionRecord; timer: ReturnType<typeof setTimeout> } | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private throttleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPointer: { x: number; y: number; overCard: boolean } | undefined;
  private lastHitTestAt = 0;
  private cancelClickUntil = 0;
  /** Index (in document order) of the mention the keyboard command visited last. */
  private lastVisited = -1;
  private listening = false;

  constructor(
    private readonly registry: MentionRegistry,
    /** Returns false once the extension context is gone; the controller then does nothing. */
    private readonly alive: () => boolean,
  ) {}

  /** The host element, if created (the scanner and observer ignore it). */
  get hostElement(): HTMLElement | undefined {
    return this.host.element;
  }

  start(): void {
    if (this.listening) return;
    this.listening = true;
    window.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    window.addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true });
    window.addEventListener('pointerup', this.onPointerUp, { capture: true, passive: true });
    window.addEventListener('click', this.onClick, { capture: true });
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
  }

  stop(): void {
    this.listening = false;
    window.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    window.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    window.removeEventListener('pointerup', this.onPointerUp, { capture: true });
    window.removeEventListener('click', this.onClick, { capture: true });
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
    this.close(false);
    this.lastVisited = -1;
  }

  /** Removes the host element too (extension switched off for good, or context invalidated). */
  destroy(): void {
    this.stop();
    this.host.destroy();
  }

  /** Closes the card if its mention is gone from the page. */
  forgetStale(): void {
    if (this.open && !this.registry.has(this.open.record)) this.close(false);
    if (this.pendingOpen && !this.registry.has(this.pendingOpen.record)) this.cancelPendingOpen();
  }

  /** Keyboard command: the mention after the last one visited, wrapping around. */
  next(): boolean {
    const mentions = this.registry.ordered();
    if (mentions.length === 0) return false;
    const current = this.open ? mentions.indexOf(this.open.record) : -1;
    const from = current >= 0 ? current : this.lastVisited;
    // Skip mentions that are not rendered (inside display:none, closed <details>): there is
    // nothing to scroll to. One layout read per skipped mention, on a key press only.
    for (let step = 1; step <= mentions.length; step++) {
      const index = (from + step) % mentions.length;
      const record = mentions[index];
      if (record && liveRange(record).getClientRects().length > 0) return this.reveal(index);
    }
    return false;
  }

  /** Scrolls mention `index` (document order) into view and opens its card with focus in it. */
  reveal(index: number): boolean {
    const record = this.registry.ordered()[index];
    if (!record) return false;
    this.lastVisited = index;
    const returnFocus = this.open?.returnFocus ?? document.activeElement;
    this.close(false);
    scrollIntoView(record);
    // Let the scroll settle for a frame so the card is placed against the final layout.
    requestAnimationFrame(() => {
      if (!this.registry.has(record)) return;
      this.show(record, 'keyboard', undefined, returnFocus);
    });
    return true;
  }

  private show(
    record: MentionRecord,
    opener: Opener,
    point: { x: number; y: number } | undefined,
    returnFocus: Element | null = null,
  ): void {
    this.cancelPendingOpen();
    this.cancelClose();
    this.open = { record, opener, returnFocus };
    this.host.show(
      {
        topic: record.topic,
        matchedText: record.text,
        onClose: () => this.close(true),
      },
      { range: liveRange(record), point },
      opener === 'keyboard' ? (shown) => shown.dialog?.focus({ preventScroll: true }) : undefined,
    );
  }

  private close(restoreFocus: boolean): void {
    this.cancelPendingOpen();
    this.cancelClose();
    const closing = this.open;
    this.open = undefined;
    if (!closing) return;
    // Only move focus back if it is still in the card (the reader may have moved on).
    // activeElement, not :focus-within: the latter fails while the window lacks system focus.
    const host = this.host.element;
    const focusInCard = host !== undefined && document.activeElement === host;
    this.host.hide();
    const target = closing.returnFocus;
    if (restoreFocus && focusInCard && target instanceof HTMLElement && target.isConnected) {
      target.focus({ preventScroll: true });
    }
  }

  private isOnCard(event: Event): boolean {
    const host = this.host.element;
    return host !== undefined && event.composedPath().includes(host);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || !this.alive()) return;
    this.lastPointer = { x: event.clientX, y: event.clientY, overCard: this.isOnCard(event) };
    const wait = this.lastHitTestAt + POINTER_THROTTLE_MS - performance.now();
    if (wait <= 0) this.hoverCheck();
    else this.throttleTimer ??= setTimeout(() => this.hoverCheck(), wait);
  };

  private hoverCheck(): void {
    this.throttleTimer = undefined;
    this.lastHitTestAt = performance.now();
    const pointer = this.lastPointer;
    if (!pointer) return;
    try {
      if (pointer.overCard) {
        this.cancelClose();
        this.cancelPendingOpen();
        return;
      }
      const record = mentionAtPoint(this.registry, pointer.x, pointer.y);
      if (record && record === this.open?.record) {
        this.cancelClose();
        this.cancelPendingOpen();
        return;
      }
      if (record) {
        if (this.pendingOpen?.record !== record) {
          this.cancelPendingOpen();
          const point = { x: pointer.x, y: pointer.y };
          const timer = setTimeout(() => this.show(record, 'hover', point), HOVER_OPEN_MS);
          this.host.prefetch(); // the card UI loads during the hover delay
          this.pendingOpen = { record, timer };
        }
      } else {
        this.cancelPendingOpen();
      }
      // A card the keyboard opened stays until dismissed: the pointer was never on it.
      if (this.open && this.open.opener !== 'keyboard') this.scheduleClose();
    } catch {
      // Hit testing on a hostile page can throw; losing one hover is fine.
    }
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.open || this.isOnCard(event)) return;
    if (event.pointerType !== 'mouse') return; // touch: decided on pointerup
    try {
      if (mentionAtPoint(this.registry, event.clientX, event.clientY) === this.open.record) return;
    } catch {
      // fall through: close
    }
    this.close(false);
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !this.alive() || this.isOnCard(event)) return;
    try {
      const record = mentionAtPoint(this.registry, event.clientX, event.clientY);
      if (!record) {
        if (this.open) this.close(false);
        return;
      }
      if (record === this.open?.record) return; // second tap: let the page have its click
      const point = { x: event.clientX, y: event.clientY };
      this.show(record, 'tap', point);
      const link = record.range.startContainer.parentElement?.closest('a[href]');
      this.cancelClickUntil = link ? performance.now() + TAP_CLICK_WINDOW_MS : 0;
    } catch {
      // A failed tap leaves the page's own behaviour untouched.
    }
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.cancelClickUntil === 0) return;
    const cancel = performance.now() < this.cancelClickUntil;
    this.cancelClickUntil = 0;
    if (cancel && !this.isOnCard(event)) event.preventDefault();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    // The card is on top, so this Escape is meant for it and not for the page underneath.
    event.stopPropagation();
    this.close(true);
  };

  private scheduleClose(): void {
    this.closeTimer ??= setTimeout(() => {
      this.closeTimer = undefined;
      this.close(false);
    }, HOVER_CLOSE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private cancelPendingOpen(): void {
    if (this.pendingOpen) clearTimeout(this.pendingOpen.timer);
    this.pendingOpen = undefined;
  }
}

/**
 * Centres the mention: its parent element first (this also scrolls nested scrollers), then the
 * window by the remaining distance if a tall parent left the mention itself out of view.
 */
function scrollIntoView(record: MentionRecord): void {
  const parent = record.range.startContainer.parentElement;
  parent?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = liveRange(record).getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > window.innerHeight) {
    window.scrollBy({ top: rect.top - window.innerHeight / 2, behavior: 'instant' });
  }
}

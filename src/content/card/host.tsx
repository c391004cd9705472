/**
 * The one element Backstory adds to a page: a host for the card, created on first use directly
 * under <html> (inside an open modal <dialog> while showing a mention in it, see show()),
 * holding an open shadow root that Preact renders into.
 *
 * - Shadow root mode 'open': the card shows only bundled public data, so hiding it from page
 *   scripts protects nothing, while tests and assistive-technology tooling can read it.
 * - Styles: the host's own box is set inline with !important (beats any page rule aimed at it);
 *   the card's styles come as a constructed stylesheet (adoptedStyleSheets is not subject to
 *   the page's CSP); a <style> inside the shadow root is the fallback for old engines.
 * - Popover API (popover="manual" + showPopover()) puts the host in the top layer, above fixed
 *   headers and open modal dialogs; z-index 2147483647 covers browsers without it.
 */
import { computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import bundledArticles from 'virtual:articles';
import { articlesForTopic } from '../../core/articles';
import { Card, type CardProps } from './Card';
import cardCss from './card.css';
import { HOST_TAG } from './host-tag';
import { watchTopLayer, type TopLayerWatch } from './top-layer-watch';

/** What the content script asks for; the articles come with this bundle. */
export type CardRequest = Omit<CardProps, 'articles'>;

/** Gap between the mention and the card, and the least distance to the viewport's edges. */
const GAP_PX = 6;
const VIEWPORT_PADDING_PX = 8;

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'none',
  position: 'fixed',
  inset: 'auto',
  left: '0px',
  top: '0px',
  margin: '0px',
  padding: '0px',
  border: '0px',
  width: 'max-content',
  height: 'auto',
  overflow: 'visible',
  background: 'transparent',
  'z-index': '2147483647',
};

/** On the mount point while the card is shown (not while staged): starts its appear animation. */
const SHOWN_CLASS = 'shown';

/** A reference for positioning: the mention's line boxes, read when floating-ui asks. */
export interface CardAnchor {
  range: Range;
  /** Pointer position when opened by hover/tap, so `inline` picks the line under it. */
  point?: { x: number; y: number };
}

export class CardHost {
  private host: HTMLElement | undefined;
  private mountPoint: HTMLElement | undefined;
  private stopPositioning: (() => void) | undefined;
  private shown = false;
  /** Set while the card is staged in the top layer: whether anything went over it since. */
  private staged: TopLayerWatch | undefined;
  /** Where the staged card is placed ahead of its show (placeStaged()). */
  private placedAt: Placement | undefined;
  /** Topic and text of the card now in the mount point, so show() can skip rendering it again. */
  private rendered: string | undefined;
  /** The close button calls the latest request's onClose (so a new one needs no re-render). */
  private onClose: () => void = () => undefined;
  private readonly close = (): void => this.onClose();

  /** The host element, if it has been created. */
  get element(): HTMLElement | undefined {
    return this.host;
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** The card's dialog element (to move focus into), once rendered. */
  get dialog(): HTMLElement | undefined {
    return this.mountPoint?.querySelector<HTMLElement>('[role="dialog"]') ?? undefined;
  }

  /**
   * Gets a card ready while it is hidden (during the hover delay), so that show() only has to
   * make it visible: creates the host, renders the card, and stages it, i.e. displays it
   * invisibly (`visibility: hidden`: not painted, not hit, not in the accessibility tree) in the
   * top layer, where the browser lays it out in a frame of the delay, then places it at
   * `anchor` (placeStaged). That first layout (style, fonts, text shaping) otherwise falls in
   * the frame the card opens in (docs/performance.md, "29 November"). Only in the top layer: a
   * fixed-position box laid out under <html> outside it (cbde5c8) shifted a Wikipedia page's
   * multi-column list by half a pixel in Firefox. Engines without the Popover API get no
   * staging. unstage() takes the card down again when the open is called off.
   */
  prepare(request: CardRequest, anchor: CardAnchor): void {
    if (this.shown) return; // never touch a card the reader is looking at
    const host = this.ensureHost();
    if (!this.renderCard(request) || typeof host.showPopover !== 'function') return;
    setStyle(host, 'visibility', 'hidden');
    setStyle(host, 'display', 'block');
    if (!host.matches(':popover-open')) {
      host.showPopover();
      this.staged = watchTopLayer(host);
    }
    this.placeStaged(host, anchor);
  }

  /** Takes a staged card down (its open was called off); the rendered card is kept. */
  unstage(): void {
    const host = this.host;
    if (this.shown || !host) return;
    this.endStaging();
    if (typeof host.hidePopover === 'function' && host.matches(':popover-open')) {
      host.hidePopover();
    }
    setStyle(host, 'display', 'none');
  }

  /** Shows the card, with focus in it if `focus` (keyboard); not if no article covers the topic. */
  show(request: CardRequest, anchor: CardAnchor, focus = false): void {
    const host = this.ensureHost();
    if (!this.renderCard(request)) return;
    this.shown = true;
    const placed = this.takePlacement();
    const overtaken = this.endStaging();
    // A modal dialog makes everything outside it inert, our host included: over a mention in
    // a modal, the host is parked inside that dialog while the card is shown (hide() moves it
    // back), so the card can be hovered, clicked and scrolled.
    const parent = modalAround(anchor.range.startContainer) ?? document.documentElement;
    const moved = host.parentNode !== parent;
    if (moved) parent.append(host);
    setStyle(host, 'display', 'block');
    setStyle(host, 'visibility', 'visible');
    if (typeof host.showPopover === 'function') {
      // Re-entering the top layer lifts the card above a modal or popover opened since it
      // entered. A staged card nothing went over keeps its place, and the layout it got during
      // the delay (re-entering lays it out again, in the frame it opens in).
      if (host.matches(':popover-open') && overtaken) host.hidePopover();
      if (!host.matches(':popover-open')) host.showPopover();
    }
    this.mountPoint?.classList.add(SHOWN_CLASS); // the card fades in now, not while staged
    this.position(host, anchor, moved || placed === undefined || !sameAnchor(placed, anchor));
    if (focus) this.dialog?.focus({ preventScroll: true });
  }

  /**
   * Points the open card at `anchor` instead (the page re-rendered the mention's text: same
   * text, same place, new nodes). Nothing is rendered again, so nothing flickers.
   */
  move(anchor: CardAnchor): void {
    if (this.host && this.shown) this.position(this.host, anchor, true);
  }

  hide(): void {
    this.shown = false;
    this.endStaging();
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    const host = this.host;
    if (!host) return;
    if (typeof host.hidePopover === 'function' && host.matches(':popover-open')) {
      host.hidePopover();
    }
    setStyle(host, 'display', 'none');
    this.mountPoint?.classList.remove(SHOWN_CLASS);
    if (this.mountPoint) render(null, this.mountPoint);
    this.rendered = undefined;
    if (host.isConnected && host.parentNode !== document.documentElement) {
      document.documentElement.append(host);
    }
  }

  /** Removes the host from the page (teardown). */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.mountPoint = undefined;
  }

  /**
   * Places the staged card at `anchor` in the next frame: measuring there costs little the frame
   * would not do anyway (the staged card's first layout is due in it). show() at the same anchor
   * then only makes the card visible; measuring in show() forced a style recalc and a layout
   * inside the frame the card opens in, and that frame did both again for the card's new place
   * (docs/performance.md, "29 November, later"). A scroll or resize in between drops the
   * placement, and show() measures again.
   */
  private placeStaged(host: HTMLElement, anchor: CardAnchor): void {
    this.takePlacement();
    const placing: Placement = { anchor, ready: false, stop: () => undefined };
    const current = (): boolean => this.placedAt === placing;
    const drop = (): void => {
      if (current()) this.takePlacement();
    };
    const frame = requestAnimationFrame(() => {
      if (!current()) return;
      void placeCard(host, anchor).then((placed) => {
        placing.ready = placed && current();
      });
    });
    const stopListening = onScrollOrResize(drop);
    placing.stop = () => {
      cancelAnimationFrame(frame);
      stopListening();
    };
    this.placedAt = placing;
  }

  /** The anchor the staged card was placed at, if that placement still holds; clears it. */
  private takePlacement(): CardAnchor | undefined {
    const placing = this.placedAt;
    this.placedAt = undefined;
    placing?.stop();
    return placing?.ready ? placing.anchor : undefined;
  }

  /** Ends staging; true unless the card was staged with nothing gone over it since. */
  private endStaging(): boolean {
    this.takePlacement();
    const staged = this.staged;
    this.staged = undefined;
    staged?.stop();
    return staged === undefined || staged.changed();
  }

  private ensureHost(): HTMLElement {
    if (this.host?.isConnected) return this.host;
    const host = document.createElement(HOST_TAG);
    for (const [property, value] of Object.entries(HOST_STYLE)) setStyle(host, property, value);
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    document.documentElement.append(host);
    this.host = host;
    this.mountPoint = mountPoint;
    this.rendered = undefined;
    return host;
  }

  /** Renders the card for `request` unless it is already there; false if no article covers it. */
  private renderCard(request: CardRequest): boolean {
    this.onClose = request.onClose;
    const key = `${request.topic}\n${request.matchedText}`;
    if (key === this.rendered) return true;
    const articles = articlesForTopic(bundledArticles, request.topic);
    if (articles.length === 0 || !this.mountPoint) return false;
    this.takePlacement(); // a new card has a new size: its place is measured again
    render(<Card {...request} articles={articles} onClose={this.close} />, this.mountPoint);
    this.rendered = key;
    return true;
  }

  /** Keeps the card at `anchor`; `measureNow`: place it now (not already placed there). */
  private position(host: HTMLElement, anchor: CardAnchor, measureNow: boolean): void {
    this.stopPositioning?.();
    let frame = 0;
    const update = (): void => {
      frame = 0;
      void placeCard(host, anchor);
    };
    // Follow the mention while the page or any scroller scrolls, at most once per frame.
    // (floating-ui's autoUpdate does this and more, at a size the content budget cannot afford.)
    const onMove = (): void => {
      frame ||= requestAnimationFrame(update);
    };
    const stopListening = onScrollOrResize(onMove);
    // Placed ahead (placeStaged()): checked again in the next frame, after the card is
    // painted, in case the page moved the mention in the meantime.
    if (measureNow) update();
    else onMove();
    this.stopPositioning = () => {
      stopListening();
      if (frame) cancelAnimationFrame(frame);
    };
  }
}

/** A placement of the staged card (CardHost.placeStaged) and whether it has been applied. */
interface Placement {
  anchor: CardAnchor;
  ready: boolean;
  stop: () => void;
}

/** Sets the card's place next to `anchor` (reads layout); false if that failed. */
async function placeCard(host: HTMLElement, { range, point }: CardAnchor): Promise<boolean> {
  const reference = {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement:
      range.startContainer instanceof Element
        ? range.startContainer
        : (range.startContainer.parentElement ?? undefined),
  };
  try {
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(point),
        offset(GAP_PX),
        flip({ padding: VIEWPORT_PADDING_PX }),
        shift({ padding: VIEWPORT_PADDING_PX }),
      ],
    });
    // Unchanged values are not written again: a rewrite would make the frame lay the card out.
    const left = `${Math.round(x)}px`;
    const top = `${Math.round(y)}px`;
    if (host.style.getPropertyValue('left') !== left) setStyle(host, 'left', left);
    if (host.style.getPropertyValue('top') !== top) setStyle(host, 'top', top);
    return true;
  } catch {
    return false;
  }
}

/** Calls `listener` on any scroll (the page or a scroller in it) or resize; returns the undo. */
function onScrollOrResize(listener: () => void): () => void {
  const options = { capture: true, passive: true };
  window.addEventListener('scroll', listener, options);
  window.addEventListener('resize', listener, options);
  return () => {
    window.removeEventListener('scroll', listener, options);
    window.removeEventListener('resize', listener, options);
  };
}

/** Whether two anchors point at the same text from the same point. */
function sameAnchor(a: CardAnchor, b: CardAnchor): boolean {
  return (
    a.range.startContainer === b.range.startContainer &&
    a.range.startOffset === b.range.startOffset &&
    a.range.endContainer === b.range.endContainer &&
    a.range.endOffset === b.range.endOffset &&
    a.point?.x === b.point?.x &&
    a.point?.y === b.point?.y
  );
}

/** The open modal dialog around `node`, if any. */
function modalAround(node: Node): Element | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const dialog = element?.closest('dialog');
  if (!dialog) return undefined;
  try {
    return dialog.matches(':modal') ? dialog : undefined;
  } catch {
    return undefined; // engines without :modal
  }
}

function setStyle(element: HTMLElement, property: string, value: string): void {
  // CSSOM writes are allowed under any page CSP (unlike a style attribute in markup).
  element.style.setProperty(property, value, 'important');
}

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Fall through: engines without constructable stylesheets.
  }
  const style = document.createElement('style');
  style.textContent = cardCss;
  shadow.append(style);
}

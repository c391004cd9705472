import type { CardAnchor, CardHost, CardRequest } from './host';
import { loadCardUi } from './load-card-ui';

export type { CardRequest };

/**
 * Stands in for CardHost until the card UI bundle has loaded: same surface, but `show` may
 * complete a few milliseconds later (the first time), and only if nothing hid the card since.
 */
export class LazyCardHost {
  #real: CardHost | undefined;
  /** Bumped by every show/hide, so a late load does not show a card the reader left. */
  #generation = 0;
  #destroyed = false;
  /** Where the card shown last points (move() may change it while the UI still loads). */
  #anchor: CardAnchor | undefined;

  get element(): HTMLElement | undefined {
    return this.#real?.element;
  }

  /**
   * Gets the card for `request` ready ahead of need (hover delay): loads the UI, creates the
   * host, renders the card, stages it hidden and places it at `anchor` (CardHost.prepare), so
   * that only making it visible is left for show().
   */
  prefetch(request: CardRequest, anchor: CardAnchor): void {
    const generation = this.#generation;
    this.#load((host) => {
      if (generation === this.#generation) host.prepare(request, anchor);
    });
  }

  /** Takes down a card prefetched for an open that was called off (a late load stages none). */
  unstage(): void {
    this.#generation++;
    this.#real?.unstage();
  }

  /** Shows the card (with focus in it if `focus`), once the UI has loaded. */
  show(request: CardRequest, anchor: CardAnchor, focus: boolean): void {
    const generation = ++this.#generation;
    this.#anchor = anchor;
    this.#load((host) => {
      if (generation === this.#generation) host.show(request, this.#anchor ?? anchor, focus);
    });
  }

  /** Points the card (shown, or still loading) at a re-rendered copy of its mention. */
  move(anchor: CardAnchor): void {
    this.#anchor = anchor;
    this.#real?.move(anchor);
  }

  hide(): void {
    this.#generation++;
    this.#real?.hide();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#generation++;
    this.#real?.destroy();
  }

  #load(then: (host: CardHost) => void): void {
    loadCardUi()
      .then((ui) => {
        if (!this.#destroyed) then((this.#real ??= new ui.CardHost()));
      })
      .catch(() => undefined); // no card rather than an error on the page
  }
}

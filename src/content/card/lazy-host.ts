import { articlesForTopic } from '../../core/articles';
import type { CardProps } from './Card';
import type { CardAnchor, CardHost } from './host';
import { loadCardUi } from './load-card-ui';

/** What the controller knows; the articles come with the card UI bundle. */
export type CardRequest = Omit<CardProps, 'articles'>;

/**
 * Stands in for CardHost until the card UI bundle has loaded: same surface, but `show` may
 * complete a few milliseconds later (the first time), and only if nothing hid the card since.
 */
export class LazyCardHost {
  private real: CardHost | undefined;
  /** Bumped by every show/hide, so a late load does not show a card the reader left. */
  private generation = 0;
  private destroyed = false;

  get element(): HTMLElement | undefined {
    return this.real?.element;
  }

  get dialog(): HTMLElement | undefined {
    return this.real?.dialog;
  }

  /** Start loading ahead of need (the hover delay hides the load). */
  prefetch(): void {
    loadCardUi().catch(() => undefined);
  }

  /** Shows the card; `onShown` runs once it is on screen (e.g. to move focus into it). */
  show(request: CardRequest, anchor: CardAnchor, onShown?: (host: CardHost) => void): void {
    const generation = ++this.generation;
    loadCardUi()
      .then((ui) => {
        if (generation !== this.generation || this.destroyed) return;
        const articles = articlesForTopic(ui.articles, request.topic);
        if (articles.length === 0) return;
        this.real ??= new ui.CardHost();
        this.real.show({ ...request, articles }, anchor);
        onShown?.(this.real);
      })
      .catch(() => undefined); // no card rather than an error on the page
  }

  hide(): void {
    this.generation++;
    this.real?.hide();
  }

  destroy(): void {
    this.destroyed = true;
    this.generation++;
    this.real?.destroy();
  }
}

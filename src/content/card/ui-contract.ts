/**
 * The card UI (Preact, floating-ui, the card and the article data) is a second bundle,
 * card-ui.js, injected on first need so the content script that runs on every page stays small.
 * Both run in the extension's isolated world, so they meet on a global the page cannot see.
 */
import type { CardHost } from './host';

/** Symbol.for: the same key in both bundles; invisible to the page (isolated world). */
export const CARD_UI_KEY = Symbol.for('backstory.card-ui');

export interface CardUi {
  /** Comes with the article data and picks the articles for a card itself. */
  CardHost: typeof CardHost;
}

export function installedCardUi(): CardUi | undefined {
  return (globalThis as Record<symbol, CardUi | undefined>)[CARD_UI_KEY];
}

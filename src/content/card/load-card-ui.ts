import browser from '../../shared/browser';
import type { Message } from '../../shared/messages';
import { installedCardUi, type CardUi } from './ui-contract';

let loading: Promise<CardUi> | undefined;

/**
 * Resolves with the card UI, asking the background to inject card-ui.js into this frame the
 * first time. One request per page; a failed one may be retried on the next hover.
 */
export function loadCardUi(): Promise<CardUi> {
  const ready = installedCardUi();
  if (ready) return Promise.resolve(ready);
  loading ??= browser.runtime
    .sendMessage({ type: 'load-card-ui' } satisfies Message)
    .then(() => {
      const ui = installedCardUi();
      if (!ui) throw new Error('no card UI'); // card-ui.js ran but did not install it
      return ui;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

import browser from '../shared/browser';
import type { Message } from '../shared/messages';

/**
 * A loader for one of the bundles the background injects on demand (the matcher, the card UI):
 * the first call asks the background once, later calls share that request, and a failed one is
 * forgotten so the next call may try again. `installed` reads what the bundle left on the
 * isolated world's global.
 */
export function bundleLoader<T>(
  type: 'load-detector' | 'load-card-ui',
  installed: () => T | undefined,
): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    const ready = installed();
    if (ready) return Promise.resolve(ready);
    loading ??= browser.runtime
      .sendMessage({ type } satisfies Message)
      .then(() => {
        const bundle = installed();
        if (!bundle) throw new Error(`${type}: the bundle ran but installed nothing`);
        return bundle;
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
}

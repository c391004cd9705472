/**
 * What the content script in the target tab found, kept fresh: asked again when the content
 * script reports a new count (it does after every rescan, including after a settings change)
 * and, as a fallback, shortly after settings change.
 */
import { useEffect, useState } from 'preact/hooks';
import browser, { type Runtime } from '../shared/browser';
import { isMessage } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { askPage, type PageState } from './page-state';
import type { TargetTab } from './target-tab';

/**
 * While a page is still loading its content script may not be injected yet (it runs at
 * document_idle), so a missing answer is retried for this long before it counts.
 */
const LOADING_RETRY_MS = 4000;
const RETRY_INTERVAL_MS = 300;
/** Lets the content script apply a settings change before it is asked again. */
const SETTLE_MS = 250;

/**
 * `tab` is undefined while the popup is still finding its tab, and null when there is none
 * (a window without tabs the popup may see).
 */
export function usePage(
  tab: TargetTab | null | undefined,
  settings: Settings | undefined,
): PageState {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [askedAt, setAskedAt] = useState(0);
  const tabId = tab?.id;
  const tabStatus = tab?.status;

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const started = Date.now();
    const attempt = async () => {
      const reply = await askPage(tabId);
      if (!live) return;
      if (reply) {
        setState({ kind: 'ready', reply });
        return;
      }
      const mayStillLoad = tabStatus === 'loading' && Date.now() - started < LOADING_RETRY_MS;
      // One quick retry even for a loaded page: the content script may be mid-start.
      if (mayStillLoad || Date.now() - started < RETRY_INTERVAL_MS) {
        setTimeout(() => void attempt(), RETRY_INTERVAL_MS);
      } else {
        setState({ kind: 'unavailable' });
      }
    };
    void attempt();
    return () => {
      live = false;
    };
  }, [tabId, tabStatus, askedAt]);

  // Ask again when the page reports a new count.
  useEffect(() => {
    if (tabId === undefined) return;
    const listener = (message: unknown, sender: Runtime.MessageSender) => {
      if (isMessage(message) && message.type === 'mentions-changed' && sender.tab?.id === tabId) {
        setAskedAt(Date.now());
      }
      // Not ours to answer: the background replies to this message.
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId]);

  // And shortly after settings change, in case the content script reports nothing.
  useEffect(() => {
    if (tabId === undefined || settings === undefined) return;
    const timer = setTimeout(() => setAskedAt(Date.now()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [tabId, settings]);

  return tab === null ? { kind: 'unavailable' } : state;
}

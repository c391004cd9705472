/**
 * Content script entry: finds mentions on the page, highlights them with the CSS Custom
 * Highlight API and shows the context card. Every entry point is wrapped: on a page we do not
 * understand, Backstory does nothing rather than break it.
 *
 * Double injection (Firefox re-injects content scripts into open tabs when the extension is
 * updated; the old copy lingers with a dead context): a new copy announces itself with a DOM
 * event named after the extension id and older copies tear down on hearing it. No global is
 * set on the page. A page could dispatch the same event to switch Backstory off on itself,
 * which it could do by other means anyway.
 */
import browser from '../shared/browser';
import { isMessage } from '../shared/messages';
import { Backstory } from './app';
import { HOST_TAG } from './card/host-tag';
import { highlightsSupported } from './mention-registry';

function takeoverEventName(): string {
  return `backstory-takeover-${browser.runtime.id}`;
}

function main(): void {
  // No Highlight API: no highlights, and no fallback that would rewrite the page's DOM.
  if (!highlightsSupported()) return;
  if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG documents
  if (document.designMode === 'on') return; // the whole page is an editor

  const eventName = takeoverEventName();
  document.dispatchEvent(new CustomEvent(eventName));
  // A copy whose context died without tearing down (Firefox discards the old copy on an
  // update) leaves its host behind; live copies have removed theirs on the event above.
  for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    // Not async: returning undefined leaves other messages to other listeners.
    if (!isMessage(message)) return undefined;
    try {
      return app.handle(message);
    } catch {
      return undefined;
    }
  };
  const onTakeover = (): void => {
    try {
      app.teardown();
    } catch {
      // The old copy's context may be dead (extension updated); its error is not the page's.
    }
  };
  const app = new Backstory(() => {
    document.removeEventListener(eventName, onTakeover);
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The context is gone already.
    }
  });
  document.addEventListener(eventName, onTakeover);
  browser.runtime.onMessage.addListener(onMessage);
  app.start().catch(() => app.teardown());
}

try {
  main();
} catch {
  // Never throw into a page.
}

/**
 * The browser-independent half of a session: everything done through the extension API
 * from an extension page, given a way to open pages.
 */
import { extensionCallExpression, poll } from './common';
import type { ExtensionFunction, SendOptions, TestPage } from './types';

export interface SessionCore {
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Loads an extension page in `page` (Firefox needs a special dance, see firefox.ts). */
  openExtensionPage(page: TestPage, url: string): Promise<void>;
  /** Evaluates a source expression in `page` (the drivers' string form of evaluate). */
  evaluateSource(page: TestPage, source: string): Promise<unknown>;
}

export interface SessionHelpers {
  extensionOrigin: string;
  popupUrl: string;
  extensionUrl(pathname: string): string;
  openPopup(pathname?: string): Promise<TestPage>;
  extension<A extends unknown[], R>(fn: ExtensionFunction<A, R>, ...args: A): Promise<R>;
  tabId(page: TestPage): Promise<number>;
  sendToTab<R = unknown>(page: TestPage, message: unknown, options?: SendOptions<R>): Promise<R>;
  /**
   * Closes the helper page (if the browser has not already) so the next call opens a new one:
   * after an update the old page belongs to the old version. For the launchers, not for tests.
   */
  resetHelperPage(): Promise<void>;
}

export function sessionHelpers(core: SessionCore): SessionHelpers {
  const extensionUrl = (pathname: string): string =>
    `${core.extensionOrigin}/${pathname.replace(/^\//, '')}`;
  const popupUrl = extensionUrl('popup/index.html');
  let helperPage: Promise<TestPage> | undefined;

  async function openPopup(pathname = 'popup/index.html'): Promise<TestPage> {
    const page = await core.newPage();
    await core.openExtensionPage(page, extensionUrl(pathname));
    return page;
  }

  /** One extension page for the whole session, opened on first use. */
  function helper(): Promise<TestPage> {
    helperPage ??= openPopup();
    return helperPage;
  }

  async function resetHelperPage(): Promise<void> {
    const old = helperPage;
    helperPage = undefined;
    if (!old) return;
    const page = await old.catch(() => undefined);
    await page?.close().catch(() => undefined);
  }

  async function extension<A extends unknown[], R>(
    fn: ExtensionFunction<A, R>,
    ...args: A
  ): Promise<R> {
    const page = await helper();
    const source = extensionCallExpression(fn, args);
    return (await core.evaluateSource(page, source)) as R;
  }

  /**
   * Without the "tabs" permission an extension cannot read other tabs' URLs (Chromium hides
   * them even with content-script hosts), so the tab is found the way the popup finds it:
   * make it the active tab of its window, then ask for the active tab.
   */
  async function tabId(page: TestPage): Promise<number> {
    // Open the helper first: a new tab becomes the active one.
    await helper();
    await page.bringToFront();
    const id = await extension(async (api) => {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    });
    if (id === null) throw new Error(`No active tab found for ${page.url()}`);
    return id;
  }

  async function sendToTab<R>(
    page: TestPage,
    message: unknown,
    { timeoutMs = 10_000, until }: SendOptions<R> = {},
  ): Promise<R> {
    const reply = await poll(
      async () => {
        const id = await tabId(page);
        const answer = await extension(
          async (api, tab: number, msg: unknown) => {
            const value: unknown = await api.tabs.sendMessage(tab, msg);
            // Wrapped so an `undefined` reply still counts as an answer.
            return { value };
          },
          id,
          message,
        );
        return !until || until(answer.value as R) ? answer : null;
      },
      `the content script in ${page.url()} to answer ${JSON.stringify(message)}` +
        (until ? ' as expected' : ''),
      { timeoutMs, intervalMs: 200 },
    );
    return reply.value as R;
  }

  return {
    extensionOrigin: core.extensionOrigin,
    popupUrl,
    extensionUrl,
    openPopup,
    extension,
    tabId,
    sendToTab,
    resetHelperPage,
  };
}

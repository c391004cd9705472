/**
 * The uniform face of both browsers. Tests written against these types run unchanged in
 * Chromium (playwright-core) and Firefox (puppeteer-core); `raw` is there for the rest.
 */
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { BrowserContext, Page as PlaywrightPage, Worker } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import type { BrowserName } from './paths';

export type { ExtensionApi, BrowserName };

/** Page functions run in the browser: their source is sent, not their closure, so pass data as args. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;
/** Runs in an extension page with the extension API (`browser` in Firefox, `chrome` in Chromium). */
export type ExtensionFunction<A extends unknown[], R> = (
  api: ExtensionApi,
  ...args: A
) => R | Promise<R>;

/** A console error or an uncaught exception, as the driver reported it. */
export interface ReportedError {
  kind: 'console' | 'uncaught';
  text: string;
  /** Where it was seen: the page's URL, or the service worker's. */
  source: string;
}

interface PageApi {
  /**
   * Console errors and uncaught exceptions in this tab since it was opened, from the page and
   * from the extension's content scripts (both drivers report the isolated world too).
   */
  readonly errors: readonly ReportedError[];
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(...args)` in the page's main world; args and result must survive JSON. */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /** Re-runs `fn` until it returns something truthy (or throws after `timeoutMs`); returns that. */
  waitFor<A extends unknown[], R>(
    fn: PageFunction<A, R>,
    options?: { timeoutMs?: number; intervalMs?: number },
    ...args: A
  ): Promise<NonNullable<R>>;
  /** Viewport (CSS px) coordinates. */
  readonly mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  readonly keyboard: {
    /** Key names as both drivers spell them: 'Tab', 'Escape', 'Enter', 'ArrowDown', 'a'. */
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
  };
  /** A real touch tap (touchstart/touchend, pointerType 'touch'), then the browser's own click. */
  tap(x: number, y: number): Promise<void>;
  /** PNG bytes; also written to `path` when given. */
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<Uint8Array>;
  setViewport(width: number, height: number): Promise<void>;
  url(): string;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export type TestPage =
  | (PageApi & { readonly browser: 'chromium'; readonly raw: PlaywrightPage })
  | (PageApi & { readonly browser: 'firefox'; readonly raw: PuppeteerPage });

export interface SendOptions<R> {
  /** Default 10 s. */
  timeoutMs?: number;
  /** Keep asking until the reply passes, e.g. `(reply) => reply.active` while settings load. */
  until?: (reply: R) => boolean;
}

interface SessionApi {
  /** chrome-extension://ID or moz-extension://UUID (no trailing slash). */
  readonly extensionOrigin: string;
  /** The built popup opened as a tab: extensionOrigin + '/popup/index.html'. */
  readonly popupUrl: string;
  extensionUrl(pathname: string): string;
  /** A new tab (blank until goto). */
  newPage(): Promise<TestPage>;
  /** A new tab with an extension page loaded (default: the popup); the extension API is live there. */
  openPopup(pathname?: string): Promise<TestPage>;
  /**
   * Runs `fn(api, ...args)` in an extension page the harness keeps open for this purpose:
   * tabs, storage, runtime messaging, action badge — what the popup itself could do.
   */
  extension<A extends unknown[], R>(fn: ExtensionFunction<A, R>, ...args: A): Promise<R>;
  /** The extension's tab id for `page` (brings the page to the front to find it). */
  tabId(page: TestPage): Promise<number>;
  /**
   * Sends `message` to the content script in `page` and returns its reply, retrying until the
   * content script answers (it starts at document_idle) and `until(reply)` holds, if given.
   */
  sendToTab<R = unknown>(page: TestPage, message: unknown, options?: SendOptions<R>): Promise<R>;
  /** Requests the browsers made to hosts other than 127.0.0.1/localhost (all were blocked). */
  readonly outsideRequests: readonly string[];
  /**
   * Errors seen in the extension's own contexts: its pages (popup, the helper page) in both
   * browsers, and the service worker's console in Chromium. Firefox's background page is not
   * visible to the driver, so its errors are not here.
   */
  readonly extensionErrors: readonly ReportedError[];
  /**
   * Updates the extension in place, as a store update would, with tabs left open: the private
   * copy's manifest version is raised and the browser loads it again from there (Chromium: CDP
   * `Extensions.loadUnpacked`, Firefox: installing the temporary add-on again), so the old
   * version's content scripts lose their context and `runtime.onInstalled` fires with reason
   * "update". Resolves with the new version once its background answers. The browser closes the
   * extension's open pages; `extension()` opens a fresh helper page.
   */
  updateExtension(): Promise<string>;
  close(): Promise<void>;
}

export type ExtensionSession =
  | (SessionApi & {
      readonly browser: 'chromium';
      readonly raw: { context: BrowserContext; serviceWorker: Worker };
    })
  | (SessionApi & { readonly browser: 'firefox'; readonly raw: { browser: PuppeteerBrowser } });

export interface LaunchOptions {
  /** Chromium: enable touch input in the context (needed by playwright's touchscreen). Default true. */
  hasTouch?: boolean;
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** Firefox prefs / Chromium flags added to the defaults. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  chromiumArgs?: string[];
}

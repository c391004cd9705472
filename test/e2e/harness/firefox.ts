/**
 * Firefox ESR with the built extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver needed).
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { landedDespite } from '../../../scripts/lib/firefox-navigation';
import { GECKO_ID } from '../../../scripts/lib/manifest';
import {
  bumpManifestVersion,
  callExpression,
  DEFAULT_VIEWPORT,
  isLocal,
  makeScratch,
  poll,
} from './common';
import { requireBuild, requireExecutable } from './paths';
import { sessionHelpers } from './session';
import type {
  ExtensionSession,
  LaunchOptions,
  PageFunction,
  ReportedError,
  TestPage,
} from './types';

/** A dead proxy for everything but 127.0.0.1/localhost: nothing leaves the machine. */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

/**
 * Headless Firefox reports no pointer at all, so `(hover: hover)` and `(pointer: fine)` are false;
 * declare a mouse (fine | hover = 2 | 4) as a desktop user has, like headless Chromium does.
 */
const DESKTOP_POINTER_PREFS = {
  'ui.primaryPointerCapabilities': 6,
  'ui.allPointerCapabilities': 6,
};

/** The wrapper plus what only the session may do with it. */
interface FirefoxPage {
  page: TestPage;
  openExtensionPage(url: string): Promise<void>;
}

function wrapPage(page: Page, onError: (error: ReportedError) => void): FirefoxPage {
  // puppeteer's page.url() stays at the previous URL after the moz-extension:// dance below.
  let extensionUrl: string | undefined;
  const errors: ReportedError[] = [];
  const report = (error: ReportedError): void => {
    errors.push(error);
    onError(error);
  };
  // Over BiDi, content scripts' console calls and uncaught errors arrive here too.
  page.on('console', (message) => {
    if (message.type() === 'error') {
      report({ kind: 'console', text: message.text(), source: testPage.url() });
    }
  });
  page.on('pageerror', (error) => {
    const text = error instanceof Error ? error.message : String(error);
    report({ kind: 'uncaught', text, source: testPage.url() });
  });
  const evaluate = async <A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> =>
    (await page.evaluate(callExpression(fn, args))) as R;
  const testPage: TestPage = {
    browser: 'firefox',
    raw: page,
    errors,
    async goto(url) {
      extensionUrl = undefined;
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (error) {
        if (!(await landedDespite(page, url, error))) throw error;
      }
    },
    evaluate,
    // Not `this.evaluate`: tests may destructure `const { waitFor } = page`.
    waitFor: (fn, options, ...args) =>
      poll(() => evaluate(fn, ...args), `page function ${fn.name}`, options),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      // Both drivers use the same key names; puppeteer only types them as a literal union.
      press: (key) => page.keyboard.press(key as KeyInput),
      type: (text) => page.keyboard.type(text),
    },
    tap: (x, y) => page.touchscreen.tap(x, y),
    async screenshot(options = {}) {
      return page.screenshot({
        path: options.path as `${string}.png` | undefined,
        fullPage: options.fullPage ?? false,
      });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    url: () => extensionUrl ?? page.url(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
  return {
    page: testPage,
    async openExtensionPage(url) {
      await openExtensionPage(page, url);
      extensionUrl = url;
    },
  };
}

/**
 * An awaited goto to a moz-extension:// URL never resolves over BiDi, although the page loads:
 * start it, then poll until the document is the extension's and has finished loading.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  await poll(
    () =>
      page.evaluate(
        (wanted) => location.href === wanted && document.readyState === 'complete',
        url,
      ),
    `${url} to load`,
    { timeoutMs: 15_000 },
  );
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const dist = requireBuild('firefox');
  const executablePath = requireExecutable('firefox');
  const scratch = await makeScratch(dist, 'firefox');
  // Fixing the UUID up front gives the moz-extension:// origin without asking the browser.
  const uuid = randomUUID();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: scratch.profile,
      defaultViewport: options.viewport ?? DEFAULT_VIEWPORT,
      // Lets the driver open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...OFFLINE_PREFS,
        ...DESKTOP_POINTER_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        ...options.firefoxPrefs,
      },
    });
    const b = browser;
    await b.installExtension(scratch.extension);
    const extensionOrigin = `moz-extension://${uuid}`;

    const outsideRequests: string[] = [];
    const extensionErrors: ReportedError[] = [];
    const wrappers = new WeakMap<TestPage, FirefoxPage>();
    let spare: Page | undefined = (await b.pages())[0];
    const newPage = async (): Promise<TestPage> => {
      const page = spare ?? (await b.newPage());
      spare = undefined;
      page.on('request', (request) => {
        if (!isLocal(request.url())) outsideRequests.push(request.url());
      });
      const wrapper = wrapPage(page, (error) => {
        if (error.source.startsWith(`${extensionOrigin}/`)) extensionErrors.push(error);
      });
      wrappers.set(wrapper.page, wrapper);
      return wrapper.page;
    };
    const { resetHelperPage, ...helpers } = sessionHelpers({
      extensionOrigin,
      newPage,
      openExtensionPage: async (page, url) => {
        const wrapper = wrappers.get(page);
        if (!wrapper) throw new Error('Not a page of this Firefox session');
        await wrapper.openExtensionPage(url);
      },
      evaluateSource: (page, source) => (page.raw as Page).evaluate(source),
    });
    return {
      browser: 'firefox',
      raw: { browser: b },
      ...helpers,
      newPage,
      outsideRequests,
      extensionErrors,
      async updateExtension() {
        const version = await bumpManifestVersion(scratch.extension);
        // Installing a temporary add-on with the id of an installed one upgrades it in place.
        await b.installExtension(scratch.extension);
        await resetHelperPage();
        await poll(
          () =>
            helpers.extension(
              // Runs in the extension page: the version travels as an argument.
              (api, wanted: string) => api.runtime.getManifest().version === wanted,
              version,
            ),
          `version ${version}'s extension pages`,
          { timeoutMs: 15_000 },
        );
        return version;
      },
      async close() {
        await b.close().catch(() => undefined);
        await scratch.remove();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await scratch.remove();
    throw error;
  }
}

/**
 * Chromium with the built extension, driven by playwright-core over CDP. Debian's chromium
 * still honours --load-extension (branded Chrome 137+ dropped it).
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
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

const FLAGS = [
  // Root in a container has no user namespaces for the sandbox.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  // Lets the harness load the extension again over CDP (Extensions.loadUnpacked) to update it
  // in place; runtime.reload() of a --load-extension copy does not come back here.
  '--enable-unsafe-extension-debugging',
  // Every host name fails to resolve except the test server's: nothing leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

function wrapPage(page: Page, context: BrowserContext): TestPage {
  const errors: ReportedError[] = [];
  // Content scripts' console calls and uncaught errors arrive here too (isolated worlds).
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push({ kind: 'console', text: message.text(), source: page.url() });
    }
  });
  page.on('pageerror', (error) => {
    errors.push({ kind: 'uncaught', text: String(error.message), source: page.url() });
  });
  const evaluate = async <A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> =>
    (await page.evaluate(callExpression(fn, args))) as R;
  return {
    browser: 'chromium',
    raw: page,
    errors,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
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
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
    },
    async tap(x, y) {
      // CDP touch input works without playwright's hasTouch emulation, which would also
      // switch the page's (hover)/(pointer) media features and so change what we test.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    },
    async screenshot(options = {}) {
      return page.screenshot({ path: options.path, fullPage: options.fullPage ?? false });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    url: () => page.url(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const dist = requireBuild('chromium');
  const executablePath = requireExecutable('chromium');
  const scratch = await makeScratch(dist, 'chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(scratch.profile, {
      executablePath,
      headless: true,
      viewport: options.viewport ?? DEFAULT_VIEWPORT,
      args: [
        ...FLAGS,
        `--disable-extensions-except=${scratch.extension}`,
        `--load-extension=${scratch.extension}`,
        ...(options.chromiumArgs ?? []),
      ],
    });
    const ctx = context;
    const serviceWorker =
      ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    // URL.origin is "null" for non-special schemes such as chrome-extension:.
    const extensionOrigin = `chrome-extension://${new URL(serviceWorker.url()).host}`;

    const outsideRequests: string[] = [];
    ctx.on('request', (request) => {
      if (!isLocal(request.url())) outsideRequests.push(request.url());
    });

    const extensionErrors: ReportedError[] = [];
    const isOurs = (url: string): boolean => url.startsWith(`${extensionOrigin}/`);
    ctx.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Without a page the message comes from a worker: the extension's service worker.
      const source = message.page()?.url() ?? message.location().url;
      if (!message.page() || isOurs(source)) {
        extensionErrors.push({ kind: 'console', text: message.text(), source });
      }
    });
    ctx.on('weberror', (webError) => {
      const source = webError.page()?.url() ?? '';
      if (isOurs(source)) {
        extensionErrors.push({ kind: 'uncaught', text: webError.error().message, source });
      }
    });
    // The newest worker is the running version's (an updated extension starts a new one).
    const currentWorker = (): Worker =>
      ctx
        .serviceWorkers()
        .filter((worker) => isOurs(worker.url()))
        .at(-1) ?? serviceWorker;

    // Playwright opens the persistent context with one blank tab; reuse it first.
    let spare: Page | undefined = ctx.pages()[0];
    const newPage = async (): Promise<TestPage> => {
      const page = spare ?? (await ctx.newPage());
      spare = undefined;
      return wrapPage(page, ctx);
    };
    const { resetHelperPage, ...helpers } = sessionHelpers({
      extensionOrigin,
      newPage,
      openExtensionPage: (page, url) => page.goto(url),
      evaluateSource: (page, source) => (page.raw as Page).evaluate(source),
    });
    return {
      browser: 'chromium',
      raw: {
        context: ctx,
        // Chromium stops an idle service worker and starts a new one on the next event.
        get serviceWorker() {
          return currentWorker();
        },
      },
      ...helpers,
      newPage,
      outsideRequests,
      extensionErrors,
      async updateExtension() {
        const version = await bumpManifestVersion(scratch.extension);
        const browser = ctx.browser();
        if (!browser) throw new Error('No browser behind the persistent context');
        const cdp = await browser.newBrowserCDPSession();
        try {
          // The same folder gives the same id: Chromium replaces the installed version.
          await cdp.send('Extensions.loadUnpacked', { path: scratch.extension });
        } finally {
          await cdp.detach().catch(() => undefined);
        }
        await resetHelperPage();
        await poll(
          async () => {
            const worker = currentWorker();
            const running = await worker.evaluate(
              () =>
                (
                  globalThis as unknown as {
                    chrome: { runtime: { getManifest(): { version: string } } };
                  }
                ).chrome.runtime.getManifest().version,
            );
            return running === version;
          },
          `version ${version}'s service worker`,
          { timeoutMs: 15_000 },
        );
        return version;
      },
      async close() {
        await ctx.close().catch(() => undefined);
        await scratch.remove();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await scratch.remove();
    throw error;
  }
}

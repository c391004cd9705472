/**
 * Launches the browser under test WITHOUT the extension (the content script is injected into
 * each page by the benchmark, see docs/performance.md), headless, with every host but
 * 127.0.0.1 unreachable. One driver (puppeteer-core) for both: CDP for Chromium, WebDriver BiDi
 * for Firefox.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr',
};

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  // A background tab's timers are throttled; the benchmark tab must never count as one.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  // Every host name fails to resolve except ours: nothing leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** A dead proxy for everything but 127.0.0.1, and full timer precision. */
const FIREFOX_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'privacy.reduceTimerPrecision': false,
  'dom.min_background_timeout_value': 4,
};

export interface BenchBrowser {
  name: BrowserName;
  version: string;
  /** The page under test; a new one after each freshPage(). */
  readonly page: Page;
  /**
   * Replaces the page with one in a new browser context, so the next page loaded runs in a
   * renderer process of its own: V8 starts with no compiled code and no compiled regular
   * expressions, as on a reader's first visit to a site. Checked in Chromium (each new context
   * had new renderer process ids); in Firefox a context is a container, not checked there.
   */
  freshPage(): Promise<void>;
  /** Chromium only: live JS heap after a full GC, in bytes. */
  heapUsed(): Promise<number | null>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 800 };

export async function launch(name: BrowserName): Promise<BenchBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), `backstory-bench-${name}-`));
  let browser: Browser;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      userDataDir: profile,
      args: CHROMIUM_FLAGS,
      defaultViewport: VIEWPORT,
    });
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: FIREFOX_PREFS,
      defaultViewport: VIEWPORT,
    });
  }
  let page = (await browser.pages())[0] ?? (await browser.newPage());
  let context: BrowserContext | null = null;
  let cdp = name === 'chromium' ? await page.createCDPSession() : null;
  return {
    name,
    version: await browser.version(),
    get page() {
      return page;
    },
    async freshPage() {
      const next = await browser.createBrowserContext();
      const nextPage = await next.newPage();
      await nextPage.setViewport(VIEWPORT);
      // The launch page stays open (closing a browser's last page may end it); later ones go.
      await context?.close().catch(() => undefined);
      context = next;
      page = nextPage;
      cdp = name === 'chromium' ? await page.createCDPSession() : null;
    },
    async heapUsed() {
      if (!cdp) return null;
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

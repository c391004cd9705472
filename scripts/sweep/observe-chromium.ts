/**
 * Chromium: which errors and requests come from the extension.
 * - Requests: CDP Network.requestWillBeSent on the sweep's tab names each request's initiator;
 *   a request counts as ours when a chrome-extension:// frame is on its initiator stack (a
 *   content-script fetch) or its initiator URL is ours. Playwright reports the service worker's
 *   requests (`request.serviceWorker()`) and those of extension pages (the frame URL is ours).
 * - Errors: console errors whose source is chrome-extension://, uncaught errors whose stack
 *   names it (pages and the service worker), and "Extension context invalidated" anywhere.
 * - Our own packaged files in the tab (`files`, with `{ files: true }`): scripts the debugger
 *   sees parsed from chrome-extension:// URLs (content.js, and detector.js / card-ui.js, which
 *   the background injects with scripting.executeScript: no network event at all), and any
 *   chrome-extension:// URL of ours the tab requests. These are package reads, not network
 *   requests, and are reported apart from them.
 */
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';
import type { ExtensionSession, TestPage } from '../../test/e2e/harness';
import {
  CONTEXT_INVALIDATED,
  isNetworkUrl,
  ownFilePath,
  type Attributed,
  type Observer,
} from './observer';

interface Initiator {
  type: string;
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] };
}

function stackUrls(stack: Initiator['stack']): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) urls.push(...s.callFrames.map((f) => f.url));
  return urls;
}

/** The service worker cannot be reached over CDP from playwright: report its uncaught errors
 * through its console, which playwright does forward. */
async function instrumentWorker(worker: Worker): Promise<void> {
  await worker
    .evaluate(() => {
      const scope = self as unknown as {
        __sweepHooked?: boolean;
        addEventListener(type: string, fn: (event: Event) => void): void;
      };
      if (scope.__sweepHooked) return;
      scope.__sweepHooked = true;
      scope.addEventListener('error', (event) => {
        const e = event as ErrorEvent;
        console.error(`Uncaught in service worker: ${e.message} (${e.filename}:${e.lineno})`);
      });
      scope.addEventListener('unhandledrejection', (event) => {
        const reason = (event as PromiseRejectionEvent).reason as { stack?: string } | undefined;
        console.error(`Unhandled rejection in service worker: ${reason?.stack ?? String(reason)}`);
      });
    })
    .catch(() => undefined);
}

export interface ChromiumObserverOptions {
  /** Record our packaged files loaded into the tab (turns on the CDP debugger for the tab,
   * which only listens: no breakpoints, pauses skipped). Off by default. */
  files?: boolean;
}

export async function observeChromium(
  session: ExtensionSession,
  page: TestPage,
  options: ChromiumObserverOptions = {},
): Promise<Observer> {
  if (session.browser !== 'chromium' || page.browser !== 'chromium') {
    throw new Error('observeChromium needs a Chromium session');
  }
  const context: BrowserContext = session.raw.context;
  const ours = session.extensionOrigin;
  const fresh = (): Attributed => ({ errors: [], requests: [], files: options.files ? [] : null });
  let pending = fresh();

  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    if (source.startsWith(ours) || CONTEXT_INVALIDATED.test(message.text())) {
      pending.errors.push(`console: ${message.text()} (${source})`);
    }
  };
  const onWorker = (worker: Worker): void => {
    if (!worker.url().startsWith(ours)) return;
    worker.on('console', (message) => {
      if (message.type() === 'error') pending.errors.push(`service worker: ${message.text()}`);
    });
    void instrumentWorker(worker);
  };
  // Context-wide console covers every tab and extension page; workers report on their own.
  context.on('console', (message) => {
    if (!message.worker()) onConsole(message);
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    const text = `${error.message}\n${error.stack ?? ''}`;
    if (text.includes(ours) || CONTEXT_INVALIDATED.test(text)) {
      pending.errors.push(`uncaught: ${error.stack ?? error.message}`);
    }
  });
  context.serviceWorkers().forEach(onWorker);
  context.on('serviceworker', onWorker);
  context.on('request', (request) => {
    if (!isNetworkUrl(request.url())) return;
    const worker = request.serviceWorker();
    if (worker) {
      if (worker.url().startsWith(ours)) pending.requests.push(`service worker: ${request.url()}`);
      return;
    }
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      return;
    }
    if (frameUrl.startsWith(ours)) pending.requests.push(`extension page: ${request.url()}`);
  });

  const raw: Page = page.raw;
  const cdp = await context.newCDPSession(raw);
  cdp.on('Network.requestWillBeSent', (event) => {
    const url = event.request.url;
    const file = ownFilePath(url, ours);
    if (file !== null) pending.files?.push(`${file} (requested)`);
    if (!isNetworkUrl(url)) return;
    const initiator = event.initiator as Initiator;
    const urls = [initiator.url ?? '', ...stackUrls(initiator.stack)];
    if (urls.some((u) => u.startsWith(ours))) pending.requests.push(`content script: ${url}`);
  });
  await cdp.send('Network.enable');
  if (options.files) {
    cdp.on('Debugger.scriptParsed', (event) => {
      const file = ownFilePath(event.url, ours);
      if (file !== null) pending.files?.push(file);
    });
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.setSkipAllPauses', { skip: true });
  }

  return {
    method:
      'Chromium: CDP initiator stacks on the tab, playwright service-worker and extension-page requests; ' +
      'console errors and uncaught errors whose source is chrome-extension://' +
      (options.files
        ? '; own packaged files in the tab (not requests): CDP Debugger.scriptParsed and chrome-extension:// request URLs'
        : ''),
    take() {
      const taken = pending;
      pending = fresh();
      return taken;
    },
    async dispose() {
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Runs the sweep over a list of corpus pages in one browser with the built extension. */
import {
  launchExtension,
  startServer,
  type BrowserName,
  type ExtensionSession,
  type TestServer,
} from '../../test/e2e/harness';
import type { CorpusPage } from './corpus';
import { replayWithoutExtension } from './control';
import { observeChromium } from './observe-chromium';
import { observeFirefox } from './observe-firefox';
import type { Observer } from './observer';
import { PROBE_PATH } from './prepare';
import { probeSource } from './probe';
import { proxyPrefs, startLoggingProxy, type LoggingProxy } from './proxy';
import type { PageResult } from './result';
import { visit } from './visit';

export interface SweepOptions {
  browser: BrowserName;
  pages: readonly CorpusPage[];
  /** Called after each page (progress output). */
  onPage?: (result: PageResult, index: number) => void;
}

export interface SweepRun {
  results: PageResult[];
  /** How errors and requests were attributed to the extension in this browser. */
  method: string;
}

export async function runSweep(options: SweepOptions): Promise<SweepRun> {
  let server: TestServer | undefined;
  let proxy: LoggingProxy | undefined;
  let session: ExtensionSession | undefined;
  let observer: Observer | undefined;
  try {
    server = await startServer();
    server.route(PROBE_PATH, { body: probeSource(), contentType: 'text/javascript' });
    if (options.browser === 'firefox') {
      proxy = await startLoggingProxy();
      session = await launchExtension('firefox', { firefoxPrefs: proxyPrefs(proxy.port) });
    } else {
      session = await launchExtension('chromium');
    }
    const page = await session.newPage();
    observer =
      options.browser === 'firefox' && proxy
        ? observeFirefox(session, page, proxy)
        : await observeChromium(session, page);
    // Whatever the extension did while starting up is reported with the first page.
    const results: PageResult[] = [];
    for (const [index, corpusPage] of options.pages.entries()) {
      const result = await visit({ session, page, server, observer }, corpusPage);
      results.push(result);
      options.onPage?.(result, index);
    }
    if (options.browser === 'chromium') await replayWithoutExtension(results);
    return { results, method: observer.method };
  } finally {
    await observer?.dispose();
    await session?.close();
    await proxy?.close();
    await server?.close();
  }
}

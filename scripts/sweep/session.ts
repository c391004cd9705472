/**
 * A browser with the built extension, a tab, a 127.0.0.1 server and an observer that
 * attributes errors and requests to the extension: what the sweep and the hostile-page tests
 * share. Firefox gets the logging proxy (proxy.ts) instead of the harness's dead one.
 */
import {
  launchExtension,
  startServer,
  type BrowserName,
  type ExtensionSession,
  type TestPage,
  type TestServer,
} from '../../test/e2e/harness';
import { observeChromium } from './observe-chromium';
import { observeFirefox } from './observe-firefox';
import type { Observer } from './observer';
import { proxyPrefs, startLoggingProxy, type LoggingProxy } from './proxy';

export interface WatchedSession {
  session: ExtensionSession;
  page: TestPage;
  server: TestServer;
  observer: Observer;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Chromium: also record our packaged files loaded into the tab (observe-chromium.ts). */
  files?: boolean;
}

export async function startWatchedSession(
  browser: BrowserName,
  options: WatchOptions = {},
): Promise<WatchedSession> {
  let server: TestServer | undefined;
  let proxy: LoggingProxy | undefined;
  let session: ExtensionSession | undefined;
  try {
    server = await startServer();
    if (browser === 'firefox') {
      proxy = await startLoggingProxy();
      session = await launchExtension('firefox', { firefoxPrefs: proxyPrefs(proxy.port) });
    } else {
      session = await launchExtension('chromium');
    }
    const page = await session.newPage();
    const observer =
      browser === 'firefox' && proxy
        ? observeFirefox(session, page, proxy)
        : await observeChromium(session, page, { files: options.files });
    const opened = { session, server, proxy };
    return {
      session,
      page,
      server,
      observer,
      async close() {
        await observer.dispose();
        await opened.session.close();
        await opened.proxy?.close();
        await opened.server.close();
      },
    };
  } catch (error) {
    await session?.close();
    await proxy?.close();
    await server?.close();
    throw error;
  }
}

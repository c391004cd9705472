/**
 * The set-up most e2e suites share: in `beforeAll` a server, `browser` with the built extension
 * and one tab; in `afterAll` both closed again. Call it at the top of a `describe` body:
 *
 *   const ext = useExtensionSession(browser);
 *   it('…', async () => {
 *     await ext.page.goto(ext.server.url('/fixtures/pages/seed.html'));
 *   });
 *
 * The handle's fields are read lazily: they exist once the `beforeAll` has run.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  launchExtension,
  startServer,
  type BrowserName,
  type ExtensionSession,
  type LaunchOptions,
  type TestPage,
  type TestServer,
} from './harness';

export interface ExtensionHandle {
  readonly server: TestServer;
  readonly session: ExtensionSession;
  /** The tab opened in `beforeAll` (none with `page: false`). */
  readonly page: TestPage;
}

export interface ExtensionSessionOptions {
  /** Passed to launchExtension (Firefox prefs, Chromium flags, viewport). */
  launch?: LaunchOptions;
  /** Whether to open a tab in `beforeAll`; default true. */
  page?: boolean;
  /** More set-up, run at the end of the same `beforeAll` (so under the same hook timeout). */
  setup?: (handle: ExtensionHandle) => Promise<void>;
}

/** Registers the suite's `beforeAll`/`afterAll` and returns a handle to what they open. */
export function useExtensionSession(
  browser: BrowserName,
  options: ExtensionSessionOptions = {},
): ExtensionHandle {
  let server: TestServer | undefined;
  let session: ExtensionSession | undefined;
  let page: TestPage | undefined;

  function ready<T>(value: T | undefined, name: string): T {
    if (value === undefined) {
      throw new Error(
        options.page === false && name === 'page'
          ? 'useExtensionSession(…, { page: false }) opens no page'
          : `${name} is not there yet: use it in a test or hook, after the beforeAll`,
      );
    }
    return value;
  }

  const handle: ExtensionHandle = {
    get server() {
      return ready(server, 'server');
    },
    get session() {
      return ready(session, 'session');
    },
    get page() {
      return ready(page, 'page');
    },
  };

  beforeAll(async () => {
    server = await startServer();
    session = await launchExtension(browser, options.launch);
    if (options.page !== false) page = await session.newPage();
    await options.setup?.(handle);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  return handle;
}

/**
 * Real-browser test harness: one API for Chromium and Firefox with the built extension loaded.
 *
 *   const server = await startServer();
 *   const session = await launchExtension('firefox');
 *   const page = await session.newPage();
 *   await page.goto(server.route('/t.html', '<p>CSTO</p>'));
 *   const reply = await session.sendToTab(page, { type: 'get-mentions' });
 *
 * See README.md ("Tests") for what each piece does.
 */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName } from './paths';
import type { ExtensionSession, LaunchOptions } from './types';

export { startServer, type Route, type ServerOptions, type TestServer } from './server';
export {
  BROWSERS,
  CORPUS_PAGES,
  DIST,
  FIXTURES,
  ROOT,
  SHARED,
  distDir,
  requireBuild,
} from './paths';
export { poll } from './common';
export type * from './types';

/** Starts `browser` with a fresh profile and the built extension; call `close()` when done. */
export function launchExtension(
  browser: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  return browser === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

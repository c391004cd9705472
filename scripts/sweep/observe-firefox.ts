/**
 * Firefox: which errors and requests come from the extension.
 * - Requests: every non-local request goes through the sweep's logging proxy (proxy.ts). One
 *   is ours when it carries a moz-extension:// Origin, or when it is neither Firefox's own
 *   service traffic nor explained by the page (its host appears nowhere in the page's HTML:
 *   with the page's scripts off, the page can only load what its markup names).
 * - Errors: console errors and uncaught errors in the tab whose source is moz-extension://, and
 *   Firefox's own log on stderr ("JavaScript error: moz-extension://…"), which is the only place
 *   the background page's uncaught errors show up (BiDi does not expose that page).
 * - Our own packaged files (detector.js, card-ui.js injected by scripting.executeScript) are
 *   read from the package and never reach the network or the proxy, so they cannot be counted
 *   as requests here; nor can they be seen at all (`files: null`).
 */
import type { ExtensionSession, TestPage } from '../../test/e2e/harness';
import { CONTEXT_INVALIDATED, type Attributed, type Observer } from './observer';
import { isBrowserService, type LoggingProxy } from './proxy';

export function observeFirefox(
  session: ExtensionSession,
  page: TestPage,
  proxy: LoggingProxy,
): Observer {
  if (session.browser !== 'firefox' || page.browser !== 'firefox') {
    throw new Error('observeFirefox needs a Firefox session');
  }
  const ours = session.extensionOrigin;
  let errors: string[] = [];
  let seen = proxy.requests.length;

  page.raw.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url ?? '';
    if (source.startsWith(ours) || CONTEXT_INVALIDATED.test(message.text())) {
      errors.push(`console: ${message.text()} (${source})`);
    }
  });
  page.raw.on('pageerror', (error) => {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    if (text.includes(ours) || CONTEXT_INVALIDATED.test(text)) errors.push(`uncaught: ${text}`);
  });

  const stderr = session.raw.browser.process()?.stderr;
  let partial = '';
  const onData = (chunk: Buffer | string): void => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (/^JavaScript error: moz-extension:\/\//.test(line) || CONTEXT_INVALIDATED.test(line)) {
        errors.push(`firefox log: ${line.trim()}`);
      }
    }
  };
  stderr?.on('data', onData);

  return {
    method:
      'Firefox: a logging proxy for every non-local request (ours = moz-extension Origin, or a host ' +
      "neither Firefox's nor named in the page's HTML); console/uncaught errors from moz-extension:// " +
      'in the tab and in Firefox’s stderr log; own packaged files (moz-extension://) never reach ' +
      'the proxy and are not observed',
    take(pageSource) {
      const requests: string[] = [];
      for (const request of proxy.requests.slice(seen)) {
        if (request.origin?.startsWith('moz-extension://')) {
          requests.push(`extension origin: ${request.url}`);
        } else if (!isBrowserService(request.host) && !pageSource.includes(request.host)) {
          requests.push(`unexplained by the page: ${request.url}`);
        }
      }
      seen = proxy.requests.length;
      const taken: Attributed = { errors, requests, files: null };
      errors = [];
      return taken;
    },
    async dispose() {
      stderr?.off('data', onData);
    },
  };
}

/**
 * Brings the content script to tabs that were already open when the extension was installed or
 * updated. Chrome injects manifest content scripts only into documents loaded after that, so
 * without this an open article loses its highlights (the old copy tears itself down, see
 * src/content/index.ts) until the reader reloads it. uBlock Origin and Dark Reader do the same.
 *
 * Firefox injects manifest content scripts into matching open tabs by itself at install,
 * update and reload; injecting there as well would start a second copy for nothing (the
 * content script's takeover protocol would still leave only one running).
 */
import browser, { type Runtime } from '../shared/browser';

/** Pages a content script may run in and a reader may have open; others are skipped. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

interface ContentScript {
  js: string[];
  css: string[];
}

/** Only Firefox has runtime.getBrowserInfo; the polyfill passes Chrome's runtime through. */
export function browserInjectsOnUpdate(runtime: object = browser.runtime): boolean {
  return typeof (runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

/** The files of the manifest's content script(s), so this injects exactly what a new page gets. */
export function manifestContentScripts(manifest: {
  content_scripts?: { js?: string[]; css?: string[] }[];
}): ContentScript[] {
  return (manifest.content_scripts ?? []).map((script) => ({
    js: script.js ?? [],
    css: script.css ?? [],
  }));
}

/** Whether an onInstalled event means this version's code is new to the open tabs. */
export function isNewCode(details: Runtime.OnInstalledDetailsType): boolean {
  // The other reasons (browser_update, Chrome's chrome_update and shared_module_update) keep the
  // same extension code running: the open tabs already have it.
  return details.reason === 'install' || details.reason === 'update';
}

/**
 * Injects the content script into every open http(s) tab's top frame (the manifest declares no
 * all_frames). Never rejects: a tab the browser forbids (web store, error pages), a discarded
 * or closing tab fails on its own and the others still get their copy.
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const scripts = manifestContentScripts(browser.runtime.getManifest());
  if (scripts.length === 0) return;
  let tabs: { id?: number; discarded?: boolean }[];
  try {
    // The <all_urls> host permission lets the query filter by URL without "tabs".
    tabs = await browser.tabs.query({ url: WEB_PAGES });
  } catch {
    return;
  }
  await Promise.all(
    tabs.map(async ({ id: tabId, discarded }) => {
      // A discarded tab reloads when it is next shown and then gets the script the usual way.
      if (tabId === undefined || discarded) return;
      for (const { js, css } of scripts) {
        try {
          // Styles first, so the highlights the script registers are painted from the start.
          if (css.length > 0) await browser.scripting.insertCSS({ target: { tabId }, files: css });
          if (js.length > 0) {
            await browser.scripting.executeScript({ target: { tabId }, files: js });
          }
        } catch {
          // This tab cannot take it; nothing to do but leave it as it is.
        }
      }
    }),
  );
}

/** The onInstalled listener: Chrome-like browsers only, and only when the code is new. */
export function onInstalled(details: Runtime.OnInstalledDetailsType): void {
  if (!isNewCode(details) || browserInjectsOnUpdate()) return;
  void injectIntoOpenTabs().catch(() => undefined);
}

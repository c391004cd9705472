/** What the sweep learns about the extension from outside the page, per browser. */
export interface Attributed {
  /** Errors thrown or logged by the extension (content script, background, extension pages). */
  errors: string[];
  /** Network requests the extension made (anything but its own packaged files). */
  requests: string[];
  /**
   * The extension's own packaged files loaded into the swept tab (paths such as `/content.js`,
   * `/detector.js` once the pre-check hits, `/card-ui.js` for the first card): read from the
   * extension package, never from the network, so they are not requests. `null` where the
   * browser does not show them (Firefox: such loads never reach the network, hence the proxy).
   */
  files: string[] | null;
}

export interface Observer {
  /** Everything attributed to the extension since the previous call. `pageSource` is the HTML
   * of the page just visited, which explains the page's own (static) requests. */
  take(pageSource: string): Attributed;
  /** One sentence on how requests and errors are attributed, for the report. */
  readonly method: string;
  dispose(): Promise<void>;
}

/** True for URLs that leave the browser (not the extension's own files, data: or blob:). */
export function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?|ftp):/i.test(url);
}

/** The path (`/detector.js`) of one of our own packaged files, or null. `origin` is the
 * extension's, without a trailing slash (`chrome-extension://<id>`). */
export function ownFilePath(url: string, origin: string): string | null {
  if (!url.startsWith(`${origin}/`)) return null;
  return url.slice(origin.length).split(/[?#]/)[0] ?? null;
}

/** Chromium says this when an orphaned content script touches the extension API after a reload. */
export const CONTEXT_INVALIDATED = /Extension context invalidated/i;

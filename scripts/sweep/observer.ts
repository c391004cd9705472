/** What the sweep learns about the extension from outside the page, per browser. */
export interface Attributed {
  /** Errors thrown or logged by the extension (content script, background, extension pages). */
  errors: string[];
  /** Network requests the extension made (anything but its own packaged files). */
  requests: string[];
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

/** Chromium says this when an orphaned content script touches the extension API after a reload. */
export const CONTEXT_INVALIDATED = /Extension context invalidated/i;

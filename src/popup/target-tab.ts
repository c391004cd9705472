/**
 * The tab the popup is about: the active tab of its window. A `?tab=<id>` query overrides it,
 * so the popup can be opened as an ordinary tab (where it would be the active tab itself) and
 * still describe a page: that is how the e2e tests drive it.
 */
import browser from '../shared/browser';

export interface TargetTab {
  id: number;
  /** Only given with host access to the page (see messages.ts MentionsReply.hostname). */
  url: string | undefined;
  /** "loading" while the page loads: its content script may not be there yet. */
  status: string | undefined;
}

/** Whether the popup runs as a tab for a given page (`?tab=`) rather than as the real popup. */
export function tabFromQuery(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

export async function findTargetTab(): Promise<TargetTab | undefined> {
  try {
    const fromQuery = tabFromQuery();
    const tab =
      fromQuery !== undefined
        ? await browser.tabs.get(fromQuery)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined) return undefined;
    return { id: tab.id, url: tab.url, status: tab.status };
  } catch {
    return undefined;
  }
}

/** The host name of a URL the browser gave us, or undefined when hidden or not a web page. */
export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

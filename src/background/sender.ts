/** Who sent a message, as far as the badge cares. */
import type { Runtime } from '../shared/browser';

export interface ReportingTab {
  tabId: number;
  hostname: string;
}

/**
 * The tab (and its page's host name) behind a content script's message, or undefined when the
 * message came from anything else. Only the top frame's count is the page's count: frames
 * would otherwise overwrite it with their own.
 */
export function reportingTab(sender: Runtime.MessageSender): ReportingTab | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
  let hostname = '';
  try {
    // The sender's URL is given to the extension even without the "tabs" permission.
    hostname = sender.url ? new URL(sender.url).hostname : '';
  } catch {
    // An unparsable URL leaves the host unknown; only the per-site switch then cannot apply.
  }
  return { tabId, hostname };
}

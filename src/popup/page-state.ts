/**
 * Asking the page's content script what it found. A missing content script is an answer too
 * (browser pages, add-on stores, PDF viewers, tabs opened before install): it must be told
 * apart from "no mentions", never shown as a silent zero.
 */
import browser from '../shared/browser';
import { asMentionsReply } from '../shared/mentions-reply';
import type { MentionsReply } from '../shared/messages';

export type PageState =
  | { kind: 'loading' }
  /** No content script answered: Backstory cannot run on this page. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; reply: MentionsReply };

/** A reply slower than this means nobody is listening (a content script answers at once). */
const REPLY_TIMEOUT_MS = 2000;

/** The content script's reply, or undefined when no content script answers. */
export async function askPage(tabId: number): Promise<MentionsReply | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), REPLY_TIMEOUT_MS);
  });
  try {
    const answer: unknown = await Promise.race([
      browser.tabs.sendMessage(tabId, { type: 'get-mentions' }),
      timeout,
    ]);
    return asMentionsReply(answer);
  } catch {
    // "Receiving end does not exist": no content script in this tab.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

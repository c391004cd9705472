/** Choosing a mention in the popup: the page scrolls to it and opens its card. */
import browser from '../shared/browser';
import type { Message } from '../shared/messages';
import { tabFromQuery } from './target-tab';

/** Long enough for the message to leave; closing the popup earlier could drop it. */
const SEND_GRACE_MS = 300;

export async function revealMention(tabId: number, index: number): Promise<void> {
  const message: Message = { type: 'reveal-mention', index };
  await Promise.race([
    browser.tabs.sendMessage(tabId, message).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, SEND_GRACE_MS)),
  ]);
  // The popup would cover the card it just opened. As a tab (`?tab=`, the tests) it stays.
  if (tabFromQuery() === undefined) window.close();
}

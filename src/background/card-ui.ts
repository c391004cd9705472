import browser, { type Runtime } from '../shared/browser';

/**
 * Injects card-ui.js into the frame that asked, in the content script's isolated world.
 * The card UI is loaded on first use rather than with the content script, which runs on
 * every page; the browser resolves this once the script has run.
 */
export async function injectCardUi(sender: Runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('load-card-ui must come from a tab');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: ['card-ui.js'],
  });
}

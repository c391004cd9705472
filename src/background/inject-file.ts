import browser, { type Runtime } from '../shared/browser';

/** The bundles a content script may ask for: loaded on first need, not on every page. */
export type InjectableFile = 'detector.js' | 'card-ui.js';

/**
 * Injects one of our bundles into the frame that asked, in the content script's isolated world;
 * the browser resolves this once the script has run. The content script runs on every page, so
 * it carries neither the matcher nor the card UI until a page needs them.
 */
export async function injectFile(
  sender: Runtime.MessageSender,
  file: InjectableFile,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(`${file} must be asked for from a tab`);
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [file],
  });
}

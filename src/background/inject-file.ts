import browser, { type Runtime } from '../shared/browser';

/** The bundles a content script may ask for: loaded on first need, not on every page. */
export type InjectableFile = 'detector.js';

/**
 * Injects one of our bundles into the frame that asked, in the content script's isolated world;
 * the browser resolves this once the script has run.
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

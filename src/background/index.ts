/**
 * Background entry (Chrome: service worker; Firefox: event page). Every listener is registered
 * synchronously at top level, because the browser may stop this context whenever it is idle.
 */
import browser, { type Runtime } from '../shared/browser';
import { isMessage, type Message, type PongReply } from '../shared/messages';
import { watchSettings } from '../shared/settings';
import { injectFile } from './inject-file';
import { forgetTab, recordCount, refreshFromPage, repaintAll } from './badge';
import { onInstalled } from './reinject';
import { reportingTab } from './sender';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Not async: an async listener would answer (with undefined) every message, even ones it
  // does not handle, and steal replies meant for other listeners.
  if (!isMessage(message)) return undefined;
  if (message.type === 'ping') {
    const reply: PongReply = { type: 'pong', from: 'background' };
    return Promise.resolve(reply);
  }
  if (message.type === 'load-card-ui') return injectFile(sender, 'card-ui.js');
  if (message.type === 'load-detector') return injectFile(sender, 'detector.js');
  if (message.type === 'mentions-changed') {
    const tab = reportingTab(sender);
    return tab ? recordCount(tab.tabId, message.count, tab.hostname) : undefined;
  }
  return undefined;
});

// Chrome leaves tabs that were open before an install or update without the content script.
browser.runtime.onInstalled.addListener(onInstalled);

// Badge bookkeeping: counts live in storage.session (see badge.ts), so drop them with the page.
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetTab(tabId);
  if (change.status === 'complete') void refreshFromPage(tabId);
});
watchSettings((settings) => void repaintAll(settings));

// Keyboard command (Alt+Shift+K): the content script of the active tab moves to its next
// mention and opens the card there. Tabs without our content script (browser pages) refuse.
browser.commands.onCommand.addListener((command) => {
  if (command !== 'next-mention') return;
  void browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) =>
      tab?.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, { type: 'next-mention' } satisfies Message),
    )
    .catch(() => undefined);
});

/**
 * Background entry (Chrome: service worker; Firefox: event page). Every listener is registered
 * synchronously at top level, because the browser may stop this context whenever it is idle.
 */
import browser from '../shared/browser';
import { isMessage, type PongReply } from '../shared/messages';

browser.runtime.onMessage.addListener((message: unknown) => {
  // Not async: an async listener would answer (with undefined) every message, even ones it
  // does not handle, and steal replies meant for other listeners.
  if (!isMessage(message)) return undefined;
  if (message.type === 'ping') {
    const reply: PongReply = { type: 'pong', from: 'background' };
    return Promise.resolve(reply);
  }
  return undefined;
});

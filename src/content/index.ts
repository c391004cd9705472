/**
 * Content script entry. Placeholder of the foundation: it answers the popup's questions so the
 * real-browser harness can prove it runs; scanning and highlighting come with the card issue.
 */
import browser from '../shared/browser';
import { isMessage, type MentionsReply } from '../shared/messages';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isMessage(message)) return undefined;
  if (message.type === 'get-mentions') {
    const reply: MentionsReply = { active: true, mentions: [] };
    return Promise.resolve(reply);
  }
  return undefined;
});

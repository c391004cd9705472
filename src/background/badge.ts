/**
 * The toolbar badge: each tab's mention count, kept in `storage.session` rather than in module
 * variables, because the browser stops this background whenever it is idle (Chrome's service
 * worker after ~30 s, Firefox's event page likewise) and module state would be lost with it.
 * Session storage lives as long as the browser session and is never written to disk.
 */
import browser from '../shared/browser';
import { asMentionsReply } from '../shared/mentions-reply';
import type { Message } from '../shared/messages';
import { formatNumber, t, tPlural } from '../shared/i18n';
import { loadSettings, type Settings } from '../shared/settings';
import { badgeView, isCount, type BadgeWords, type TabMentions } from './badge-view';

/** A quiet slate grey: readable with white text, and not an alarm. */
const BADGE_COLOR = '#4f5b66';
const BADGE_TEXT_COLOR = '#ffffff';
const TAB_KEY_PREFIX = 'tab:';

const tabKey = (tabId: number): string => `${TAB_KEY_PREFIX}${tabId}`;

const words: BadgeWords = {
  countTitle: (count) => tPlural('badge_title', count),
  get idleTitle() {
    return t('actionTitle');
  },
  formatNumber,
};

/** storage.session exists in Chrome 102+ and Firefox 115+; older ones just keep no memory. */
function sessionArea() {
  return browser.storage.session as typeof browser.storage.session | undefined;
}

function isTabMentions(value: unknown): value is TabMentions {
  if (typeof value !== 'object' || value === null) return false;
  const { count, hostname } = value as Partial<TabMentions>;
  return isCount(count) && typeof hostname === 'string';
}

async function paint(tabId: number, tab: TabMentions | undefined, settings: Settings) {
  const view = badgeView(tab, settings, words);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: view.text }),
      browser.action.setTitle({ tabId, title: view.title }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
      // Chrome 110+ and Firefox have it; the default text colour is fine where it is missing.
      browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR }),
    ]);
  } catch {
    // The tab closed between the message and the paint: nothing left to show.
  }
}

/** A content script reported `count` mentions on the page in `tabId`. */
export async function recordCount(tabId: number, count: number, hostname: string): Promise<void> {
  if (!isCount(count)) return;
  const tab: TabMentions = { count, hostname };
  await sessionArea()
    ?.set({ [tabKey(tabId)]: tab })
    .catch(() => undefined);
  await paint(tabId, tab, await loadSettings());
}

/**
 * The tab closed or started loading another page: its count no longer applies. The browser
 * itself clears a tab's badge when it navigates; this keeps a later repaint from reviving it.
 */
export async function forgetTab(tabId: number): Promise<void> {
  await sessionArea()
    ?.remove(tabKey(tabId))
    .catch(() => undefined);
}

/**
 * Asks the page in `tabId` for its count once it has loaded. The content script reports only
 * changes, and a same-document navigation (history.pushState) may fire the same "loading" that
 * made forgetTab() drop the count; asking again restores it. No content script: nothing to do.
 */
export async function refreshFromPage(tabId: number): Promise<void> {
  const ask: Message = { type: 'get-mentions' };
  const reply = asMentionsReply(await browser.tabs.sendMessage(tabId, ask).catch(() => undefined));
  if (!reply) return;
  await recordCount(tabId, reply.active ? reply.mentions.length : 0, reply.hostname ?? '');
}

/** Settings changed (switched off, a site off, badge hidden): repaint every remembered tab. */
export async function repaintAll(settings: Settings): Promise<void> {
  const items = (await sessionArea()
    ?.get(null)
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  const painted: Promise<void>[] = [];
  for (const [key, value] of Object.entries(items ?? {})) {
    if (!key.startsWith(TAB_KEY_PREFIX)) continue;
    const tabId = Number(key.slice(TAB_KEY_PREFIX.length));
    if (Number.isSafeInteger(tabId) && isTabMentions(value)) {
      painted.push(paint(tabId, value, settings));
    }
  }
  await Promise.all(painted);
}

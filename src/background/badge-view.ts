/**
 * What the toolbar badge of one tab should say, as a pure function of the tab's count and the
 * settings, so every rule (cap, zero, off, site off, badge off) is unit-tested without a browser.
 */
import type { Settings } from '../shared/settings-defaults';
import { isActiveOn } from '../shared/settings-rules';

/** Badges fit about four characters; beyond this the exact number stops being useful. */
export const BADGE_MAX_COUNT = 999;

/** What the background remembers per tab (in storage.session, see badge.ts). */
export interface TabMentions {
  count: number;
  /** The page's host name, so a per-site switch can hide the badge without asking the page. */
  hostname: string;
}

export interface BadgeView {
  text: string;
  title: string;
}

export interface BadgeWords {
  /** The full-sentence tooltip for `count` mentions, in the right plural form. */
  countTitle(count: number): string;
  /** The tooltip when there is nothing to count: the extension's name. */
  idleTitle: string;
  formatNumber(count: number): string;
}

/** Whether `value` is a count a content script may report. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function badgeText(count: number, formatNumber: (n: number) => string): string {
  if (!isCount(count) || count === 0) return '';
  return count > BADGE_MAX_COUNT ? `${formatNumber(BADGE_MAX_COUNT)}+` : formatNumber(count);
}

export function badgeView(
  tab: TabMentions | undefined,
  settings: Settings,
  words: BadgeWords,
): BadgeView {
  const shown =
    tab !== undefined &&
    isCount(tab.count) &&
    tab.count > 0 &&
    settings.showBadge &&
    isActiveOn(settings, tab.hostname);
  if (!shown) return { text: '', title: words.idleTitle };
  return { text: badgeText(tab.count, words.formatNumber), title: words.countTitle(tab.count) };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { badgeText, badgeView, type BadgeWords } from '../../src/background/badge-view';
import { reportingTab } from '../../src/background/sender';
import { pluralMessage, type GetMessage } from '../../src/shared/i18n-plural';
import { DEFAULTS } from '../../src/shared/settings-defaults';
import { withSiteDisabled } from '../../src/shared/settings-rules';

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** browser.i18n.getMessage over a real _locales catalogue: named placeholders, then $1…$9. */
function catalogue(lang: string): GetMessage {
  const url = new URL(`../../assets/_locales/${lang}/messages.json`, import.meta.url);
  const entries = JSON.parse(readFileSync(url, 'utf8')) as Record<string, CatalogueEntry>;
  return (key, substitutions) => {
    const entry = entries[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message
      .replace(
        /\$(\w+)\$/g,
        (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '',
      )
      .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const format = (n: number) => String(n);
const words: BadgeWords = {
  countTitle: (count) => `${count} mentions`,
  idleTitle: 'Backstory',
  formatNumber: format,
};

describe('badge text', () => {
  it('shows the count, nothing for zero, and caps at 999+', () => {
    expect(badgeText(0, format)).toBe('');
    expect(badgeText(1, format)).toBe('1');
    expect(badgeText(999, format)).toBe('999');
    expect(badgeText(1000, format)).toBe('999+');
    expect(badgeText(123_456, format)).toBe('999+');
  });

  it('shows nothing for a count that is not one', () => {
    for (const bad of [-1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 2]) {
      expect(badgeText(bad, format)).toBe('');
    }
  });
});

describe('badge view', () => {
  const tab = { count: 3, hostname: 'example.com' };

  it('shows the count with a full-sentence title', () => {
    expect(badgeView(tab, DEFAULTS, words)).toEqual({ text: '3', title: '3 mentions' });
  });

  it('shows nothing when zero, unknown, off, off for the site or the badge is hidden', () => {
    const idle = { text: '', title: 'Backstory' };
    expect(badgeView({ ...tab, count: 0 }, DEFAULTS, words)).toEqual(idle);
    expect(badgeView(undefined, DEFAULTS, words)).toEqual(idle);
    expect(badgeView(tab, { ...DEFAULTS, enabled: false }, words)).toEqual(idle);
    expect(badgeView(tab, withSiteDisabled(DEFAULTS, 'example.com', true), words)).toEqual(idle);
    expect(badgeView(tab, { ...DEFAULTS, showBadge: false }, words)).toEqual(idle);
  });

  it('still shows the count on other sites when one site is off', () => {
    const settings = withSiteDisabled(DEFAULTS, 'other.example', true);
    expect(badgeView(tab, settings, words).text).toBe('3');
  });
});

describe('badge title plurals', () => {
  it('uses English one/other forms', () => {
    const en = catalogue('en');
    expect(pluralMessage(en, 'en', 'badge_title', 1)).toBe('1 mention with context on this page');
    expect(pluralMessage(en, 'en', 'badge_title', 3)).toBe('3 mentions with context on this page');
    expect(pluralMessage(en, 'en', 'badge_title', 1000)).toBe(
      '1,000 mentions with context on this page',
    );
  });

  it('uses Russian one/few/many forms', () => {
    const ru = catalogue('ru');
    const title = (n: number) => pluralMessage(ru, 'ru', 'badge_title', n);
    expect(title(1)).toBe('1 упоминание с контекстом на этой странице');
    expect(title(3)).toBe('3 упоминания с контекстом на этой странице');
    expect(title(5)).toBe('5 упоминаний с контекстом на этой странице');
    expect(title(21)).toBe('21 упоминание с контекстом на этой странице');
    expect(title(11)).toBe('11 упоминаний с контекстом на этой странице');
  });

  it('falls back to the "other" form when a catalogue lacks a category', () => {
    const en = catalogue('en');
    // English has no "few"; Russian rules asked of the English catalogue must still answer.
    expect(pluralMessage(en, 'ru', 'badge_title', 3)).toBe('3 mentions with context on this page');
  });

  it('has every plural form of every counted message in both catalogues', () => {
    for (const [lang, categories] of [
      ['en', ['one', 'other']],
      ['ru', ['one', 'few', 'many', 'other']],
    ] as const) {
      const get = catalogue(lang);
      for (const base of ['badge_title', 'popup_count']) {
        for (const category of categories) expect(get(`${base}_${category}`, ['2'])).not.toBe('');
      }
    }
  });
});

/** A tab as runtime.MessageSender carries it; only the id matters here. */
function tabWithId(id: number): Tabs.Tab {
  return { id, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
}

describe('reporting tab', () => {
  it('takes the tab and host of a top-frame content script', () => {
    expect(
      reportingTab({ tab: tabWithId(7), frameId: 0, url: 'https://News.Example.com/a' }),
    ).toEqual({ tabId: 7, hostname: 'news.example.com' });
  });

  it('ignores frames and senders without a tab', () => {
    expect(reportingTab({ tab: tabWithId(7), frameId: 3, url: 'https://a.example/' })).toBe(
      undefined,
    );
    expect(reportingTab({ url: 'https://a.example/' })).toBeUndefined();
  });

  it('leaves the host empty for an unparsable URL', () => {
    expect(reportingTab({ tab: tabWithId(1), url: 'not a url' })).toEqual({
      tabId: 1,
      hostname: '',
    });
  });
});

/**
 * Storage faults in the background's badge bookkeeping: when every storage area fails, the
 * badge still shows the count it was just told, with default settings, and nothing rejects
 * (a rejection here would be an uncaught error in the service worker or event page). The
 * settings store's own faults are tested in test/unit/settings-store.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const failing = () => Promise.reject(new Error('storage is broken'));
  const area = { get: failing, set: failing, remove: failing };
  const painted: Record<string, unknown>[] = [];
  const paint = (what: string) => (details: Record<string, unknown>) => {
    painted.push({ what, ...details });
    return Promise.resolve();
  };
  const browser = {
    storage: {
      sync: area,
      local: area,
      session: area,
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    action: {
      setBadgeText: paint('text'),
      setTitle: paint('title'),
      setBadgeBackgroundColor: paint('color'),
      setBadgeTextColor: paint('textColor'),
    },
    // The English catalogue's locale; every other key as if missing (its name is shown).
    i18n: {
      getMessage: (key: string) => (key === 'popup_locale' ? 'en' : ''),
      getUILanguage: () => 'en',
    },
    tabs: { sendMessage: failing },
  };
  return { browser, painted };
});

vi.mock('../../src/shared/browser', () => ({ default: fake.browser }));

const { forgetTab, recordCount, refreshFromPage, repaintAll } =
  await import('../../src/background/badge');
const { DEFAULTS } = await import('../../src/shared/settings');

beforeEach(() => {
  fake.painted.length = 0;
});

describe('badge with failing storage', () => {
  it('still paints the reported count, with default settings', async () => {
    await expect(recordCount(3, 7, 'example.org')).resolves.toBeUndefined();
    expect(fake.painted).toContainEqual({ what: 'text', tabId: 3, text: '7' });
  });

  it('forgets, refreshes and repaints without rejecting', async () => {
    await expect(forgetTab(3)).resolves.toBeUndefined();
    await expect(refreshFromPage(3)).resolves.toBeUndefined();
    await expect(repaintAll(structuredClone(DEFAULTS))).resolves.toBeUndefined();
    expect(fake.painted).toEqual([]);
  });
});

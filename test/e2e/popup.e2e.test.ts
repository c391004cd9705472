/**
 * The toolbar popup, badge and settings in real Chromium and Firefox: the popup (opened as a
 * tab with `?tab=<id>` of a test page) lists the page's mentions and reveals one; its switches
 * change storage, and the content script in the (background) page tab follows without a reload;
 * the badge shows the count from storage.session and hides when off.
 */
import { describe, expect, it } from 'vitest';
import type { MentionsReply } from '../../src/shared/messages';
import { BROWSERS, poll, type TestPage } from './harness';
import { useExtensionSession } from './session-setup';

/** Plain "CSTO" three times: found by any version of the detector. */
const THREE_MENTIONS =
  '<!doctype html><html lang="en"><title>Three</title><body>' +
  '<p>The CSTO met in Moscow.</p><p>Leaders of the CSTO spoke.</p>' +
  '<p style="margin-top:3000px">Later the CSTO withdrew.</p></body></html>';

interface PopupStatus {
  state: string;
  text: string;
}

describe.each(BROWSERS)('%s popup, badge and settings', (browser) => {
  let tabId: number;
  let popup: TestPage;

  const ext = useExtensionSession(browser, {
    launch: {
      // Headless Firefox cannot click its permission prompt; with this pref it grants a
      // permissions.request() made from a user gesture straight away, so the flow is testable.
      // action.openPopup() needs a user gesture in Firefox unless this is on.
      firefoxPrefs: {
        'extensions.webextOptionalPermissionPrompts': false,
        'extensions.openPopupWithoutUserGesture.enabled': true,
      },
    },
    async setup({ server, session, page }) {
      await page.goto(server.route('/three.html', THREE_MENTIONS));
      await session.sendToTab(page, { type: 'get-mentions' });
      tabId = await session.tabId(page);
      popup = await openPopupFor(page);
    },
  });

  /** Opens the popup as a tab that describes `page`. */
  async function openPopupFor(target: TestPage): Promise<TestPage> {
    const id = await ext.session.tabId(target);
    return ext.session.openPopup(`popup/index.html?tab=${id}`);
  }

  function waitForState(state: string, of: TestPage = popup): Promise<PopupStatus> {
    return of.waitFor(
      (wanted: string) => {
        const element = document.querySelector('.status');
        return element?.getAttribute('data-state') === wanted
          ? { state: wanted, text: element.textContent ?? '' }
          : null;
      },
      { timeoutMs: 10_000 },
      state,
    );
  }

  /** Clicks a switch by its name, as a user would (change event, storage write). */
  function toggle(name: string): Promise<boolean> {
    return popup.evaluate((switchName: string) => {
      const input = document.querySelector<HTMLInputElement>(`input[name="${switchName}"]`);
      if (!input) throw new Error(`no switch ${switchName}`);
      input.click();
      return input.checked;
    }, name);
  }

  function ask(target: TestPage = ext.page): Promise<MentionsReply> {
    return ext.session.sendToTab<MentionsReply>(target, { type: 'get-mentions' });
  }

  /** The content script's reply once it satisfies `ok` (it follows storage asynchronously). */
  async function askUntil(
    ok: (reply: MentionsReply) => boolean,
    target: TestPage = ext.page,
  ): Promise<MentionsReply> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const reply = await ask(target);
      if (ok(reply) || Date.now() > deadline) return reply;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function badge(): Promise<{ text: string; title: string }> {
    return ext.session.extension(
      async (api, id: number) => ({
        text: await api.action.getBadgeText({ tabId: id }),
        title: await api.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  }

  async function waitForBadge(text: string): Promise<{ text: string; title: string }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = await badge();
      if (current.text === text || Date.now() > deadline) return current;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('lists the page mentions by topic, in English, with a live count', async () => {
    const shown = await waitForState('count');
    expect(shown.text).toBe('3 mentions with context');
    const view = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      live: document.querySelector('.status')?.getAttribute('role'),
      headings: [...document.querySelectorAll('.mention-groups h3')].map((h) => h.textContent),
      buttons: [...document.querySelectorAll<HTMLButtonElement>('button.mention')].map((b) => ({
        text: b.querySelector('.mention-text')?.textContent,
        label: b.getAttribute('aria-label'),
      })),
      site: document.querySelector('input[name="site"]')?.closest('label')?.textContent,
      // The switch's accessible name is its label; the hint is its description.
      mainName: (() => {
        const input = document.querySelector('input[name="enabled"]');
        const byId = (attr: string) =>
          document.getElementById(input?.getAttribute(attr) ?? '')?.textContent;
        return {
          role: input?.getAttribute('role'),
          name: byId('aria-labelledby'),
          hint: byId('aria-describedby'),
        };
      })(),
      notice: document.querySelector('.notice') !== null,
      width: document.body.getBoundingClientRect().width,
    }));
    expect(view.lang).toMatch(/^en/);
    expect(view.dir).toBe('ltr');
    expect(view.live).toBe('status');
    expect(view.headings).toEqual(['CSTO 3']);
    expect(view.buttons).toHaveLength(3);
    expect(view.buttons[0]).toEqual({ text: 'CSTO', label: 'Go to mention 1: CSTO' });
    expect(view.site).toBe('Use on 127.0.0.1');
    expect(view.mainName).toEqual({
      role: 'switch',
      name: 'Highlight mentions',
      hint: "Context on the CSTO and Kazakhstan's January 2022 unrest, in all tabs",
    });
    expect(view.notice).toBe(false);
    expect(view.width).toBeGreaterThanOrEqual(320);
    expect(view.width).toBeLessThanOrEqual(360);
  });

  it('is keyboard operable: Tab reaches the main switch and Space flips it', async () => {
    await popup.bringToFront();
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.keyboard.press('Tab');
    const focused = await popup.evaluate(() => ({
      name: document.activeElement?.getAttribute('name'),
      ring: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
    expect(focused.name).toBe('enabled');
    expect(focused.ring).toBe('solid');
    await popup.keyboard.press(' ');
    await waitForState('off');
    await popup.keyboard.press(' ');
    await waitForState('count');
  });

  it('shows the count on the badge with a full-sentence title, kept in storage.session', async () => {
    expect(await waitForBadge('3')).toEqual({
      text: '3',
      title: '3 mentions with context on this page',
    });
    const stored = await ext.session.extension(
      (api, id: number) => api.storage.session.get(`tab:${id}`),
      tabId,
    );
    expect(stored).toEqual({ [`tab:${tabId}`]: { count: 3, hostname: '127.0.0.1' } });
  });

  it('switches off everywhere live: every open page goes inactive, the badge empties', async () => {
    const second = await ext.session.newPage();
    await second.goto(ext.server.route('/second.html', '<!doctype html><p>CSTO and CSTO</p>'));
    // Its first answer may come before it has read the settings.
    expect((await askUntil((r) => r.active, second)).active).toBe(true);

    expect(await toggle('enabled')).toBe(false);
    expect((await waitForState('off')).text).toBe('Backstory is switched off.');
    const stored = await ext.session.extension((api) => api.storage.sync.get('settings'));
    expect(stored).toMatchObject({ settings: { enabled: false } });
    expect(await askUntil((r) => !r.active)).toMatchObject({ active: false, mentions: [] });
    expect(await askUntil((r) => !r.active, second)).toMatchObject({ active: false, mentions: [] });
    expect(await waitForBadge('')).toEqual({ text: '', title: 'Backstory' });

    expect(await toggle('enabled')).toBe(true);
    await waitForState('count');
    expect((await askUntil((r) => r.active && r.mentions.length === 3)).mentions).toHaveLength(3);
    expect((await askUntil((r) => r.active, second)).active).toBe(true);
    expect((await waitForBadge('3')).text).toBe('3');
    await second.close();
  });

  it('switches off for this site only', async () => {
    expect(await toggle('site')).toBe(false);
    expect((await waitForState('site-off')).text).toBe('Backstory is switched off on 127.0.0.1.');
    expect(await askUntil((r) => !r.active)).toMatchObject({
      active: false,
      hostname: '127.0.0.1',
    });
    const stored = await ext.session.extension((api) => api.storage.sync.get('settings'));
    expect(stored).toMatchObject({ settings: { enabled: true, disabledSites: ['127.0.0.1'] } });
    expect((await waitForBadge('')).text).toBe('');

    expect(await toggle('site')).toBe(true);
    await waitForState('count');
    expect((await askUntil((r) => r.active)).active).toBe(true);
    expect((await waitForBadge('3')).text).toBe('3');
  });

  it('switches a topic off and on', async () => {
    expect(await toggle('topic-csto')).toBe(false);
    expect((await askUntil((r) => r.mentions.length === 0)).mentions).toEqual([]);
    await popup.waitFor(
      () => document.querySelector('.status')?.getAttribute('data-state') !== 'count',
    );
    expect(await toggle('topic-csto')).toBe(true);
    await waitForState('count');
    expect((await askUntil((r) => r.mentions.length === 3)).mentions).toHaveLength(3);
  });

  it('hides the badge when the badge switch is off', async () => {
    expect(await toggle('badge')).toBe(false);
    expect((await waitForBadge('')).text).toBe('');
    expect(await toggle('badge')).toBe(true);
    expect((await waitForBadge('3')).text).toBe('3');
  });

  it('reveals a chosen mention: the page scrolls to it', async () => {
    expect(await ext.page.evaluate(() => window.scrollY)).toBe(0);
    await popup.evaluate(() =>
      document.querySelectorAll<HTMLButtonElement>('button.mention')[2]?.click(),
    );
    const scrolled = await ext.page.waitFor(() => (window.scrollY > 1000 ? window.scrollY : 0));
    expect(scrolled).toBeGreaterThan(1000);
  });

  it('works as the real toolbar popup: describes the active tab, reveals, then closes', async () => {
    await ext.page.evaluate(() => window.scrollTo(0, 0));
    // Makes the page the active tab (and opens the harness's own extension page first).
    await ext.session.tabId(ext.page);
    await ext.session.extension((api) => api.action.openPopup());
    // The action popup is no tab; extension.getViews() reaches its document from our page.
    const shown = await poll(
      () =>
        ext.session.extension((api) => {
          const [view] = api.extension.getViews({ type: 'popup' });
          const status = view?.document.querySelector('.status');
          return status?.getAttribute('data-state') === 'count' ? status.textContent : null;
        }),
      'the toolbar popup to show the count',
    );
    expect(shown).toBe('3 mentions with context');
    await ext.session.extension((api) => {
      const [view] = api.extension.getViews({ type: 'popup' });
      view?.document.querySelectorAll<HTMLButtonElement>('button.mention')[2]?.click();
    });
    expect(await ext.page.waitFor(() => window.scrollY > 1000)).toBe(true);
    await poll(
      () => ext.session.extension((api) => api.extension.getViews({ type: 'popup' }).length === 0),
      'the toolbar popup to close',
    );
  });

  it('says it cannot run on a page without a content script, not "no mentions"', async () => {
    const blank = await ext.session.newPage();
    await blank.goto('about:blank');
    const other = await openPopupFor(blank);
    const shown = await waitForState('unavailable', other);
    expect(shown.text).toBe("Backstory can't run on this page.");
    expect(await other.evaluate(() => document.querySelector('input[name="site"]'))).toBeNull();
    await other.close();
    await blank.close();
  });

  it('keeps corrupt stored settings from breaking anything', async () => {
    await ext.session.extension((api) =>
      api.storage.sync.set({ settings: { enabled: 'no', topics: null, disabledSites: 7 } }),
    );
    const fresh = await openPopupFor(ext.page);
    await waitForState('count', fresh);
    expect(
      await fresh.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].map(
          (input) => `${input.name}:${input.checked}`,
        ),
      ),
    ).toEqual([
      'enabled:true',
      'site:true',
      'topic-csto:true',
      'topic-kazakhstan-unrest:true',
      'badge:true',
    ]);
    await fresh.close();
  });

  it('shows the count again after the background is stopped and wakes up', async () => {
    if (ext.session.browser === 'chromium' && popup.browser === 'chromium') {
      // Stop the service worker the way Chrome does when it is idle, and make sure it stopped:
      // whatever the background kept in module variables is gone now.
      const cdp = await ext.session.raw.context.newCDPSession(popup.raw);
      const runningWorkers = async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.filter((target) => target.type === 'service_worker').length;
      };
      expect(await runningWorkers()).toBe(1);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // (playwright's Worker "close" event does not fire for this; the target list tells.)
      await poll(async () => (await runningWorkers()) === 0, 'the service worker to stop');
      // A settings change wakes the worker, which repaints from storage.session alone.
      expect(await toggle('badge')).toBe(false);
      expect((await waitForBadge('')).text).toBe('');
      await poll(async () => (await runningWorkers()) === 1, 'the service worker to wake');
      await cdp.detach();
    } else {
      // Firefox's event page cannot be stopped from here; this checks the same repaint path.
      expect(await toggle('badge')).toBe(false);
      expect((await waitForBadge('')).text).toBe('');
    }
    expect(await toggle('badge')).toBe(true);
    expect(await waitForBadge('3')).toEqual({
      text: '3',
      title: '3 mentions with context on this page',
    });
  });

  it('keeps the count through a same-document navigation (history.pushState)', async () => {
    await ext.page.evaluate(() => history.pushState({}, '', '?section=2'));
    // Give the browser's tab-updated events time to reach the background.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await toggle('badge')).toBe(false);
    expect((await waitForBadge('')).text).toBe('');
    expect(await toggle('badge')).toBe(true);
    expect((await waitForBadge('3')).text).toBe('3');
  });

  it('follows the tab to another page and forgets the old count', async () => {
    await ext.page.goto(
      ext.server.route('/one.html', '<!doctype html><title>One</title><p>CSTO</p>'),
    );
    expect(await waitForBadge('1')).toEqual({
      text: '1',
      title: '1 mention with context on this page',
    });
    await ext.page.goto('about:blank');
    expect(await toggle('badge')).toBe(false);
    expect(await toggle('badge')).toBe(true);
    // Let both repaints land: a stale count would come back here.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await badge()).text).toBe('');
    const stored = await ext.session.extension(
      (api, id: number) => api.storage.session.get(`tab:${id}`),
      tabId,
    );
    expect(stored).toEqual({});
    await ext.page.goto(ext.server.route('/three.html', THREE_MENTIONS));
    expect((await waitForBadge('3')).text).toBe('3');
  });

  // Last: in Firefox it takes away the extension's access to sites.
  it('explains withheld access to sites and asks for it again from the button', async () => {
    if (ext.session.browser === 'chromium') {
      // Chromium treats the manifest's hosts as required: the extension cannot revoke them
      // (the user can restrict them in chrome://extensions), so here no notice shows.
      await expect(
        ext.session.extension((api) => api.permissions.remove({ origins: ['<all_urls>'] })),
      ).rejects.toThrow(/required permissions/);
      expect(await popup.evaluate(() => document.querySelector('.notice'))).toBeNull();
      return;
    }
    expect(
      await ext.session.extension((api) => api.permissions.remove({ origins: ['<all_urls>'] })),
    ).toBe(true);
    const withheld = await openPopupFor(ext.page);
    expect((await waitForState('no-access', withheld)).text).toBe(
      'Backstory needs access to sites to look at this page.',
    );
    const notice = await withheld.evaluate(() => {
      const button = document.querySelector('.notice button[name="grant-access"]');
      const box = button?.getBoundingClientRect();
      return {
        title: document.querySelector('.notice h2')?.textContent,
        button: button?.textContent,
        x: box ? box.x + box.width / 2 : 0,
        y: box ? box.y + box.height / 2 : 0,
      };
    });
    expect(notice).toMatchObject({
      title: 'Backstory has no access to websites',
      button: 'Allow access to all sites',
    });
    // A real click: browsers only let permissions.request() run from a user gesture.
    await withheld.mouse.click(notice.x, notice.y);
    await waitForState('count', withheld);
    expect(await withheld.evaluate(() => document.querySelector('.notice'))).toBeNull();
    expect(
      await ext.session.extension((api) => api.permissions.contains({ origins: ['<all_urls>'] })),
    ).toBe(true);
    await withheld.close();
  });
});

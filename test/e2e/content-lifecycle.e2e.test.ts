/**
 * The extension is updated while a page with mentions is open, in real Chromium and Firefox
 * (`session.updateExtension()`: a higher manifest version loaded in place, as a store update
 * would be). The old content script loses its context; the new version must take over the open
 * tab: Firefox injects it there itself, in Chromium the background does (src/background/
 * reinject.ts). Afterwards, in both browsers: no "Extension context invalidated" or other
 * uncaught error, exactly one set of highlights with the same mentions, one card host on hover,
 * and the popup still describes the tab.
 *
 * Both browsers share the page's CSS.highlights registry with the main world, so the page can
 * hold on to the old Highlight objects and see what becomes of them. The takeover event a new
 * copy dispatches on `document` (src/content/index.ts) is visible to the page too: counting it
 * tells how many new copies started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionsReply } from '../../src/shared/messages';
import {
  BROWSERS,
  launchExtension,
  poll,
  startServer,
  type ExtensionSession,
  type ReportedError,
  type TestPage,
  type TestServer,
} from './harness';
import {
  hoverUntilOpen,
  moveAway,
  pointOnText,
  waitForClosed,
  waitForStableMentions,
} from './content-helpers';

declare global {
  interface Window {
    backstoryTestOldHighlights?: Record<string, Highlight | undefined>;
    backstoryTestTakeovers?: number;
  }
}

const HIGHLIGHT_NAMES = ['backstory-csto', 'backstory-kazakhstan-unrest'];

/** Mentions per highlight name, as the content script reports them. */
function countsByHighlight(reply: MentionsReply): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(HIGHLIGHT_NAMES.map((n) => [n, 0]));
  for (const mention of reply.mentions) {
    const name = `backstory-${mention.topic}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Errors that could be Backstory's: everything but the page's own failed resource loads. */
function ourErrors(errors: readonly ReportedError[]): ReportedError[] {
  return errors.filter(
    (error) => !(error.kind === 'console' && error.text.startsWith('Failed to load resource')),
  );
}

for (const browserName of BROWSERS) {
  describe(`extension update with an open page in ${browserName}`, () => {
    let server: TestServer;
    let session: ExtensionSession;
    let page: TestPage;

    beforeAll(async () => {
      server = await startServer();
      session = await launchExtension(browserName);
      page = await session.newPage();
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('sees errors raised in the content scripts’ world (so their absence below means something)', async () => {
      const canary = await session.newPage();
      await canary.goto(server.route('/canary.html', '<p>Nothing to see.</p>'));
      const tabId = await session.tabId(canary);
      await session.extension(async (api, tab: number) => {
        await api.scripting.executeScript({
          target: { tabId: tab },
          func: function () {
            console.error('backstory-canary console');
            setTimeout(function () {
              throw new Error('backstory-canary thrown');
            });
          },
        });
        return true;
      }, tabId);
      const seen = await poll(
        async () => {
          const texts = canary.errors.map((error) => `${error.kind}: ${error.text}`);
          return texts.some((text) => text.includes('backstory-canary thrown')) ? texts : null;
        },
        'the canary errors',
        { timeoutMs: 5_000 },
      );
      expect(seen).toContainEqual('console: backstory-canary console');
      expect(seen.some((text) => /^uncaught: .*backstory-canary thrown/.test(text))).toBe(true);
      await canary.close();
    });

    it('after two updates the open tab has one working copy and no context errors', async () => {
      await page.goto(server.url('/fixtures/pages/seed.html'));
      const before = await waitForStableMentions(session, page, (r) => r.mentions.length > 10);
      const expected = countsByHighlight(before);
      expect(expected['backstory-csto']).toBeGreaterThan(0);
      expect(expected['backstory-kazakhstan-unrest']).toBeGreaterThan(0);

      // The old version shows a card first, so it has a host (and the card UI) to leave behind.
      await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
      await moveAway(page);
      await waitForClosed(page);

      const eventName = `backstory-takeover-${await session.extension((api) => api.runtime.id)}`;
      await page.evaluate((name: string) => {
        window.backstoryTestTakeovers = 0;
        document.addEventListener(name, () => {
          window.backstoryTestTakeovers = (window.backstoryTestTakeovers ?? 0) + 1;
        });
      }, eventName);

      for (let update = 1; update <= 2; update++) {
        await page.evaluate((names: string[]) => {
          window.backstoryTestOldHighlights = Object.fromEntries(
            names.map((name) => [name, CSS.highlights.get(name)]),
          );
        }, HIGHLIGHT_NAMES);

        await session.updateExtension();
        // A pointer move is one of the moments an orphaned copy checks its context.
        const point = await pointOnText(page, 'CSTO');
        await page.mouse.move(point.x, point.y);
        await moveAway(page);

        // (b) The new copy registered fresh highlights for every mention, once; the old
        // objects are no longer registered (no longer painted).
        const registered = await page.waitFor(
          (names: string[], wanted: Record<string, number>) => {
            const old = window.backstoryTestOldHighlights ?? {};
            const all = [...CSS.highlights.values()];
            const fresh = names.every((name) => {
              const current = CSS.highlights.get(name);
              return (
                current !== undefined &&
                current !== old[name] &&
                current.size === wanted[name] &&
                !all.includes(old[name] as Highlight)
              );
            });
            if (!fresh) return null;
            return {
              ours: [...CSS.highlights.keys()].filter((key) => key.startsWith('backstory-')),
              takeovers: window.backstoryTestTakeovers,
              // An old copy that lived to hear the takeover emptied its own highlights.
              oldSizes: names.map((name) => old[name]?.size ?? 0),
            };
          },
          { timeoutMs: 15_000 },
          HIGHLIGHT_NAMES,
          expected,
        );
        expect(registered.ours.sort()).toEqual([...HIGHLIGHT_NAMES].sort());
        // One new copy per update: the browser's (Firefox) or the background's (Chromium),
        // never both.
        expect(registered.takeovers).toBe(update);
        if (browserName === 'chromium') {
          // Chromium keeps the orphaned copy running: it heard the takeover and cleared up.
          expect(registered.oldSizes).toEqual([0, 0]);
        }

        // (c) Hovering a mention opens the new version's card, with exactly one host.
        await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
        expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(
          1,
        );
        await moveAway(page);
        await waitForClosed(page);

        // (d) The new copy answers the popup's question, with the same mentions as before.
        const after = await session.sendToTab<MentionsReply>(
          page,
          { type: 'get-mentions' },
          { until: (reply) => reply.active },
        );
        expect(countsByHighlight(after)).toEqual(expected);
      }

      // (d) The popup, as the toolbar button would open it for this tab, lists them all.
      const popup = await session.openPopup(`popup/index.html?tab=${await session.tabId(page)}`);
      const listed = await popup.waitFor(
        () =>
          document.querySelector('.status')?.getAttribute('data-state') === 'count' &&
          document.querySelectorAll('button.mention').length,
        { timeoutMs: 10_000 },
      );
      expect(listed).toBe(before.mentions.length);
      await popup.close();

      // (a) Nothing from the old or new copies' contexts went wrong, in the tab or the extension.
      const all = [...page.errors, ...session.extensionErrors];
      expect(all.filter((error) => /Extension context invalidated/i.test(error.text))).toEqual([]);
      expect(ourErrors(page.errors)).toEqual([]);
      expect(session.extensionErrors).toEqual([]);
    });
  });
}

/**
 * The extension is updated (runtime.reload()) while a page is open, in real Chromium and
 * Firefox. Chromium leaves the old content script orphaned with a dead context: it must notice
 * and remove its highlights. Firefox injects the new version into the open tab: exactly one
 * set of highlights must remain registered.
 *
 * Both browsers share the page's CSS.highlights registry with the main world, so the page can
 * hold on to the old Highlight objects and see what becomes of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  launchExtension,
  startServer,
  type ExtensionSession,
  type TestPage,
  type TestServer,
} from './harness';
import { pointOnText, sleep, waitForStableMentions } from './content-helpers';

declare global {
  interface Window {
    backstoryTestOldHighlight?: Highlight;
  }
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

    it('after an update only one copy of the highlights stays registered', async () => {
      await page.goto(server.url('/fixtures/pages/seed.html'));
      const { mentions } = await waitForStableMentions(
        session,
        page,
        (r) => r.mentions.length > 10,
      );
      const cstoCount = mentions.filter((mention) => mention.topic === 'csto').length;
      const held = await page.evaluate(() => {
        window.backstoryTestOldHighlight = CSS.highlights.get('backstory-csto');
        return window.backstoryTestOldHighlight?.size ?? 0;
      });
      expect(held).toBe(cstoCount);

      await session.extension((api) => {
        setTimeout(() => api.runtime.reload(), 50);
        return true;
      });
      await sleep(3_000);
      // A pointer move is one of the moments an orphaned copy checks its context.
      const point = await pointOnText(page, 'CSTO');
      await page.mouse.move(point.x, point.y);
      await page.mouse.move(point.x + 40, point.y + 40);

      if (browserName === 'firefox') {
        // Firefox shuts the old copy's sandbox down and injects the new version: the new copy
        // registers fresh highlights for every mention, once; the old ones are unregistered
        // (no longer painted) whether or not the old copy lived to clear them.
        await page.waitFor(
          (expected: number) => {
            const current = CSS.highlights.get('backstory-csto');
            const old = window.backstoryTestOldHighlight;
            const registered = [...CSS.highlights.values()];
            return current !== old && current?.size === expected && !registered.includes(old!);
          },
          undefined,
          cstoCount,
        );
      } else {
        // Chromium leaves the old copy running with a dead context and does not re-inject: the
        // orphan notices on the pointer move, clears and unregisters its highlights.
        await page.waitFor(
          () =>
            window.backstoryTestOldHighlight?.size === 0 &&
            CSS.highlights.get('backstory-csto') === undefined,
        );
      }
      expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(0);
    });
  });
}

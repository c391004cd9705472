/**
 * Renders docs/screenshot-popup-light.png and docs/screenshot-popup-dark.png: the built popup in
 * Chromium, describing a sample news page, once per colour scheme. Run after `npm run build`:
 *
 *   npx tsx scripts/screenshot-popup.ts
 */
import path from 'node:path';
import { launchExtension, startServer } from '../test/e2e/harness';
import { ROOT } from './lib/paths';

/** The popup's own width (popup.css) plus nothing: the picture is exactly what users see. */
const POPUP_WIDTH_PX = 340;

const SAMPLE_PAGE = `<!doctype html><html lang="en"><title>Sample news page</title><body>
<p>The January 2022 unrest in Kazakhstan began with fuel protests in Zhanaozen.</p>
<p>Leaders of the CSTO met in Moscow on Monday.</p>
<p>The Collective Security Treaty Organization sent about 2,000 troops to Kazakhstan.</p>
</body></html>`;

async function main(): Promise<void> {
  const server = await startServer();
  const session = await launchExtension('chromium');
  try {
    const page = await session.newPage();
    await page.goto(server.route('/sample.html', SAMPLE_PAGE));
    await session.sendToTab(page, { type: 'get-mentions' });
    const tabId = await session.tabId(page);
    const popup = await session.openPopup(`popup/index.html?tab=${tabId}`);
    if (popup.browser !== 'chromium') throw new Error('screenshots are taken in Chromium');
    await popup.waitFor(() => document.querySelector('button.mention'));
    for (const scheme of ['light', 'dark'] as const) {
      await popup.raw.emulateMedia({ colorScheme: scheme });
      // Height follows the content, as the real popup does.
      const height = await popup.evaluate(() => document.body.scrollHeight);
      await popup.setViewport(POPUP_WIDTH_PX, height);
      const file = path.join(ROOT, `docs/screenshot-popup-${scheme}.png`);
      await popup.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

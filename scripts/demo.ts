/**
 * Shows Backstory on the seed article in Chromium with the built extension loaded.
 *
 *   npm run demo                              headed, if a display is available
 *   npm run demo -- --screenshot FILE.png     headless: hover a mention, wait for the card, save
 *
 * Needs `npm run build` first. The page is served from 127.0.0.1 by the e2e harness's server.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, startServer, type TestPage } from '../test/e2e/harness';
import { chromium } from 'playwright-core';
import { DIST } from './lib/paths';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const SEED_PAGE = '/fixtures/pages/seed.html';
/** The mention hovered for the screenshot, and which occurrence of it. */
const HOVERED_TEXT = 'Collective Security Treaty Organization';

function screenshotArgument(): string | undefined {
  const at = process.argv.indexOf('--screenshot');
  if (at < 0) return undefined;
  const file = process.argv[at + 1];
  if (!file) throw new Error('--screenshot needs a file name, e.g. --screenshot card.png');
  return path.resolve(file);
}

async function hoverFirst(page: TestPage, text: string): Promise<void> {
  const point = await page.evaluate((wanted: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0 || node.parentElement?.tagName !== 'P') continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" not found on the demo page`);
  await page.mouse.move(point.x, point.y);
  await page.waitFor(
    () => {
      const host = document.querySelector('backstory-card');
      const style = host && getComputedStyle(host);
      return Boolean(style && style.display !== 'none' && style.visibility === 'visible');
    },
    { timeoutMs: 10_000 },
  );
  // Let the card's entrance animation finish.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

async function takeScreenshot(file: string): Promise<void> {
  const server = await startServer();
  const session = await launchExtension('chromium', { viewport: { width: 1100, height: 720 } });
  try {
    const page = await session.newPage();
    await page.goto(server.url(SEED_PAGE));
    await session.sendToTab(page, { type: 'get-mentions' });
    await hoverFirst(page, HOVERED_TEXT);
    await mkdir(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
  } finally {
    await session.close();
    await server.close();
  }
}

async function showHeaded(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(
      'No display available (DISPLAY/WAYLAND_DISPLAY unset), so no browser window can open.\n' +
        'Run `npm run demo -- --screenshot card.png` for a headless screenshot instead.',
    );
    process.exitCode = 1;
    return;
  }
  const extension = path.join(DIST, 'chrome');
  const server = await startServer();
  const profile = await mkdtemp(path.join(tmpdir(), 'backstory-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url(SEED_PAGE));
  console.log('Hover a highlighted mention, or press Alt+Shift+K. Close the window to quit.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'chrome/manifest.json'))) {
    throw new Error('dist/chrome is missing: run `npm run build` first.');
  }
  const file = screenshotArgument();
  if (file) await takeScreenshot(file);
  else await showHeaded();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

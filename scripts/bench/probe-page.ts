/**
 * Shared by the one-page probes (profile-page.ts, trace-hover.ts): a page served and prepared
 * as `npm run bench` does it, open in headless Chromium with the benchmark's page helpers,
 * ready to run the built content script.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { launch } from './browser';
import { pageHelpersSource } from './page-bundle';
import { CONTENT_SOURCE_URL } from './run-page';
import { startServer, type ServedPage } from './server';

export interface ProbePage {
  page: Page;
  /** Runs content.js as the benchmark does; resolves when its scan has finished. */
  runContentScript(): Promise<unknown>;
  close(): Promise<void>;
}

export async function openProbePage(served: ServedPage, dist: string): Promise<ProbePage> {
  const js = await readFile(`${dist}/content.js`, 'utf8');
  const css = await readFile(`${dist}/content.css`, 'utf8');
  const server = await startServer(dist);
  const browser = await launch('chromium');
  const page = browser.page;
  try {
    await page.goto(server.publish('p', served), { waitUntil: 'load' });
    await page.evaluate(await pageHelpersSource());
    await page.evaluate(
      `__bench.prepareBackstory(${JSON.stringify(server.extensionBase)}, ${JSON.stringify(css)})`,
    );
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
  return {
    page,
    runContentScript: async () => {
      await page.evaluate(
        `__bench.begin();\n${js}\n;__bench.endSync(60000);\n//# sourceURL=${CONTENT_SOURCE_URL}`,
      );
      return page.evaluate('__bench.finish()');
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

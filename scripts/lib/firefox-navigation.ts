import type { Page } from 'puppeteer-core';

/**
 * Firefox's BiDi navigate listens to the top-level web progress, which also hears its subframes:
 * when a subframe shows an error page (a corpus page's ad iframe refused by the offline proxy)
 * before the top-level navigation commits, the navigate command fails with the generic "Address
 * rejected" although the page itself loaded. Seen in CI on readability-nytimes-1.html and in the
 * benchmark on 11 of the 600 page variants of a 300-page Firefox run. Accept the navigation only
 * if the top-level document is the requested one and then finishes loading; a top-level error
 * page has an about:neterror document URI and still fails.
 */
export async function landedDespite(page: Page, url: string, error: unknown): Promise<boolean> {
  if (!(error instanceof Error) || !error.message.includes('Address rejected')) return false;
  try {
    await page.waitForFunction(
      (expected: string) => document.documentURI === expected && document.readyState === 'complete',
      { timeout: 30_000, polling: 50 },
      url,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Real pages from ../shared/corpus, in real Chromium and Firefox: with a mention sentence
 * inserted into the article text, the card opens on hover, and the page's DOM after scanning,
 * highlighting and opening the card equals the DOM of the same HTML without the extension
 * (the served HTML parsed by DOMParser in the page), apart from our one host element.
 *
 * The served copy has its scripts cut out (content-served-copy.ts) and a CSP forbids any other
 * script: with the page's own scripts gone, any difference can only come from the extension.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, CORPUS_PAGES, type TestPage } from './harness';
import { hoverUntilOpen, moveAway, waitForClosed, waitForMentions } from './content-helpers';
import { INSERTED_SENTENCE, servedCopy } from './content-served-copy';
import { useExtensionSession } from './session-setup';

/** A fixed sample across the corpus's sources (all UTF-8, all with an article paragraph). */
const PAGES = [
  'aeb-9to5mac.com-cc4aa22b.html',
  'aeb-albawaba.com-833caf3b.html',
  'aeb-aljazeera.com-7916ecca.html',
  'aeb-appleinsider.com-65bf3048.html',
  'aeb-ascom.com-5ae11e58.html',
  'aeb-autoindustriya.com-aadb38e5.html',
  'goose3-aolnews.html',
  'goose3-businessweek2.html',
  'goose3-elmondo1.html',
  'htmlparser-benchmark-bbc.co.uk-204684f6.html',
  'htmlparser-benchmark-rferl.org-5f8c9f60.html',
  'newspaper-247wallst.com2.html',
  'newspaper-about.com2.html',
  'newspaper-avclub.com2.html',
  'newspaper4k-cnn-001.html',
  'newspaper4k-cleveland.com1.html',
  'postlight-abcnews.go.com.html',
  'postlight-al.com.html',
  'postlight-androidcentral.com.html',
  'postlight-asahi.com.html',
  'readability-aclu.html',
  'readability-aktualne.html',
  'readability-ars-1.html',
  'readability-archive-of-our-own.html',
  'trafilatura-100noticias.com-millones.html',
  'trafilatura-blog.mondediplo.net.turpitude.html',
  'trafilatura-cbsnews.com.carolina.html',
  'trafilatura-bondyblog.fr.paris-8.html',
];

/** The page's DOM as markup, without our host element (XMLSerializer: the same for both sides). */
function serialisedDom(page: TestPage, referenceHtml?: string): Promise<string> {
  return page.evaluate((html?: string) => {
    const root = html
      ? new DOMParser().parseFromString(html, 'text/html').documentElement
      : (document.documentElement.cloneNode(true) as Element);
    for (const host of root.querySelectorAll('backstory-card')) host.remove();
    return new XMLSerializer().serializeToString(root);
  }, referenceHtml);
}

/** Centre of "CSTO" in the inserted paragraph, scrolled into the middle of the viewport. */
function insertedMentionPoint(page: TestPage): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const paragraph = document.getElementById('backstory-test-mention');
    const text = paragraph?.firstChild;
    if (!paragraph || !(text instanceof Text)) return null;
    paragraph.scrollIntoView({ block: 'center' });
    const at = text.data.indexOf('CSTO');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 4);
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
}

/** '' when equal; else both strings around the first differing character (readable failures). */
function firstDifference(actual: string, expected: string): string {
  if (actual === expected) return '';
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (text: string): string => text.slice(Math.max(0, at - 80), at + 80);
  return `at ${at}:\n  actual:   ${around(actual)}\n  expected: ${around(expected)}`;
}

for (const browserName of BROWSERS) {
  describe(`corpus pages in ${browserName}`, () => {
    const ext = useExtensionSession(browserName);

    it.each(PAGES)('%s: card opens on hover; page DOM untouched', async (file) => {
      const original = await readFile(path.join(CORPUS_PAGES, file), 'utf8');
      const { html, inserted } = servedCopy(original);
      expect(inserted).toBe(true);
      // The CSP also blocks inline event handlers (onerror="this.src=…"), the page's last way
      // to change its own DOM; content scripts are exempt from it (and the card must cope).
      const url = ext.server.route(`/served/${file}`, {
        body: html,
        headers: { 'content-security-policy': "script-src 'none'" },
      });
      await ext.page.goto(url);

      const reply = await waitForMentions(ext.session, ext.page, (r) =>
        r.mentions.some((mention) => mention.text === 'CSTO'),
      );
      expect(reply.active).toBe(true);
      const before = await serialisedDom(ext.page);

      const point = await insertedMentionPoint(ext.page);
      if (!point) throw new Error(`"${INSERTED_SENTENCE}" is not laid out on ${file}`);
      const card = await hoverUntilOpen(ext.page, point);
      expect(card.text).toContain('Trend');

      const after = await serialisedDom(ext.page);
      const reference = await serialisedDom(ext.page, html);
      expect(firstDifference(after, before)).toBe('');
      expect(firstDifference(after, reference)).toBe('');

      await moveAway(ext.page);
      await waitForClosed(ext.page);
    });
  });
}

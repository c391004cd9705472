/**
 * A fixed sample of the real-page sweep (`npm run sweep` visits all 300 pages): ten corpus
 * pages per browser, five of them "term-hit" pages that use "Kazakhstan" in other senses
 * (country list, navigation, sports article, attributes, language switcher), the others chosen
 * for variety (Arabic news, Japanese with a shift_jis <meta>, windows-1250 Polish, a legacy
 * iso-8859-15 <meta>, a big NYT page). Backstory must leave every page as it found it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listCorpus } from '../../scripts/sweep/corpus';
import { details } from '../../scripts/sweep/report';
import { layoutShifted, wrongUnrest, type PageResult } from '../../scripts/sweep/result';
import { runSweep } from '../../scripts/sweep/run';
import { BROWSERS } from './harness';

const SAMPLE = [
  'readability-mozilla-1.html',
  'newspaper-telegraph.co.uk1.html',
  'aeb-sportsnet.ca-0d461229.html',
  'readability-wikipedia-2.html',
  'trafilatura-spontis.de.jahrzehnt.html',
  'aeb-aljazeera.com-7916ecca.html',
  'postlight-itmedia.co.jp.html',
  'trafilatura-unijne-fundusze-coraz-blizej.-sejm-zaglosowal-za--polityka--rp.pl.html',
  'goose3-elmondo1.html',
  'readability-nytimes-1.html',
];

describe.each(BROWSERS)('real-page sweep sample in %s', (browser) => {
  let results: PageResult[] = [];
  /** The sweep's own account of every problem, shown when an assertion fails. */
  let report = '';

  beforeAll(async () => {
    const corpus = await listCorpus();
    const pages = SAMPLE.map((file) => {
      const page = corpus.find((p) => p.file === file);
      if (!page) throw new Error(`corpus page ${file} is missing from ../shared/corpus/pages`);
      return page;
    });
    results = (await runSweep({ browser, pages })).results;
    report = details(results).join('\n');
  }, 600_000);

  it('visits every page and reaches the content script on each', () => {
    expect(results.map((r) => r.file)).toEqual(SAMPLE);
    expect(
      results.filter((r) => r.failure || r.probeMissing).map((r) => r.file),
      report,
    ).toEqual([]);
  });

  it('includes term-hit pages, and none gets a kazakhstan-unrest highlight', () => {
    expect(results.filter((r) => r.termHit).length).toBeGreaterThanOrEqual(5);
    expect(
      results.filter(wrongUnrest).map((r) => r.file),
      report,
    ).toEqual([]);
  });

  it('throws no error and makes no network request', () => {
    expect(
      results.flatMap((r) => r.errors),
      report,
    ).toEqual([]);
    expect(
      results.flatMap((r) => r.requests),
      report,
    ).toEqual([]);
  });

  it('counts the bundles injected on demand as package reads, never as requests', () => {
    if (browser === 'firefox') {
      // Package reads never reach the network (hence the proxy); Firefox does not show them.
      expect(results.every((r) => r.extensionFiles === null)).toBe(true);
      return;
    }
    for (const r of results.filter((r) => r.seedFound)) {
      const files = r.extensionFiles ?? [];
      // The seed passes the pre-check, so the matcher was injected: once per page.
      expect(
        files.filter((f) => f === '/detector.js'),
        r.file,
      ).toEqual(['/detector.js']);
      if (r.cardShown) expect(files, r.file).toContain('/card-ui.js');
    }
    expect(
      results.flatMap((r) => r.requests).filter((q) => q.includes('chrome-extension:')),
    ).toEqual([]);
  });

  it('changes no DOM but for the one card host, and shifts no layout', () => {
    expect(
      results.filter((r) => r.domChanged).map((r) => r.file),
      report,
    ).toEqual([]);
    expect(
      results.filter(layoutShifted).map((r) => r.file),
      report,
    ).toEqual([]);
    for (const r of results) expect(r.added.length, r.file).toBeLessThanOrEqual(1);
  });

  it('finds the seeded CSTO mention and opens its card wherever it can be hovered', () => {
    expect(
      results.filter((r) => !r.seedFound).map((r) => r.file),
      report,
    ).toEqual([]);
    const hoverable = results.filter((r) => r.seedHoverable);
    expect(hoverable.length).toBeGreaterThanOrEqual(5);
    expect(
      hoverable.filter((r) => !r.cardShown).map((r) => r.file),
      report,
    ).toEqual([]);
  });
});

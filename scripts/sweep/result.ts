/** What the sweep records for each page, and the summary line it ends with. */
import type { BrowserName } from '../../test/e2e/harness';
import type { MentionSummary } from '../../src/shared/messages';

export interface PageResult {
  file: string;
  termHit: boolean;
  ms: number;
  /** The visit itself failed (timeout, no answer from the content script, …). */
  failure?: string;
  /** The probe did not run (a page's own CSP can forbid it): DOM and shift checks are void. */
  probeMissing: boolean;
  /** Mentions the page itself produced (the seeded CSTO sentence excluded). */
  pageMentions: MentionSummary[];
  /** Whether the seeded CSTO mention was found. */
  seedFound: boolean;
  /** Whether the seed was visible and uncovered, so the pointer could hover it. */
  seedHoverable: boolean;
  /** Whether hovering the seeded mention attached the card host. */
  cardShown: boolean;
  /** Tag names of elements added under <html> (the card host is the one allowed). */
  added: string[];
  domChanged: boolean;
  domDifference?: string;
  /** Sampled elements that moved while the card opened (page's own drift excluded). */
  moved: number;
  /** Chromium 'layout-shift' score from the content script's first answer to the end of the
   * visit (Firefox has no such entries). */
  shiftScore: number | null;
  /** Page time (ms) of the shift window and the pointer target, to replay without the extension. */
  replay?: {
    url: string;
    from: number;
    scrollAt: number;
    hoverAt: number;
    to: number;
    target: { x: number; y: number } | null;
  };
  /** Chromium: the same window's layout-shift score with no extension loaded (control run). */
  shiftScoreWithoutExtension?: number;
  /** The page kept moving by itself, so geometry could not be attributed. */
  geometryUnstable: boolean;
  errors: string[];
  /** Network requests attributed to the extension. */
  requests: string[];
  /** Our own packaged files loaded into the tab (e.g. `/detector.js`): not requests; `null`
   * where the browser does not show them (Firefox). */
  extensionFiles: string[] | null;
}

export interface SweepSummary {
  browser: BrowserName;
  pages: number;
  extensionErrors: number;
  domChangedPages: number;
  layoutShiftPages: number;
  extensionRequests: number;
  pagesWithMentions: number;
  /** Loads of our own packaged files into the tab (content.js, detector.js, card-ui.js), which
   * are not network requests; null where the browser does not show them (Firefox). */
  extensionFileLoads: number | null;
}

/** Moved while the card opened, or a layout shift that the page does not also make without us. */
export function layoutShifted(r: PageResult): boolean {
  const shiftedWithUs = (r.shiftScore ?? 0) > 0;
  const shiftedAnyway = (r.shiftScoreWithoutExtension ?? 0) > 0;
  return r.moved > 0 || (shiftedWithUs && !shiftedAnyway);
}

/** Which of our packaged files were loaded into the tab, and on how many pages each, in
 * first-seen order (`null` when the browser does not show them). */
export function fileLoadCounts(results: readonly PageResult[]): Map<string, number> | null {
  if (results.some((r) => r.extensionFiles === null)) return null;
  const counts = new Map<string, number>();
  for (const r of results) {
    for (const file of new Set(r.extensionFiles)) counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}

/** A kazakhstan-unrest highlight on a page that only uses the word in another sense. */
export function wrongUnrest(r: PageResult): boolean {
  return r.termHit && r.pageMentions.some((m) => m.topic === 'kazakhstan-unrest');
}

export function summarize(browser: BrowserName, results: readonly PageResult[]): SweepSummary {
  return {
    browser,
    pages: results.length,
    extensionErrors: results.reduce((n, r) => n + r.errors.length, 0),
    domChangedPages: results.filter((r) => r.domChanged).length,
    layoutShiftPages: results.filter(layoutShifted).length,
    extensionRequests: results.reduce((n, r) => n + r.requests.length, 0),
    pagesWithMentions: results.filter((r) => r.pageMentions.length > 0).length,
    extensionFileLoads: results.every((r) => r.extensionFiles !== null)
      ? results.reduce((n, r) => n + (r.extensionFiles?.length ?? 0), 0)
      : null,
  };
}

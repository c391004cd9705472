/**
 * One corpus page: load it (scripts off, probe first, CSTO sentence seeded), wait until the
 * extension's scan has settled, hover the seeded mention so the card opens, and compare the
 * DOM and geometry with what they were before the extension did anything.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtensionSession, TestPage, TestServer } from '../../test/e2e/harness';
import { detectCharset } from '../../test/e2e/harness/charset';
import type { MentionsReply, MentionSummary } from '../../src/shared/messages';
import { CORPUS_PAGES } from '../lib/paths';
import type { CorpusPage } from './corpus';
import type { Observer } from './observer';
import { PROBE_GLOBAL, type DomDiff, type ProbeApi } from './probe';
import { preparePage, SEED_ID, SEED_TEXT, SWEEP_CSP } from './prepare';
import type { PageResult } from './result';

export interface VisitEnv {
  session: ExtensionSession;
  page: TestPage;
  server: TestServer;
  observer: Observer;
}

/** The scan has settled when the same answer came back this many times in a row… */
const STABLE_REPLIES = 3;
/** …polled this often (ms). */
const POLL_MS = 250;
/** Longest wait for the scan of one page (ms); the stress pages are 1–2.5 MB. */
const SCAN_TIMEOUT_MS = 20_000;
/** Card delay is ~500 ms after hover; wait past it (ms). */
const HOVER_SETTLE_MS = 1_000;
/** Quiet period used to tell the page's own movement from ours (ms). */
const DRIFT_WINDOW_MS = 300;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isSeed(mention: MentionSummary): boolean {
  return mention.topic === 'csto' && SEED_TEXT.test(mention.text.trim());
}

async function settledMentions(
  env: VisitEnv,
  onFirstReply?: () => Promise<void>,
): Promise<MentionsReply> {
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  let last = '';
  let same = 0;
  for (;;) {
    const reply = await env.session.sendToTab<MentionsReply>(env.page, { type: 'get-mentions' });
    if (same === 0) await onFirstReply?.();
    // Until its settings have loaded the content script answers `active: false`: not settled.
    const key = JSON.stringify(reply);
    same = reply.active && key === last ? same + 1 : 1;
    last = key;
    if (same >= STABLE_REPLIES) return reply;
    if (Date.now() > deadline) {
      throw new Error(
        reply.active
          ? `mentions still changing after ${SCAN_TIMEOUT_MS} ms`
          : `content script still inactive after ${SCAN_TIMEOUT_MS} ms`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** Scrolls the seed into view; returns its centre in viewport coordinates, or null if hidden. */
export function seedTarget(seedId: string): { x: number; y: number } | null {
  const el = document.getElementById(seedId);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  // Covered by an overlay (cookie wall, sticky ad): the pointer would not reach it.
  const hit = document.elementFromPoint(x, y);
  return hit === el || el.contains(hit) ? { x, y } : null;
}

export async function visit(env: VisitEnv, corpusPage: CorpusPage): Promise<PageResult> {
  const started = Date.now();
  const bytes = await readFile(path.join(CORPUS_PAGES, corpusPage.file));
  const prepared = preparePage(bytes);
  const charset = detectCharset(prepared.body);
  const url = env.server.route(`/sweep/${encodeURIComponent(corpusPage.file)}`, {
    body: prepared.body,
    contentType: charset ? `text/html; charset=${charset}` : 'text/html',
    headers: { 'content-security-policy': SWEEP_CSP },
  });
  const result: PageResult = {
    file: corpusPage.file,
    termHit: corpusPage.termHit,
    ms: 0,
    probeMissing: false,
    pageMentions: [],
    seedFound: false,
    seedHoverable: false,
    cardShown: false,
    added: [],
    domChanged: false,
    moved: 0,
    shiftScore: null,
    geometryUnstable: false,
    errors: [],
    requests: [],
    extensionFiles: null,
  };
  const { page } = env;
  try {
    // The harness answers get-mentions through an extension page opened in another tab; keep
    // the swept tab in front, or the browser throttles its timers and frames as a background tab.
    await page.bringToFront();
    await page.goto(url);
    result.probeMissing = !(await page.evaluate(
      (name: string) =>
        (window as unknown as Record<string, { ready?: boolean }>)[name]?.ready === true,
      PROBE_GLOBAL,
    ));
    // From the content script's first answer on, any layout shift counts (Chromium reports them).
    let scanStartedAt = Number.POSITIVE_INFINITY;
    const before = await settledMentions(env, async () => {
      scanStartedAt = await page.evaluate(() => performance.now());
    });
    result.seedFound = before.mentions.some(isSeed);

    if (!result.probeMissing) {
      const scrollAt = await page.evaluate(() => performance.now());
      const target = await page.evaluate(seedTarget, SEED_ID);
      result.seedHoverable = target !== null;
      // Let scrolling settle, then take two marks to see whether the page moves by itself.
      let stable = false;
      for (let attempt = 0; attempt < 4 && !stable; attempt++) {
        await page.evaluate(
          (name: string) =>
            (window as unknown as Record<string, ProbeApi | undefined>)[name]?.mark('a'),
          PROBE_GLOBAL,
        );
        await sleep(DRIFT_WINDOW_MS);
        stable =
          (await page.evaluate((name: string) => {
            const api = (window as unknown as Record<string, ProbeApi | undefined>)[name];
            api?.mark('b');
            return api?.moved('a', 'b') ?? 0;
          }, PROBE_GLOBAL)) === 0;
      }
      result.geometryUnstable = !stable;
      const hoverAt = await page.evaluate(() => performance.now());
      if (target) {
        await page.mouse.move(target.x, target.y, { steps: 2 });
        await sleep(HOVER_SETTLE_MS);
      }
      const windowEnd = await page.evaluate(() => performance.now());
      result.replay = { url, from: scanStartedAt, scrollAt, hoverAt, to: windowEnd, target };
      const after = await page.evaluate(
        (name: string, since: number) => {
          const api = (window as unknown as Record<string, ProbeApi | undefined>)[name];
          if (!api) return null;
          api.mark('c');
          const diff: DomDiff = api.diff();
          const score = api.layoutShiftSupported
            ? api.shifts
                .filter((s) => !s.hadRecentInput && s.startTime >= since)
                .reduce((sum, s) => sum + s.value, 0)
            : null;
          return { diff, moved: api.moved('b', 'c'), score };
        },
        PROBE_GLOBAL,
        scanStartedAt,
      );
      if (after) {
        result.added = after.diff.added;
        result.cardShown = target !== null && after.diff.added.length > 0;
        // One element under <html>, the card host, is all Backstory may add.
        result.domChanged =
          after.diff.changed || after.diff.removed > 0 || after.diff.added.length > 1;
        result.domDifference = after.diff.firstDifference;
        result.shiftScore = after.score;
        if (!result.geometryUnstable) result.moved = after.moved;
      }
      // Move away so the card closes before the next page.
      await page.mouse.move(1, 1);
    }
    const final = await settledMentions(env);
    result.pageMentions = final.mentions.filter((m) => !isSeed(m));
  } catch (error) {
    result.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  const attributed = env.observer.take(Buffer.from(bytes).toString('latin1'));
  result.errors = attributed.errors;
  result.requests = attributed.requests;
  result.extensionFiles = attributed.files;
  result.ms = Date.now() - started;
  return result;
}

/**
 * Hostile pages (test/fixtures/hostile/): each one built to break an extension that injects
 * into every site. In both browsers, one launch each, Backstory must keep working (mentions
 * found, card visible) without hurting the page, throwing an error or making a request. The
 * last test reloads the extension under an open tab (it closes the harness's extension page,
 * so nothing may follow it).
 *
 * Baselines: Backstory is switched off for "localhost" (its per-site switch), so the same
 * fixture served as http://localhost:PORT/… runs with the extension installed but idle.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatchedSession, type WatchedSession } from '../../scripts/sweep/session';
import type { MentionsReply } from '../../src/shared/messages';
import { HUGE_BLOCKS, HUGE_MENTION_EVERY, hugePage } from '../fixtures/hostile/huge-page';
import {
  cardState,
  hoverUntilOpen,
  moveAway,
  pointOnText,
  sleep,
  waitForClosed,
  waitForMentions,
} from './content-helpers';
import { BROWSERS, FIXTURES, type ExtensionSession, type TestPage } from './harness';

const HOSTILE = path.join(FIXTURES, 'hostile');

/** Stores settings with Backstory switched off on `sites`, as the popup's site switch does. */
async function disableSites(session: ExtensionSession, sites: string[]): Promise<void> {
  await session.extension(async (api, disabledSites: string[]) => {
    const record = {
      version: 1,
      enabled: true,
      topics: { csto: true, 'kazakhstan-unrest': true },
      disabledSites,
      showBadge: true,
      savedAt: Date.now(),
    };
    await api.storage.sync.set({ settings: record });
  }, sites);
}

/** The card host's and dialog's state as the user would see it, read through the open shadow
 * root: is the element at the dialog's centre really the card (nothing painted over it)? */
function cardOnTop(page: TestPage) {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('backstory-card');
    const host = hosts[0];
    const dialog = host?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!host || !dialog) return { hosts: hosts.length, onTop: false, width: 0, height: 0 };
    const rect = dialog.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + Math.min(rect.height / 2, 40);
    const hit = document.elementFromPoint(x, y);
    const inner = host.shadowRoot?.elementFromPoint(x, y);
    const style = getComputedStyle(dialog);
    return {
      hosts: hosts.length,
      onTop: hit === host && Boolean(inner && dialog.contains(inner)),
      width: rect.width,
      height: rect.height,
      fontSize: Number.parseFloat(style.fontSize),
      background: style.backgroundColor,
      textLength: (dialog.textContent ?? '').trim().length,
    };
  });
}

/** Colours ("r,g,b") of the screenshot at `points`, decoded in the page without touching its
 * DOM (an ImageBitmap from a Blob, drawn on an OffscreenCanvas). */
async function pixels(page: TestPage, points: { x: number; y: number }[]): Promise<string[]> {
  const png = Buffer.from(await page.screenshot()).toString('base64');
  return page.evaluate(
    async (base64: string, at: { x: number; y: number }[]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) return [];
      context.drawImage(bitmap, 0, 0);
      // Screenshots are in device pixels; the points are CSS pixels.
      const scale = bitmap.width / innerWidth;
      return at.map(({ x, y }) => {
        const d = context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
        return `${d[0]},${d[1]},${d[2]}`;
      });
    },
    png,
    points,
  );
}

function mentionTexts(reply: MentionsReply): string[] {
  return reply.mentions.map((m) => m.text);
}

describe.each(BROWSERS)('hostile pages in %s', (browser) => {
  let w: WatchedSession;
  let page: TestPage;
  /** http://localhost:PORT: the same server, where Backstory is switched off. */
  let baselineOrigin: string;

  beforeAll(async () => {
    w = await startWatchedSession(browser);
    page = w.page;
    await disableSites(w.session, ['localhost']);
    // The harness's extension page opened in a new tab: put the test tab back in front, or the
    // browser throttles its timers and frames like any background tab.
    await page.bringToFront();
    baselineOrigin = w.server.origin.replace('127.0.0.1', 'localhost');
    w.server.route('/generated/huge.html', hugePage());
    const csp = await readFile(path.join(HOSTILE, 'csp.html'));
    w.server.route('/generated/csp.html', {
      body: csp,
      headers: { 'content-security-policy': "default-src 'none'" },
    });
  }, 180_000);

  afterAll(async () => {
    await w?.close();
  });

  /** Errors and requests attributed to Backstory since the last call: must be none. */
  function expectClean(): void {
    const { errors, requests } = w.observer.take('');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }

  const hover = (point: { x: number; y: number }): Promise<void> =>
    page.mouse.move(point.x, point.y);
  const fixture = (name: string): string => w.server.url(`/fixtures/hostile/${name}`);
  const mentions = (until?: (reply: MentionsReply) => boolean): Promise<MentionsReply> =>
    waitForMentions(w.session, page, (reply) => reply.active && (until?.(reply) ?? true));

  /** The 200k-node test's target: no task or rendering update of ours longer than this. */
  const OUR_LONGEST_MS = 50;
  /** The least noise margin granted, whatever the idle page showed (timer jitter). */
  const NOISE_FLOOR_MS = 50;
  /** How long the 200k-node page is left after load before it is measured. */
  const SETTLE_MS = 3_000;

  /** An empty tab with the previous document's garbage collected (Chromium: forced over CDP;
   * Firefox: given time for its own collection after unload), so that neither measurement of
   * the 200k-node test pays for the 200,000 nodes the other one left behind. */
  async function freshStart(): Promise<void> {
    await page.goto('about:blank');
    if (page.browser === 'chromium' && w.session.browser === 'chromium') {
      const cdp = await w.session.raw.context.newCDPSession(page.raw);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
      await sleep(500);
    } else {
      await sleep(3_000);
    }
  }

  /** The huge page's monitor: its blocks (late 10 ms timer ticks) that began at `since` or later. */
  const blocksSince = (since: number) =>
    page.evaluate((from) => {
      const { lateness } = window as unknown as { lateness: [number, number][] };
      const late = lateness.filter(([t, l]) => t - l >= from).map(([, l]) => l);
      return { maxLateness: Math.max(0, ...late), over50: late.filter((l) => l > 50).length };
    }, since);

  /** The huge page loaded from `origin`, with the time its own load handler and layout ended. */
  async function loadHuge(origin: string): Promise<number> {
    await freshStart();
    await page.goto(`${origin}/generated/huge.html`);
    return page.evaluate(() => (window as unknown as { loadedAt: number }).loadedAt);
  }

  /** Waits until all `expected` mentions are listed; the time since `started`, then 500 ms more. */
  async function allMentions(expected: number, started: number) {
    const reply = await waitForMentions(
      w.session,
      page,
      (r) => r.active && r.mentions.length === expected,
      90_000,
    );
    const scanMs = Date.now() - started;
    await sleep(500);
    return { reply, scanMs };
  }

  /**
   * What any highlighter built on CSS highlights pays on this page, whatever its own code: the
   * page loaded with Backstory off, then, from the page, what Backstory does when it paints its
   * first mention (both topics' highlights registered, one range, the card's listeners added),
   * all in one task. Chromium answers with one rendering update over the whole page, 30-100 ms
   * here (docs/content-script.md, "The first highlight's rendering update").
   */
  async function leastHighlighterCost() {
    const since = await loadHuge(baselineOrigin);
    await page.evaluate(() => {
      // The first block names the CSTO: " on the CSTO, " follows its <b>.
      const text = document.querySelector('b')?.nextSibling as Text;
      const at = text.data.indexOf('CSTO');
      const range = new StaticRange({
        startContainer: text,
        startOffset: at,
        endContainer: text,
        endOffset: at + 4,
      });
      CSS.highlights.set('backstory-csto', new Highlight(range));
      CSS.highlights.set('backstory-kazakhstan-unrest', new Highlight());
      for (const type of ['pointermove', 'pointerout', 'pointerdown', 'pointerup', 'click']) {
        addEventListener(type, () => undefined, { capture: true, passive: true });
      }
    });
    await sleep(4_000);
    return blocksSince(since);
  }

  /**
   * Chromium: Backstory reads the page as it loads, against the same page loaded with it off
   * plus the least a CSS-highlight highlighter must do (leastHighlighterCost). Backstory is
   * measured twice and its better run kept: noise on 2 shared cores only ever adds time, while
   * what this test is for (work of ours in long tasks or in repeated rendering updates) shows
   * in every run.
   */
  async function scanAtLoad(expected: number) {
    const idle = await leastHighlighterCost();
    const runs = [];
    for (let run = 0; run < 2; run++) {
      const busySince = await loadHuge(w.server.origin);
      const { reply, scanMs } = await allMentions(expected, Date.now());
      runs.push({ reply, scanMs, busy: await blocksSince(busySince) });
    }
    const best = runs.reduce((a, b) => (b.busy.maxLateness < a.busy.maxLateness ? b : a));
    const all = runs.map((r) => r.busy.maxLateness.toFixed(0)).join(' and ');
    return { ...best, idle, baseline: 'off + first highlight', when: `at load (best of ${all})` };
  }

  /**
   * Firefox: the page loaded with Backstory off for the site and left to settle, then switched
   * on (as from the popup), against the same settled page and the same settings write, still off.
   */
  async function scanSwitchedOn(expected: number) {
    await loadHuge(baselineOrigin);
    await sleep(SETTLE_MS);
    const busySince = await page.evaluate(() => performance.now());
    const started = Date.now();
    await disableSites(w.session, []);
    const { reply, scanMs } = await allMentions(expected, started);
    const busy = await blocksSince(busySince);
    await disableSites(w.session, ['localhost']);
    await loadHuge(baselineOrigin);
    await sleep(SETTLE_MS);
    const idleSince = await page.evaluate(() => performance.now());
    await disableSites(w.session, ['localhost']);
    await sleep(scanMs + 500);
    const idle = await blocksSince(idleSince);
    return { reply, scanMs, idle, busy, baseline: 'off', when: 'switched on' };
  }

  it('stays responsive on a 200,000-node page', async () => {
    const expected = HUGE_BLOCKS / HUGE_MENTION_EVERY;
    // Why two ways. Right after load Firefox does its own work on this page, Backstory or not:
    // blocks of 150-550 ms that start just after the load handler (idle page, 6 loads, 28 Nov),
    // so a load-time comparison with an idle load was a coin toss (CI failed on it: 556 ms
    // against an idle 217 ms). Firefox is therefore measured on the settled page switched on.
    // Chromium has no such blocks of its own and is measured at load, where readers meet it.
    // There the first highlight costs one rendering update over the whole page (30-100 ms
    // here, docs/content-script.md), the browser's price for any CSS highlight: the baseline
    // pays it too (leastHighlighterCost), so what is left is ours.
    const { reply, scanMs, idle, busy, baseline, when } =
      browser === 'firefox' ? await scanSwitchedOn(expected) : await scanAtLoad(expected);
    console.info(
      `[${browser}] 200k nodes, ${when}: ${expected} mentions after ${scanMs} ms; longest ` +
        `main-thread block ${busy.maxLateness.toFixed(0)} ms, ${busy.over50} over 50 ms ` +
        `(baseline, ${baseline}: ${idle.maxLateness.toFixed(0)} ms, ${idle.over50} over 50 ms)`,
    );
    expect(reply.mentions.length).toBe(expected);
    // Counted by XPath: a TreeWalker would give the page 200,000 JS wrappers to collect later.
    const nodes = await page.evaluate(
      () => document.evaluate('count(//node())', document, null, 1, null).numberValue,
    );
    expect(nodes).toBeGreaterThanOrEqual(200_000);
    // The target: no task or rendering update of ours over OUR_LONGEST_MS. What the
    // monitor sees also holds the machine's own noise (2 shared cores: preemption, GC) and, in
    // Chromium, the browser's own update for a first highlight: both taken as the baseline's
    // worst block in the same run, at least NOISE_FLOOR_MS.
    //
    // What this has caught: highlights painted all at once (0.3-1.3 s blocks, now batched);
    // an underline in the ::highlight() style (Chromium re-computed ink overflow up to <body>
    // on each batch, 125-216 ms; see docs/content-script.md); and in Firefox a chain of
    // MessageChannel yields that held the page's timers back for 400-700 ms (now a timer turn
    // every TIMER_TURN_MS, src/content/scheduling.ts).
    const noise = Math.max(idle.maxLateness, NOISE_FLOOR_MS);
    expect(
      busy.maxLateness,
      `longest block ${busy.maxLateness.toFixed(0)} ms > ${OUR_LONGEST_MS} ms + noise ${noise.toFixed(0)} ms`,
    ).toBeLessThanOrEqual(OUR_LONGEST_MS + noise);
    expectClean();
  });

  it('keeps its work bounded on a page that mutates every 10 ms, forever', async () => {
    const WINDOW_MS = 5_000;
    const measure = async (url: string, withUs: boolean) => {
      await page.goto(url);
      if (withUs) await mentions((r) => r.mentions.length > 0);
      else await sleep(1_000);
      let cdp: CDPSession | undefined;
      let before = 0;
      if (browser === 'chromium' && w.session.browser === 'chromium') {
        cdp = await w.session.raw.context.newCDPSession(page.raw as PlaywrightPage);
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        before = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
      }
      const ticks0 = await page.evaluate(() =>
        (window as unknown as { mutationTicks(): number }).mutationTicks(),
      );
      await sleep(WINDOW_MS);
      const ticks1 = await page.evaluate(() =>
        (window as unknown as { mutationTicks(): number }).mutationTicks(),
      );
      let scriptSeconds: number | null = null;
      if (cdp) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        scriptSeconds = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) - before;
        await cdp.detach();
      }
      return { ticks: ticks1 - ticks0, scriptSeconds };
    };
    const idle = await measure(`${baselineOrigin}/fixtures/hostile/mutate.html`, false);
    const busy = await measure(fixture('mutate.html'), true);
    console.info(
      `[${browser}] endless mutation over ${WINDOW_MS} ms: page timer ticks ${busy.ticks} ` +
        `(idle ${idle.ticks}); script time ${busy.scriptSeconds?.toFixed(3)} s ` +
        `(idle ${idle.scriptSeconds?.toFixed(3)} s)`,
    );
    // The page's own 10 ms timer is not starved...
    expect(busy.ticks).toBeGreaterThanOrEqual(idle.ticks * 0.7);
    // ...and (Chromium, CDP) our extra main-thread script time stays under 20% of the window.
    if (busy.scriptSeconds !== null && idle.scriptSeconds !== null) {
      expect(busy.scriptSeconds - idle.scriptSeconds).toBeLessThan((WINDOW_MS / 1000) * 0.2);
    }
    // Never more mentions than the page holds at once (20 paragraphs), whatever it does.
    const reply = await mentions();
    expect(reply.mentions.length).toBeLessThanOrEqual(21);
    expectClean();
  });

  it('shows a readable card on top of CSS that restyles everything', async () => {
    await page.goto(fixture('restyle.html'));
    await mentions((r) => r.mentions.length === 1);
    await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
    const card = await cardOnTop(page);
    expect(card.hosts).toBe(1);
    expect(card.onTop).toBe(true);
    // The page's `* { all: unset }`, 3 px fonts and magenta backgrounds did not reach the card.
    expect(card.width).toBeGreaterThanOrEqual(250);
    expect(card.width).toBeLessThanOrEqual(400);
    expect(card.fontSize).toBeGreaterThanOrEqual(12);
    expect(card.background).not.toBe('rgb(255, 0, 255)');
    expect(card.textLength).toBeGreaterThan(40);
    await moveAway(page);
    await waitForClosed(page);
    expectClean();
  });

  it('shows the card above an open modal dialog', async () => {
    await page.goto(fixture('modal.html'));
    expect(await page.evaluate(() => document.querySelector('dialog')?.open)).toBe(true);
    await mentions((r) => r.mentions.some((m) => m.text === 'CSTO'));
    const state = await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
    expect(state.open).toBe(true);
    // Points inside the card but outside the page's dialog, where the backdrop would show.
    const points = await page.evaluate(() => {
      const host = document.querySelector('backstory-card');
      const card = host?.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect();
      const modal = document.querySelector('dialog')?.getBoundingClientRect();
      if (!card || !modal) return [];
      const out: { x: number; y: number }[] = [];
      for (let i = 1; i < 6; i++) {
        for (let j = 1; j < 6; j++) {
          const x = Math.round(card.left + (card.width * i) / 6);
          const y = Math.round(card.top + (card.height * j) / 6);
          const inModal =
            x >= modal.left && x <= modal.right && y >= modal.top && y <= modal.bottom;
          if (!inModal) out.push({ x, y });
        }
      }
      return out;
    });
    expect(points.length).toBeGreaterThanOrEqual(5);
    const open = await pixels(page, points);
    await moveAway(page);
    await waitForClosed(page);
    const closed = await pixels(page, points);
    // Painted above the modal's backdrop: most sampled pixels change when the card closes.
    const changed = open.filter((p, i) => p !== closed[i]).length;
    expect(changed).toBeGreaterThanOrEqual(Math.ceil(points.length * 0.8));
    // The page's dialog is still open and modal: we did not close or steal it.
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(
      true,
    );
    expectClean();
  });

  it("highlights and shows the card under a strict CSP (default-src 'none')", async () => {
    await page.goto(w.server.url('/generated/csp.html'));
    const reply = await mentions((r) => r.mentions.length === 1);
    expect(mentionTexts(reply)).toEqual(['CSTO']);
    await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
    const card = await cardOnTop(page);
    expect(card.onTop).toBe(true);
    // Styled: the constructed stylesheet is not subject to the page's CSP.
    expect(card.width).toBeGreaterThanOrEqual(250);
    expect(card.background).not.toBe('rgba(0, 0, 0, 0)');
    await moveAway(page);
    expectClean();
  });

  it('reads the top document only: no mentions or highlights from iframes (all_frames: false)', async () => {
    await page.goto(fixture('frames.html'));
    await page.waitFor(() => {
      const frames = [...document.querySelectorAll('iframe')];
      return frames.every((f) => f.contentDocument?.readyState === 'complete');
    });
    const reply = await mentions((r) => r.mentions.length > 0);
    await sleep(500);
    expect((await mentions()).mentions.length).toBe(reply.mentions.length);
    // The top document has one CSTO; the frames have three more, and none of them count.
    expect(mentionTexts(reply)).toEqual(['CSTO']);
    const inFrames = await page.evaluate(() =>
      [...document.querySelectorAll('iframe')].map((f) => ({
        highlights: f.contentWindow
          ? (f.contentWindow as Window & typeof globalThis).CSS.highlights.size
          : -1,
        hosts: f.contentDocument?.querySelectorAll('backstory-card').length ?? -1,
      })),
    );
    expect(inFrames).toEqual([
      { highlights: 0, hosts: 0 },
      { highlights: 0, hosts: 0 },
    ]);
    expectClean();
  });

  it("leaves the page's own shadow DOM alone and reads only the light DOM", async () => {
    await page.goto(fixture('shadow.html'));
    const before = await page.evaluate(() => ({
      open: document.getElementById('open')?.shadowRoot?.textContent ?? '',
      closed: (window as unknown as { closedShadowText(): string }).closedShadowText(),
    }));
    const reply = await mentions((r) => r.mentions.length > 0);
    await sleep(500);
    expect(mentionTexts(await mentions())).toEqual(mentionTexts(reply));
    expect(mentionTexts(reply)).toEqual(['CSTO']);
    const after = await page.evaluate(() => ({
      open: document.getElementById('open')?.shadowRoot?.textContent ?? '',
      closed: (window as unknown as { closedShadowText(): string }).closedShadowText(),
    }));
    expect(after).toEqual(before);
    expectClean();
  });

  it('highlights CSTO inside right-to-left Arabic and Hebrew text and opens its card', async () => {
    await page.goto(fixture('rtl.html'));
    const reply = await mentions((r) => r.mentions.filter((m) => m.text === 'CSTO').length === 2);
    expect(reply.mentions.filter((m) => m.topic === 'csto').length).toBeGreaterThanOrEqual(2);
    for (const occurrence of [0, 1]) {
      const state = await hoverUntilOpen(page, await pointOnText(page, 'CSTO', occurrence));
      expect(state.open).toBe(true);
      expect((await cardOnTop(page)).onTop).toBe(true);
      await moveAway(page);
      await waitForClosed(page);
    }
    expectClean();
  });

  it('never highlights inside a rich-text editor, and typing there still works', async () => {
    await page.goto(fixture('editor.html'));
    const reply = await mentions((r) => r.mentions.length > 0);
    await sleep(300);
    // Only the ordinary paragraph's mention; the editor's "CSTO" is the user's own text.
    expect(mentionTexts(reply)).toEqual(['CSTO']);
    const point = await pointOnText(page, 'summit');
    await page.mouse.click(point.x, point.y);
    // Caret to the end of the draft (the End key does not do that in Firefox over BiDi).
    await page.evaluate(() => {
      const editor = document.getElementById('editor');
      const selection = getSelection();
      if (editor && selection) {
        selection.selectAllChildren(editor);
        selection.collapseToEnd();
      }
    });
    await page.keyboard.type(' with the CSTO chiefs');
    const text = await page.waitFor(() => {
      const t = document.getElementById('editor')?.textContent ?? '';
      return t.endsWith('chiefs') ? t : null;
    });
    // Firefox's editor types a trailing space as a no-break space; the words are what count.
    expect(text.replace(/\s+/g, ' ')).toBe('Draft: the CSTO summit with the CSTO chiefs');
    await sleep(600);
    expect(mentionTexts(await mentions())).toEqual(['CSTO']);
    // Hovering the editor's CSTO opens no card.
    await hover(await pointOnText(page, 'CSTO', 1));
    await sleep(900);
    expect((await cardState(page)).open).toBe(false);
    expectClean();
  });

  it('keeps a stable count, without duplicates, on an app that re-renders every 500 ms', async () => {
    await page.goto(fixture('rerender.html'));
    await mentions((r) => r.mentions.length === 2);
    const counts: number[] = [];
    for (let i = 0; i < 12; i++) {
      counts.push((await mentions()).mentions.length);
      await sleep(250);
    }
    // Never more than the two mentions the page shows at once (no duplicates piling up), and
    // found again after re-renders. Between a re-render and the next batch (150 ms) the count
    // dips, which the badge shows as a flicker.
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    expect(counts.filter((c) => c === 2).length).toBeGreaterThanOrEqual(counts.length / 3);
    // A reader's pointer is never perfectly still: jiggle it over the mention for up to 5 s.
    const point = await pointOnText(page, 'CSTO');
    let open = false;
    for (let i = 0; i < 50 && !open; i++) {
      await page.mouse.move(point.x + (i % 2), point.y);
      await sleep(100);
      open = (await cardState(page)).open;
    }
    // Reported, not required by this test: see the report on cards over re-rendered text.
    console.info(`[${browser}] re-rendering app: counts ${counts.join(',')}; card opened: ${open}`);
    expect(
      await page.evaluate(() => document.querySelectorAll('backstory-card').length),
    ).toBeLessThanOrEqual(1);
    await moveAway(page);
    expectClean();
  });

  it('stops cleanly when the extension is reloaded under an open tab (run last)', async () => {
    await page.goto(fixture('csp.html'));
    await mentions((r) => r.mentions.length === 1);
    await hoverUntilOpen(page, await pointOnText(page, 'CSTO'));
    await moveAway(page);
    await waitForClosed(page);
    // runtime.reload() closes the extension page that runs it: do not wait for an answer.
    await Promise.race([
      w.session.extension((api) => {
        setTimeout(() => api.runtime.reload(), 50);
        return true;
      }),
      sleep(3_000),
    ]).catch(() => undefined);
    await sleep(3_000);
    await page.bringToFront();
    // The orphaned content script meets page activity: new text, a hover.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later the CSTO said more.';
      document.body.append(p);
    });
    await sleep(500);
    await hover(await pointOnText(page, 'CSTO'));
    await sleep(1_500);
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('backstory-card')].map((h) => {
        const style = getComputedStyle(h);
        return `${style.display} ${style.visibility}`;
      }),
    );
    await moveAway(page);
    if (browser === 'chromium') {
      // Chrome does not re-inject into open tabs: the orphan must have removed its own host.
      expect(hosts).toEqual([]);
    } else {
      // Firefox re-injects: the new copy shows the card, and no stale host stays behind.
      expect(hosts).toEqual(['block visible']);
      await page.goto(fixture('csp.html'));
      await sleep(1_500);
      await hover(await pointOnText(page, 'CSTO'));
      await page.waitFor(
        () => {
          const host = document.querySelector('backstory-card');
          return Boolean(
            host &&
            getComputedStyle(host).display !== 'none' &&
            getComputedStyle(host).visibility === 'visible',
          );
        },
        { timeoutMs: 10_000 },
      );
      expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
    }
    // Above all: no "Extension context invalidated" (or any other) error from the old copy.
    expectClean();
  });
});

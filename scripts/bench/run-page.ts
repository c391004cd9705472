/**
 * The measurement sequence for one page variant, all in one page load. Every subject starts
 * from the state a content script meets at document_idle (no JS wrappers for the page's nodes
 * yet, nothing marked): each gets a fresh deep copy of the loaded <body>. In each run: the
 * floor, mark.js's two modes, then Backstory, whose previous copy is stopped first (so its
 * MutationObserver never sees the others' edits). Run 0 is a warm-up and is dropped; term mode
 * skips it (it costs one DOM pass per term) and is capped by `termBudgetMs` per page.
 */
import { HOVER_OPEN_MS } from '../../src/content/hover-timing';
import { PRECHECK_DATA } from '../../src/core/vocabulary';
import { landedDespite } from '../lib/firefox-navigation';
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browser';
import type { BenchServer, ServedPage } from './server';
import type { Variant } from './prepare-page';
import type { Vocabulary } from './vocabulary';
import type { BeforeRun } from './page/index';
import type { BackstoryResult, HoverResult, IdleResult, VariantRuns } from './types';

export interface RunContext {
  browser: BenchBrowser;
  server: BenchServer;
  /** Built by scripts/bench/page-bundle.ts. */
  pageHelpers: string;
  contentJs: string;
  contentCss: string;
  markJs: string;
  vocabulary: Vocabulary;
  runs: number;
  /** Run mark.js on this variant. */
  peer: boolean;
  /** Stop term mode once its runs on a page add up to this much (it is ~60 DOM passes). */
  termBudgetMs: number;
  /** DOM-edit checks (on the last run of a page with mentions). */
  extras: boolean;
  /** Run mark.js term mode on this page (it is slow: sampled pages only). */
  terms: boolean;
  /** Measure hovers on this page (sampled pages only: each hover waits out the delay). */
  hover: boolean;
  /** After each timed run, the same setup and window with nothing injected (see page idle()). */
  idleControl: boolean;
  /** Load each page variant in a fresh browser context; run 0 is then a first visit. */
  freshProcess: boolean;
}

const RUN_TIMEOUT_MS = 60_000;
const FLOOR_BATCH_MS = 5;
const HOVERS = 2;
const EDIT_LOOPS = 5;
const EDITS = 1000;

export const CONTENT_SOURCE_URL = 'backstory-bench-content.js';

async function load(ctx: RunContext, url: string): Promise<void> {
  const t0 = performance.now();
  const { page } = ctx.browser;
  const goto = async (): Promise<void> => {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    } catch (error) {
      if (!(await landedDespite(page, url, error))) throw error;
    }
  };
  try {
    await goto();
  } catch {
    // Any other failed navigation is tried once more, from a blank page.
    await page.goto('about:blank');
    await goto();
  }
  if (TRACE)
    process.stderr.write(`  ${(performance.now() - t0).toFixed(0).padStart(6)} ms  load\n`);
  await call(ctx, ctx.pageHelpers);
}

/** BENCH_TRACE=1 prints how long each driver call took (where a slow run spends its time). */
const TRACE = process.env.BENCH_TRACE === '1';

async function call<R>(ctx: RunContext, expression: string): Promise<R> {
  const t0 = performance.now();
  const result = (await ctx.browser.page.evaluate(expression)) as R;
  if (TRACE) {
    const what =
      expression.length > 60 ? `${expression.slice(0, 40)}… (${expression.length} B)` : expression;
    process.stderr.write(
      `  ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${what.replace(/\s+/g, ' ')}\n`,
    );
  }
  return result;
}

async function runBackstory(
  ctx: RunContext,
  last: boolean,
): Promise<{
  result: BackstoryResult;
  heap: number | null;
}> {
  const before = last ? await ctx.browser.heapUsed() : null;
  await call(
    ctx,
    `__bench.begin();\n${ctx.contentJs}\n;__bench.endSync(${RUN_TIMEOUT_MS});\n//# sourceURL=${CONTENT_SOURCE_URL}`,
  );
  const result = await call<BackstoryResult>(ctx, '__bench.finish()');
  if (Number.isNaN(result.totalMs))
    throw new Error('no mentions-changed message: scan never finished');
  const after = before === null ? null : await ctx.browser.heapUsed();
  return { result, heap: before === null || after === null ? null : after - before };
}

async function measureHovers(ctx: RunContext, mentions: number): Promise<HoverResult[]> {
  const out: HoverResult[] = [];
  for (let i = 0; i < Math.min(HOVERS, mentions); i++) {
    const result = await hoverMention(ctx.browser.page, i, (e) => call(ctx, e));
    if (result) out.push(result);
  }
  await ctx.browser.page.mouse.move(2, 2);
  return out;
}

/**
 * One measured hover on mention `index`, as the benchmark makes it: the pointer away from any
 * mention for long enough that an open card closes (300 ms in the card), the mention scrolled
 * into view, the hover probe armed (page/hover.ts; `armSuffix` is appended to its expression),
 * then the pointer onto the mention. `beforeArm` runs just before the probe is armed (the
 * tracer's start). Null when no card was painted or the mention has no box to hover.
 */
export async function hoverMention(
  page: Page,
  index: number,
  evaluate: (expression: string) => Promise<unknown>,
  { beforeArm, armSuffix = '' }: { beforeArm?: () => Promise<void>; armSuffix?: string } = {},
): Promise<HoverResult | null> {
  await page.mouse.move(2, 2);
  await new Promise((r) => setTimeout(r, 400));
  const point = (await evaluate(`__bench.mentionPoint(${index})`)) as {
    x: number;
    y: number;
  } | null;
  if (!point) return null;
  await beforeArm?.();
  const armed = evaluate(
    `__bench.armHover(${JSON.stringify(CONTENT_SOURCE_URL)}, ${HOVER_OPEN_MS}, 3000)${armSuffix}`,
  ) as Promise<HoverResult | null>;
  await new Promise((r) => setTimeout(r, 50));
  await page.mouse.move(point.x, point.y);
  return armed;
}

function edits(ctx: RunContext): Promise<{ with: number[]; without: number[] }> {
  return call(ctx, `__bench.withAndWithout(${EDITS}, ${EDIT_LOOPS})`);
}

function beforeRun(ctx: RunContext, terms: boolean): Promise<BeforeRun> {
  const options = {
    floorBatchMs: FLOOR_BATCH_MS,
    regexp: ctx.peer,
    terms,
    vocabulary: { terms: ctx.vocabulary.terms, regexpSource: ctx.vocabulary.regexpSource },
    precheckSource: PRECHECK_DATA.finder,
    extensionBase: ctx.server.extensionBase,
    css: ctx.contentCss,
  };
  return call(ctx, `__bench.beforeRun(${JSON.stringify(options)})`);
}

export async function runVariant(
  ctx: RunContext,
  pageName: string,
  variant: Variant,
  served: ServedPage,
): Promise<VariantRuns> {
  const url = ctx.server.publish(`${variant}/${pageName}`, served);
  const out: VariantRuns = {
    page: pageName,
    variant,
    htmlBytes: served.body.length,
    textChars: 0,
    allChars: 0,
    textNodes: 0,
    hasTrigger: false,
    floor: [],
    precheckFloorMs: [],
    backstory: [],
    markRegExp: [],
    markTerms: [],
    idle: [],
    heapBytes: null,
    first: null,
    cold: null,
    hover: [],
    editsWithMs: [],
    editsWithoutMs: [],
    errors: [],
  };
  const attempt = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (error) {
      out.errors.push(
        `${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  };

  let termsSpent = 0;
  await attempt('load', async () => {
    // --fresh-process: a renderer process of this variant's own, so run 0 is a first visit.
    if (ctx.freshProcess) await ctx.browser.freshPage();
    await load(ctx, url);
    out.hasTrigger = await call<boolean>(
      ctx,
      `__bench.hasTrigger(${JSON.stringify(ctx.vocabulary.regexpSource)})`,
    );
    if (ctx.peer) await call(ctx, ctx.markJs);
  });
  // Runs 1..runs are timed. Run 0 is a warm-up; with --fresh-process it is the content
  // script's first run in this variant's own renderer process: the "first run" figures. One
  // more run, untimed in the medians, follows a forced GC (the heap figure), which also drops
  // V8's compiled code: its times are the "cold" figures, and the hover and DOM-edit checks
  // run on it.
  for (let run = 0; run <= ctx.runs + 1 && out.errors.length === 0; run++) {
    const last = run === ctx.runs + 1;
    const warmUp = run === 0 || last;
    await attempt(run === 0 ? 'warm-up' : last ? 'cold run' : `run ${run}`, async () => {
      const terms = ctx.peer && ctx.terms && !warmUp && termsSpent < ctx.termBudgetMs;
      const before = await beforeRun(ctx, terms);
      if (!warmUp) {
        out.floor.push(before.floor);
        out.precheckFloorMs.push(before.precheckFloorMs);
      }
      out.textChars = before.floor.textChars;
      out.allChars = before.floor.allChars;
      out.textNodes = before.floor.textNodes;
      if (before.regexp && !warmUp) out.markRegExp.push(before.regexp);
      if (before.terms) {
        out.markTerms.push(before.terms);
        termsSpent += before.terms.ms;
      }
      const { result, heap } = await runBackstory(ctx, last);
      if (!warmUp) out.backstory.push(result);
      if (run === 0 && ctx.freshProcess) out.first = result;
      if (!warmUp && ctx.idleControl) {
        await beforeRun(ctx, false);
        out.idle.push(await call<IdleResult>(ctx, `__bench.idle(${result.scanMs})`));
      }
      if (last) {
        out.heapBytes = heap;
        out.cold = result;
        if (ctx.extras && result.mentions > 0) {
          if (ctx.hover) out.hover = await measureHovers(ctx, result.mentions);
          const measured = await edits(ctx);
          out.editsWithMs = measured.with;
          out.editsWithoutMs = measured.without;
        }
      }
    });
  }
  ctx.server.unpublish(`${variant}/${pageName}`);
  return out;
}

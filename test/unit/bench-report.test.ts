/**
 * The benchmark's budget lines (scripts/bench/report.ts) on hand-made per-page summaries: which
 * pages each budget reads, and the figures printed beside the speed-up and hover budgets.
 */
import { describe, expect, it } from 'vitest';
import { checkBudgets, headline, measuredEnough, tableLines } from '../../scripts/bench/report';
import type { VariantSummary } from '../../scripts/bench/types';

function summary(over: Partial<VariantSummary>): VariantSummary {
  return {
    page: 'page.html',
    variant: 'mentions',
    textChars: 10_000,
    hasTrigger: true,
    mentions: 10,
    floorColdMs: 0.5,
    floorWarmMs: 0.2,
    backstoryMs: 12,
    startupMs: 2,
    scanMs: 10,
    scanBusyMs: 8,
    longestTaskMs: 6,
    lateOutputs: 0,
    longTasks: 0,
    longestLongTaskMs: null,
    ownMarksMs: null,
    ratioCold: 20,
    ratioWarm: 50,
    markRegExpMs: 20,
    markTermsMs: null,
    markTermsRuns: 0,
    speedupRegExp: 2,
    speedupTerms: null,
    heapKB: 1000,
    coldMs: 30,
    hoverMs: [],
    editsWithMs: null,
    editsWithoutMs: null,
    errors: [],
    ...over,
  };
}

const line = (budgets: ReturnType<typeof checkBudgets>, start: string) => {
  const found = budgets.find((b) => b.name.startsWith(start));
  if (!found) throw new Error(`no budget line starting with "${start}"`);
  return found;
};

describe('bench budgets', () => {
  it('judges no-trigger pages by the as-is pages without a vocabulary word only', () => {
    const pages = [
      summary({ variant: 'as-is', hasTrigger: false, mentions: 0, ratioCold: 1.2 }),
      summary({ variant: 'as-is', hasTrigger: false, mentions: 0, ratioCold: 1.4 }),
      // A vocabulary word but no mention: not a no-trigger page, however slow.
      summary({ variant: 'as-is', hasTrigger: true, mentions: 0, ratioCold: 90 }),
    ];
    const budget = line(checkBudgets(pages, 1000), 'no-trigger');
    expect(budget.pass).toBe(true);
    expect(budget.detail).toContain('over 2 pages');
  });

  it('leaves the synthetic page out of the corpus budgets', () => {
    const pages = [
      summary({ longestTaskMs: 20 }),
      summary({ page: 'synthetic-10MB.html', longestTaskMs: 300 }),
    ];
    const budget = line(checkBudgets(pages, 1000), 'no task of ours');
    expect(budget.pass).toBe(true);
    expect(headline('chromium', pages, 1, 1).maxTaskMs).toBe(20);
  });

  it('names the longest tasks of the runs outside the medians, without judging by them', () => {
    const pages = [
      summary({
        page: 'a.html',
        longestTaskMs: 20,
        coldLongestTaskMs: 31.25,
        firstLongestTaskMs: 70,
      }),
      summary({ page: 'b.html', longestTaskMs: 12, coldLongestTaskMs: 64, firstLongestTaskMs: 9 }),
      summary({ page: 'synthetic-10MB.html', longestTaskMs: 300, coldLongestTaskMs: 900 }),
    ];
    const budget = line(checkBudgets(pages, 1000), 'no task of ours');
    expect(budget.pass).toBe(true);
    expect(budget.detail).toContain('longest 20.0 ms on a.html');
    expect(budget.detail).toContain(
      'in the first run in a fresh renderer process (one per page variant, not in the medians) 70.0 ms on a.html',
    );
    expect(budget.detail).toContain(
      'in the cold run after a forced GC (one per page variant, not in the medians) 64.0 ms on b.html',
    );
    // Files written before these runs were recorded have no such figures.
    const old = line(checkBudgets([summary({ longestTaskMs: 20 })], 1000), 'no task of ours');
    expect(old.detail).not.toContain('not in the medians');
  });

  it("prints a first visit's startup + scan beside the warm median, where measured", () => {
    const pages = [
      summary({ backstoryMs: 2, firstMs: 9 }),
      summary({ backstoryMs: 3, firstMs: 12 }),
      summary({ backstoryMs: 4, firstMs: 30 }),
    ];
    const budget = line(checkBudgets(pages, 1000), 'pages with mentions');
    expect(budget.detail).toContain(
      'startup + scan median 3.00 ms, on a first visit (the first run in a fresh renderer process) 12.00 ms',
    );
    const old = line(checkBudgets([summary({})], 1000), 'pages with mentions');
    expect(old.detail).not.toContain('first visit');
  });

  it("prints mark.js RegExp mode's own ratio to the floor beside the speed-up", () => {
    const pages = [
      summary({ floorColdMs: 0.5, markRegExpMs: 10, speedupRegExp: 0.5 }),
      summary({ floorColdMs: 1, markRegExpMs: 30, speedupRegExp: 0.4 }),
      summary({ floorColdMs: 2, markRegExpMs: 80, speedupRegExp: 0.6 }),
    ];
    const budget = line(checkBudgets(pages, 1000), '≥ 5× faster');
    expect(budget.pass).toBe(false);
    // mark.js / floor: 20, 30, 40 → median 30.
    expect(budget.detail).toContain('median ×0.5;');
    expect(budget.detail).toContain('runs at median ×30.0 the floor');
  });

  it('splits the hover figure into its start, our work, the wait for a frame and rendering', () => {
    const pages = [
      summary({
        hoverMs: [10, 20],
        hoverParts: [
          [0, 1, 6, 3],
          [-8, 2, 14, 4],
        ],
      }),
    ];
    const budget = line(checkBudgets(pages, 1000), 'card painted');
    expect(budget.pass).toBe(false); // p95 of [10, 20] is 20
    expect(budget.detail).toContain('p95 20.0 ms');
    expect(budget.detail).toContain(
      "our work started -4.0 / 0.0 ms from the delay's end, our work 1.5 / 2.0, " +
        'wait for the next frame 10.0 / 14.0, rendering 3.5 / 4.0 ms',
    );
  });

  it('prints the floor plus the pre-check regex beside the no-trigger budget, when measured', () => {
    const page = { variant: 'as-is' as const, hasTrigger: false, mentions: 0, floorColdMs: 0.5 };
    const measured = [
      summary({ ...page, page: 'a.html', ratioCold: 4, precheckFloorMs: 0.75 }),
      summary({ ...page, page: 'b.html', ratioCold: 6, precheckFloorMs: 1.25 }),
    ];
    const budget = line(checkBudgets(measured, 1000), 'no-trigger');
    expect(budget.detail).toBe(
      'median ×5.00 over 2 pages; 2 pages over; the floor plus one test of the ' +
        "pre-check's regex per text node, with no content script around it: median ×2.00",
    );
    const before = line(checkBudgets([summary({ ...page, ratioCold: 4 })], 1000), 'no-trigger');
    expect(before.detail).toBe('median ×4.00 over 1 pages; 1 pages over');
  });

  it('says the mark.js budget was not measured in a run without the peer', () => {
    const pages = [summary({ markRegExpMs: null, speedupRegExp: null })];
    const budget = line(checkBudgets(pages, 1000), '≥ 5× faster than mark.js');
    expect(budget.pass).toBe(false);
    expect(budget.detail).toBe('not measured (no mark.js run: --no-peer)');
  });

  it('prints no split for results recorded before hovers were split', () => {
    const budget = line(checkBudgets([summary({ hoverMs: [12] })], 1000), 'card painted');
    expect(budget.pass).toBe(true);
    expect(budget.detail).not.toContain('parts');
  });

  it('prints the nothing-injected control beside our longest task, and – where it was not run', () => {
    const [header, , synthetic, corpusPage, older] = tableLines([
      summary({ page: 'synthetic-10MB.html', longestTaskMs: 904.2, idleLongestTaskMs: 529 }),
      summary({ idleLongestTaskMs: null }),
      // Results written before the control existed have no such field.
      summary({}),
    ]);
    const cells = (row: string | undefined) => (row ?? '').split('|').map((c) => c.trim());
    const column = cells(header).indexOf('nothing injected: longest ms');
    expect(column).toBe(cells(header).indexOf('longest task ms') + 1);
    expect(cells(synthetic)[column - 1]).toBe('904.2');
    expect(cells(synthetic)[column]).toBe('529.0');
    expect(cells(corpusPage)[column]).toBe('–');
    expect(cells(older)[column]).toBe('–');
  });
});

describe('bench docs', () => {
  it('are not rewritten from a run that measured fewer than half its page variants', () => {
    const failed = summary({ scanMs: NaN, errors: ['browser closed'] });
    expect(measuredEnough([summary({}), failed])).toBe(true);
    expect(measuredEnough([summary({}), failed, failed])).toBe(false);
    expect(measuredEnough([])).toBe(false);
  });
});

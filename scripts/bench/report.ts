/** The per-page table, the budgets (PASS/FAIL) and the one-line JSON summary. */
import { max, median, quantile } from './stats';
import type { VariantSummary } from './types';

export interface Budget {
  name: string;
  pass: boolean;
  detail: string;
}

export interface Headline {
  browser: string;
  pages: number;
  medianRatioToFloor: number;
  p95RatioToFloor: number;
  noMentionMedianRatioToFloor: number;
  medianSpeedupVsMarkjsRegExp: number;
  medianSpeedupVsMarkjsTerms: number;
  maxTaskMs: number;
  hoverP95Ms: number;
  heapKB: number;
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
}

/** Budgets from issue 6. */
export const BUDGET = {
  noTriggerRatio: 1.5,
  mentionMedianRatio: 3,
  mentionP95Ratio: 5,
  taskMs: 50,
  speedupVsRegExp: 5,
  /** "Not slowed measurably": page edits with our highlights within 25 % of without. */
  editsSlowdown: 1.25,
  hoverMs: 16,
  gzipBytes: 30720,
} as const;

const SYNTHETIC = 'synthetic-';
const corpus = (s: VariantSummary[]): VariantSummary[] =>
  s.filter((x) => !x.page.startsWith(SYNTHETIC));
/** Pages whose readable text holds no word of the vocabulary. */
const noTrigger = (s: VariantSummary[]): VariantSummary[] =>
  corpus(s).filter((x) => x.variant === 'as-is' && !x.hasTrigger);
const withMentions = (s: VariantSummary[]): VariantSummary[] =>
  corpus(s).filter((x) => x.mentions > 0);

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function headline(
  browser: string,
  s: VariantSummary[],
  contentScriptBytes: number,
  contentScriptGzipBytes: number,
): Headline {
  const c = corpus(s);
  const m = withMentions(s);
  return {
    browser,
    pages: new Set(c.map((x) => x.page)).size,
    medianRatioToFloor: round(median(m.map((x) => x.ratioCold))),
    p95RatioToFloor: round(
      quantile(
        m.map((x) => x.ratioCold),
        0.95,
      ),
    ),
    noMentionMedianRatioToFloor: round(median(noTrigger(s).map((x) => x.ratioCold))),
    medianSpeedupVsMarkjsRegExp: round(median(c.map((x) => x.speedupRegExp ?? NaN))),
    medianSpeedupVsMarkjsTerms: round(median(c.map((x) => x.speedupTerms ?? NaN))),
    maxTaskMs: round(max(c.map((x) => x.longestTaskMs))),
    hoverP95Ms: round(
      quantile(
        c.flatMap((x) => x.hoverMs),
        0.95,
      ),
    ),
    heapKB: round(median(m.map((x) => x.heapKB ?? NaN)), 0),
    contentScriptBytes,
    contentScriptGzipBytes,
  };
}

/**
 * For scale beside the no-trigger budget: the floor plus the pre-check's regex alone (no
 * content script around it), as a ratio to the same floor; empty for results from before it.
 */
function precheckFloorDetail(pages: readonly VariantSummary[]): string {
  const ratios = pages.flatMap((x) =>
    x.precheckFloorMs == null ? [] : [x.precheckFloorMs / x.floorColdMs],
  );
  if (ratios.length === 0) return '';
  return `; the floor plus one test of the pre-check's regex per text node, with no content script around it: median ×${median(ratios).toFixed(2)}`;
}

/**
 * What a first visit costs, beside the warm medians the budgets judge: startup + scan of the
 * content script's first run in each page's fresh renderer process (no compiled code yet), and
 * the same of the warm runs; empty for results from before it was measured.
 */
function firstVisitDetail(pages: readonly VariantSummary[]): string {
  const first = pages.flatMap((x) => (x.firstMs == null ? [] : [x.firstMs]));
  if (first.length === 0) return '';
  const warm = median(pages.map((x) => x.backstoryMs));
  return `; startup + scan median ${warm.toFixed(2)} ms, on a first visit (the first run in a fresh renderer process) ${median(first).toFixed(2)} ms`;
}

/** The page variant with the largest finite `value`; undefined when none has one. */
function largest(
  pages: readonly VariantSummary[],
  value: (x: VariantSummary) => number | null | undefined,
): VariantSummary | undefined {
  let best: VariantSummary | undefined;
  for (const x of pages) {
    const v = value(x);
    // Variants whose runs all failed have NaN: skipped.
    if (
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (best === undefined || v > (value(best) as number))
    )
      best = x;
  }
  return best;
}

/** The longest task of a run outside the medians (one per page variant), and where. */
function outsideMediansDetail(
  pages: readonly VariantSummary[],
  key: 'firstLongestTaskMs' | 'coldLongestTaskMs',
  what: string,
): string {
  const worst = largest(pages, (x) => x[key]);
  const ms = worst?.[key];
  if (worst === undefined || ms == null) return '';
  return `; in ${what} (one per page variant, not in the medians) ${ms.toFixed(1)} ms on ${worst.page} (${worst.variant})`;
}

/**
 * Whether a run measured enough to replace the results in docs/performance.md: a run whose
 * browser went away goes on through every page with errors, and its figures are all NaN (it
 * replaced the last good results on 29 November). At least half the page variants must have a
 * scan time.
 */
export function measuredEnough(s: VariantSummary[]): boolean {
  return s.length > 0 && measuredCount(s) * 2 >= s.length;
}

/** Page variants with a scan time (a variant whose every run failed has NaN). */
export function measuredCount(s: VariantSummary[]): number {
  return s.filter((x) => Number.isFinite(x.scanMs)).length;
}

export function checkBudgets(s: VariantSummary[], gzipBytes: number): Budget[] {
  const c = corpus(s);
  const nt = noTrigger(s);
  const m = withMentions(s);
  const ntMedian = median(nt.map((x) => x.ratioCold));
  const mMedian = median(m.map((x) => x.ratioCold));
  const mP95 = quantile(
    m.map((x) => x.ratioCold),
    0.95,
  );
  const worst = largest(c, (x) => x.longestTaskMs);
  const speedup = median(c.map((x) => x.speedupRegExp ?? NaN));
  // For scale: the peer against the same floor (a budget of ≤ 3× the floor and ≥ 5× faster
  // than mark.js asks for less than a fifth of the peer's own ratio).
  const peerRatio = median(
    c.flatMap((x) => (x.markRegExpMs === null ? [] : [x.markRegExpMs / x.floorColdMs])),
  );
  const edits = c
    .filter((x) => x.editsWithMs !== null && x.editsWithoutMs !== null)
    .map((x) => (x.editsWithMs as number) / Math.max(x.editsWithoutMs as number, 0.01));
  const hover = c.flatMap((x) => x.hoverMs);
  const hoverP95 = quantile(hover, 0.95);
  const parts = c.flatMap((x) => x.hoverParts ?? []);
  const part = (i: number): string => {
    const list = parts.map((p) => p[i] as number);
    return `${median(list).toFixed(1)} / ${quantile(list, 0.95).toFixed(1)}`;
  };
  const hoverSplit = parts.length
    ? `; median / p95 of its parts: our work started ${part(0)} ms from the delay's end, our work ${part(1)}, wait for the next frame ${part(2)}, rendering ${part(3)} ms`
    : '';
  const over = (list: VariantSummary[], limit: number): number =>
    list.filter((x) => x.ratioCold > limit).length;
  return [
    {
      name: `no-trigger pages ≤ ${BUDGET.noTriggerRatio}× floor (median)`,
      pass: ntMedian <= BUDGET.noTriggerRatio,
      detail:
        `median ×${ntMedian.toFixed(2)} over ${nt.length} pages; ${over(nt, BUDGET.noTriggerRatio)} pages over` +
        precheckFloorDetail(nt) +
        firstVisitDetail(nt),
    },
    {
      name: `pages with mentions: median ≤ ${BUDGET.mentionMedianRatio}×, p95 ≤ ${BUDGET.mentionP95Ratio}× floor`,
      pass: mMedian <= BUDGET.mentionMedianRatio && mP95 <= BUDGET.mentionP95Ratio,
      detail:
        `median ×${mMedian.toFixed(2)}, p95 ×${mP95.toFixed(2)} over ${m.length} page variants` +
        firstVisitDetail(m),
    },
    {
      name: `no task of ours over ${BUDGET.taskMs} ms on any corpus page`,
      pass: (worst?.longestTaskMs ?? 0) <= BUDGET.taskMs,
      detail: worst
        ? `longest ${worst.longestTaskMs.toFixed(1)} ms on ${worst.page} (${worst.variant}, ${worst.textChars} chars)` +
          outsideMediansDetail(
            c,
            'firstLongestTaskMs',
            'the first run in a fresh renderer process',
          ) +
          outsideMediansDetail(c, 'coldLongestTaskMs', 'the cold run after a forced GC')
        : 'no data',
    },
    {
      name: `≥ ${BUDGET.speedupVsRegExp}× faster than mark.js RegExp mode (median page)`,
      pass: speedup >= BUDGET.speedupVsRegExp,
      detail: Number.isNaN(speedup)
        ? 'not measured (no mark.js run: --no-peer)'
        : `median ×${speedup.toFixed(1)}; term mode median ×${median(c.map((x) => x.speedupTerms ?? NaN)).toFixed(1)}` +
          `; mark.js RegExp mode itself runs at median ×${peerRatio.toFixed(1)} the floor`,
    },
    {
      name: `page DOM edits not slowed by our highlights (≤ ${BUDGET.editsSlowdown}× median)`,
      pass: edits.length > 0 && median(edits) <= BUDGET.editsSlowdown,
      detail: edits.length
        ? `with/without median ×${median(edits).toFixed(2)}, max ×${max(edits).toFixed(2)} over ${edits.length} pages`
        : 'not measured (no page with mentions)',
    },
    {
      name: `card painted ≤ ${BUDGET.hoverMs} ms after the hover delay (p95)`,
      pass: hover.length > 0 && hoverP95 <= BUDGET.hoverMs,
      detail: hover.length
        ? `p95 ${hoverP95.toFixed(1)} ms, median ${median(hover).toFixed(1)} ms over ${hover.length} hovers${hoverSplit}`
        : 'not measured (no card seen)',
    },
    {
      name: `content script ≤ ${BUDGET.gzipBytes} B gzipped`,
      pass: gzipBytes <= BUDGET.gzipBytes,
      detail: `${gzipBytes} B`,
    },
  ];
}

const fmt = (n: number | null, digits = 2): string =>
  n === null || !Number.isFinite(n) ? '–' : n.toFixed(digits);

export function tableLines(s: VariantSummary[]): string[] {
  const header = [
    'page',
    'variant',
    'text KB',
    'mentions',
    'floor cold ms',
    'floor warm ms',
    'floor + pre-check regex ms',
    'startup ms',
    'scan ms',
    '×floor',
    'longest task ms',
    'nothing injected: longest ms',
    'mark.js RegExp ms',
    'mark.js terms ms',
    '×RegExp',
    'heap KB',
    'first run ms',
    'first run longest task ms',
    'cold ms',
    'cold longest task ms',
  ];
  const rows = s.map((x) => [
    x.page.replace(/\.html$/, ''),
    x.variant,
    (x.textChars / 1024).toFixed(1),
    String(x.mentions),
    fmt(x.floorColdMs, 3),
    fmt(x.floorWarmMs, 3),
    fmt(x.precheckFloorMs ?? null, 3),
    fmt(x.startupMs),
    fmt(x.scanMs),
    fmt(x.ratioCold),
    fmt(x.longestTaskMs, 1),
    fmt(x.idleLongestTaskMs ?? null, 1),
    fmt(x.markRegExpMs),
    x.markTermsMs === null
      ? '–'
      : `${fmt(x.markTermsMs, 1)}${x.markTermsRuns < 5 ? ` (${x.markTermsRuns})` : ''}`,
    fmt(x.speedupRegExp, 1),
    fmt(x.heapKB, 0),
    fmt(x.firstMs ?? null, 1),
    fmt(x.firstLongestTaskMs ?? null, 1),
    fmt(x.coldMs ?? null, 1),
    fmt(x.coldLongestTaskMs ?? null, 1),
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function printTable(s: VariantSummary[]): void {
  for (const line of tableLines(s)) console.log(line);
}

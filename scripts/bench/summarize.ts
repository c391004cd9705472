/** Medians per page variant: the unit of the table, the plot and the budgets. */
import { max, median } from './stats';
import type { VariantRuns, VariantSummary } from './types';

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

export function summarize(runs: VariantRuns): VariantSummary {
  const backstoryMs = median(runs.backstory.map((r) => r.totalMs));
  const scanMs = median(runs.backstory.map((r) => r.scanMs));
  const floorColdMs = median(runs.floor.map((f) => f.coldMs));
  const floorWarmMs = median(runs.floor.map((f) => f.warmMs));
  const markRegExpMs = runs.markRegExp.length ? median(runs.markRegExp.map((r) => r.ms)) : null;
  const markTermsMs = runs.markTerms.length ? median(runs.markTerms.map((r) => r.ms)) : null;
  const longest = runs.backstory.map((r) => r.longestLongTaskMs ?? 0);
  const marks = runs.backstory.map((r) => r.ownMarksMs).filter((v): v is number => v !== null);
  return {
    page: runs.page,
    variant: runs.variant,
    textChars: runs.textChars,
    hasTrigger: runs.hasTrigger,
    mentions: median(runs.backstory.map((r) => r.mentions)),
    floorColdMs,
    floorWarmMs,
    precheckFloorMs: runs.precheckFloorMs.length ? median(runs.precheckFloorMs) : null,
    backstoryMs,
    startupMs: median(runs.backstory.map((r) => r.syncMs)),
    scanMs,
    scanBusyMs: median(runs.backstory.map((r) => r.busyMs - r.syncMs)),
    longestTaskMs: median(runs.backstory.map((r) => r.longestTaskMs)),
    idleLongestTaskMs: runs.idle.length ? median(runs.idle.map((r) => r.longestTaskMs)) : null,
    lateOutputs: max(runs.backstory.map((r) => r.lateOutputs)),
    longTasks: max(runs.backstory.map((r) => r.longTasks)),
    longestLongTaskMs: longest.length ? median(longest) : null,
    ownMarksMs: marks.length ? median(marks) : null,
    ratioCold: ratio(scanMs, floorColdMs),
    ratioWarm: ratio(scanMs, floorWarmMs),
    markRegExpMs,
    markTermsMs,
    markTermsRuns: runs.markTerms.length,
    speedupRegExp: markRegExpMs === null ? null : ratio(markRegExpMs, scanMs),
    speedupTerms: markTermsMs === null ? null : ratio(markTermsMs, scanMs),
    heapKB: runs.heapBytes === null ? null : runs.heapBytes / 1024,
    coldMs: runs.cold ? runs.cold.totalMs : null,
    coldLongestTaskMs: runs.cold ? runs.cold.longestTaskMs : null,
    firstMs: runs.first ? runs.first.totalMs : null,
    firstLongestTaskMs: runs.first ? runs.first.longestTaskMs : null,
    hoverMs: runs.hover.map((h) => h.afterDelayMs),
    hoverParts: runs.hover.map((h) => [h.startMs, h.workMs, h.frameWaitMs, h.renderMs]),
    editsWithMs: runs.editsWithMs.length ? median(runs.editsWithMs) : null,
    editsWithoutMs: runs.editsWithoutMs.length ? median(runs.editsWithoutMs) : null,
    errors: runs.errors,
  };
}

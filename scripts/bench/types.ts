/** Shapes shared by the benchmark's runner, report and plot. */
import type { FloorResult } from './page/floor';
import type { HoverResult } from './page/hover';
import type { BackstoryResult, IdleResult } from './page/index';
import type { PeerResult } from './page/peer';
import type { Variant } from './prepare-page';

export type { BackstoryResult, FloorResult, HoverResult, IdleResult, PeerResult };

export interface VariantRuns {
  page: string;
  variant: Variant;
  htmlBytes: number;
  textChars: number;
  allChars: number;
  textNodes: number;
  /** The vocabulary occurs in the readable text (untimed check). */
  hasTrigger: boolean;
  floor: FloorResult[];
  /** The floor plus the pre-check's regex (page/floor.ts). */
  precheckFloorMs: number[];
  backstory: BackstoryResult[];
  markRegExp: PeerResult[];
  markTerms: PeerResult[];
  /** Controls for the longest task: nothing injected, same setup, as long as each timed scan. */
  idle: IdleResult[];
  /** Bytes of JS heap still used after our run (after a full GC), Chromium only. */
  heapBytes: number | null;
  /** Run 0: the content script's first run in the page's fresh renderer process. */
  first: BackstoryResult | null;
  /** The run after a forced GC (compiled code dropped), outside the medians. */
  cold: BackstoryResult | null;
  hover: HoverResult[];
  editsWithMs: number[];
  editsWithoutMs: number[];
  errors: string[];
}

/** Per-variant medians, the unit of the table, the plot and the budgets. */
export interface VariantSummary {
  page: string;
  variant: Variant;
  textChars: number;
  hasTrigger: boolean;
  mentions: number;
  floorColdMs: number;
  floorWarmMs: number;
  /** The floor plus one test of the pre-check's regex per text node; null if not measured. */
  precheckFloorMs?: number | null;
  /** Injection → first scan complete. */
  backstoryMs: number;
  /** Synchronous evaluation of content.js (parse, compile, module top level). */
  startupMs: number;
  /** End of startup → first scan complete: what the floor ratios and mark.js compare against. */
  scanMs: number;
  /** Sum of our main-thread tasks during the scan. */
  scanBusyMs: number;
  /** Median over runs of each run's longest task (startup included). */
  longestTaskMs: number;
  /** The same with nothing injected (see `idle` above); measured on the synthetic page only. */
  idleLongestTaskMs?: number | null;
  lateOutputs: number;
  /** Chromium's long-task entries (≥ 50 ms) during our runs: the most in one run, the longest. */
  longTasks: number;
  longestLongTaskMs: number | null;
  ownMarksMs: number | null;
  ratioCold: number;
  ratioWarm: number;
  markRegExpMs: number | null;
  markTermsMs: number | null;
  markTermsRuns: number;
  speedupRegExp: number | null;
  speedupTerms: number | null;
  heapKB: number | null;
  /** Startup + scan of the run after a forced GC. */
  coldMs: number | null;
  /** That run's longest task (absent in files written before it was recorded). */
  coldLongestTaskMs?: number | null;
  /**
   * Startup + scan, and the longest task, of the first run in the page's fresh renderer process
   * (absent in files written before it was measured).
   */
  firstMs?: number | null;
  firstLongestTaskMs?: number | null;
  hoverMs: number[];
  /**
   * Per hover, in ms (see page/hover.ts): [our work's start against the delay's end, our work,
   * wait for the next frame, rendering].
   */
  hoverParts?: [number, number, number, number][];
  editsWithMs: number | null;
  editsWithoutMs: number | null;
  errors: string[];
}

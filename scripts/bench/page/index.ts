/**
 * Runs in the page: the benchmark's in-page helpers, bundled by esbuild into one script and
 * evaluated on every fresh page load as `window.__bench`, before anything is timed.
 */
import {
  attribute,
  observeLongTasks,
  watchBusy,
  wrapHighlightMutators,
  wrapYield,
  type ActivityLog,
} from './activity';
import { messageTurn } from '../../../src/content/scheduling';
import { withAndWithout } from './dom-edits';
import { installExtensionStub, STUB_RUNTIME_ID, type SentMessage } from './extension-stub';
import { measureFloor, measurePrecheckFloor, type FloorResult } from './floor';
import { armHover, mentionPoint } from './hover';
import { runMark, type PeerResult } from './peer';

export interface BackstoryResult {
  /** Injection → first scan complete (the first `mentions-changed` message). */
  totalMs: number;
  /** The synchronous evaluation of the script: parse, compile, module top level. */
  syncMs: number;
  /** End of the synchronous evaluation → first scan complete: pre-check, scan, detection,
   * highlights. */
  scanMs: number;
  /** Highlight registrations after the done message (should be none). */
  lateOutputs: number;
  /** Sum of the run's main-thread tasks. */
  busyMs: number;
  longestTaskMs: number;
  tasks: number;
  /** Chromium's own long-task entries (≥ 50 ms) during the run: count and longest. */
  longTasks: number;
  longestLongTaskMs: number | null;
  mentions: number;
  highlightNames: string[];
  messages: unknown[];
  /** From the content script's own performance marks, when it sets them. */
  ownMarksMs: number | null;
}

const sent: SentMessage[] = [];
const emptyLog = (): ActivityLog => ({
  busy: [],
  outputs: [],
  yields: [],
  resumes: [],
  longTasks: [],
});
const log = emptyLog();
let started = 0;
let syncEnd = 0;
let watching: Promise<void> | undefined;
let prepared = false;

function doneAt(): number {
  const done = sent.find((m) => (m.message as { type?: unknown }).type === 'mentions-changed');
  return done ? done.at : NaN;
}

function countMentions(): { count: number; names: string[] } {
  let count = 0;
  const names: string[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory')) return;
    names.push(name);
    count += highlight.size;
  });
  return { count, names };
}

/** A measure between the content script's own marks, if it sets any named backstory:*. */
function ownScanMs(): number | null {
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('backstory'));
  if (marks.length < 2) return null;
  const first = marks[0] as PerformanceEntry;
  const last = marks[marks.length - 1] as PerformanceEntry;
  return last.startTime - first.startTime;
}

/** Untimed: does the vocabulary occur at all in the page's readable text? */
function hasTrigger(source: string): boolean {
  const re = new RegExp(source, 'iu');
  const walker = document.createTreeWalker(
    document.body ?? document.documentElement,
    NodeFilter.SHOW_TEXT,
  );
  while (walker.nextNode()) {
    const tag = walker.currentNode.parentElement?.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    if (re.test((walker.currentNode as Text).data)) return true;
  }
  return false;
}

/** A deep copy of the loaded <body>, taken before anything touched it. */
const pristine = document.body?.cloneNode(true) as HTMLElement | undefined;

/**
 * Replaces <body> with a fresh copy of the loaded one (new nodes, no JS wrappers yet, nothing
 * marked) and lays it out, untimed: several subjects can then share one page load.
 */
function freshBody(): void {
  if (!pristine || !document.body) return;
  document.body.replaceWith(pristine.cloneNode(true));
  void document.body.offsetHeight;
}

/**
 * Waits until the fresh <body> has been rendered and the page is quiet: two frames, then
 * SETTLE_QUIET_MS without a task of over 2 ms (at most SETTLE_MAX_MS). Without it, the frame
 * that paints the new <body> (tens of ms of pre-paint and paint on a big page) and the
 * navigations of its new iframes landed inside Backstory's timed scan and were counted as its
 * tasks.
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const started = performance.now();
  let quietSince = performance.now();
  while (performance.now() - quietSince < SETTLE_QUIET_MS) {
    if (performance.now() - started > SETTLE_MAX_MS) return;
    const before = performance.now();
    await messageTurn();
    if (performance.now() - before > 2) quietSince = performance.now();
  }
}

const SETTLE_QUIET_MS = 30;
const SETTLE_MAX_MS = 1000;

/** A window of `idle()`: the longest gap the ping loop saw. */
export interface IdleResult {
  longestTaskMs: number;
}

export interface BeforeRun {
  floor: FloorResult;
  /** The floor plus one test of the pre-check's regex per text node (cold, fresh <body>). */
  precheckFloorMs: number;
  regexp: PeerResult | null;
  terms: PeerResult | null;
}

const api = {
  /**
   * One run's subjects before Backstory, in one call (each driver round trip costs tens of ms on
   * a loaded machine): stop the previous Backstory, then the floor, the floor plus the
   * pre-check's regex, mark.js RegExp mode and term mode, each on a fresh <body>, then a fresh
   * <body> and a clean log for Backstory.
   */
  async beforeRun(options: {
    floorBatchMs: number;
    regexp: boolean;
    terms: boolean;
    vocabulary: { terms: string[]; regexpSource: string };
    precheckSource: string;
    extensionBase: string;
    css: string;
  }): Promise<BeforeRun> {
    await api.stopBackstory();
    freshBody();
    const floor = measureFloor(options.floorBatchMs);
    freshBody();
    const precheckFloorMs = measurePrecheckFloor(options.precheckSource);
    const { terms, regexpSource } = options.vocabulary;
    let regexp: PeerResult | null = null;
    let termsResult: PeerResult | null = null;
    if (options.regexp) {
      freshBody();
      regexp = runMark('regexp', terms, regexpSource);
    }
    if (options.terms) {
      freshBody();
      termsResult = runMark('terms', terms, regexpSource);
    }
    freshBody();
    api.prepareBackstory(options.extensionBase, options.css);
    await settle();
    return { floor, precheckFloorMs, regexp, terms: termsResult };
  },
  /**
   * The control for Backstory's longest task: the same ping loop for `ms`, after the same
   * setup, with nothing injected. What it sees is the browser's own work after the setup (on the
   * synthetic 10 MB page in Firefox: the collection of the discarded copies of <body>), which
   * the ping loop cannot tell from ours.
   */
  async idle(ms: number): Promise<IdleResult> {
    const quiet = emptyLog();
    await watchBusy(quiet, () => false, ms);
    return { longestTaskMs: Math.max(0, ...quiet.busy.map((b) => b.end - b.start)) };
  },
  /** For debugging the benchmark itself. */
  log: () => ({ ...log, started, syncEnd, sent }),
  floor: measureFloor,
  freshBody,
  hasTrigger,
  runMark,
  withAndWithout,
  mentionPoint,
  armHover,
  /**
   * Before each injection. Once per document: the extension API stand-in, the observation
   * wrappers and our stylesheet. Every time: the logs are emptied (in place: the wrappers hold
   * the arrays).
   */
  prepareBackstory(extensionBase: string, css: string): void {
    for (const list of [log.busy, log.outputs, log.yields, log.resumes, log.longTasks, sent]) {
      list.length = 0;
    }
    // Every run pays for loading detector.js, as every page load does in the extension.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.detector')];
    if (prepared) return;
    prepared = true;
    installExtensionStub(extensionBase, sent);
    wrapHighlightMutators(log.outputs);
    wrapYield(log);
    observeLongTasks(log);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
  /**
   * Stops the previous run's copy through the content script's own double-injection protocol
   * (a new copy announces itself with this DOM event and older copies tear down; see
   * src/content/index.ts), so it cannot react to the next fresh <body>.
   */
  async stopBackstory(): Promise<void> {
    document.dispatchEvent(new CustomEvent(`backstory-takeover-${STUB_RUNTIME_ID}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
  },
  /** Called first and last in the same script evaluation as the content script. */
  begin(): void {
    started = performance.now();
  },
  endSync(timeoutMs: number): void {
    syncEnd = performance.now();
    watching = watchBusy(log, () => !Number.isNaN(doneAt()), timeoutMs);
  },
  async finish(): Promise<BackstoryResult> {
    await watching;
    // Long-task entries are delivered in a task of their own, after the task they describe.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const end = doneAt();
    const run = attribute({ start: started, end: syncEnd }, log, end);
    const { count, names } = countMentions();
    // Entries arrive late: one from before this run (mark.js on a big page) may land in its log.
    const ours = log.longTasks.filter((t) => t.start >= started).map((t) => t.end - t.start);
    return {
      totalMs: end - started,
      syncMs: syncEnd - started,
      scanMs: end - syncEnd,
      lateOutputs: log.outputs.filter((t) => t > end).length,
      busyMs: run.busyMs,
      longestTaskMs: run.longestMs,
      tasks: run.tasks,
      longTasks: ours.length,
      longestLongTaskMs: ours.length ? Math.max(...ours) : null,
      mentions: count,
      highlightNames: names,
      messages: sent.map((m) => m.message),
      ownMarksMs: ownScanMs(),
    };
  },
};

export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;

/**
 * Watches the page for text that appears, changes or disappears after the first scan
 * (infinite scroll, SPA navigation, late article bodies) and hands the smallest affected
 * blocks to the scanner, batched, and with a ceiling on how much time a restless page can
 * make us spend.
 */
import { blockOf, isBlock, isInsideSkipped } from './dom-rules';

/** Mutations are collected this long before the affected blocks are re-read. */
const BATCH_DELAY_MS = 150;
/**
 * Within any WINDOW_MS, re-scanning may use at most BUDGET_MS of main-thread time (15 %);
 * beyond that the next batch waits until older work leaves the window, so a page that never
 * stops mutating cannot keep us busy.
 */
const WINDOW_MS = 1000;
const BUDGET_MS = 150;
/** More roots than this in one batch: re-reading the whole body is cheaper than deduplicating. */
const MAX_ROOTS_PER_BATCH = 500;

export interface ObserverOptions {
  host(): Element | undefined;
  /** Re-read these subtrees (outermost only; none contains another). */
  rescan(roots: Element[]): void;
  /** Forget mentions whose text left the document (no re-reading needed). */
  prune(): void;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private pending = new Set<Element>();
  private prunePending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private spent: { at: number; ms: number }[] = [];

  constructor(private readonly options: ObserverOptions) {
    this.observer = new MutationObserver((records) => {
      try {
        this.collect(records);
      } catch {
        // Never let a page's odd DOM break our callback (and never break the page).
      }
    });
  }

  start(): void {
    this.observer.observe(document.documentElement, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }

  stop(): void {
    this.observer.disconnect();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.prunePending = false;
    this.spent = [];
  }

  /** Records that the scanner spent `ms` on our behalf (counts against the budget). */
  charge(ms: number): void {
    this.spent.push({ at: performance.now(), ms });
  }

  private collect(records: MutationRecord[]): void {
    const host = this.options.host();
    for (const record of records) {
      const target = record.target;
      if (host && (target === host || host.contains(target))) continue;
      if (record.type === 'characterData') {
        this.addBlockOf(target);
        continue;
      }
      let touchesInline = false;
      for (const node of record.removedNodes) {
        if (node === host) continue;
        // A removed block only takes its own mentions away; removed inline content may also
        // join the text around it into a new mention, so its block is re-read.
        if (node instanceof Element && isBlock(node)) this.prunePending = true;
        else touchesInline = true;
      }
      for (const node of record.addedNodes) {
        if (node === host) continue;
        if (node instanceof Element && isBlock(node)) this.pending.add(node);
        else if (node.nodeType === Node.TEXT_NODE || node instanceof Element) touchesInline = true;
      }
      if (touchesInline) this.addBlockOf(target);
    }
    if (this.pending.size > 0 || this.prunePending) this.schedule(BATCH_DELAY_MS);
  }

  private addBlockOf(node: Node): void {
    const block = blockOf(node);
    if (block) this.pending.add(block);
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delay);
  }

  private flush(): void {
    if (this.prunePending) {
      this.prunePending = false;
      this.options.prune();
    }
    const now = performance.now();
    this.spent = this.spent.filter((entry) => now - entry.at < WINDOW_MS);
    const used = this.spent.reduce((sum, entry) => sum + entry.ms, 0);
    const oldest = this.spent[0];
    if (used > BUDGET_MS && oldest) {
      this.schedule(Math.max(BATCH_DELAY_MS, oldest.at + WINDOW_MS - now));
      return;
    }
    const roots = outermost(this.pending, this.options.host());
    this.pending.clear();
    if (roots.length > 0) this.options.rescan(roots);
  }
}

/** The connected, readable roots of `candidates` that no other candidate contains. */
function outermost(candidates: Set<Element>, host: Element | undefined): Element[] {
  if (candidates.size > MAX_ROOTS_PER_BATCH) {
    const body = document.body ?? document.documentElement;
    return [body];
  }
  const roots: Element[] = [];
  for (const candidate of candidates) {
    if (!candidate.isConnected) continue;
    let covered = false;
    for (let parent = candidate.parentElement; parent; parent = parent.parentElement) {
      if (candidates.has(parent)) {
        covered = true;
        break;
      }
    }
    if (!covered && !isInsideSkipped(candidate, host)) roots.push(candidate);
  }
  return roots;
}

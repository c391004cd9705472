/**
 * Runs in the page. The floor: one TreeWalker pass that reads every text node's data, the
 * least any text scanner must do. The first pass on a fresh page is "cold" (it also creates the
 * JS wrappers of every node); later passes are "warm" and are batched, because a warm pass over
 * a small page takes less time than the timer resolves.
 */
function pass(): { chars: number; nodes: number } {
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  while (walker.nextNode()) {
    chars += (walker.currentNode as Text).data.length;
    nodes++;
  }
  return { chars, nodes };
}

/**
 * The floor plus the pre-check's regex: the same cold pass over a fresh <body>, testing each
 * text node's data against the content script's pre-check regex (every stem of the vocabulary,
 * one alternation). It is what "a cheap pre-check, then nothing" costs with this vocabulary
 * before any content script's own costs (its settings read, skipping scripts and styles,
 * slicing), so it bounds from below what the no-trigger budget can measure.
 */
export function measurePrecheckFloor(source: string): number {
  const finder = new RegExp(source, 'i');
  const root = document.body ?? document.documentElement;
  const t0 = performance.now();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let hits = 0;
  while (walker.nextNode()) {
    if (finder.test((walker.currentNode as Text).data)) hits++;
  }
  const ms = performance.now() - t0;
  // Read, so the loop cannot be optimised away.
  return hits < 0 ? NaN : ms;
}

export interface FloorResult {
  coldMs: number;
  warmMs: number;
  textNodes: number;
  /** Characters of every text node under <body>, scripts and styles included. */
  allChars: number;
  /** Characters outside SCRIPT/STYLE/NOSCRIPT/TEMPLATE: the page's text as a reader sees it. */
  textChars: number;
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function visibleChars(): number {
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && NOT_TEXT.has(parent.tagName)) continue;
    chars += (walker.currentNode as Text).data.length;
  }
  return chars;
}

export function measureFloor(minBatchMs: number): FloorResult {
  const t0 = performance.now();
  const first = pass();
  const coldMs = performance.now() - t0;
  pass();
  let passes = 0;
  const t1 = performance.now();
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = performance.now() - t1;
  } while (elapsed < minBatchMs && passes < 1000);
  return {
    coldMs,
    warmMs: elapsed / passes,
    textNodes: first.nodes,
    allChars: first.chars,
    textChars: visibleChars(),
  };
}

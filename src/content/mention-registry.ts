/**
 * The mentions currently highlighted on the page: one CSS `Highlight` per topic holding
 * StaticRanges (live Ranges would slow down every DOM edit the page makes), plus the index the
 * hit test uses. Nothing here touches the page's DOM.
 *
 * New mentions are painted in batches, not one by one: every change to a registered highlight
 * makes the next rendering update re-validate all highlight markers, and with a text decoration
 * in the `::highlight()` style Chromium also recomputes ink overflow up the ancestor chain. On
 * a 200,000-node page each such update cost 50-500 ms whatever the number of ranges changed
 * (docs/content-script.md, "Rendering cost of highlight changes"), and a sliced scan that added
 * ranges in every slice paid it in every frame. So `add` records the mention at once (index,
 * count, card) but hands its range to the registered highlight only on `publish()`, which the
 * scanner calls when its queue runs dry, or by itself at most every PUBLISH_INTERVAL_MS while a
 * long scan is still finding mentions.
 */
import { TOPIC_IDS, type TopicId } from '../core/types';
import { IntervalIndex } from './interval-index';

export interface MentionRecord {
  topic: TopicId;
  /** The matched text as it reads on the page. */
  text: string;
  range: StaticRange;
  /** Every text node the mention spans, first to last. */
  nodes: Text[];
}

/** `::highlight()` names, matching content.css. */
export const HIGHLIGHT_NAMES: Record<TopicId, string> = {
  csto: 'backstory-csto',
  'kazakhstan-unrest': 'backstory-kazakhstan-unrest',
};

/** Whether this browser can paint highlights; without it Backstory does nothing at all. */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * While a scan keeps finding mentions, its new highlights are painted at most this often
 * (besides the first batch, painted at once, and the last, when the scan ends): one rendering
 * update per second instead of one per frame.
 */
export const PUBLISH_INTERVAL_MS = 1000;

export class MentionRegistry {
  private readonly highlights = new Map<TopicId, Highlight>();
  private readonly records = new Set<MentionRecord>();
  private readonly index = new IntervalIndex<Text, MentionRecord>();
  /**
   * Every record in document order, kept sorted as records arrive rather than sorted on
   * demand: `compareDocumentPosition` between two blocks walks their common parent's children,
   * so sorting 200 mentions under a body of 20,000 blocks took 130 ms per `get-mentions` on the
   * 200k-node page. A scan adds in document order, so an add is one comparison with the last
   * record (siblings between neighbours only); a re-read block is placed by binary search.
   */
  private sorted: MentionRecord[] = [];
  private orderedCache: MentionRecord[] | undefined;
  /** Recorded but not yet in a registered highlight (see publish()). */
  private unpublished: MentionRecord[] = [];
  private lastPublished = Number.NEGATIVE_INFINITY;
  /** Publishes a batch nobody else published in time (the scanner normally does it sooner). */
  private publishTimer: ReturnType<typeof setTimeout> | undefined;

  /** `onPainted` runs after each batch joins the highlights: the page has mentions to show. */
  constructor(private readonly onPainted: () => void = () => undefined) {}

  add(record: MentionRecord): void {
    this.records.add(record);
    this.insertInOrder(record);
    this.orderedCache = undefined;
    this.unpublished.push(record);
    const { startContainer, startOffset, endContainer, endOffset } = record.range;
    for (const node of record.nodes) {
      const start = node === startContainer ? startOffset : 0;
      const end = node === endContainer ? endOffset : node.data.length;
      this.index.add(node, { start, end, value: record });
    }
    const sincePublished = performance.now() - this.lastPublished;
    if (sincePublished >= PUBLISH_INTERVAL_MS) this.publish();
    else
      this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_INTERVAL_MS - sincePublished);
  }

  /**
   * Paints the mentions added since the last call: their ranges join the topics' highlights,
   * all in one task, so the page renders the change once.
   */
  publish(): void {
    if (this.publishTimer !== undefined) clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    const batch = this.unpublished;
    if (batch.length === 0) return;
    this.unpublished = [];
    this.lastPublished = performance.now();
    if (this.highlights.size === 0) this.registerHighlights();
    for (const record of batch) {
      if (!this.records.has(record)) continue; // Dropped before it was ever painted.
      this.highlights.get(record.topic)?.add(record.range);
    }
    this.onPainted();
  }

  /**
   * Registers one highlight per topic, all at once. Chromium repaints the whole page in the
   * rendering update after a highlight name is registered (29-145 ms on the 200k-node page,
   * whatever the ranges), while adding ranges to a registered one stays cheap: registering
   * every topic together, with the first mention, pays that once per page, not once per topic.
   */
  private registerHighlights(): void {
    for (const topic of TOPIC_IDS) {
      const highlight = new Highlight();
      this.highlights.set(topic, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[topic], highlight);
    }
  }

  /** Drops every mention for which `isStale` says so; returns how many were dropped. */
  removeWhere(isStale: (record: MentionRecord) => boolean): number {
    let removed = 0;
    for (const record of this.records) {
      if (!isStale(record)) continue;
      this.records.delete(record);
      this.highlights.get(record.topic)?.delete(record.range);
      for (const node of record.nodes) this.index.remove(node, record);
      removed++;
    }
    if (removed > 0) {
      this.sorted = this.sorted.filter((record) => this.records.has(record));
      this.orderedCache = undefined;
    }
    return removed;
  }

  /** The mention at a caret position, from the index (no layout). */
  at(node: Node, offset: number): MentionRecord | undefined {
    return node.nodeType === Node.TEXT_NODE ? this.index.at(node as Text, offset) : undefined;
  }

  has(record: MentionRecord): boolean {
    return this.records.has(record);
  }

  get count(): number {
    return this.records.size;
  }

  /** All mentions in document order (sorted on demand, cached until the set changes). */
  ordered(): MentionRecord[] {
    this.orderedCache ??= this.sorted.slice();
    return this.orderedCache;
  }

  /** Removes every highlight and forgets every mention. */
  clear(): void {
    for (const [topic, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAMES[topic]) === highlight) {
        CSS.highlights.delete(HIGHLIGHT_NAMES[topic]);
      }
    }
    this.highlights.clear();
    this.records.clear();
    this.unpublished = [];
    this.lastPublished = Number.NEGATIVE_INFINITY;
    if (this.publishTimer !== undefined) clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    this.index.clear();
    this.sorted = [];
    this.orderedCache = undefined;
  }

  private insertInOrder(record: MentionRecord): void {
    const last = this.sorted.at(-1);
    if (!last || compareDocumentOrder(last, record) <= 0) {
      this.sorted.push(record);
      return;
    }
    let low = 0;
    let high = this.sorted.length - 1; // The last one is known to come after `record`.
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareDocumentOrder(this.sorted[middle] as MentionRecord, record) <= 0) low = middle + 1;
      else high = middle;
    }
    this.sorted.splice(low, 0, record);
  }
}

function compareDocumentOrder(a: MentionRecord, b: MentionRecord): number {
  const nodeA = a.range.startContainer;
  const nodeB = b.range.startContainer;
  if (nodeA === nodeB) return a.range.startOffset - b.range.startOffset;
  return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

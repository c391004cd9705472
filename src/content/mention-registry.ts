/**
 * The mentions currently highlighted on the page: one CSS `Highlight` per topic holding
 * StaticRanges (live Ranges would slow down every DOM edit the page makes), plus the index the
 * hit test uses. Nothing here touches the page's DOM.
 */
import type { TopicId } from '../core/types';
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

export class MentionRegistry {
  private readonly highlights = new Map<TopicId, Highlight>();
  private readonly records = new Set<MentionRecord>();
  private readonly index = new IntervalIndex<Text, MentionRecord>();
  private orderedCache: MentionRecord[] | undefined;

  add(record: MentionRecord): void {
    this.records.add(record);
    this.orderedCache = undefined;
    let highlight = this.highlights.get(record.topic);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(record.topic, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[record.topic], highlight);
    }
    highlight.add(record.range);
    const { startContainer, startOffset, endContainer, endOffset } = record.range;
    for (const node of record.nodes) {
      const start = node === startContainer ? startOffset : 0;
      const end = node === endContainer ? endOffset : node.data.length;
      this.index.add(node, { start, end, value: record });
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
    if (removed > 0) this.orderedCache = undefined;
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
    this.orderedCache ??= [...this.records].sort(compareDocumentOrder);
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
    this.index.clear();
    this.orderedCache = undefined;
  }
}

function compareDocumentOrder(a: MentionRecord, b: MentionRecord): number {
  const nodeA = a.range.startContainer;
  const nodeB = b.range.startContainer;
  if (nodeA === nodeB) return a.range.startOffset - b.range.startOffset;
  return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

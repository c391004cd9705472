/**
 * The pre-check over a root's readable text, one chunk of text nodes at a time. The text is
 * never joined into one string, and a chunk's nodes are let go once it is checked: on a 10 MB
 * page the whole text joined was a 12-million-character string, held with an array of every
 * text node, and the garbage collector's pauses for it were the scan's longest tasks (54-93 ms
 * in Chromium, docs/performance.md). What is kept between chunks: the stems found so far, the
 * nodes where an anchor stem was hit, and the last STEM_OVERLAP characters (a stem may run from
 * one chunk into the next). Pure: generic over the node type, so it is unit-tested with plain
 * objects.
 */
import type { StemFlags } from '../core/detector/precheck';
import { anyMentionPossible, STEM_OVERLAP, stemsInRange } from '../core/may-contain-mention';
import { nodeIndexAt, SegmentBuilder } from './text-segment';

/** Characters gathered before a chunk is checked (a few ms of regex work at most). */
export const CHUNK_CHARS = 65_536;

export class ChunkedPrecheck<N> {
  private chunk = new SegmentBuilder<N>();
  private stems: StemFlags | null = null;
  /** Characters of all the text added, not counting the overlap read twice. */
  private total = 0;
  /** Characters added since the last check (the overlap alone is not checked again). */
  private unchecked = 0;
  private cleaning = false;
  /** Nodes holding the start of an anchor stem: where a mention may be. */
  readonly anchorNodes = new Set<N>();

  /** Adds a node and its text (`node.data`, non-empty); true when check() is due. */
  add(node: N, data: string): boolean {
    this.chunk.append(node, data);
    this.total += data.length;
    this.unchecked += data.length;
    return this.chunk.textLength >= CHUNK_CHARS;
  }

  /**
   * Checks the text gathered so far and starts the next chunk with its last characters. A chunk
   * longer than CHUNK_CHARS (one huge text node) is checked in pieces; between pieces, when
   * `overdue()`, it awaits `pause()` and gives up (false) if that says the scan was stopped.
   */
  async check(overdue: () => boolean, pause: () => Promise<boolean>): Promise<boolean> {
    if (this.unchecked === 0) return true;
    this.unchecked = 0;
    const segment = this.chunk.take();
    if (segment === undefined) return true;
    const { nodes, starts, text } = segment;
    const collect = (offset: number): void => {
      this.anchorNodes.add(nodes[nodeIndexAt(starts, offset)] as N);
    };
    // Soft hyphens or decomposed letters: a stem found only in the cleaned text has no offset.
    const cleaned = (): void => {
      this.cleaning = true;
    };
    for (let from = 0; from < text.length; from += CHUNK_CHARS) {
      const to = Math.min(text.length, from + CHUNK_CHARS + STEM_OVERLAP);
      this.stems = stemsInRange(text, from, to, this.stems, collect, cleaned);
      if (to < text.length && overdue() && !(await pause())) return false;
    }
    // The next chunk starts with the last STEM_OVERLAP characters, node by node (the first of
    // them keeps only its part inside the overlap: it may be a huge node).
    const tailFrom = Math.max(0, text.length - STEM_OVERLAP);
    for (let i = nodeIndexAt(starts, tailFrom); i < nodes.length; i++) {
      const end = starts[i + 1] ?? text.length;
      this.chunk.append(nodes[i] as N, text.slice(Math.max(tailFrom, starts[i] as number), end));
    }
    return true;
  }

  /** Whether the text read so far may hold a mention. */
  get possible(): boolean {
    return anyMentionPossible(this.stems);
  }

  /** Whether some text needed cleaning: its stems cannot be placed, so read the whole root. */
  get needsCleaning(): boolean {
    return this.cleaning;
  }

  /** Characters of text added. */
  get textLength(): number {
    return this.total;
  }
}

/**
 * A run of text nodes read as one string, so a mention split across inline elements
 * ("Collective <b>Security</b> Treaty Organization") is still found, and the mapping from
 * offsets in that string back to (node, offset) pairs. Pure: generic over the node type so
 * the mapping can be unit-tested with plain objects.
 */
export interface TextSegment<N> {
  /** The text nodes in document order. */
  nodes: N[];
  /** starts[i] is the offset in `text` where nodes[i] begins; strictly increasing. */
  starts: number[];
  text: string;
}

/** A position inside one node of a segment. */
export interface NodePosition<N> {
  node: N;
  offset: number;
}

/**
 * Index of the node holding the character at `offset` (0 ≤ offset < text.length): the last i
 * with starts[i] ≤ offset. Binary search, because a block can hold thousands of text nodes.
 */
export function nodeIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The node positions of [start, end) in the segment: the start lies in the node holding the
 * first character and the end in the node holding the last one, so neither side spills into a
 * neighbouring (possibly empty) node.
 */
export function positionsOf<N>(
  segment: TextSegment<N>,
  start: number,
  end: number,
): { start: NodePosition<N>; end: NodePosition<N>; nodes: N[] } {
  const first = nodeIndexAt(segment.starts, start);
  const last = nodeIndexAt(segment.starts, Math.max(start, end - 1));
  const firstStart = segment.starts[first] ?? 0;
  const lastStart = segment.starts[last] ?? 0;
  const firstNode = segment.nodes[first] as N;
  const lastNode = segment.nodes[last] as N;
  return {
    start: { node: firstNode, offset: start - firstStart },
    end: { node: lastNode, offset: end - lastStart },
    nodes: segment.nodes.slice(first, last + 1),
  };
}

/** Builds a segment piece by piece while walking the DOM; `take()` hands it over and resets. */
export class SegmentBuilder<N> {
  private nodes: N[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;

  append(node: N, data: string): void {
    if (data.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  get isEmpty(): boolean {
    return this.nodes.length === 0;
  }

  /** Characters appended since the last take(). */
  get textLength(): number {
    return this.length;
  }

  take(): TextSegment<N> | undefined {
    if (this.nodes.length === 0) return undefined;
    const segment = { nodes: this.nodes, starts: this.starts, text: this.parts.join('') };
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    return segment;
  }
}

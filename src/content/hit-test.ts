/**
 * Finds the mention under a viewport point: the caret position under the point (a cheap
 * engine call), then our own index (a map lookup), and only for a candidate one geometry
 * check. `CSS.highlights.highlightsFromPoint` is far too slow for pointer moves (1–30 ms).
 */
import type { MentionRecord, MentionRegistry } from './mention-registry';

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const doc = document as unknown as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/** A live Range over the mention, made on demand (static ranges have no geometry). */
export function liveRange(record: MentionRecord): Range {
  const range = document.createRange();
  range.setStart(record.range.startContainer, record.range.startOffset);
  range.setEnd(record.range.endContainer, record.range.endOffset);
  return range;
}

/** Whether the point lies on one of the mention's line boxes (a pixel of slack each side). */
export function mentionContainsPoint(record: MentionRecord, x: number, y: number): boolean {
  const SLACK_PX = 1;
  for (const rect of liveRange(record).getClientRects()) {
    if (
      x >= rect.left - SLACK_PX &&
      x <= rect.right + SLACK_PX &&
      y >= rect.top - SLACK_PX &&
      y <= rect.bottom + SLACK_PX
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The mention under (x, y), if any. The caret lookup snaps to the nearest text even when the
 * pointer is in empty space beside a line, hence the geometry check on the (rare) candidate.
 */
export function mentionAtPoint(
  registry: MentionRegistry,
  x: number,
  y: number,
): MentionRecord | undefined {
  const caret = caretAt(x, y);
  if (!caret) return undefined;
  const candidate = registry.at(caret.node, caret.offset);
  if (!candidate || !mentionContainsPoint(candidate, x, y)) return undefined;
  return candidate;
}

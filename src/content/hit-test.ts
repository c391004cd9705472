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

/** The mention at the caret position under (x, y), from the index (no geometry check). */
function indexedAt(registry: MentionRegistry, x: number, y: number): MentionRecord | undefined {
  const doc = document as unknown as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? registry.at(position.offsetNode, position.offset) : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? registry.at(range.startContainer, range.startOffset) : undefined;
}

/** A live Range over the mention, made on demand (static ranges have no geometry). */
export function liveRange(record: MentionRecord): Range {
  const range = document.createRange();
  range.setStart(record.range.startContainer, record.range.startOffset);
  range.setEnd(record.range.endContainer, record.range.endOffset);
  return range;
}

/** Whether (x, y) lies on `rect`, with a pixel of slack each side. */
function onRect(rect: DOMRectReadOnly, x: number, y: number): boolean {
  const SLACK_PX = 1;
  return (
    x >= rect.left - SLACK_PX &&
    x <= rect.right + SLACK_PX &&
    y >= rect.top - SLACK_PX &&
    y <= rect.bottom + SLACK_PX
  );
}

/** The mention's line box under (x, y), or without a point its last one; in viewport px. */
function lineOf(record: MentionRecord, x?: number, y?: number): DOMRect | undefined {
  const lines = [...liveRange(record).getClientRects()];
  return x === undefined || y === undefined ? lines.at(-1) : lines.find((r) => onRect(r, x, y));
}

/**
 * Where a mention was: one of its line boxes in page coordinates (stays right when the window
 * scrolls). A page that re-renders replaces the mention's text nodes; the copy it renders in
 * the same place is recognised by this box (see CardController).
 */
export function placeOf(record: MentionRecord, x?: number, y?: number): DOMRect | undefined {
  const line = lineOf(record, x, y);
  return line && new DOMRect(line.x + scrollX, line.y + scrollY, line.width, line.height);
}

/** Whether viewport point (x, y) lies on `place` (page coordinates, from placeOf). */
export function placeHas(place: DOMRectReadOnly, x: number, y: number): boolean {
  return onRect(place, x + scrollX, y + scrollY);
}

/** The centre of `place` in viewport coordinates. */
export function placeCentre(place: DOMRectReadOnly): { x: number; y: number } {
  return { x: place.x + place.width / 2 - scrollX, y: place.y + place.height / 2 - scrollY };
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
  const candidate = indexedAt(registry, x, y);
  if (!candidate || !lineOf(candidate, x, y)) return undefined;
  return candidate;
}

/**
 * The matcher (its vocabulary and code, most of the detector's weight) is a second bundle,
 * detector.js, injected only into pages whose text passes the pre-check, so the content script
 * that runs on every page carries the pre-check alone. Both run in the extension's isolated
 * world, so they meet on a global the page cannot see.
 */
import type { Precheck } from '../../core/detector/precheck';
import type { FindMentions } from '../../core/detector/finder';

/** Symbol.for: the same key in both bundles; invisible to the page (isolated world). */
export const DETECTOR_KEY = Symbol.for('backstory.detector');

export interface DetectorBundle {
  /** A findMentions that shares the content script's pre-check (compiled once per page). */
  createFinder(precheck: Precheck): FindMentions;
}

export function installedDetector(): DetectorBundle | undefined {
  return (globalThis as Record<symbol, DetectorBundle | undefined>)[DETECTOR_KEY];
}

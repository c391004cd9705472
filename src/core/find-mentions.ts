/**
 * Placeholder of the detector's public entry point; the detector issue replaces the body.
 * Contract: pure (no DOM, no browser API), returns mentions sorted by `start`, non-overlapping,
 * UTF-16 offsets into `text`, `end` exclusive.
 */
import type { Mention } from './types';

export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(/CSTO/g)) {
    mentions.push({ topic: 'csto', start: match.index, end: match.index + match[0].length });
  }
  return mentions;
}

/** Shared helper for the detector tests: mentions as [topic, covered text] pairs. */
import { findMentions } from '../../src/core/find-mentions';

export type Span = [topic: string, text: string];

export function spans(text: string): Span[] {
  return findMentions(text).map((m) => [m.topic, text.slice(m.start, m.end)]);
}

export const C = 'csto';
export const K = 'kazakhstan-unrest';

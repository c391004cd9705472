/**
 * findMentions over any length of text, given the pre-check and the matcher: soft hyphens and
 * decomposed letters are cleaned first (offsets mapped back), and long text is matched only in
 * the paragraphs that hold a pre-check stem.
 */
import type { Mention } from '../types';
import type { Detector } from './detector';
import type { Precheck } from './precheck';
import { matchText } from './matcher';
import { CleanText, needsCleaning } from './normalise';

/**
 * A mention (and the context it needs) always lies in one sentence, which holds the mention's
 * pre-check stems, and a blank line always ends a sentence; so on long text only the paragraphs
 * holding a stem are matched, which keeps whole-page scans close to the cost of the pre-check.
 */
const WHOLE_TEXT_LIMIT = 2000;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g;

export type FindMentions = (text: string) => Mention[];

export function mentionFinder(precheck: Precheck, detector: Detector): FindMentions {
  const inParagraphs = (text: string): Mention[] => {
    if (text.length <= WHOLE_TEXT_LIMIT) return matchText(detector, precheck, text);
    const breaks = PARAGRAPH_BREAK;
    const mentions: Mention[] = [];
    let hit: number;
    let from = 0;
    while ((hit = precheck.nextStem(text, from)) >= 0) {
      const start = paragraphStart(text, hit);
      breaks.lastIndex = hit;
      const end = breaks.exec(text)?.index ?? text.length;
      for (const mention of matchText(detector, precheck, text.slice(start, end))) {
        mentions.push({
          topic: mention.topic,
          start: start + mention.start,
          end: start + mention.end,
        });
      }
      from = Math.max(end, hit + 1);
    }
    return mentions;
  };
  return (text) => {
    if (!needsCleaning(text)) return inParagraphs(text);
    const clean = new CleanText(text);
    return inParagraphs(clean.text).map((mention) => ({
      topic: mention.topic,
      start: clean.startOf(mention.start),
      end: clean.endOf(mention.end - 1),
    }));
  };
}

/** Offset just after the last blank line before `index` (0 if none). */
function paragraphStart(text: string, index: number): number {
  let newline = text.lastIndexOf('\n', index);
  while (newline > 0) {
    const previous = text.lastIndexOf('\n', newline - 1);
    if (previous >= 0 && text.slice(previous + 1, newline).trim() === '') return newline + 1;
    newline = previous;
  }
  return 0;
}

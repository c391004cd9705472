/**
 * The detector's public entry point. Contract: pure (no DOM, no browser API), returns mentions
 * sorted by `start`, non-overlapping, UTF-16 offsets into `text`, `end` exclusive.
 * Vocabulary and rules live in src/core/topics/*.json; the machinery in src/core/detector/.
 */
import type { Mention } from './types';
import type { TopicData } from './detector/topic-data';
import { compileTopics } from './detector/compile';
import { matchText } from './detector/matcher';
import { cleanText, needsCleaning } from './detector/normalise';
import csto from './topics/csto.json';
import kazakhstanUnrest from './topics/kazakhstan-unrest.json';

/** Every topic the detector knows, in priority order (earlier topics win a tie at one position). */
export const TOPICS: readonly TopicData[] = [csto as TopicData, kazakhstanUnrest as TopicData];

const detector = compileTopics(TOPICS);

/**
 * Cheap test (one small regex of literal stems) that is false only when `text` cannot contain a
 * mention; lets the content script skip most blocks without running the full matcher.
 */
export function mayContainMention(text: string): boolean {
  return detector.precheck.test(text) || needsCleaning(text);
}

export function findMentions(text: string): Mention[] {
  if (!needsCleaning(text)) {
    return detector.precheck.test(text) ? matchText(detector, text) : [];
  }
  const clean = cleanText(text);
  if (!detector.precheck.test(clean.text)) return [];
  return matchText(detector, clean.text).map((mention) => ({
    topic: mention.topic,
    start: clean.startOf[mention.start] as number,
    end: clean.endOf[mention.end - 1] as number,
  }));
}

/**
 * The detector's public entry point. Contract: pure (no DOM, no browser API), returns mentions
 * sorted by `start`, non-overlapping, UTF-16 offsets into `text`, `end` exclusive.
 * Vocabulary and rules live in src/core/topics/*.json; the machinery in src/core/detector/.
 */
import type { Mention } from './types';
import type { TopicVocabulary } from './detector/topic-data';
import { compileTopics } from './detector/compile';
import { matchText } from './detector/matcher';
import { CleanText, needsCleaning } from './detector/normalise';
// Named imports, so that esbuild leaves the prose `rules` of each file out of the bundle.
import {
  topic as cstoTopic,
  aliases as cstoAliases,
  contextSets as cstoContextSets,
} from './topics/csto.json';
import {
  topic as unrestTopic,
  aliases as unrestAliases,
  contextSets as unrestContextSets,
} from './topics/kazakhstan-unrest.json';

/** Every topic the detector knows, in priority order (earlier topics win a tie at one position). */
export const TOPICS = [
  { topic: cstoTopic, aliases: cstoAliases, contextSets: cstoContextSets },
  { topic: unrestTopic, aliases: unrestAliases, contextSets: unrestContextSets },
] as readonly TopicVocabulary[];

// The shipped data is checked by the unit tests (test/unit/detector-data.test.ts), not per page.
const detector = compileTopics(TOPICS, { checkPatterns: false });

/**
 * Cheap test (one small regex of literal stems) that is false only when `text` cannot contain a
 * mention; lets the content script skip most blocks without running the full matcher.
 */
export function mayContainMention(text: string): boolean {
  return detector.precheck.test(text) || needsCleaning(text);
}

export function findMentions(text: string): Mention[] {
  if (!needsCleaning(text)) return findInParagraphs(text);
  const clean = new CleanText(text);
  return findInParagraphs(clean.text).map((mention) => ({
    topic: mention.topic,
    start: clean.startOf(mention.start),
    end: clean.endOf(mention.end - 1),
  }));
}

/**
 * A mention (or the context it needs) always lies in the same sentence as a pre-check stem, and
 * a blank line always ends a sentence; so on long text only the paragraphs holding a stem hit
 * are matched, which keeps whole-page scans close to the cost of the pre-check alone.
 */
const WHOLE_TEXT_LIMIT = 2000;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g;

/** Global twin of the pre-check, compiled once: a fresh RegExp restarts in V8's slow tier. */
const precheckHits = new RegExp(detector.precheck.source, 'gi');

function findInParagraphs(text: string): Mention[] {
  if (text.length <= WHOLE_TEXT_LIMIT) {
    return detector.precheck.test(text) ? matchText(detector, text) : [];
  }
  const hits = precheckHits;
  const breaks = PARAGRAPH_BREAK;
  hits.lastIndex = 0;
  const mentions: Mention[] = [];
  let hit: RegExpExecArray | null;
  while ((hit = hits.exec(text)) !== null) {
    const start = paragraphStart(text, hit.index);
    breaks.lastIndex = hit.index;
    const end = breaks.exec(text)?.index ?? text.length;
    for (const mention of matchText(detector, text.slice(start, end))) {
      mentions.push({
        topic: mention.topic,
        start: start + mention.start,
        end: start + mention.end,
      });
    }
    hits.lastIndex = end;
  }
  return mentions;
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

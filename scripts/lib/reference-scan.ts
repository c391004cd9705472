/**
 * The benchmark's yardsticks: plain alias scans with no boundaries, case checks, pre-check or
 * context rules, built from the same topic data as the detector.
 * - naive: one case-insensitive alternation of every alias pattern (the textbook approach);
 * - sharded: the same patterns split into alternations of at most SHARD_SIZE branches, which is
 *   how the detector runs them, because V8 slows down sharply on bigger alternations.
 */
import type { TopicVocabulary } from '../../src/core/detector/topic-data';
import { patternToSource } from '../../src/core/detector/pattern-syntax';

const SHARD_SIZE = 40;

function allSources(topics: readonly TopicVocabulary[]): string[] {
  return topics.flatMap((topic) =>
    topic.aliases.flatMap((alias) => alias.patterns.map(patternToSource)),
  );
}

export function naiveReference(topics: readonly TopicVocabulary[]): RegExp[] {
  return [new RegExp(allSources(topics).join('|'), 'giu')];
}

export function shardedReference(topics: readonly TopicVocabulary[]): RegExp[] {
  const sources = allSources(topics);
  const shards: RegExp[] = [];
  for (let from = 0; from < sources.length; from += SHARD_SIZE) {
    shards.push(new RegExp(sources.slice(from, from + SHARD_SIZE).join('|'), 'giu'));
  }
  return shards;
}

/** Number of raw matches over all regexes: the reference's whole job. */
export function referenceScan(regexes: readonly RegExp[], text: string): number {
  let count = 0;
  for (const regex of regexes) {
    regex.lastIndex = 0;
    while (regex.exec(text) !== null) count++;
  }
  return count;
}

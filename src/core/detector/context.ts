/**
 * Context rules, evaluated only for candidates that need them: does the candidate's sentence (or a
 * window around it) contain one of a context set's patterns? Results are cached per sentence so
 * a long block with many candidates is still read once per context set.
 */
import type { CompiledContextSet } from './detector';
import { Sentences } from './sentences';

const FIRST_WORD = /[\p{L}\p{N}]/gu;

/**
 * Gap between [start, end) and the nearest of `spans` (sorted, non-overlapping); 0 when one
 * overlaps. Binary search, so a huge sentence with many candidates stays linear overall.
 */
function nearestGap(spans: readonly [number, number][], start: number, end: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as [number, number])[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  // spans[lo] is the first span ending after `start`; spans[lo - 1] the last one before.
  let best = Infinity;
  const after = spans[lo];
  if (after !== undefined) best = after[0] >= end ? after[0] - end : 0;
  const before = spans[lo - 1];
  if (before !== undefined) best = Math.min(best, start - before[1]);
  return best;
}

export class ContextReader {
  private readonly text: string;
  private readonly sets: (name: string) => CompiledContextSet | undefined;
  private readonly sentences: Sentences;
  /** Match spans of a set in a sentence, keyed `${set}@${sentenceStart}`. */
  private readonly cache = new Map<string, [number, number][]>();

  /** `sets` looks a context set up by name (compiling it on first use). */
  constructor(text: string, sets: (name: string) => CompiledContextSet | undefined) {
    this.text = text;
    this.sets = sets;
    this.sentences = new Sentences(text);
  }

  /** Does any of the named sets match around the candidate [start, end)? */
  any(names: readonly string[], start: number, end: number): boolean {
    return this.distance(names, start, end) < Infinity;
  }

  /**
   * Distance in UTF-16 units from the candidate to the nearest match of any named set within its
   * sentence (and window); Infinity when none. Lets "the nearer clue wins" when a sentence names
   * both another event and 2022.
   */
  distance(names: readonly string[], start: number, end: number): number {
    let best = Infinity;
    for (const name of names) {
      const set = this.sets(name);
      if (set === undefined) continue;
      const gap = nearestGap(this.spans(name, set, start), start, end);
      if (gap < best && (set.window === null || gap <= set.window)) best = gap;
    }
    return best;
  }

  /** Offset of the first letter or digit of the sentence holding `index`. */
  firstWordOfSentence(index: number): number {
    const [sentenceStart, sentenceEnd] = this.sentences.around(index);
    FIRST_WORD.lastIndex = sentenceStart;
    const found = FIRST_WORD.exec(this.text);
    return found === null || found.index >= sentenceEnd ? sentenceEnd : found.index;
  }

  private spans(name: string, set: CompiledContextSet, index: number): [number, number][] {
    const [sentenceStart, sentenceEnd] = this.sentences.around(index);
    const key = `${name}@${sentenceStart}`;
    let spans = this.cache.get(key);
    if (spans === undefined) {
      spans = [];
      const sentence = this.text.slice(sentenceStart, sentenceEnd);
      for (const match of sentence.matchAll(set.regex)) {
        spans.push([sentenceStart + match.index, sentenceStart + match.index + match[0].length]);
      }
      this.cache.set(key, spans);
    }
    return spans;
  }
}

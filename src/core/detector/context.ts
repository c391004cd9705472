/**
 * Context rules, evaluated only for candidates that need them: does the candidate's sentence (or a
 * window around it) contain one of a context set's patterns? Results are cached per sentence so
 * a long block with many candidates is still read once per context set.
 */
import type { CompiledContextSet } from './compile';
import { Sentences } from './sentences';

export class ContextReader {
  private readonly text: string;
  private readonly sets: ReadonlyMap<string, CompiledContextSet>;
  private readonly sentences: Sentences;
  /** Match spans of a set in a sentence, keyed `${set}@${sentenceStart}`. */
  private readonly cache = new Map<string, [number, number][]>();

  constructor(text: string, sets: ReadonlyMap<string, CompiledContextSet>) {
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
      const set = this.sets.get(name);
      if (set === undefined) continue;
      for (const [from, to] of this.spans(name, set, start)) {
        if (set.window !== null && (to < start - set.window || from > end + set.window)) continue;
        const gap = to <= start ? start - to : from >= end ? from - end : 0;
        if (gap < best) best = gap;
      }
    }
    return best;
  }

  textBetween(from: number, to: number): string {
    return this.text.slice(from, to);
  }

  sentenceOf(index: number): [number, number] {
    return this.sentences.around(index);
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

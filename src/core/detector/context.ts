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
  private readonly cache = new Map<string, boolean>();

  constructor(text: string, sets: ReadonlyMap<string, CompiledContextSet>) {
    this.text = text;
    this.sets = sets;
    this.sentences = new Sentences(text);
  }

  /** Does any of the named sets match around the candidate [start, end)? */
  any(names: readonly string[], start: number, end: number): boolean {
    return names.some((name) => this.matches(name, start, end));
  }

  sentenceOf(index: number): [number, number] {
    return this.sentences.around(index);
  }

  private matches(name: string, start: number, end: number): boolean {
    const set = this.sets.get(name);
    if (set === undefined) return false;
    const [sentenceStart, sentenceEnd] = this.sentences.around(start);
    if (set.window !== null) {
      const from = Math.max(sentenceStart, start - set.window);
      const to = Math.min(sentenceEnd, end + set.window);
      return set.regex.test(this.text.slice(from, to));
    }
    const key = `${name}@${sentenceStart}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = set.regex.test(this.text.slice(sentenceStart, sentenceEnd));
      this.cache.set(key, found);
    }
    return found;
  }
}

/**
 * The slow path for text the patterns cannot see through directly: soft hyphens and zero-width
 * characters inside words, and decomposed (NFD) Latin/Cyrillic letters (e + U+0301, и + U+0306).
 * It builds a cleaned copy plus a map back to the original UTF-16 offsets. Everything else
 * (quotes, dashes, NBSP, repeated spaces) is absorbed by the patterns themselves, so most text
 * takes the fast path with no copy at all. Other combining marks (emoji variation selectors,
 * Devanagari vowel signs) are left alone: nothing in the vocabularies needs them composed.
 */

const INVISIBLE_CLASS = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const COMBINING_CLASS = '\\u0300-\\u036F';
const NEEDS_CLEANING = new RegExp(`[${COMBINING_CLASS}${INVISIBLE_CLASS}]`);
/** A base character with its combining marks (one cluster), or one invisible character. */
const SPECIAL = new RegExp(
  `[^${COMBINING_CLASS}${INVISIBLE_CLASS}]?[${COMBINING_CLASS}]+|[${INVISIBLE_CLASS}]`,
  'gu',
);

export function needsCleaning(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

/**
 * The cleaned text and its offset map, kept as runs: a plain run maps unit for unit; a composed
 * cluster maps every unit it produced to the whole original cluster.
 */
export class CleanText {
  readonly text: string;
  private readonly cleanStarts: number[];
  private readonly originalStarts: number[];
  /** Original end of a composed cluster, or -1 for a plain run. */
  private readonly clusterEnds: number[];

  constructor(original: string) {
    const pieces: string[] = [];
    this.cleanStarts = [];
    this.originalStarts = [];
    this.clusterEnds = [];
    let cleanLength = 0;
    let done = 0;
    const run = (piece: string, originalStart: number, clusterEnd: number): void => {
      if (piece.length === 0) return;
      pieces.push(piece);
      this.cleanStarts.push(cleanLength);
      this.originalStarts.push(originalStart);
      this.clusterEnds.push(clusterEnd);
      cleanLength += piece.length;
    };
    for (const match of original.matchAll(SPECIAL)) {
      run(original.slice(done, match.index), done, -1);
      const end = match.index + match[0].length;
      // Invisible characters vanish; a cluster is composed and mapped as a whole.
      if (match[0].length > 1 || !new RegExp(`^[${INVISIBLE_CLASS}]$`).test(match[0])) {
        run(match[0].normalize('NFC'), match.index, end);
      }
      done = end;
    }
    run(original.slice(done), done, -1);
    this.text = pieces.join('');
  }

  /** Original offset where the clean unit `index` starts. */
  startOf(index: number): number {
    const k = this.runOf(index);
    const offset = index - (this.cleanStarts[k] as number);
    return (this.originalStarts[k] as number) + ((this.clusterEnds[k] as number) < 0 ? offset : 0);
  }

  /** Original offset just after the clean unit `index`. */
  endOf(index: number): number {
    const k = this.runOf(index);
    const clusterEnd = this.clusterEnds[k] as number;
    if (clusterEnd >= 0) return clusterEnd;
    return (this.originalStarts[k] as number) + index - (this.cleanStarts[k] as number) + 1;
  }

  private runOf(index: number): number {
    let lo = 0;
    let hi = this.cleanStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.cleanStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

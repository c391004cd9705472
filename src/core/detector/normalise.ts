/**
 * The slow path for text the patterns cannot see through directly: soft hyphens and zero-width
 * characters inside words, and decomposed (NFD) letters. It builds a cleaned copy plus a map back
 * to the original UTF-16 offsets. Everything else (quotes, dashes, NBSP, repeated spaces) is
 * absorbed by the patterns themselves, so most text takes the fast path with no copy at all.
 */

/** Soft hyphen, zero-width space/joiners, word joiner, BOM, and any combining mark. */
const NEEDS_CLEANING = /[\u00AD\u200B-\u200D\u2060\uFEFF]|\p{M}/u;
/** A base character with its combining marks (one cluster), or one invisible character. */
const SPECIAL =
  /[^\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]?\p{M}+|[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

export interface CleanText {
  text: string;
  /** For each UTF-16 unit of `text`: the original offset where it starts. */
  startOf: Int32Array;
  /** For each UTF-16 unit of `text`: the original offset just after it. */
  endOf: Int32Array;
}

export function needsCleaning(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

export function cleanText(original: string): CleanText {
  const pieces: string[] = [];
  const startOf: number[] = [];
  const endOf: number[] = [];
  const copyPlain = (from: number, to: number): void => {
    pieces.push(original.slice(from, to));
    for (let k = from; k < to; k++) {
      startOf.push(k);
      endOf.push(k + 1);
    }
  };
  let done = 0;
  for (const match of original.matchAll(SPECIAL)) {
    const from = match.index;
    const to = from + match[0].length;
    copyPlain(done, from);
    // Invisible characters vanish; a cluster is composed and mapped as a whole.
    if (!/^[\u00AD\u200B-\u200D\u2060\uFEFF]$/.test(match[0])) {
      const composed = match[0].normalize('NFC');
      pieces.push(composed);
      for (let k = 0; k < composed.length; k++) {
        startOf.push(from);
        endOf.push(to);
      }
    }
    done = to;
  }
  copyPlain(done, original.length);
  return {
    text: pieces.join(''),
    startOf: Int32Array.from(startOf),
    endOf: Int32Array.from(endOf),
  };
}

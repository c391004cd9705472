/**
 * Unicode word boundaries. JS `\b` only knows ASCII (`/\bОДКБ\b/u` never matches), and a `\p{L}`
 * lookbehind on the big candidate alternation costs ~5×, so the left edge is checked here, once
 * per candidate, and the right edge with WORD_CHAR_AHEAD inside the regex.
 */

/** Letters, combining marks and digits continue a word (`_` does not: #НЕТ_ОДКБ is a mention). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Regex source asserting that no word character follows. */
export const NO_WORD_CHAR_AHEAD = '(?![\\p{L}\\p{M}\\p{N}])';
/** Regex source asserting that no word character precedes (only for short context checks). */
export const NO_WORD_CHAR_BEHIND = '(?<![\\p{L}\\p{M}\\p{N}])';

/** True when the code point ending just before `index` is a word character. */
export function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  let from = index - 1;
  const unit = text.charCodeAt(from);
  // Step back over a whole surrogate pair so astral letters are seen as letters.
  if (unit >= 0xdc00 && unit <= 0xdfff && from > 0) {
    const lead = text.charCodeAt(from - 1);
    if (lead >= 0xd800 && lead <= 0xdbff) from--;
  }
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(from) as number));
}

/** Quotation marks that may enclose a name ("Qantar", «Кантар», „…“, 『…』). */
const QUOTES = new Set([...'"\'«»‹›“”„‟‘’‚『』「」']);

export function quoteBefore(text: string, index: number): boolean {
  return index > 0 && QUOTES.has(text[index - 1] as string);
}

export function quoteAt(text: string, index: number): boolean {
  return index < text.length && QUOTES.has(text[index] as string);
}

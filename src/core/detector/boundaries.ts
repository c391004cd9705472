/**
 * Unicode word boundaries. JS `\b` only knows ASCII (`/\bОДКБ\b/u` never matches), and a `\p{L}`
 * lookbehind on the big candidate alternation costs ~5×, so the left edge is checked here, once
 * per candidate, and the right edge with WORD_CHAR_AHEAD inside the regex.
 */

/**
 * What separates words: white space, ASCII punctuation and symbols (`_` included: #НЕТ_ОДКБ is a
 * mention), Latin-1 punctuation, general punctuation (curly quotes, dashes), arrows, maths and
 * other symbol blocks, CJK and fullwidth punctuation, and surrogates (emoji and other astral
 * characters: the detector's regexes are compiled without /u, see compile.ts).
 */
const SEPARATORS =
  '\\s!-/:-@\\[-`{-~\\u00A0-\\u00BF\\u2000-\\u206F\\u2190-\\u2BFF\\u3000-\\u303F\\uFF01-\\uFF0F\\uD800-\\uDFFF';

/**
 * A word character (letter, mark or digit), written as "not a separator". Not `[\\p{L}\\p{M}\\p{N}]`:
 * under the /iu flags V8 builds the case closure of every Unicode property class it compiles
 * (1–6 ms each on this machine, and the vocabulary has hundreds: seconds of compiling on the
 * first call on each page), while this negated class of a few ranges compiles in microseconds.
 * Symbols outside the listed blocks count as word characters, which only makes edges stricter.
 */
export const WORD_CHAR_SOURCE = `[^${SEPARATORS}]`;
/** A letter or mark: a word character that is not an ASCII digit (the data's `\\p{L}`). */
export const LETTER_SOURCE = `[^${SEPARATORS}0-9]`;

const WORD_CHAR = new RegExp(WORD_CHAR_SOURCE);

/** Regex source asserting that no word character follows. */
export const NO_WORD_CHAR_AHEAD = `(?!${WORD_CHAR_SOURCE})`;
/** Regex source asserting that no word character precedes (only for short context checks). */
export const NO_WORD_CHAR_BEHIND = `(?<!${WORD_CHAR_SOURCE})`;

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

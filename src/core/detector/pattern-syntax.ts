/**
 * Turns a data pattern (see topic-data.ts) into regular-expression source: spaces, hyphens and
 * apostrophes outside character classes accept their typographic variants, so the text never has
 * to be rewritten (and offsets never have to be mapped) for curly quotes, dashes or NBSP.
 */

import { LETTER_SOURCE } from './boundaries';

/** Any run of whitespace; JS `\s` already covers NBSP, thin spaces and newlines. */
const SPACE = '\\s+';
/** Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash. */
const DASH = '[-\\u2010\\u2011\\u2012\\u2013\\u2014]';
/** ASCII apostrophe, right/left single quotes, modifier apostrophe, prime. */
const APOSTROPHE = "['\\u2019\\u2018\\u02BC\\u2032]";

export function patternToSource(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (!inClass && pattern.startsWith('\\p{L}', i)) {
      // The data's "any letter", compiled to a class that is cheap under /iu (boundaries.ts).
      out += LETTER_SOURCE;
      i += 4;
      continue;
    }
    if (ch === '\\') {
      // Copy an escape verbatim (e.g. \d, \.).
      out += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ') {
      out += SPACE;
      while (pattern[i + 1] === ' ') i++;
    } else if (ch === '-') {
      out += DASH;
    } else if (ch === "'") {
      out += APOSTROPHE;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A stem as regex source: regex metacharacters escaped, spaces and dashes widened as above. */
export function stemToSource(stem: string): string {
  return patternToSource(stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * One spelling per stem, as the stem finder matches it: lower case (it runs with /i), one space
 * for any run of white space, one hyphen for any dash, one apostrophe for any apostrophe (the
 * classes patternToSource widens them back into). compile.ts spells stems so, and the pre-check
 * spells what it found so to look the stem up.
 */
export function spellStem(text: string): string {
  return spellCased(text).toLowerCase();
}

/** spellStem() without the lower-casing: the stems of case-sensitive aliases ("CSTO"). */
export function spellCased(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/[\u2019\u2018\u02BC\u2032]/g, "'");
}

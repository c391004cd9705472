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

const STOP = new Set(['\\', '[', ']', '(', ')', '{', '}', '|', '*', '+', '?', '.', '^', '$']);
const QUANTIFIERS = new Set(['*', '+', '?', '{']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The literal text every match of `pattern` starts with, cut to `maxChars` code points, or null
 * when it is too short to be a useful pre-check stem (3 code points, 2 for CJK).
 */
export function literalStem(pattern: string, maxChars = 5): string | null {
  const chars: string[] = [];
  for (const ch of pattern) {
    if (STOP.has(ch)) {
      // A quantifier makes the previous character optional or repeatable: not a fixed prefix.
      if (QUANTIFIERS.has(ch)) chars.pop();
      break;
    }
    chars.push(ch);
  }
  // A top-level alternation would make the prefix belong to one branch only.
  if (hasTopLevelAlternation(pattern)) return null;
  const stem = chars.slice(0, maxChars);
  while (stem.length > 0 && /[\s'-]/.test(stem[stem.length - 1] as string)) stem.pop();
  const minimum = stem.some((c) => CJK.test(c)) ? 2 : 3;
  return stem.length >= minimum ? stem.join('') : null;
}

/**
 * Literal stems for every way `pattern` can start: a leading `(?:a|b)` group is expanded into its
 * branches ("(?:Qandy|Kandy) Qantar" gives "Qandy", "Kandy"). Null when some branch has no usable
 * stem (an optional leading group, a lookbehind, a character class).
 */
export function literalStems(pattern: string, maxChars = 5): string[] | null {
  if (!pattern.startsWith('(?:')) {
    const stem = literalStem(pattern, maxChars);
    return stem === null ? null : [stem];
  }
  const close = closingParen(pattern, 0);
  if (close < 0) return null;
  const after = pattern.slice(close + 1);
  if (/^[?*]|^\{0/.test(after)) return null;
  const stems: string[] = [];
  for (const branch of splitTopLevel(pattern.slice(3, close))) {
    const branchStems = literalStems(branch + after, maxChars);
    if (branchStems === null) return null;
    stems.push(...branchStems);
  }
  return stems;
}

function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** A stem as regex source: regex metacharacters escaped, spaces and dashes widened as above. */
export function stemToSource(stem: string): string {
  return patternToSource(stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

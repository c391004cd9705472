/**
 * Reads pre-check stems off data patterns: literal text that every match contains. Build time
 * only (compile.ts): the content script ships the stems, not this code.
 */

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
  while (stem.length > 0 && /\s/.test(stem[0] as string)) stem.shift();
  return stem.length >= minimumLength(stem) ? stem.join('') : null;
}

/** A quantifier that lets the group before it match nothing: `?`, `*`, `{0}`, `{0,n}`. */
const OPTIONAL = /^(?:[?*]|\{0(?:,\d*)?\})\??/;

/**
 * Literal stems such that every match of `pattern` contains one of them: the literal prefix of
 * each way the pattern can start. A top-level alternation or a leading `(?:a|b)` group is
 * expanded into its branches ("(?:Qandy|Kandy) Qantar" gives "Qandy", "Kandy"); a leading
 * optional group is stepped over ("(?:mass )?protests" gives "protests"). Null when some branch
 * has no usable stem (a lookaround, a character class, a letter class).
 */
export function literalStems(pattern: string, maxChars = 5): string[] | null {
  if (hasTopLevelAlternation(pattern)) {
    return unionOrNull(splitTopLevel(pattern).map((branch) => literalStems(branch, maxChars)));
  }
  // A long literal run anywhere at the top level is rarer than a short prefix: "Organi[sz]ation
  // of the Collective Security Treaty" gives "ation of the Collective", not "Organi".
  const run = longestLiteralRun(pattern, maxChars);
  if (run !== null && run.length >= RARE_RUN) return [run];
  if (!pattern.startsWith('(?:')) {
    const stem = literalStem(pattern, maxChars);
    return stem === null ? null : [stem];
  }
  const close = closingParen(pattern, 0);
  if (close < 0) return null;
  const after = pattern.slice(close + 1);
  const optional = OPTIONAL.exec(after);
  if (optional !== null) {
    const rest = after.slice(optional[0].length);
    return rest.trim() === '' ? null : literalStems(rest.replace(/^\s+/, ''), maxChars);
  }
  const stems: string[] = [];
  for (const branch of splitTopLevel(pattern.slice(3, close))) {
    const branchStems = literalStems(branch + after, maxChars);
    if (branchStems === null) return null;
    stems.push(...branchStems);
  }
  return stems;
}

/**
 * Shortest useful stem: 3 code points, but 2 for CJK and for an all-capitals acronym ("ЧП"),
 * both rare as a pair of characters.
 */
function minimumLength(stem: readonly string[]): number {
  if (stem.some((c) => CJK.test(c))) return 2;
  return stem.every((c) => c !== c.toLowerCase()) ? 2 : 3;
}

/** A literal run at least this long is preferred to the prefix stems. */
const RARE_RUN = 6;

/**
 * The longest run of literal characters that every match contains: outside groups and
 * classes, not made optional by a quantifier; cut to `maxChars` code points.
 */
function longestLiteralRun(pattern: string, maxChars: number): string | null {
  let best: string[] = [];
  let run: string[] = [];
  const close = (): void => {
    const trimmed = trimStem(run);
    if (trimmed.length > best.length) best = trimmed;
    run = [];
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (QUANTIFIERS.has(ch)) {
      run.pop(); // the quantified character (or nothing, after a group or class)
      close();
      if (ch === '{') while (i < pattern.length && pattern[i] !== '}') i++;
    } else if (ch === '(') {
      close();
      const end = closingParen(pattern, i);
      i = end < 0 ? pattern.length : end;
    } else if (ch === '[') {
      close();
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (ch === '\\') {
      close();
      i++; // an escape is not literal text here (\p{L}, \d, \.)
      if (pattern[i] === 'p' && pattern[i + 1] === '{') {
        while (i < pattern.length && pattern[i] !== '}') i++;
      }
    } else if (STOP.has(ch)) close();
    else run.push(ch);
  }
  close();
  // Cut by code points, not UTF-16 units, so no surrogate pair is split.
  const stem = [...best.join('')].slice(0, maxChars);
  return stem.length >= minimumLength(stem) ? trimStem(stem).join('') : null;
}

/** Without leading white space or trailing white space, apostrophes and hyphens. */
function trimStem(chars: string[]): string[] {
  let from = 0;
  let to = chars.length;
  while (from < to && /\s/.test(chars[from] as string)) from++;
  while (to > from && /[\s'-]/.test(chars[to - 1] as string)) to--;
  return chars.slice(from, to);
}

function unionOrNull(lists: (string[] | null)[]): string[] | null {
  if (lists.some((list) => list === null)) return null;
  return (lists as string[][]).flat();
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

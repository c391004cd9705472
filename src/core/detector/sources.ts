/**
 * Regex sources built from vocabulary entries, shared by the build (compile.ts, which compiles
 * each one to check the data) and the runtime (detector.ts, which compiles them when a text
 * first needs them).
 */
import type { AliasEntry, ContextSetEntry } from './vocabulary-data';
import { NO_WORD_CHAR_AHEAD, NO_WORD_CHAR_BEHIND } from './boundaries';
import { patternToSource } from './pattern-syntax';

/** The alias's patterns in one group, with the right word boundary unless it has none. */
export function aliasSource(alias: AliasEntry): string {
  const body = `(?:${alias.patterns.map(patternToSource).join('|')})`;
  return (alias.boundary ?? 'both') === 'both' ? body + NO_WORD_CHAR_AHEAD : body;
}

/** Anchored form matched case-sensitively against a found text (acronyms). */
export function exactSource(alias: AliasEntry): string {
  return `^(?:${alias.patterns.map(patternToSource).join('|')})$`;
}

/** A pattern tested against the end of the text before a match. */
export function endAnchoredSource(pattern: string): string {
  return `(?:${patternToSource(pattern)})$`;
}

export function contextSetSource(set: ContextSetEntry): string {
  const bounded = set.patterns.map(patternToSource);
  const unbounded = (set.unboundedPatterns ?? []).map(patternToSource);
  const parts: string[] = [];
  if (bounded.length > 0) {
    parts.push(`${NO_WORD_CHAR_BEHIND}(?:${bounded.join('|')})${NO_WORD_CHAR_AHEAD}`);
  }
  if (unbounded.length > 0) parts.push(`(?:${unbounded.join('|')})`);
  return parts.join('|') || '(?!)';
}

export function contextSetFlags(set: ContextSetEntry): string {
  return set.caseSensitive === true ? 'g' : 'gi';
}

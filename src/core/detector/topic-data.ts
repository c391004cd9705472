/**
 * Shape of a topic vocabulary file (src/core/topics/*.json). The matcher knows no topic words:
 * everything it looks for, and when it accepts a hit, comes from these files.
 *
 * Pattern syntax (aliases and context sets): a JavaScript regular-expression fragment, compiled
 * with the `i` and `u` flags, with three conveniences so that data stays readable:
 * - a literal space matches any run of whitespace (spaces, NBSP, newlines);
 * - `-` outside a character class matches any hyphen or dash (- ‐ ‑ ‒ – —);
 * - `'` outside a character class matches any apostrophe (' ’ ‘ ʼ ′).
 * Groups must be non-capturing `(?:…)`; the matcher adds the word boundaries.
 */
import type { TopicId } from '../types';

/** Where a pattern must sit on word boundaries. `none` suits scripts written without spaces. */
export type BoundaryMode = 'both' | 'left' | 'none';

export interface AliasData {
  /** Language(s) the alias is written in; informative, the matcher ignores it. */
  lang: string;
  /** acronym | name | description | event | bare: informative, the flags below decide. */
  kind: string;
  patterns: string[];
  /** Accept only when the matched text fits the pattern case-sensitively (acronyms). */
  caseSensitive?: boolean;
  /** Default `both`. */
  boundary?: BoundaryMode;
  /** Accept only when the match sits between quotation marks (a month used as a name). */
  quoted?: boolean;
  /** The text just before the match must end with this pattern ("a|the " before "protest").
   * Checked after the match, because a lookbehind at the front of an alternative costs time at
   * every position of every text. */
  precededBy?: string;
  /** The text just before the match must not end with this pattern ("5 " before a month). */
  notPrecededBy?: string;
  /** Reject at the start of a sentence: a capitalised month mid-sentence is the event's name
   * (Kazakh "Қаңтарда" = "in [the] January [events]"), at the start it may be just the month. */
  notAtSentenceStart?: boolean;
  /** Context sets of which at least one must match the mention's sentence. */
  requires?: string[];
  /** Context sets that reject the mention when they match (unless an `unless` set matches). */
  forbids?: string[];
  /** Context sets that cancel `forbids` when they match anywhere in the sentence (for named
   * forms: "unlike the 2011 Zhanaozen shooting, the unrest in Kazakhstan in January 2022"). */
  unless?: string[];
  /** Context sets that cancel `forbids` only when they match nearer to the mention than the
   * forbidding clue (for bare nouns: "the uprising of 1986, … «Кантар» 2022-го"). */
  unlessNearer?: string[];
  /** Drop the mention when it directly follows an accepted mention of the same topic that has
   * no `requires` (e.g. "uprising" in "Bloody January uprising" is part of the name). */
  absorbedByPrevious?: boolean;
  /** Literal text of which every match contains one (case-insensitive), for the pre-check;
   * replaces the prefixes read off the patterns (give rarer words than a common first word). */
  stems?: string[];
  /** More pre-check stem groups: every match also contains one stem of each group (a "-led"
   * or "alliance" after "Russia"), so a page naming Russia alone does not load the matcher. */
  alsoStems?: string[][];
}

export interface ContextSetData {
  patterns: string[];
  /** Patterns matched without word boundaries (scripts without spaces). */
  unboundedPatterns?: string[];
  /** Search only this many UTF-16 units around the mention (within its sentence). */
  window?: number;
  /** Must the pattern match case-sensitively (acronyms, capitalised names)? */
  caseSensitive?: boolean;
  /** Pre-check stems for patterns whose prefix cannot be read off (added to the derived ones). */
  extraStems?: string[];
}

/** What the matcher needs from a topic file. */
export interface TopicVocabulary {
  topic: TopicId;
  aliases: AliasData[];
  contextSets: Record<string, ContextSetData>;
}

/** A whole topic file: the vocabulary plus its rules in prose (not bundled: see find-mentions). */
export interface TopicData extends TopicVocabulary {
  rules: string[];
}

/**
 * The compiled vocabulary: everything the runtime detector needs, as plain strings and numbers.
 * compile.ts derives it from the topic files (src/core/topics/*.json); the build evaluates that
 * once and bundles the result (scripts/lib/vocabulary-plugin.ts), so a page pays neither for the
 * derivation nor for the topic files. It comes in two parts: the pre-check (precheck.ts), which
 * every page runs, and the matcher's data (detector.ts), needed only where the pre-check hits.
 */
import type { TopicId } from '../types';
import type { BoundaryMode, ContextSetData } from './topic-data';

/** Writing system of an alias's patterns; the candidate alternation is sharded by it. */
export type Script = 'latin' | 'cyrillic' | 'other';

/**
 * When an alias can possibly match a text: every group of `allOf` has one of its pre-check stems
 * in it (the alias's own stems; for an alias that needs context, its context's; and the groups
 * of its `alsoStems`). Groups are indices into PrecheckData.groups: many clauses share one
 * (a context set's stems), so each is stored once.
 */
export interface Clause {
  allOf: number[];
}

/**
 * One alias (its patterns of one script), as in the topic file minus what only people read.
 * Patterns stay in the data syntax (topic-data.ts), far shorter than regex source; sources.ts
 * turns them into regex source. Flags and lists left out mean false / empty.
 */
export interface AliasEntry {
  topic: TopicId;
  patterns: string[];
  /** Index into VocabularyData.clauses. */
  clause: number;
  caseSensitive?: boolean;
  boundary?: BoundaryMode;
  quoted?: boolean;
  notAtSentenceStart?: boolean;
  absorbedByPrevious?: boolean;
  /** Patterns tested, end-anchored, on the text just before a match. */
  precededBy?: string;
  notPrecededBy?: string;
  /** Qualified context-set names (`topic:name`). */
  requires?: string[];
  forbids?: string[];
  unless?: string[];
  unlessNearer?: string[];
}

export interface ShardEntry {
  script: Script;
  aliases: AliasEntry[];
}

/** A context set as in the topic file, minus the stems (they are in the clauses). */
export type ContextSetEntry = Omit<ContextSetData, 'extraStems'>;

/** What the pre-check needs: shipped in the content script, which runs on every page. */
export interface PrecheckData {
  /** Pre-check stems, lower case, longest first. */
  stems: string[];
  /** Regex source matching any stem (the longest one at a position), built as a trie. */
  finder: string;
  /** For a stem (by index), the shorter stems it starts with: found where it is found. */
  implies: Record<number, number[]>;
  /**
   * Stem groups, each a sorted list of flag indices: into `stems`, then on into `cased` (index
   * stems.length + k for cased[k]).
   */
  groups: number[][];
  clauses: Clause[];
  /**
   * Per stem, "1" if it is an anchor, else "0": the stems every mention needs one of in its own
   * text (per clause, the stems of one of its groups; see anchorStems() in compile.ts). The
   * scanner reads only the blocks holding one. A string, not an index list: most stems are
   * anchors, and this keeps the content script 0.7 KB smaller gzipped.
   */
  anchors: string;
  /**
   * The own stems of case-sensitive aliases, in their case: [index of the stem, spelling]. Found
   * where the stem is found with exactly this spelling at the start ("CSTO", not the "cSto" of
   * "ClassicStock"; "Январ", not the "январ" of every date in January).
   */
  cased: [number, string][];
  /**
   * Per stem (by index), the `cased` entries (indices k) to try where it is found: its own, and
   * those of the shorter stems it starts with (see `implies`). Derived at build time, so the
   * content script does not work it out on every page it starts on.
   */
  casedOf: Record<number, number[]>;
}

/** What the full matcher needs: shipped in detector.js, loaded once a page passes the pre-check. */
export interface MatcherData {
  shards: ShardEntry[];
  /** Keyed `${topic}:${name}`. */
  contextSets: Record<string, ContextSetEntry>;
}

export interface VocabularyData {
  precheck: PrecheckData;
  matcher: MatcherData;
}

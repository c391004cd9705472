/**
 * Compiles topic data into VocabularyData (vocabulary-data.ts): per alias its regex source and
 * flags, the context sets' sources, and the pre-check stems with, per alias, the clause saying
 * which stems a text needs before that alias can match in it.
 *
 * Runs in Node only: at build time (the content script ships the result, not this code) and in
 * the tests and tools. Regexes are created here only to check the data, never kept.
 *
 * No /u flag in any source: with it, V8 spends milliseconds per character class building Unicode
 * case closures, and the vocabulary has hundreds of classes. The data's `\p{L}` becomes a plain
 * negated class (boundaries.ts), and /i without /u still folds case for every BMP script the
 * vocabulary uses (Cyrillic, Greek, Latin with diacritics).
 */
import type { TopicId } from '../types';
import type { AliasData, ContextSetData, TopicVocabulary } from './topic-data';
import type {
  AliasEntry,
  Clause,
  ContextSetEntry,
  Script,
  ShardEntry,
  VocabularyData,
} from './vocabulary-data';
import { literalStems } from './literal-stems';
import { patternToSource, spellCased, spellStem, stemToSource } from './pattern-syntax';
import {
  aliasSource,
  contextSetFlags,
  contextSetSource,
  endAnchoredSource,
  exactSource,
} from './sources';

/**
 * Aliases per shard. A shard is no longer compiled as one alternation (matcher.ts runs each
 * alias's own regex), but it still decides which aliases compete at one position in data
 * order, so this keeps the grouping the vocabulary was tuned and evaluated with.
 */
const MAX_SHARD_ALIASES = 40;

/** Long enough to be rare ("ation of the Collective", not "Organi"). */
const DERIVED_STEM_CHARS = 24;

/** Compiles `source` once to check it, so that bad data fails naming where it comes from. */
function checkRegex(source: string, flags: string, where: string): void {
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

function assertNoCapturingGroups(source: string, where: string): void {
  checkRegex(source, 'i', where);
  const groups = (new RegExp(`(?:${source})|`).exec('') as RegExpExecArray).length - 1;
  if (groups !== 0) throw new Error(`${where}: use (?:…) instead of capturing groups`);
}

/** Checks every pattern of an entry on its own, so an error names the pattern. */
function checkPatterns(patterns: readonly string[], where: string): void {
  for (const pattern of patterns) {
    assertNoCapturingGroups(patternToSource(pattern), `${where} pattern ${pattern}`);
  }
}

/**
 * Pre-check stems of an alias: its explicit `stems` when given (every match contains one of
 * them), else the literal prefix of each pattern; null when some pattern has no literal prefix.
 */
function aliasStems(alias: AliasData): string[] | null {
  if (alias.stems !== undefined && alias.stems.length > 0) return [...alias.stems];
  const stems: string[] = [];
  for (const pattern of alias.patterns) {
    const derived = literalStems(pattern, DERIVED_STEM_CHARS);
    if (derived === null) return null;
    stems.push(...derived);
  }
  return stems;
}

/** An alias's `alsoStems` groups, each a non-empty list of stems of at least two characters. */
function checkedAlsoStems(alias: AliasData, where: string): string[][] {
  const groups = alias.alsoStems ?? [];
  groups.forEach((group, index) => {
    if (!Array.isArray(group) || group.length === 0) {
      throw new Error(`${where}: alsoStems[${index}] must be a non-empty list of stems`);
    }
    for (const stem of group) {
      if (typeof stem !== 'string' || stem.trim().length < 2) {
        throw new Error(`${where}: alsoStems[${index}] holds ${JSON.stringify(stem)}, not a stem`);
      }
    }
  });
  return groups.map((group) => [...group]);
}

/** Pre-check stems for a context set: derived prefixes plus `extraStems` for the patterns
 * without a readable prefix (dates such as "(?:[2-9]|1[0-9]) января" give "января"). */
function contextStems(set: ContextSetData, where: string): string[] {
  const stems = [...(set.extraStems ?? [])];
  for (const pattern of [...set.patterns, ...(set.unboundedPatterns ?? [])]) {
    const derived = literalStems(pattern, DERIVED_STEM_CHARS);
    if (derived !== null) stems.push(...derived);
    else if (stems.length === 0)
      throw new Error(`${where}: no literal stem in "${pattern}"; give "extraStems"`);
  }
  return stems;
}

function compileContextSet(set: ContextSetData, where: string): ContextSetEntry {
  checkPatterns([...set.patterns, ...(set.unboundedPatterns ?? [])], where);
  const entry = withoutDefaults({
    patterns: set.patterns,
    unboundedPatterns: set.unboundedPatterns,
    caseSensitive: set.caseSensitive,
    window: set.window,
  });
  checkRegex(contextSetSource(entry), contextSetFlags(entry), where);
  return entry;
}

/** Drops the fields holding a default (false, undefined, []): the bundle carries less. */
function withoutDefaults<T extends object>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([, value]) =>
        value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}

function qualify(topic: TopicId, names: readonly string[] | undefined): string[] {
  return (names ?? []).map((name) => (name.includes(':') ? name : `${topic}:${name}`));
}

/** The index of `value` in `list` by `key`, added at the end the first time the key is seen. */
function intern<T>(list: T[], byKey: Map<string, number>, key: string, value: T): number {
  let found = byKey.get(key);
  if (found === undefined) {
    found = list.push(value) - 1;
    byKey.set(key, found);
  }
  return found;
}

/** A stem as a topic file gives or implies it; `cased` for a case-sensitive alias's own stems. */
type RawStem = string | { cased: string };

/** Collects raw stems and clauses; numbers them against the final stem list at the end. */
class ClauseBuilder {
  /** Per clause, its groups of raw stems (a text needs one stem of every group). */
  private readonly raw: RawStem[][][] = [];

  add(groups: RawStem[][]): number {
    this.raw.push(groups);
    return this.raw.length - 1;
  }

  /** The stems, what each implies, the cased stems, the groups and the clauses (deduplicated). */
  finish(): {
    stems: string[];
    implies: number[][];
    cased: [number, string][];
    groups: number[][];
    clauses: Clause[];
    clauseOf: number[];
  } {
    const all = this.raw.flat(2);
    const text = (stem: RawStem): string => (typeof stem === 'string' ? stem : stem.cased);
    // Longest first: at one position the stem finder reports the first alternative that
    // matches, so the longest; the shorter stems it starts with are implied (below).
    const stems = [...new Set(all.map((stem) => spellStem(text(stem))))].sort(
      (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
    );
    const index = new Map(stems.map((stem, i) => [stem, i]));
    const implies = stems.map((stem, i) =>
      stems.flatMap((other, j) => (j !== i && stem.startsWith(other) ? [j] : [])),
    );
    const spellings = [
      ...new Set(all.flatMap((stem) => (typeof stem === 'string' ? [] : [spellCased(stem.cased)]))),
    ].sort();
    const cased = spellings.map((spelling): [number, string] => [
      index.get(spellStem(spelling)) as number,
      spelling,
    ]);
    const casedIndex = new Map(spellings.map((spelling, k) => [spelling, stems.length + k]));
    const indexOf = (stem: RawStem): number =>
      typeof stem === 'string'
        ? (index.get(spellStem(stem)) as number)
        : (casedIndex.get(spellCased(stem.cased)) as number);
    const groups: number[][] = [];
    const groupByKey = new Map<string, number>();
    const toGroup = (raw: RawStem[]): number => {
      const group = [...new Set(raw.map(indexOf))].sort((a, b) => a - b);
      return intern(groups, groupByKey, group.join(','), group);
    };
    const clauses: Clause[] = [];
    const clauseByKey = new Map<string, number>();
    const clauseOf = this.raw.map((rawGroups) => {
      const clause = { allOf: rawGroups.map(toGroup) };
      return intern(clauses, clauseByKey, JSON.stringify(clause), clause);
    });
    return { stems, implies, cased, groups, clauses, clauseOf };
  }
}

export function compileVocabulary(topics: readonly TopicVocabulary[]): VocabularyData {
  const contextSets: Record<string, ContextSetEntry> = {};
  const setData = new Map<string, ContextSetData>();
  for (const topic of topics) {
    for (const [name, set] of Object.entries(topic.contextSets)) {
      const key = `${topic.topic}:${name}`;
      contextSets[key] = compileContextSet(set, key);
      setData.set(key, set);
    }
  }
  // Only the sets some alias `requires` need stems (a `forbids` set never makes a match possible).
  const setStems = (key: string): string[] => contextStems(setData.get(key) as ContextSetData, key);
  const clauses = new ClauseBuilder();
  const byScript = new Map<Script, AliasEntry[]>();
  for (const topic of topics) {
    topic.aliases.forEach((alias, index) => {
      const where = `${topic.topic} alias ${index} (${alias.patterns[0] ?? ''})`;
      const requires = qualify(topic.topic, alias.requires);
      const forbids = qualify(topic.topic, alias.forbids);
      const unless = qualify(topic.topic, alias.unless);
      const unlessNearer = qualify(topic.topic, alias.unlessNearer);
      const entries: AliasEntry[] = [];
      for (const name of [...requires, ...forbids, ...unless, ...unlessNearer]) {
        if (contextSets[name] === undefined)
          throw new Error(`${where}: unknown context set ${name}`);
      }
      // One entry per script its patterns are written in, so each lands in its shard.
      for (const [script, patterns] of groupByScript(alias.patterns)) {
        checkPatterns(patterns, where);
        const entry: AliasEntry = withoutDefaults({
          topic: topic.topic,
          patterns,
          clause: -1,
          caseSensitive: alias.caseSensitive,
          boundary: alias.boundary === 'both' ? undefined : alias.boundary,
          quoted: alias.quoted,
          notAtSentenceStart: alias.notAtSentenceStart,
          absorbedByPrevious: alias.absorbedByPrevious,
          precededBy: alias.precededBy,
          notPrecededBy: alias.notPrecededBy,
          requires,
          forbids,
          unless,
          unlessNearer,
        });
        checkRegex(aliasSource(entry), 'iy', where);
        if (entry.caseSensitive === true) checkRegex(exactSource(entry), '', where);
        for (const pattern of [entry.precededBy, entry.notPrecededBy]) {
          if (pattern !== undefined) checkRegex(endAnchoredSource(pattern), 'i', where);
        }
        byScript.set(script, [...(byScript.get(script) ?? []), entry]);
        entries.push(entry);
      }
      // A mention needs its own stem in the text and, for an alias that needs context, a stem
      // of that context too (the context must be in the same sentence, so in the same text);
      // and one stem of each of its `alsoStems` groups.
      const own = aliasStems(alias);
      const context = requires.length > 0 ? requires.flatMap(setStems) : null;
      if (own === null && context === null) {
        throw new Error(`${where}: no literal stem in its patterns; give "stems"`);
      }
      const also = checkedAlsoStems(alias, where);
      // A case-sensitive alias's own stems occur in its matches in their case ("CSTO").
      const ownStems: RawStem[] | null =
        own !== null && alias.caseSensitive === true ? own.map((stem) => ({ cased: stem })) : own;
      const clause = clauses.add(
        [ownStems, context, ...also].filter((group): group is RawStem[] => group !== null),
      );
      for (const entry of entries) entry.clause = clause;
    });
  }
  const shards: ShardEntry[] = [];
  for (const [script, entries] of byScript) {
    for (let from = 0; from < entries.length; from += MAX_SHARD_ALIASES) {
      shards.push({ script, aliases: entries.slice(from, from + MAX_SHARD_ALIASES) });
    }
  }
  const { stems, implies, cased, groups, clauses: clauseList, clauseOf } = clauses.finish();
  for (const shard of shards) {
    for (const alias of shard.aliases) alias.clause = clauseOf[alias.clause] as number;
  }
  return {
    precheck: {
      stems,
      finder: trieSource(stems),
      implies: sparse(implies),
      clauses: clauseList,
      groups,
      anchors: anchorStems(stems, implies, cased, groups, clauseList),
      cased,
      casedOf: casedByStem(implies, cased),
    },
    matcher: { shards, contextSets },
  };
}

/** PrecheckData.casedOf: a hit of a stem is a hit of the shorter stems it implies. */
function casedByStem(implies: number[][], cased: [number, string][]): Record<number, number[]> {
  const casedOf: Record<number, number[]> = {};
  cased.forEach(([base], k) => {
    implies.forEach((shorter, stem) => {
      if (stem === base || shorter.includes(base)) (casedOf[stem] ??= []).push(k);
    });
  });
  return casedOf;
}

/**
 * The anchor stems. A clause needs one stem of each of its groups (its own stems; for an alias
 * that needs context, its context's; its `alsoStems`), so any group will do; the group whose
 * shortest stem is longest is taken, as the rarest in running text (a context set may hold "les"
 * or "arm", where the alias's own stems are "events in kazak"). A longer stem that starts with an
 * anchor is one too.
 */
function anchorStems(
  stems: string[],
  implies: number[][],
  cased: [number, string][],
  groups: number[][],
  clauses: Clause[],
): string {
  const anchors = new Set<number>();
  // A cased stem is found where its stem is: the stem is the anchor.
  const base = (index: number): number =>
    index < stems.length ? index : (cased[index - stems.length] as [number, string])[0];
  const shortest = (group: readonly number[]): number =>
    Math.min(...group.map((index) => (stems[base(index)] as string).length));
  for (const { allOf } of clauses) {
    const sides = allOf.map((id) => groups[id] as number[]);
    let best = sides[0] ?? [];
    for (const group of sides) if (shortest(group) > shortest(best)) best = group;
    for (const index of best) anchors.add(base(index));
  }
  implies.forEach((shorter, stem) => {
    if (shorter.some((index) => anchors.has(index))) anchors.add(stem);
  });
  return stems.map((_, index) => (anchors.has(index) ? '1' : '0')).join('');
}

const CYRILLIC = /[\u0400-\u052F]/u;
/** Letters of scripts other than Latin and Cyrillic (Greek, Armenian, Georgian, Arabic, CJK…). */
const OTHER_LETTER = /[\u0370-\u03FF\u0530-\u1DFF\u2E80-\uD7FF\uF900-\uFAFF]/u;

function scriptOf(pattern: string): Script {
  // The first letter decides; escapes like \p{L} are not letters of the pattern.
  const letters = pattern.replace(/\\./g, '');
  const first = /\p{L}/u.exec(letters)?.[0] ?? 'a';
  if (CYRILLIC.test(first)) return 'cyrillic';
  if (OTHER_LETTER.test(first)) return 'other';
  return 'latin';
}

function groupByScript(patterns: readonly string[]): Map<Script, string[]> {
  const groups = new Map<Script, string[]>();
  for (const pattern of patterns) {
    const script = scriptOf(pattern);
    groups.set(script, [...(groups.get(script) ?? []), pattern]);
  }
  return groups;
}

interface TrieNode {
  isStem: boolean;
  next: Map<string, TrieNode>;
}

/**
 * All stems in one regex shaped as a trie ("kaza(?:kh(?:stan)?|…)"): V8 then tries one branch
 * per position instead of every stem, ~15× faster than a flat alternation of 500 stems. Where a
 * stem ends inside a longer one the rest is optional and greedy, so the longest stem at a
 * position is the one reported.
 */
function trieSource(stems: readonly string[]): string {
  const root: TrieNode = { isStem: false, next: new Map() };
  for (const stem of stems) {
    let node = root;
    for (const ch of stem) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { isStem: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.isStem = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => stemToSource(ch) + source(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    return node.isStem ? `(?:${body})?` : body;
  };
  return source(root);
}

/** Only the non-empty lists, keyed by index: most stems imply nothing. */
function sparse(lists: number[][]): Record<number, number[]> {
  return Object.fromEntries(lists.flatMap((list, i) => (list.length > 0 ? [[i, list]] : [])));
}

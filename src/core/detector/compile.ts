/**
 * Compiles topic data, once at module load, into: one candidate regex (a single alternation, one
 * capturing group per alias, in data order so longer phrases listed first win), the context-set
 * regexes, and a small pre-check regex of literal stems.
 *
 * No /u flag anywhere: with it, V8 spends milliseconds per character class building Unicode case
 * closures, and the vocabulary has hundreds of classes, all compiled on the first call on each
 * page. The data's `\p{L}` becomes a plain negated class (boundaries.ts), and /i without /u still
 * folds case for every BMP script the vocabulary uses (Cyrillic, Greek, Latin with diacritics).
 */
import type { TopicId } from '../types';
import type { AliasData, ContextSetData, TopicVocabulary } from './topic-data';
import { NO_WORD_CHAR_AHEAD, NO_WORD_CHAR_BEHIND } from './boundaries';
import { literalStems, patternToSource, stemToSource } from './pattern-syntax';

export interface CompiledAlias {
  topic: TopicId;
  data: AliasData;
  /** Sticky regex of this alias alone, for retrying the other aliases at a rejected position. */
  sticky: RegExp;
  /** Anchored, case-sensitive form, for aliases that must match case-sensitively. */
  exact: RegExp | null;
  leftBoundary: boolean;
  /** Anchored at the end: tested on the text before the match. */
  precededBy: RegExp | null;
  notPrecededBy: RegExp | null;
  requires: readonly string[];
  forbids: readonly string[];
  unless: readonly string[];
  unlessNearer: readonly string[];
}

export interface CompiledContextSet {
  regex: RegExp;
  window: number | null;
}

/**
 * A slice of the candidate alternation. V8's regex engine slows down sharply (far worse than
 * linearly) once an alternation has more than ~50 branches, so the aliases are split into shards
 * of at most MAX_SHARD_ALIASES, grouped by script; a shard whose script is absent from the text
 * (no Cyrillic letter, say) is skipped after one cheap `gate` test.
 */
export interface CandidateShard {
  /** Global regex; capturing group k + 1 belongs to aliases[k]. */
  regex: RegExp;
  aliases: CompiledAlias[];
  /** Run the shard only when this matches the text (null: always). */
  gate: RegExp | null;
}

export interface CompiledDetector {
  shards: CandidateShard[];
  /** Keyed `${topic}:${name}`. */
  contextSets: Map<string, CompiledContextSet>;
  precheck: RegExp;
}

function assertNoCapturingGroups(source: string, where: string): void {
  const groups = (new RegExp(`(?:${source})|`).exec('') as RegExpExecArray).length - 1;
  if (groups !== 0) throw new Error(`${where}: use (?:…) instead of capturing groups`);
}

function aliasSource(alias: AliasData, where: string, check: boolean): string {
  const sources = alias.patterns.map((pattern) => {
    const source = patternToSource(pattern);
    if (check) assertNoCapturingGroups(source, `${where} pattern ${pattern}`);
    return source;
  });
  const boundary = alias.boundary ?? 'both';
  return `(?:${sources.join('|')})${boundary === 'both' ? NO_WORD_CHAR_AHEAD : ''}`;
}

/**
 * Pre-check stems for an alias: its explicit `stems` when given (every match contains one of
 * them), else the literal prefix of each pattern.
 */
function aliasStems(alias: AliasData, where: string): string[] {
  if (alias.stems !== undefined && alias.stems.length > 0) return [...alias.stems];
  return alias.patterns.flatMap((pattern) => {
    const derived = literalStems(pattern, DERIVED_STEM_CHARS);
    if (derived === null)
      throw new Error(`${where}: no literal stem in "${pattern}"; give "stems"`);
    return derived;
  });
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

/** Long enough to be rare ("Collecti", not "Colle"). */
const DERIVED_STEM_CHARS = 8;

function compileContextSet(set: ContextSetData, where: string, check: boolean): CompiledContextSet {
  const bounded = set.patterns.map(patternToSource);
  const unbounded = (set.unboundedPatterns ?? []).map(patternToSource);
  if (check)
    for (const source of [...bounded, ...unbounded]) assertNoCapturingGroups(source, where);
  const parts: string[] = [];
  if (bounded.length > 0) {
    parts.push(`${NO_WORD_CHAR_BEHIND}(?:${bounded.join('|')})${NO_WORD_CHAR_AHEAD}`);
  }
  if (unbounded.length > 0) parts.push(`(?:${unbounded.join('|')})`);
  const flags = set.caseSensitive === true ? 'g' : 'gi';
  return { regex: new RegExp(parts.join('|') || '(?!)', flags), window: set.window ?? null };
}

function endAnchored(pattern: string | undefined): RegExp | null {
  return pattern === undefined ? null : new RegExp(`(?:${patternToSource(pattern)})$`, 'i');
}

function qualify(topic: TopicId, names: readonly string[] | undefined): string[] {
  return (names ?? []).map((name) => (name.includes(':') ? name : `${topic}:${name}`));
}

export function compileTopics(
  topics: readonly TopicVocabulary[],
  /**
   * Checking the data costs a regex compile per pattern (tens of ms in all): the content script,
   * which compiles the same shipped data on every page, skips it; the tests and tools check.
   */
  options: { checkPatterns?: boolean } = {},
): CompiledDetector {
  const check = options.checkPatterns ?? true;
  const byScript = new Map<Script, { alias: CompiledAlias; source: string }[]>();
  const contextSets = new Map<string, CompiledContextSet>();
  const setData = new Map<string, ContextSetData>();
  for (const topic of topics) {
    for (const [name, set] of Object.entries(topic.contextSets)) {
      const key = `${topic.topic}:${name}`;
      contextSets.set(key, compileContextSet(set, key, check));
      setData.set(key, set);
    }
  }
  const setStems = (key: string): string[] => {
    const set = setData.get(key);
    if (set === undefined) return [];
    return contextStems(set, key);
  };
  const stems = new Set<string>();
  for (const topic of topics) {
    topic.aliases.forEach((alias, index) => {
      const where = `${topic.topic} alias ${index} (${alias.patterns[0] ?? ''})`;
      const requires = qualify(topic.topic, alias.requires);
      const forbids = qualify(topic.topic, alias.forbids);
      const unless = qualify(topic.topic, alias.unless);
      const unlessNearer = qualify(topic.topic, alias.unlessNearer);
      for (const name of [...requires, ...forbids, ...unless, ...unlessNearer]) {
        if (!contextSets.has(name)) throw new Error(`${where}: unknown context set ${name}`);
      }
      // One compiled alias per script its patterns are written in, so each lands in its shard.
      for (const [script, patterns] of groupByScript(alias.patterns)) {
        const part: AliasData = { ...alias, patterns };
        const source = aliasSource(part, where, check);
        const compiled: CompiledAlias = {
          topic: topic.topic,
          data: alias,
          sticky: new RegExp(source, 'iy'),
          exact:
            alias.caseSensitive === true
              ? new RegExp(`^(?:${patterns.map(patternToSource).join('|')})$`)
              : null,
          leftBoundary: (alias.boundary ?? 'both') !== 'none',
          precededBy: endAnchored(alias.precededBy),
          notPrecededBy: endAnchored(alias.notPrecededBy),
          requires,
          forbids,
          unless,
          unlessNearer,
        };
        const list = byScript.get(script) ?? [];
        list.push({ alias: compiled, source });
        byScript.set(script, list);
      }
      // The pre-check must fire wherever a mention is possible: on the alias itself, or, for a
      // common word that needs context, on that context (which has to be in the same text).
      const own =
        requires.length > 0 && alias.stems === undefined
          ? requires.flatMap(setStems)
          : aliasStems(alias, where);
      for (const stem of own) stems.add(stem);
    });
  }
  const shards: CandidateShard[] = [];
  for (const [script, entries] of byScript) {
    for (let from = 0; from < entries.length; from += MAX_SHARD_ALIASES) {
      const slice = entries.slice(from, from + MAX_SHARD_ALIASES);
      shards.push({
        regex: new RegExp(slice.map((entry) => `(${entry.source})`).join('|'), 'gi'),
        aliases: slice.map((entry) => entry.alias),
        gate: SCRIPT_GATES[script],
      });
    }
  }
  return {
    shards,
    contextSets,
    // No `u` flag: stems are plain BMP text, and /i without /u is ~2× faster in V8.
    precheck: new RegExp(
      minimalStems([...stems])
        .map(stemToSource)
        .join('|'),
      'i',
    ),
  };
}

/** Branches per shard; measured: V8 stays fast up to ~50 branches, then degrades steeply. */
const MAX_SHARD_ALIASES = 40;

type Script = 'latin' | 'cyrillic' | 'other';

const CYRILLIC = /[\u0400-\u052F]/u;
/** Letters of scripts other than Latin and Cyrillic (Greek, Armenian, Georgian, Arabic, CJK…). */
const OTHER_LETTER = /[\u0370-\u03FF\u0530-\u1DFF\u2E80-\uD7FF\uF900-\uFAFF]/u;

const SCRIPT_GATES: Record<Script, RegExp | null> = {
  latin: null,
  cyrillic: CYRILLIC,
  other: OTHER_LETTER,
};

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

/** Drops stems that another (shorter) stem already covers: "Kazak" covers "Kazakh". */
function minimalStems(stems: string[]): string[] {
  const lower = [...new Set(stems.map((stem) => stem.toLowerCase()))].sort(
    (a, b) => a.length - b.length,
  );
  const kept: string[] = [];
  for (const stem of lower) if (!kept.some((k) => stem.startsWith(k))) kept.push(stem);
  return kept;
}

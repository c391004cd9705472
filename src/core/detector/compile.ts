/**
 * Compiles topic data, once at module load, into: one candidate regex (a single alternation, one
 * capturing group per alias, in data order so longer phrases listed first win), the context-set
 * regexes, and a small pre-check regex of literal stems.
 */
import type { TopicId } from '../types';
import type { AliasData, ContextSetData, TopicData } from './topic-data';
import { NO_WORD_CHAR_AHEAD, NO_WORD_CHAR_BEHIND } from './boundaries';
import { literalStems, patternToSource, stemToSource } from './pattern-syntax';

export interface CompiledAlias {
  topic: TopicId;
  data: AliasData;
  /** Anchored, case-sensitive form, for aliases that must match case-sensitively. */
  exact: RegExp | null;
  leftBoundary: boolean;
  requires: readonly string[];
  forbids: readonly string[];
  unless: readonly string[];
}

export interface CompiledContextSet {
  regex: RegExp;
  window: number | null;
}

export interface CompiledDetector {
  /** Global regex; capturing group k + 1 belongs to aliases[k]. */
  candidates: RegExp;
  aliases: CompiledAlias[];
  /** Keyed `${topic}:${name}`. */
  contextSets: Map<string, CompiledContextSet>;
  precheck: RegExp;
}

function assertNoCapturingGroups(source: string, where: string): void {
  const groups = (new RegExp(`(?:${source})|`, 'u').exec('') as RegExpExecArray).length - 1;
  if (groups !== 0) throw new Error(`${where}: use (?:…) instead of capturing groups`);
}

function aliasSource(alias: AliasData, where: string): string {
  const sources = alias.patterns.map((pattern) => {
    const source = patternToSource(pattern);
    assertNoCapturingGroups(source, `${where} pattern ${pattern}`);
    return source;
  });
  const boundary = alias.boundary ?? 'both';
  return `(?:${sources.join('|')})${boundary === 'both' ? NO_WORD_CHAR_AHEAD : ''}`;
}

/**
 * Pre-check stems for a list of patterns: the literal prefixes that can be read off them, plus the
 * explicit `stems`, which must cover every pattern that has no readable prefix.
 */
function stemsOf(
  patterns: readonly string[],
  explicit: readonly string[] | undefined,
  where: string,
): string[] {
  const stems = [...(explicit ?? [])];
  for (const pattern of patterns) {
    const derived = literalStems(pattern);
    if (derived !== null) stems.push(...derived);
    else if (explicit === undefined || explicit.length === 0) {
      throw new Error(`${where}: no literal stem in "${pattern}"; give "stems"`);
    }
  }
  return stems;
}

function compileContextSet(set: ContextSetData, where: string): CompiledContextSet {
  const bounded = set.patterns.map(patternToSource);
  const unbounded = (set.unboundedPatterns ?? []).map(patternToSource);
  for (const source of [...bounded, ...unbounded]) assertNoCapturingGroups(source, where);
  const parts: string[] = [];
  if (bounded.length > 0) {
    parts.push(`${NO_WORD_CHAR_BEHIND}(?:${bounded.join('|')})${NO_WORD_CHAR_AHEAD}`);
  }
  if (unbounded.length > 0) parts.push(`(?:${unbounded.join('|')})`);
  const flags = set.caseSensitive === true ? 'gu' : 'giu';
  return { regex: new RegExp(parts.join('|') || '(?!)', flags), window: set.window ?? null };
}

function qualify(topic: TopicId, names: readonly string[] | undefined): string[] {
  return (names ?? []).map((name) => (name.includes(':') ? name : `${topic}:${name}`));
}

export function compileTopics(topics: readonly TopicData[]): CompiledDetector {
  const aliases: CompiledAlias[] = [];
  const groups: string[] = [];
  const contextSets = new Map<string, CompiledContextSet>();
  const setData = new Map<string, ContextSetData>();
  for (const topic of topics) {
    for (const [name, set] of Object.entries(topic.contextSets)) {
      const key = `${topic.topic}:${name}`;
      contextSets.set(key, compileContextSet(set, key));
      setData.set(key, set);
    }
  }
  const setStems = (key: string): string[] => {
    const set = setData.get(key);
    if (set === undefined) return [];
    return stemsOf([...set.patterns, ...(set.unboundedPatterns ?? [])], set.stems, key);
  };
  const stems = new Set<string>();
  for (const topic of topics) {
    topic.aliases.forEach((alias, index) => {
      const where = `${topic.topic} alias ${index} (${alias.patterns[0] ?? ''})`;
      const requires = qualify(topic.topic, alias.requires);
      const forbids = qualify(topic.topic, alias.forbids);
      const unless = qualify(topic.topic, alias.unless);
      for (const name of [...requires, ...forbids, ...unless]) {
        if (!contextSets.has(name)) throw new Error(`${where}: unknown context set ${name}`);
      }
      groups.push(`(${aliasSource(alias, where)})`);
      aliases.push({
        topic: topic.topic,
        data: alias,
        exact:
          alias.caseSensitive === true
            ? new RegExp(`^(?:${alias.patterns.map(patternToSource).join('|')})$`, 'u')
            : null,
        leftBoundary: (alias.boundary ?? 'both') !== 'none',
        requires,
        forbids,
        unless,
      });
      // The pre-check must fire wherever a mention is possible: on the alias itself, or, for a
      // common word that needs context, on that context (which has to be in the same text).
      const own =
        requires.length > 0 && alias.stems === undefined
          ? requires.flatMap(setStems)
          : stemsOf(alias.patterns, alias.stems, where);
      for (const stem of own) stems.add(stem);
    });
  }
  return {
    candidates: new RegExp(groups.join('|'), 'giu'),
    aliases,
    contextSets,
    precheck: new RegExp(
      minimalStems([...stems])
        .map(stemToSource)
        .join('|'),
      'iu',
    ),
  };
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

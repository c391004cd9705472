/**
 * The matcher's side of the vocabulary: turns MatcherData entries into RegExps, each only when
 * a text first needs it: an alias when the pre-check says it can match, a context set when a
 * candidate first asks.
 */
import type { TopicId } from '../types';
import type { AliasEntry, MatcherData, Script, ShardEntry } from './vocabulary-data';
import {
  aliasSource,
  contextSetFlags,
  contextSetSource,
  endAnchoredSource,
  exactSource,
} from './sources';

export interface CompiledAlias {
  topic: TopicId;
  /** Global regex of this alias alone: finds its next match. */
  global: RegExp;
  /** Anchored, case-sensitive form, for aliases that must match case-sensitively. */
  exact: RegExp | null;
  leftBoundary: boolean;
  quoted: boolean;
  notAtSentenceStart: boolean;
  absorbedByPrevious: boolean;
  /** Anchored at the end: tested on the text before the match. */
  precededBy: RegExp | null;
  notPrecededBy: RegExp | null;
  requires: readonly string[];
  forbids: readonly string[];
  unless: readonly string[];
  unlessNearer: readonly string[];
}

/**
 * The aliases of one shard (compile.ts groups them by script, in data order) that can match in a
 * text, each compiled on its own: small regexes compile in microseconds where a 40-alias
 * alternation costs V8 tens of milliseconds on the first text of every page.
 */
export type AliasGroup = CompiledAlias[];

export interface CompiledContextSet {
  regex: RegExp;
  window: number | null;
}

const CYRILLIC = /[\u0400-\u052F]/;
/** Letters of scripts other than Latin and Cyrillic (Greek, Armenian, Georgian, Arabic, CJK…). */
const OTHER_LETTER = /[\u0370-\u03FF\u0530-\u1DFF\u2E80-\uD7FF\uF900-\uFAFF]/;

/** A shard whose script is absent from the text is skipped after one cheap test. */
const SCRIPT_GATES: Record<Script, RegExp | null> = {
  latin: null,
  cyrillic: CYRILLIC,
  other: OTHER_LETTER,
};

export class Detector {
  private readonly aliasCache: (CompiledAlias | undefined)[][] = [];
  private readonly contextCache = new Map<string, CompiledContextSet | null>();

  constructor(private readonly data: MatcherData) {}

  /**
   * Per shard, its aliases that can match in `text`: those whose pre-check clause holds
   * (`possible`, indexed by clause), in a shard whose script occurs in the text.
   */
  aliasesFor(text: string, possible: readonly boolean[]): AliasGroup[] {
    const groups: AliasGroup[] = [];
    this.data.shards.forEach((shard, index) => {
      if (!shard.aliases.some((alias) => possible[alias.clause] === true)) return;
      const gate = SCRIPT_GATES[shard.script];
      if (gate !== null && !gate.test(text)) return;
      const group: AliasGroup = [];
      shard.aliases.forEach((alias, k) => {
        if (possible[alias.clause] === true) group.push(this.alias(index, k));
      });
      groups.push(group);
    });
    return groups;
  }

  /** Every alias, compiled (tests and tools: matching without the pre-check). */
  allAliases(): AliasGroup[] {
    return this.data.shards.map((shard, index) =>
      shard.aliases.map((_, k) => this.alias(index, k)),
    );
  }

  contextSet(name: string): CompiledContextSet | undefined {
    let set = this.contextCache.get(name);
    if (set === undefined) {
      const entry = this.data.contextSets[name];
      set =
        entry === undefined
          ? null
          : {
              regex: new RegExp(contextSetSource(entry), contextSetFlags(entry)),
              window: entry.window ?? null,
            };
      this.contextCache.set(name, set);
    }
    return set ?? undefined;
  }

  private alias(shard: number, index: number): CompiledAlias {
    const cache = (this.aliasCache[shard] ??= []);
    let alias = cache[index];
    if (alias === undefined) {
      alias = compileAlias((this.data.shards[shard] as ShardEntry).aliases[index] as AliasEntry);
      cache[index] = alias;
    }
    return alias;
  }
}

function compileAlias(entry: AliasEntry): CompiledAlias {
  const endAnchored = (pattern: string | undefined): RegExp | null =>
    pattern === undefined ? null : new RegExp(endAnchoredSource(pattern), 'i');
  return {
    topic: entry.topic,
    global: new RegExp(aliasSource(entry), 'gi'),
    exact: entry.caseSensitive === true ? new RegExp(exactSource(entry)) : null,
    leftBoundary: (entry.boundary ?? 'both') !== 'none',
    quoted: entry.quoted === true,
    notAtSentenceStart: entry.notAtSentenceStart === true,
    absorbedByPrevious: entry.absorbedByPrevious === true,
    precededBy: endAnchored(entry.precededBy),
    notPrecededBy: endAnchored(entry.notPrecededBy),
    requires: entry.requires ?? [],
    forbids: entry.forbids ?? [],
    unless: entry.unless ?? [],
    unlessNearer: entry.unlessNearer ?? [],
  };
}

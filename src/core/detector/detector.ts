/**
 * The matcher's side of the vocabulary: turns MatcherData entries into RegExps, each only when
 * a text first needs it, so a text whose stems make only Latin-script aliases possible never
 * compiles the Cyrillic shards, and a context set is compiled when a candidate first asks.
 */
import type { TopicId } from '../types';
import type { AliasEntry, MatcherData, Script, ShardEntry } from './vocabulary-data';
import {
  aliasSource,
  contextSetFlags,
  contextSetSource,
  endAnchoredSource,
  exactSource,
  shardSource,
} from './sources';

export interface CompiledAlias {
  topic: TopicId;
  /** Sticky regex of this alias alone, for retrying the other aliases at a rejected position. */
  sticky: RegExp;
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
 * A slice of the candidate alternation. V8's regex engine slows down sharply (far worse than
 * linearly) once an alternation has more than ~50 branches, so the aliases are split into shards
 * grouped by script (compile.ts).
 */
export interface CompiledShard {
  /** Global regex; capturing group k + 1 belongs to aliases[k]. */
  regex: RegExp;
  aliases: CompiledAlias[];
}

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
  private readonly shardCache: (CompiledShard | undefined)[];
  private readonly contextCache = new Map<string, CompiledContextSet | null>();

  constructor(private readonly data: MatcherData) {
    this.shardCache = data.shards.map(() => undefined);
  }

  /**
   * The shards that can match in `text`: those holding an alias whose pre-check clause holds
   * (`possible`, indexed by clause) and whose script occurs in the text. Compiled on first use.
   */
  shardsFor(text: string, possible: readonly boolean[]): CompiledShard[] {
    const shards: CompiledShard[] = [];
    this.data.shards.forEach((shard, index) => {
      if (!shard.aliases.some((alias) => possible[alias.clause] === true)) return;
      const gate = SCRIPT_GATES[shard.script];
      if (gate !== null && !gate.test(text)) return;
      shards.push(this.shard(index));
    });
    return shards;
  }

  /** Every shard, compiled (tests and tools: matching without the pre-check). */
  allShards(): CompiledShard[] {
    return this.data.shards.map((_, index) => this.shard(index));
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

  private shard(index: number): CompiledShard {
    let shard = this.shardCache[index];
    if (shard === undefined) {
      const data = this.data.shards[index] as ShardEntry;
      shard = {
        regex: new RegExp(shardSource(data), 'gi'),
        aliases: data.aliases.map(compileAlias),
      };
      this.shardCache[index] = shard;
    }
    return shard;
  }
}

function compileAlias(entry: AliasEntry): CompiledAlias {
  const endAnchored = (pattern: string | undefined): RegExp | null =>
    pattern === undefined ? null : new RegExp(endAnchoredSource(pattern), 'i');
  return {
    topic: entry.topic,
    sticky: new RegExp(aliasSource(entry), 'iy'),
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

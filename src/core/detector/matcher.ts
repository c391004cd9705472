/**
 * The detector's main loop: one pass of the candidate alternation over the text, then per
 * candidate the cheap checks (left word boundary, case, quotes) and, only when the alias asks for
 * them, the sentence-level context rules. Mentions come out sorted and non-overlapping because the
 * scan only moves forward.
 */
import type { Mention } from '../types';
import type { CompiledAlias, CompiledShard, Detector } from './detector';
import type { Precheck } from './precheck';
import { quoteAt, quoteBefore, wordCharBefore } from './boundaries';
import { ContextReader } from './context';

/** Separators that may sit between a named event and a head noun it absorbs (“Bloody January” uprising). */
const ABSORBABLE_GAP = /^[\s"'«»“”„‘’—–-]{0,6}$/u;

/** How much text before a match `precededBy`/`notPrecededBy` may look at. */
const LOOKBEHIND_CHARS = 40;

interface Accepted extends Mention {
  alias: CompiledAlias;
}

/**
 * The mentions in `text`. Only the shards holding an alias whose pre-check clause the text
 * satisfies are run (and compiled); 'every shard' runs them all, for the tests that prove the
 * pre-check never hides a mention.
 */
export function matchText(
  detector: Detector,
  precheck: Precheck | 'every shard',
  text: string,
): Mention[] {
  let shards: CompiledShard[];
  if (precheck === 'every shard') shards = detector.allShards();
  else {
    const stems = precheck.stemsIn(text);
    if (stems === null || !precheck.anyPossible(stems)) return [];
    shards = detector.shardsFor(text, precheck.possibleClauses(stems));
  }
  let context: ContextReader | null = null;
  const contextReader = (): ContextReader =>
    (context ??= new ContextReader(text, (name) => detector.contextSet(name)));
  const accepted: Accepted[] = [];
  for (const shard of shards) scanShard(shard, text, contextReader, accepted);
  return resolve(accepted, text);
}

/** Runs one shard's alternation over the text; pushes the candidates that pass their checks. */
function scanShard(
  shard: CompiledShard,
  text: string,
  contextReader: () => ContextReader,
  accepted: Accepted[],
): void {
  // Reused, not copied: a fresh RegExp object would start again in V8's slow interpreter tier.
  const regex = shard.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const start = match.index;
    const group = groupOf(match);
    // The alternation reports the first alias that matches here; if the checks reject it, a later
    // alias may still match at the same place ("январские события" after a case-sensitive
    // "Январ…" alias failed), so the rest are tried one by one before moving on.
    let found: Accepted | null = null;
    for (let k = group; k < shard.aliases.length && found === null; k++) {
      const alias = shard.aliases[k] as CompiledAlias;
      let end: number;
      if (k === group) end = start + match[0].length;
      else {
        alias.sticky.lastIndex = start;
        const retry = alias.sticky.exec(text);
        if (retry === null) continue;
        end = start + retry[0].length;
      }
      if (
        passesLocalChecks(alias, text, start, end, text.slice(start, end)) &&
        (!needsContext(alias) || passesContext(alias, contextReader(), start, end))
      ) {
        found = { topic: alias.topic, start, end, alias };
      }
    }
    if (found !== null) {
      accepted.push(found);
      regex.lastIndex = found.end;
    } else {
      // Nothing fits here: retry from the next code point (a shorter alias may start inside).
      regex.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    }
  }
}

/**
 * Merges the shards' candidates into sorted, non-overlapping mentions: the earliest start wins,
 * then the longest; a bare noun directly after a named mention is absorbed by it.
 */
function resolve(candidates: Accepted[], text: string): Mention[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  let previous: Accepted | null = null;
  for (const candidate of candidates) {
    if (previous !== null && candidate.start < previous.end) continue;
    if (
      candidate.alias.absorbedByPrevious &&
      previous !== null &&
      previous.topic === candidate.topic &&
      previous.alias.requires.length === 0 &&
      ABSORBABLE_GAP.test(text.slice(previous.end, candidate.start))
    ) {
      continue;
    }
    mentions.push({ topic: candidate.topic, start: candidate.start, end: candidate.end });
    previous = candidate;
  }
  return mentions;
}

/** Index (into the shard's aliases) of the alias whose capturing group matched. */
function groupOf(match: RegExpExecArray): number {
  for (let group = 1; group < match.length; group++) {
    if (match[group] !== undefined) return group - 1;
  }
  return match.length;
}

function passesLocalChecks(
  alias: CompiledAlias,
  text: string,
  start: number,
  end: number,
  found: string,
): boolean {
  if (alias.leftBoundary && wordCharBefore(text, start)) return false;
  if (alias.exact !== null && !alias.exact.test(found)) return false;
  if (alias.quoted && !(quoteBefore(text, start) && quoteAt(text, end))) return false;
  if (alias.precededBy !== null || alias.notPrecededBy !== null) {
    const before = text.slice(Math.max(0, start - LOOKBEHIND_CHARS), start);
    if (alias.precededBy !== null && !alias.precededBy.test(before)) return false;
    if (alias.notPrecededBy !== null && alias.notPrecededBy.test(before)) return false;
  }
  return true;
}

function needsContext(entry: CompiledAlias): boolean {
  return entry.requires.length > 0 || entry.forbids.length > 0 || entry.notAtSentenceStart;
}

function passesContext(
  entry: CompiledAlias,
  context: ContextReader,
  start: number,
  end: number,
): boolean {
  if (entry.requires.length > 0 && !context.any(entry.requires, start, end)) return false;
  if (entry.notAtSentenceStart && context.firstWordOfSentence(start) >= start) return false;
  if (entry.forbids.length === 0) return true;
  const forbidden = context.distance(entry.forbids, start, end);
  if (forbidden === Infinity) return true;
  if (entry.unless.length > 0 && context.any(entry.unless, start, end)) return true;
  // A sentence may name both another event and 2022: for a bare noun the nearer clue decides.
  return (
    entry.unlessNearer.length > 0 && context.distance(entry.unlessNearer, start, end) < forbidden
  );
}

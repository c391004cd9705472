/**
 * The detector's main loop: one pass of the candidate alternation over the text, then per
 * candidate the cheap checks (left word boundary, case, quotes) and, only when the alias asks for
 * them, the sentence-level context rules. Mentions come out sorted and non-overlapping because the
 * scan only moves forward.
 */
import type { Mention } from '../types';
import type { CandidateShard, CompiledAlias, CompiledDetector } from './compile';
import { quoteAt, quoteBefore, wordCharBefore } from './boundaries';
import { ContextReader } from './context';

/** Separators that may sit between a named event and a head noun it absorbs (“Bloody January” uprising). */
const ABSORBABLE_GAP = /^[\s"'«»“”„‘’—–-]{0,6}$/u;

/** How much text before a match `precededBy`/`notPrecededBy` may look at. */
const LOOKBEHIND_CHARS = 40;

interface Accepted extends Mention {
  alias: CompiledAlias;
}

export function matchText(detector: CompiledDetector, text: string): Mention[] {
  let context: ContextReader | null = null;
  const contextReader = (): ContextReader =>
    (context ??= new ContextReader(text, detector.contextSets));
  const accepted: Accepted[] = [];
  for (const shard of detector.shards) {
    if (shard.gate !== null && !shard.gate.test(text)) continue;
    scanShard(shard, text, contextReader, accepted);
  }
  return resolve(accepted, text);
}

/** Runs one shard's alternation over the text; pushes the candidates that pass their checks. */
function scanShard(
  shard: CandidateShard,
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
      candidate.alias.data.absorbedByPrevious === true &&
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
  if (alias.data.quoted === true && !(quoteBefore(text, start) && quoteAt(text, end))) return false;
  if (alias.precededBy !== null || alias.notPrecededBy !== null) {
    const before = text.slice(Math.max(0, start - LOOKBEHIND_CHARS), start);
    if (alias.precededBy !== null && !alias.precededBy.test(before)) return false;
    if (alias.notPrecededBy !== null && alias.notPrecededBy.test(before)) return false;
  }
  return true;
}

function needsContext(alias: CompiledAlias): boolean {
  return (
    alias.requires.length > 0 || alias.forbids.length > 0 || alias.data.notAtSentenceStart === true
  );
}

function passesContext(
  alias: CompiledAlias,
  context: ContextReader,
  start: number,
  end: number,
): boolean {
  if (alias.requires.length > 0 && !context.any(alias.requires, start, end)) return false;
  if (alias.data.notAtSentenceStart === true && context.firstWordOfSentence(start) >= start) {
    return false;
  }
  if (alias.forbids.length === 0) return true;
  const forbidden = context.distance(alias.forbids, start, end);
  if (forbidden === Infinity) return true;
  if (alias.unless.length > 0 && context.any(alias.unless, start, end)) return true;
  // A sentence may name both another event and 2022: for a bare noun the nearer clue decides.
  return (
    alias.unlessNearer.length > 0 && context.distance(alias.unlessNearer, start, end) < forbidden
  );
}

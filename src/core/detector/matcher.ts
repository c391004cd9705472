/**
 * The detector's main loop: one pass of the candidate alternation over the text, then per
 * candidate the cheap checks (left word boundary, case, quotes) and, only when the alias asks for
 * them, the sentence-level context rules. Mentions come out sorted and non-overlapping because the
 * scan only moves forward.
 */
import type { Mention } from '../types';
import type { AliasGroup, CompiledAlias, Detector } from './detector';
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
 * satisfies are run (and compiled); 'every alias' runs them all, for the tests that prove the
 * pre-check never hides a mention.
 */
export function matchText(
  detector: Detector,
  precheck: Precheck | 'every alias',
  text: string,
): Mention[] {
  let groups: AliasGroup[];
  if (precheck === 'every alias') groups = detector.allAliases();
  else {
    const stems = precheck.stemsIn(text);
    if (stems === null || !precheck.anyPossible(stems)) return [];
    groups = detector.aliasesFor(text, precheck.possibleClauses(stems));
  }
  let context: ContextReader | null = null;
  const contextReader = (): ContextReader =>
    (context ??= new ContextReader(text, (name) => detector.contextSet(name)));
  const accepted: Accepted[] = [];
  for (const group of groups) scanGroup(group, text, contextReader, accepted);
  return resolve(accepted, text);
}

/**
 * Scans the text with a group's aliases as one alternation of them would (in data order, so
 * longer phrases listed first win), but each alias with its own regex: the leftmost position
 * where any alias matches comes next; there the aliases that match are tried in order and the
 * first that passes its checks is accepted, and the scan goes on after it. When none passes, a
 * shorter mention may still start inside, so the scan goes on from the next code point.
 */
function scanGroup(
  group: AliasGroup,
  text: string,
  contextReader: () => ContextReader,
  accepted: Accepted[],
): void {
  /** Per alias, where its next match starts (at or after the cursor), -1 for none left. */
  const next = new Array<number>(group.length).fill(-2);
  /** Per alias, where that match ends. */
  const ends = new Array<number>(group.length).fill(-1);
  let cursor = 0;
  for (;;) {
    let start = -1;
    for (let k = 0; k < group.length; k++) {
      if ((next[k] as number) !== -1 && (next[k] as number) < cursor) {
        const match = nextMatch(group[k] as CompiledAlias, text, cursor);
        next[k] = match === null ? -1 : match.index;
        ends[k] = match === null ? -1 : match.index + match[0].length;
      }
      const at = next[k] as number;
      if (at >= 0 && (start < 0 || at < start)) start = at;
    }
    if (start < 0) return;
    let found: Accepted | null = null;
    for (let k = 0; k < group.length && found === null; k++) {
      if (next[k] !== start) continue;
      const alias = group[k] as CompiledAlias;
      const end = ends[k] as number;
      if (
        passesLocalChecks(alias, text, start, end, text.slice(start, end)) &&
        (!needsContext(alias) || passesContext(alias, contextReader(), start, end))
      ) {
        found = { topic: alias.topic, start, end, alias };
      }
    }
    if (found !== null) {
      accepted.push(found);
      cursor = found.end;
    } else {
      cursor = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    }
  }
}

/** The alias's next match at or after `from`, or null. */
function nextMatch(alias: CompiledAlias, text: string, from: number): RegExpExecArray | null {
  // Reused, not copied: a fresh RegExp object would start again in V8's slow interpreter tier.
  alias.global.lastIndex = from;
  return alias.global.exec(text);
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

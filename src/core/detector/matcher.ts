/**
 * The detector's main loop: one pass of the candidate alternation over the text, then per
 * candidate the cheap checks (left word boundary, case, quotes) and, only when the alias asks for
 * them, the sentence-level context rules. Mentions come out sorted and non-overlapping because the
 * scan only moves forward.
 */
import type { Mention } from '../types';
import type { CompiledAlias, CompiledDetector } from './compile';
import { quoteAt, quoteBefore, wordCharBefore } from './boundaries';
import { ContextReader } from './context';

/** Separators that may sit between a named event and a head noun it absorbs (“Bloody January” uprising). */
const ABSORBABLE_GAP = /^[\s"'«»“”„‘’—–-]{0,6}$/u;

export function matchText(detector: CompiledDetector, text: string): Mention[] {
  const mentions: Mention[] = [];
  /** Whether each accepted mention needed context (absorption only follows named ones). */
  const named: boolean[] = [];
  let context: ContextReader | null = null;
  const regex = new RegExp(detector.candidates); // own lastIndex: safe under re-entrancy
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const alias = aliasOf(detector, match);
    let accepted = alias !== null && passesLocalChecks(alias, text, start, end, match[0]);
    if (accepted && alias !== null && needsContext(alias)) {
      context ??= new ContextReader(text, detector.contextSets);
      accepted = passesContext(alias, context, start, end);
    }
    if (accepted && alias !== null && alias.data.absorbedByPrevious === true) {
      const previous = mentions[mentions.length - 1];
      if (
        previous !== undefined &&
        previous.topic === alias.topic &&
        named[named.length - 1] === true &&
        ABSORBABLE_GAP.test(text.slice(previous.end, start))
      ) {
        accepted = false;
      }
    }
    if (accepted && alias !== null) {
      mentions.push({ topic: alias.topic, start, end });
      named.push(alias.requires.length === 0);
    } else {
      // Retry from the next code point: a shorter alias may still start inside this one.
      regex.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    }
  }
  return mentions;
}

function aliasOf(detector: CompiledDetector, match: RegExpExecArray): CompiledAlias | null {
  for (let group = 1; group < match.length; group++) {
    if (match[group] !== undefined) return detector.aliases[group - 1] ?? null;
  }
  return null;
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
  if (alias.data.notAtSentenceStart === true) {
    const [sentenceStart] = context.sentenceOf(start);
    if (!/[\p{L}\p{N}]/u.test(context.textBetween(sentenceStart, start))) return false;
  }
  if (alias.forbids.length === 0) return true;
  const forbidden = context.distance(alias.forbids, start, end);
  if (forbidden === Infinity) return true;
  // A sentence may name both another event and 2022: the clue nearer the mention decides.
  return alias.unless.length > 0 && context.distance(alias.unless, start, end) < forbidden;
}

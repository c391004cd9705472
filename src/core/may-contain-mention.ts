/**
 * The pre-check as the content script runs it on every page: false only when `text` cannot
 * contain a mention. Ships with the pre-check's data alone (stems and clauses), not the matcher.
 */
import { Precheck, type StemFlags } from './detector/precheck';
import { CleanText, needsCleaning } from './detector/normalise';
import { PRECHECK_DATA } from './vocabulary';

export const PRECHECK = new Precheck(PRECHECK_DATA);

export function mayContainMention(text: string): boolean {
  if (PRECHECK.mayMatch(text)) return true;
  // Soft hyphens or decomposed letters can split a stem: look again at the cleaned text.
  return needsCleaning(text) && PRECHECK.mayMatch(new CleanText(text).text);
}

/**
 * Adds the stems of text[from, to) to `into`, for a text too long to check in one go; the
 * caller unions the pieces (with an overlap of STEM_OVERLAP) and asks anyPossible() at the end.
 */
export function stemsInRange(
  text: string,
  from: number,
  to: number,
  into: StemFlags | null,
  /** Receives the offset in `text` of every anchor stem in it (not those only cleaning shows). */
  onHit?: (index: number) => void,
  /** Called when the piece needed cleaning (its stems then may have no offset in `text`). */
  onCleaned?: () => void,
): StemFlags | null {
  const found = PRECHECK.stemsIn(text, from, to, into, false, onHit);
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  if (!needsCleaning(piece)) return found;
  onCleaned?.();
  return PRECHECK.stemsIn(new CleanText(piece).text, 0, Infinity, found);
}

/** Longer than any stem: pieces of a long text overlap by this much so no stem is cut. */
export const STEM_OVERLAP = 64;

export function anyMentionPossible(stems: StemFlags | null): boolean {
  return PRECHECK.anyPossible(stems);
}

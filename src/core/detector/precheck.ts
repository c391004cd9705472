/**
 * The pre-check: one regex of literal stems over the text, then a table saying which stems each
 * alias needs (its own, and for an alias that needs context one of that context's too). False
 * means no alias can match anywhere in the text. It is all the detector a page without a trigger
 * word ever runs.
 */
import type { Clause, PrecheckData } from './vocabulary-data';
import { spellCased, spellStem, stemToSource } from './pattern-syntax';

/** Which pre-check stems a text holds: flags indexed like PrecheckData.stems, then .cased. */
export type StemFlags = Uint8Array;

export class Precheck {
  /** Finds any stem, global. */
  private readonly finder: RegExp;
  private readonly clauses: readonly Clause[];
  private readonly groups: readonly (readonly number[])[];
  private readonly implies: Readonly<Record<number, readonly number[]>>;
  private readonly stems: readonly string[];
  /** Stem index by its spelling (spellStem). */
  private readonly indexOf = new Map<string, number>();
  /** Per stem, "1" for an anchor stem (PrecheckData.anchors): a text holding none holds no mention. */
  private readonly anchors: string;
  private readonly cased: readonly (readonly [number, string])[];
  private readonly casedOf: Readonly<Record<number, readonly number[]>>;
  private readonly flagCount: number;

  constructor(data: PrecheckData) {
    // No `u` flag: stems are plain BMP text, and /i without /u is ~2× faster in V8.
    this.finder = new RegExp(data.finder, 'gi');
    this.clauses = data.clauses;
    this.groups = data.groups;
    this.implies = data.implies;
    this.stems = data.stems;
    // This runs at the content script's start on every page, on or off: what can be derived is
    // derived by the build (casedOf), and the Map is filled by a plain loop. Chromium profile,
    // 40 starts on a page: 0.08 ms per start, down from 0.8 ms with casedOf worked out here.
    for (let index = 0; index < data.stems.length; index++) {
      this.indexOf.set(data.stems[index] as string, index);
    }
    this.anchors = data.anchors;
    this.cased = data.cased;
    this.casedOf = data.casedOf;
    this.flagCount = data.stems.length + data.cased.length;
  }

  /**
   * Adds the stems found in text[from, to) to `into` (a new set when null); returns it, or null
   * when there are none. With `stopWhenPossible`, stops once some alias could match.
   */
  stemsIn(
    text: string,
    from = 0,
    to = text.length,
    into: StemFlags | null = null,
    stopWhenPossible = false,
    /** Receives the offset of every hit of an anchor stem (in order): where a mention may be. */
    onHit?: (index: number) => void,
  ): StemFlags | null {
    const finder = this.finder;
    // The search runs on text[from, to) itself: exec() on the whole text would look past `to`
    // for the next hit, and on a long text without one each piece would read to its end.
    const end = Math.min(to, text.length);
    const piece = from === 0 && end === text.length ? text : text.slice(from, end);
    finder.lastIndex = 0;
    let found = into;
    let hit: RegExpExecArray | null;
    while ((hit = finder.exec(piece)) !== null) {
      // Go on from the next character, not the end of the hit: a stem may start inside
      // another ("stan" in "Kazakhstan"), and each occurrence counts.
      finder.lastIndex = hit.index + 1;
      const stem = this.stemOf(hit[0]);
      if (stem < 0) continue;
      if (this.anchors[stem] === '1') onHit?.(from + hit.index);
      found ??= new Uint8Array(this.flagCount);
      let added = false;
      if (found[stem] !== 1) {
        found[stem] = 1;
        for (const shorter of this.implies[stem] ?? []) found[shorter] = 1;
        added = true;
      }
      // Each occurrence may be the one in the right case: "csto" first, "CSTO" later.
      const cased = this.casedOf[stem];
      if (cased !== undefined) {
        const spelled = spellCased(hit[0]);
        for (const k of cased) {
          const flag = this.stems.length + k;
          if (found[flag] !== 1 && spelled.startsWith((this.cased[k] as [number, string])[1])) {
            found[flag] = 1;
            added = true;
          }
        }
      }
      if (added && stopWhenPossible && this.anyPossible(found)) break;
    }
    finder.lastIndex = 0;
    return found;
  }

  /** Whether some alias could match in a text holding `stems`. */
  anyPossible(stems: StemFlags | null): boolean {
    return stems !== null && this.clauses.some((clause) => this.holds(clause, stems));
  }

  /** Per clause, whether a text holding `stems` satisfies it. */
  possibleClauses(stems: StemFlags): boolean[] {
    return this.clauses.map((clause) => this.holds(clause, stems));
  }

  private holds(clause: Clause, stems: StemFlags): boolean {
    for (const id of clause.allOf)
      if (!anyFlagged(this.groups[id] as number[], stems)) return false;
    return true;
  }

  /** False only when no alias can match anywhere in `text`. */
  mayMatch(text: string): boolean {
    return this.anyPossible(this.stemsIn(text, 0, text.length, null, true));
  }

  /** Offset of the next stem at or after `from`, or -1. */
  nextStem(text: string, from: number): number {
    const finder = this.finder;
    finder.lastIndex = from;
    const hit = finder.exec(text);
    finder.lastIndex = 0;
    return hit === null ? -1 : hit.index;
  }

  /** Which stem a hit is; -1 never happens unless case folding and toLowerCase disagree. */
  private stemOf(hit: string): number {
    const spelled = this.indexOf.get(spellStem(hit));
    if (spelled !== undefined) return spelled;
    // Rare: /i folds a character that toLowerCase() maps elsewhere (final sigma, say).
    return this.stems.findIndex((stem) => new RegExp(`^(?:${stemToSource(stem)})$`, 'i').test(hit));
  }
}

function anyFlagged(indices: readonly number[], stems: StemFlags): boolean {
  for (const index of indices) if (stems[index] === 1) return true;
  return false;
}

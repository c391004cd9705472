/**
 * Sentence segmentation for the context rules: "the protests" counts only when its own sentence
 * ties it to Kazakhstan, so the sentence must be found without being fooled by "Jan. 5",
 * "U.S.", "Gen. Smith", "J. Doe", "2022 г. Токаев", "т.е." or "3.5".
 * Linear: one regex pass over the text, then a binary search per question.
 */

/**
 * A sentence-final mark followed (after optional closing quotes/brackets) by whitespace; CJK full
 * stops need no space; a blank line always ends a sentence (headings, list items). One character
 * per match, so a run of 100k dots cannot make the regex backtrack quadratically.
 */
const TERMINATOR = /[.!?…](?=['"’”»)\]]*\s)|[。！？]|\n[^\S\n]*\n/gu;

/**
 * Words that end with a period without ending the sentence (lower-cased, without the final dot).
 * English titles and months, Latin and Russian/Ukrainian/Polish/German/French abbreviations.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt maj sgt capt cmdr adm gov sen rep st mt jr sr ft pres rev hon ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc e.g i.e cf al approx ca inc ' +
    'ltd co corp dept est fig vol pp u.s u.k u.n e.u d.c a.m p.m ' +
    'г гг т.е т.д т.п т.к т.н др пр им ул им см стр тыс млн млрд руб ген обл р-н ' +
    'р ст проф акад тис грн ' +
    'np tzw m.in ok ul r godz wg mln mld prof ' +
    'z.b bzw nr ggf usw vgl ca evtl dr ' +
    'av m mme mlle env cf p ex ' +
    'sr sra dña núm pág'
  ).split(' '),
);

const KICKER_CHARS = 30;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** At most two words (and KICKER_CHARS characters): too short to be a sentence of its own. */
function isKicker(segment: string): boolean {
  // Words are not space-separated in CJK text, so word counts say nothing there.
  if (CJK.test(segment)) return false;
  const words = segment.match(/[\p{L}\p{N}]+/gu);
  return words === null || words.length <= 2;
}

const LETTER_BEFORE_DOT = /([\p{L}.]+)\.$/u;

export class Sentences {
  private readonly text: string;
  /** Start offsets of sentences after the first, ascending. */
  private starts: number[] | null = null;

  constructor(text: string) {
    this.text = text;
  }

  /** [start, end) of the sentence holding `index`. */
  around(index: number): [number, number] {
    const starts = (this.starts ??= this.findStarts());
    // Last start <= index.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= index) lo = mid + 1;
      else hi = mid;
    }
    const start = lo === 0 ? 0 : (starts[lo - 1] as number);
    const end = lo < starts.length ? (starts[lo] as number) : this.text.length;
    return [start, end];
  }

  private findStarts(): number[] {
    const starts: number[] = [];
    let previous = 0;
    for (const match of this.text.matchAll(TERMINATOR)) {
      const after = match.index + match[0].length;
      if (match[0] === '.' && !this.endsSentence(match.index)) continue;
      // A kicker or dateline ("Kazachstan. Protesty po…", "ALMATY.") belongs to what follows.
      if (
        match.index - previous <= KICKER_CHARS &&
        isKicker(this.text.slice(previous, match.index))
      ) {
        continue;
      }
      starts.push(after);
      previous = after;
    }
    return starts;
  }

  /** Is the single period at `dot` a full stop (not an abbreviation, initial or decimal)? */
  private endsSentence(dot: number): boolean {
    const before = this.text.slice(Math.max(0, dot - 12), dot + 1);
    // A one- or two-digit number before the dot is an ordinal ("bis zum 19. Januar", "5. 1. 2022").
    if (/(?:^|[^\p{L}\p{N}])\p{N}{1,2}\.$/u.test(before)) return false;
    const word = LETTER_BEFORE_DOT.exec(before)?.[1];
    if (word !== undefined) {
      // A single letter is an initial ("J. Doe", "Ж. Токаев").
      if ([...word].length === 1) return false;
      if (ABBREVIATIONS.has(word.toLowerCase())) return false;
      // Dotted acronyms: "U.S." ends with a period that is part of the word.
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
    }
    // A lower-case continuation means the sentence goes on ("approx. five").
    const next = /\S/u.exec(this.text.slice(dot + 1, dot + 40));
    if (next !== null && /\p{Ll}/u.test(next[0])) return false;
    return true;
  }
}

/**
 * Runs in the page. The peer: mark.js (injected beforehand as `window.Mark`) marking the same
 * vocabulary, in its two modes. mark.js is synchronous when it does not wait for iframes, so
 * performance.now() around the call measures all of it; `done` only confirms the count.
 */
interface MarkOptions {
  separateWordSearch?: boolean;
  diacritics?: boolean;
  acrossElements?: boolean;
  caseSensitive?: boolean;
  done?: (count: number) => void;
}
interface MarkInstance {
  mark(terms: string[], options: MarkOptions): void;
  markRegExp(re: RegExp, options: MarkOptions): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

export interface PeerResult {
  ms: number;
  marks: number;
}

/**
 * mark.js's defaults, except: no separate word search (our terms are phrases) and no diacritics
 * expansion (our detector does not fold accents, and it makes mark.js's regex much slower).
 */
const OPTIONS: MarkOptions = {
  separateWordSearch: false,
  diacritics: false,
  acrossElements: false,
};

export function runMark(mode: 'terms' | 'regexp', terms: string[], source: string): PeerResult {
  const Mark = (window as unknown as { Mark?: MarkConstructor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  const instance = new Mark(document.body ?? document.documentElement);
  let marks = -1;
  const options = { ...OPTIONS, done: (n: number) => (marks = n) };
  const t0 = performance.now();
  if (mode === 'terms') instance.mark(terms, options);
  else instance.markRegExp(new RegExp(source, 'giu'), options);
  return { ms: performance.now() - t0, marks };
}

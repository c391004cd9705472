/** The real-page corpus (../shared/corpus/pages, read in place) and which pages to visit. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_PAGES } from '../lib/paths';

export interface CorpusPage {
  file: string;
  /**
   * Contains "Kazakh" (the corpus README's "Term-hit pages": sports, country lists, navigation,
   * JSON, CSS, attributes), never about the January 2022 unrest: no kazakhstan-unrest highlight
   * may appear on these. Found by content, as the README selected them.
   */
  termHit: boolean;
}

export async function listCorpus(): Promise<CorpusPage[]> {
  const files = (await readdir(CORPUS_PAGES)).filter((f) => /\.html?$/i.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = (await readFile(path.join(CORPUS_PAGES, file))).toString('latin1');
      return { file, termHit: /kazakh/i.test(text) };
    }),
  );
}

/**
 * `count` pages: every term-hit page first (they carry the false-positive risk), then pages
 * spread evenly over the rest of the sorted list, so each source is represented. Deterministic.
 */
export function sample(pages: readonly CorpusPage[], count: number): CorpusPage[] {
  if (count >= pages.length) return [...pages];
  const termHits = pages.filter((p) => p.termHit).slice(0, count);
  const rest = pages.filter((p) => !p.termHit);
  const wanted = count - termHits.length;
  const spread = Array.from(
    { length: wanted },
    (_, i) => rest[Math.floor((i * rest.length) / wanted)] as CorpusPage,
  );
  return [...termHits, ...spread];
}

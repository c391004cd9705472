/**
 * The synthetic linearity page: ~N characters of real paragraphs (every <p> of a few large
 * corpus pages, repeated in order) with one real mention sentence after every 200th paragraph.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mentionParagraphs } from './prepare-page';

const SOURCES = [
  'readability-wikipedia-2.html',
  'readability-yahoo-2.html',
  'trafilatura-nymag.com.polarization.html',
  'newspaper4k-cnn-001.html',
];
const MENTION_EVERY = 200;
/** The synthetic page's size in characters of text: 10 MB. */
export const SYNTHETIC_CHARS = 10 * 1024 * 1024;

function paragraphs(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)) {
    // Paragraph markup only: no scripts or styles slip in through odd nesting.
    const inner = (m[1] ?? '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
    if (inner.replace(/<[^>]+>/g, '').trim().length > 40) out.push(inner);
  }
  return out;
}

export async function syntheticPage(corpusDir: string, targetChars: number): Promise<Buffer> {
  const pool: string[] = [];
  for (const file of SOURCES) {
    pool.push(...paragraphs(await readFile(path.join(corpusDir, file), 'utf8')));
  }
  if (pool.length === 0) throw new Error('no paragraphs found for the synthetic page');
  const mentions = mentionParagraphs().split('\n');
  const parts: string[] = [];
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    const p = pool[i % pool.length] as string;
    parts.push(`<p>${p}</p>`);
    chars += p.replace(/<[^>]+>/g, '').length;
    if (i % MENTION_EVERY === MENTION_EVERY - 1) {
      parts.push(mentions[((i / MENTION_EVERY) % mentions.length) | 0] as string);
    }
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic ${Math.round(
    targetChars / 1048576,
  )} MB page</title></head><body><article>\n${parts.join('\n')}\n</article></body></html>`;
  return Buffer.from(html, 'utf8');
}

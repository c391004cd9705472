/**
 * Prepares a corpus page for the "the page's DOM is untouched" test: scripts (and <noscript>,
 * which a scripting browser and DOMParser read differently) are cut out so the page itself is
 * static, and a sentence with mentions is inserted after the first paragraph of the article
 * text. The browser gets exactly this HTML, and the test parses exactly this HTML with
 * DOMParser in the page as the reference DOM "without the extension".
 */
import { Parser } from 'htmlparser2';

export const INSERTED_SENTENCE = 'The CSTO sent troops during the unrest in Kazakhstan.';
const INSERTED = `<p id="backstory-test-mention">${INSERTED_SENTENCE}</p>`;
/** A paragraph shorter than this is taken for a caption or a byline, not article text. */
const MIN_PARAGRAPH_CHARS = 120;

export interface ServedCopy {
  html: string;
  /** Whether an article paragraph was found to insert after. */
  inserted: boolean;
}

export function servedCopy(original: string): ServedCopy {
  const cuts: [number, number][] = [];
  let insertAt = -1;
  let cutStart = -1;
  let cutDepth = 0;
  let paragraphStart = -1;
  let paragraphText = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'noscript') {
          if (cutDepth++ === 0) cutStart = parser.startIndex;
        } else if (name === 'p' && insertAt < 0 && cutDepth === 0) {
          paragraphStart = parser.startIndex;
          paragraphText = 0;
        }
      },
      ontext(text) {
        if (paragraphStart >= 0 && cutDepth === 0) paragraphText += text.trim().length;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'noscript') {
          if (cutDepth > 0 && --cutDepth === 0) cuts.push([cutStart, parser.endIndex + 1]);
        } else if (name === 'p' && paragraphStart >= 0) {
          if (paragraphText >= MIN_PARAGRAPH_CHARS && insertAt < 0) insertAt = parser.endIndex + 1;
          paragraphStart = -1;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(original);

  let html = '';
  let from = 0;
  const edits: { at: number; until: number; text: string }[] = cuts.map(([at, until]) => ({
    at,
    until,
    text: '',
  }));
  if (insertAt >= 0) edits.push({ at: insertAt, until: insertAt, text: INSERTED });
  edits.sort((a, b) => a.at - b.at);
  for (const edit of edits) {
    if (edit.at < from) continue;
    html += original.slice(from, edit.at) + edit.text;
    from = edit.until;
  }
  html += original.slice(from);
  return { html, inserted: insertAt >= 0 };
}

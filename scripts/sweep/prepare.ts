/**
 * Turns a saved corpus page into what the sweep serves: the page's own scripts are switched off
 * by a nonce-only script-src CSP (so the DOM only changes if the extension changes it), the
 * probe is loaded first in <head>, and one paragraph with a CSTO mention is seeded into the text,
 * so that every page, whatever its layout and CSS, also exercises the card.
 *
 * The bytes are edited as latin1 text, which maps bytes 1:1, so pages in any ASCII-compatible
 * encoding (one corpus page is windows-1250) keep their encoding.
 */
export const PROBE_PATH = '/__sweep/probe.js';
export const SEED_ID = 'backstory-sweep-seed';
/** Mention texts the seed sentence produces; the corpus itself never names the CSTO. */
export const SEED_TEXT = /^(?:CSTO|Collective Security Treaty Organi[sz]ation)$/i;
const NONCE = 'backstory-sweep';

/** Blocks every page script (inline, external, event-handler attributes) except the probe. */
export const SWEEP_CSP = `script-src 'nonce-${NONCE}'`;

const SEED_HTML =
  `Sweep check: the Collective Security Treaty Organization ` +
  `(<span id="${SEED_ID}">CSTO</span>) met in Moscow. `;

export interface PreparedPage {
  body: Buffer;
  /** Whether an article paragraph was found to put the seed before (otherwise it opens <body>). */
  seededInParagraph: boolean;
}

function insertAt(text: string, index: number, insert: string): string {
  return text.slice(0, index) + insert + text.slice(index);
}

/** End (exclusive) of the start tag that begins at `start`. */
function tagEnd(text: string, start: number): number {
  const end = text.indexOf('>', start);
  return end < 0 ? text.length : end + 1;
}

/**
 * The same text with comments (including IE conditional comments) and the contents of
 * elements whose text is never shown replaced by spaces, so offsets stay valid and no <p> is
 * found where a browser would not render one.
 */
function maskUnrendered(text: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/<(script|style|noscript|template|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, blank);
}

/**
 * Where the <p> that opens with the longest run of plain text starts: almost always a
 * paragraph of the article itself, so visible, unlike a cookie banner, an old-browser warning
 * or a template. The seed goes in its own <p> just before it, a block of its own, so it cannot
 * borrow context from (or lend it to) the page's sentences.
 */
function articleParagraph(text: string, from: number): number {
  const masked = maskUnrendered(text);
  const p = /<p(?=[\s>])[^>]*>/gi;
  p.lastIndex = from;
  let best = -1;
  let bestLength = 0;
  for (let m = p.exec(masked); m; m = p.exec(masked)) {
    const after = m.index + m[0].length;
    const next = masked.indexOf('<', after);
    const length = (next < 0 ? masked.length : next) - after;
    if (length > bestLength) {
      best = m.index;
      bestLength = length;
    }
  }
  return best;
}

export function preparePage(bytes: Uint8Array): PreparedPage {
  let text = Buffer.from(bytes).toString('latin1');
  // A <meta http-equiv="refresh"> would navigate away mid-measurement.
  text = text.replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');

  const bodyStart = text.search(/<body(?=[\s>])/i);
  const from = bodyStart < 0 ? 0 : tagEnd(text, bodyStart);
  const paragraph = articleParagraph(text, from);
  const seededInParagraph = paragraph >= 0;
  if (seededInParagraph) text = insertAt(text, paragraph, `<p>${SEED_HTML}</p>`);
  else if (bodyStart >= 0) text = insertAt(text, from, `<p>${SEED_HTML}</p>`);
  else text += `<p>${SEED_HTML}</p>`;

  const probe = `<script nonce="${NONCE}" src="${PROBE_PATH}"></script>`;
  const head = text.search(/<head(?=[\s>])/i);
  if (head >= 0) text = insertAt(text, tagEnd(text, head), probe);
  else {
    // No <head> tag: the parser creates one around the first head-ish content.
    // After <html> or the doctype; never before the doctype, which would switch to quirks mode.
    const html = text.search(/<html(?=[\s>])/i);
    const doctype = text.search(/<!doctype/i);
    const at = html >= 0 ? tagEnd(text, html) : doctype >= 0 ? tagEnd(text, doctype) : 0;
    text = insertAt(text, at, probe);
  }
  return { body: Buffer.from(text, 'latin1'), seededInParagraph };
}

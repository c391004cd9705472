/**
 * Turns a saved page into what the benchmark serves, working on bytes so that every charset
 * (one corpus page is windows-1250) survives untouched:
 * - the page's own scripts are made inert (type="text/x-bench-inert"; the elements stay in the
 *   DOM, so scanners still meet and skip them): with the network blocked they would mostly throw,
 *   and whatever they did run would be noise in a measurement that attributes main-thread tasks
 *   to us. A CSP or refresh <meta> is dropped (it could block nothing we inject, but could
 *   navigate away);
 * - frames are made inert the same way (src and srcdoc renamed to data-bench-src/-srcdoc; the
 *   elements and their boxes stay): every fresh copy of <body> would load them again, and in
 *   Firefox a page's 10–30 frames failing against the blocked network kept the main thread busy
 *   in 5–100 ms stretches for over a second with no Backstory on the page. Those stretches were
 *   counted as our tasks. A frame is a document of its own, where the extension runs its own
 *   copy of the content script; the measured copy never reads into it;
 * - the "mentions" variant gets five real press sentences (from test/fixtures/eval) as
 *   paragraphs after the first </p> of the body. Non-ASCII characters are written as numeric
 *   character references, which read the same in any charset.
 */

/** Verbatim from the labelled evaluation set; ids and sources in test/fixtures/eval. */
export const MENTION_SENTENCES: readonly string[] = [
  // en-015, jenimedia.com (The Washington Post)
  'About 2,500 foreign troops landed in Kazakhstan on Thursday after Tokayev’s appealed to the CSTO for assistance.',
  // en-019, hscentre.org
  'And in January 2022, the CSTO would, for the first time, deploy collective military forces in the form of ‘peacekeepers’, when violent protests sparked a domestic crisis in Kazakhstan.',
  // en-022, en.armradio.am
  'The collective peacekeeping forces of the Collective Security Treaty Organization (CSTO) have been sent to Kazakhstan, the advanced units from the Russian contingent have already begun to fulfill their tasks, the CSTO secretariat informs.',
  // de-005, wn.de
  'Die von Russland dominierte Organisation des Vertrags über kollektive Sicherheit (OVKS) übergab nach Angaben des Verteidigungsministeriums in Moskau «sozial wichtige Objekte» wieder den kasachischen Behörden.',
  // ru-003, ru.sputnik.kg
  'Беспорядки в Казахстане в январе 2022 года',
];

/** Mentions a careful reader marks in MENTION_SENTENCES (the evaluation set's labels). */
export const MENTIONS_ADDED = 10;

export type Variant = 'as-is' | 'mentions';

function asciiHtml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '<') out += '&lt;';
    else if (ch === '&') out += '&amp;';
    else out += code < 128 ? ch : `&#x${code.toString(16)};`;
  }
  return out;
}

export function mentionParagraphs(): string {
  return MENTION_SENTENCES.map((s) => `<p>${asciiHtml(s)}</p>`).join('\n');
}

/** Byte-preserving edits: latin1 maps every byte to one UTF-16 unit and back. */
export function preparePage(bytes: Buffer, variant: Variant): Buffer {
  let html = bytes.toString('latin1');
  html = html.replace(/<script\b([^>]*)>/gi, (_tag, attrs: string) => {
    const kept = attrs.replace(/\btype\s*=/i, 'data-original-type=');
    return `<script type="text/x-bench-inert"${kept}>`;
  });
  html = html.replace(/<i?frame\b[^>]*>/gi, (tag) =>
    tag.replace(/(\s)(src(?:doc)?\s*=)/gi, '$1data-bench-$2'),
  );
  html = html.replace(
    /<meta\b[^>]*http-equiv\s*=\s*["']?(?:content-security-policy|refresh)[^>]*>/gi,
    '',
  );
  if (variant === 'mentions') html = insertAfterFirstParagraph(html, mentionParagraphs());
  return Buffer.from(html, 'latin1');
}

/** Elements whose content is not part of the rendered document text. */
const OPAQUE = 'script|style|noscript|template|textarea|title|xmp|iframe|noembed|noframes';

/**
 * After the first </p> of the body that sits in rendered content: a </p> inside a comment (old
 * `<!--[if IE]>` banners), a <script> template, <noscript> (raw text when scripting is on) or
 * <template> would hide the sentences.
 */
function insertAfterFirstParagraph(html: string, insert: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  const from = body ? body.index + body[0].length : 0;
  const tags = new RegExp(`<!--[\\s\\S]*?-->|<(/?)(${OPAQUE}|p)\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let inside: string | null = null;
  let at = from;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[2] === undefined) continue; // a comment
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (inside) {
      if (closing && name === inside) inside = null;
    } else if (name !== 'p') {
      if (!closing) inside = name;
    } else if (closing) {
      at = m.index + m[0].length;
      break;
    }
  }
  return `${html.slice(0, at)}\n${insert}\n${html.slice(at)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 if the bytes are UTF-8 (some pages declare a legacy charset but were re-encoded). */
export function charsetOf(bytes: Buffer): string | undefined {
  try {
    utf8.decode(bytes);
    return 'utf-8';
  } catch {
    const head = bytes.subarray(0, 4096).toString('latin1');
    return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  }
}

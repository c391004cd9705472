/**
 * Visible text of an HTML document, for the CLI and the benchmark (the content script reads the
 * live DOM instead). Skips what a reader never sees (script, style, noscript, template, svg,
 * math) and puts a blank line between block elements, so that headings and
 * paragraphs become separate sentences for the detector's context rules.
 */
import { Parser } from 'htmlparser2';

const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
]);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const breakBlock = (): void => {
    if (parts.length > 0 && parts[parts.length - 1] !== '\n\n') parts.push('\n\n');
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (name === 'br') parts.push('\n');
        else if (BLOCKS.has(name)) breakBlock();
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCKS.has(name)) breakBlock();
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text.replace(/[ \t\r\n\f]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

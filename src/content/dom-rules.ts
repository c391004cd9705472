/**
 * Which parts of a page are read as text, and where one block of text ends. Decided by tag
 * names and attributes only: computed styles would force style/layout work on every element
 * (see docs in GUIDE §1), and these checks run for every element of the page.
 */

/** Subtrees never read: not visible text, code, or something the user edits or operates. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  // A control's label is part of a widget, not of the article: a card on hover would fight it.
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  // SVG and MathML elements keep their lower-case names.
  'svg',
  'math',
]);

/** Roles of widgets whose text belongs to the user, not to the page. */
const SKIPPED_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/**
 * Elements that end a run of text. Text on both sides of one is never joined, so a mention
 * cannot be stitched together from, say, the end of a heading and the start of a paragraph.
 */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Whether elements with this tag name (`nodeName`) are skipped with all they contain. */
export function isSkippedTag(name: string): boolean {
  return SKIPPED_TAGS.has(name);
}

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName);
}

/**
 * Whether the element's subtree is left alone. `aria-hidden` is deliberately not skipped: such
 * text is still painted (decorative duplicates, tickers), and highlights are visual only.
 * `isContentEditable` is avoided because Chromium updates style to answer it; the attribute
 * marks the editing host, and skipping the host skips everything editable inside it.
 */
export function isSkipped(element: Element): boolean {
  if (isSkippedTag(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = element.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
}

/** Whether `node` is inside (or is) a subtree the scanner skips, up to the document. */
export function isInsideSkipped(node: Node, host: Element | undefined): boolean {
  for (let element = node instanceof Element ? node : node.parentElement; element;) {
    if (element === host || isSkipped(element)) return true;
    element = element.parentElement;
  }
  return false;
}

/** The nearest block ancestor of `node` (inclusive): the smallest subtree to re-read. */
export function blockOf(node: Node): Element | undefined {
  for (let element = node instanceof Element ? node : node.parentElement; element;) {
    if (isBlock(element)) return element;
    element = element.parentElement;
  }
  return node.ownerDocument?.documentElement ?? undefined;
}

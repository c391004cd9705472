/**
 * What the benchmark serves (scripts/bench/prepare-page.ts): the page's scripts and frames made
 * inert, its bytes otherwise kept, and the mention sentences placed in the rendered text.
 */
import { describe, expect, it } from 'vitest';
import { MENTION_SENTENCES, preparePage } from '../../scripts/bench/prepare-page';

const serve = (html: string, variant: 'as-is' | 'mentions' = 'as-is'): string =>
  preparePage(Buffer.from(html, 'latin1'), variant).toString('latin1');

describe('bench preparePage', () => {
  it('makes scripts inert, keeping their elements and original type', () => {
    const out = serve('<body><script type="module" src="a.js"></script><script>x()</script>');
    expect(out).toContain(
      '<script type="text/x-bench-inert" data-original-type="module" src="a.js">',
    );
    expect(out).toContain('<script type="text/x-bench-inert">x()</script>');
  });

  it('makes frames inert: src and srcdoc renamed, element and other attributes kept', () => {
    const out = serve(
      '<body><iframe width="300" src="https://ads.example/x" data-src="lazy"></iframe>' +
        '<IFRAME SRCDOC="<p>hi</p>"></IFRAME><frame src=f.html></body>',
    );
    expect(out).toContain(
      '<iframe width="300" data-bench-src="https://ads.example/x" data-src="lazy"></iframe>',
    );
    expect(out).toContain('<IFRAME data-bench-SRCDOC="<p>hi</p>"></IFRAME>');
    expect(out).toContain('<frame data-bench-src=f.html>');
    expect(out).not.toMatch(/<i?frame\b[^>]*\ssrc(?:doc)?\s*=/i);
  });

  it('drops a CSP or refresh <meta> and keeps every other byte', () => {
    const html =
      '<head><meta http-equiv="Content-Security-Policy" content="x">' +
      '<meta http-equiv=refresh content="0;url=/"><meta charset="windows-1250"></head>' +
      '<body><p>Kr\xe1tk\xfd text</p></body>';
    expect(serve(html)).toBe(
      '<head><meta charset="windows-1250"></head><body><p>Kr\xe1tk\xfd text</p></body>',
    );
  });

  it('puts the mention sentences after the first rendered paragraph, as ASCII', () => {
    const out = serve(
      '<body><!-- <p>old</p> --><noscript><p>x</p></noscript><p>First.</p><p>Second.</p></body>',
      'mentions',
    );
    const first = out.indexOf('<p>First.</p>');
    const inserted = out.indexOf('<p>About 2,500');
    expect(first).toBeGreaterThan(out.indexOf('</noscript>'));
    expect(inserted).toBeGreaterThan(first);
    expect(inserted).toBeLessThan(out.indexOf('<p>Second.</p>'));
    expect(out).toContain('Tokayev&#x2019;s');
    // The comment's, the noscript's and the two paragraphs', plus one per sentence.
    expect(out.split('<p>').length - 1).toBe(4 + MENTION_SENTENCES.length);
    expect([...out].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
  });
});

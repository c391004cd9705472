/**
 * The content script in real Chromium and Firefox on pages that change: split mentions, form
 * fields and editors left alone, text added and removed after load, an SPA navigation with
 * history.pushState, and the settings switched off and on again without a reload. Mentions are
 * observed through the message API (the page's main world cannot see the content script's
 * CSS.highlights in Chromium).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, type TestPage } from './harness';
import {
  cardState,
  getMentions,
  hoverUntilOpen,
  moveAway,
  pointOnText,
  sleep,
  waitForClosed,
  waitForMentions,
  waitForStableMentions,
} from './content-helpers';
import { useExtensionSession } from './session-setup';

/** New text must be highlighted within this long (the observer batches for 150 ms). */
const NEW_TEXT_DEADLINE_MS = 1_000;

const SPA_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head>
<body><nav><a href="/spa/one">One</a></nav><main id="app"><article><h1>First story</h1>
<p id="first">Nothing relevant in the first story, just weather and football.</p></article></main>
<footer><p>All our CSTO coverage is in the archive.</p></footer></body></html>`;

const QUIET_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet</title></head>
<body><main><article><h1>Weather</h1><p>Rain in the north, sun in the south.</p></article></main>
</body></html>`;

/**
 * Chromium only (CDP): the types of the listeners Backstory's content script put on `window`,
 * sorted. DevTools lists a world's own listeners only, so `window` is taken from the content
 * script's isolated world (the execution context whose origin is the extension's).
 */
async function windowListenerTypes(ext: {
  session: ExtensionSession;
  page: TestPage;
}): Promise<string[]> {
  const { session, page } = ext;
  if (session.browser !== 'chromium' || page.browser !== 'chromium') return [];
  const cdp = await session.raw.context.newCDPSession(page.raw);
  try {
    const contexts: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable'); // reports every existing context before it returns
    const ours = contexts.find((context) => context.origin.startsWith('chrome-extension://'));
    if (!ours) throw new Error('no execution context of the extension in the page');
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'window',
      contextId: ours.id,
    });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId ?? '',
    });
    return [...new Set(listeners.map((listener) => listener.type))].sort();
  } finally {
    await cdp.detach();
  }
}

/**
 * The footer's mention is there from the start, so the detector has run once before the
 * timed steps: its first run compiles a large RegExp, a one-off cost of the detector that is
 * not what "new text is highlighted within a second" measures.
 */
const FOOTER_MENTIONS = 1;

interface FieldValues {
  input: string;
  textarea: string;
  editor: string;
  textbox: string;
}

function fieldValues(page: TestPage): Promise<FieldValues> {
  return page.evaluate(() => ({
    input: (document.getElementById('input') as HTMLInputElement).value,
    textarea: (document.getElementById('textarea') as HTMLTextAreaElement).value,
    editor: document.getElementById('editor')?.textContent ?? '',
    textbox: document.getElementById('textbox')?.textContent ?? '',
  }));
}

async function setEnabled(session: ExtensionSession, enabled: boolean): Promise<void> {
  await session.extension(async (api, on: boolean) => {
    const topics = { csto: true, 'kazakhstan-unrest': true };
    const settings = { version: 1, enabled: on, topics, disabledSites: [], showBadge: true };
    await api.storage.sync.set({ settings: { ...settings, savedAt: Date.now() } });
  }, enabled);
}

for (const browserName of BROWSERS) {
  describe(`content script on changing pages in ${browserName}`, () => {
    const ext = useExtensionSession(browserName);

    it('finds mentions split across inline elements and leaves fields and editors alone', async () => {
      await ext.page.goto(ext.server.url('/fixtures/pages/split-and-editors.html'));
      const before = await fieldValues(ext.page);
      const reply = await waitForMentions(ext.session, ext.page, (r) => r.mentions.length >= 3);
      expect(reply.mentions.map((mention) => mention.text)).toEqual([
        'Collective Security Treaty Organization',
        'CSTO',
        'CSTO',
      ]);
      const card = await hoverUntilOpen(
        ext.page,
        await pointOnText(ext.page, 'Collective Security Treaty Organization'),
      );
      expect(card.text).toContain('Collective Security Treaty Organization');

      // Typing a mention into the editor neither highlights it nor disturbs the typing.
      await moveAway(ext.page);
      await waitForClosed(ext.page);
      await ext.page.evaluate(() => {
        const paragraph = document.querySelector('#editor p');
        if (paragraph) {
          const range = document.createRange();
          range.selectNodeContents(paragraph);
          range.collapse(false);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
        }
      });
      await ext.page.keyboard.type(' More about the CSTO.');
      await sleep(600);
      expect((await getMentions(ext.session, ext.page)).mentions).toHaveLength(3);
      const after = await fieldValues(ext.page);
      expect(after).toEqual({ ...before, editor: `${before.editor} More about the CSTO.` });
    });

    it('highlights text added after load within a second, and drops it when removed', async () => {
      await ext.page.goto(ext.server.route('/spa/start', SPA_PAGE));
      await waitForMentions(ext.session, ext.page, (r) => r.mentions.length === FOOTER_MENTIONS);

      await ext.page.evaluate(() => {
        const paragraph = document.createElement('p');
        paragraph.id = 'late';
        paragraph.textContent = 'Late news: the CSTO announced the end of its mission.';
        document.querySelector('article')?.append(paragraph);
      });
      const added = Date.now();
      const reply = await waitForMentions(
        ext.session,
        ext.page,
        (r) => r.mentions.length === FOOTER_MENTIONS + 1,
      );
      expect(Date.now() - added).toBeLessThan(NEW_TEXT_DEADLINE_MS);
      expect(reply.mentions[0]?.text).toBe('CSTO');

      // Editing the text node in place (characterData) drops the stale highlight...
      await ext.page.evaluate(() => {
        const text = document.getElementById('late')?.firstChild;
        if (text instanceof Text) text.data = 'Late news: the mission ended.';
      });
      await waitForMentions(ext.session, ext.page, (r) => r.mentions.length === FOOTER_MENTIONS);
      // ...and so does removing the element.
      await ext.page.evaluate(() => {
        const late = document.getElementById('late');
        if (late) late.textContent = 'Late news: the CSTO left Almaty.';
      });
      await waitForMentions(
        ext.session,
        ext.page,
        (r) => r.mentions.length === FOOTER_MENTIONS + 1,
      );
      await ext.page.evaluate(() => document.getElementById('late')?.remove());
      await waitForMentions(ext.session, ext.page, (r) => r.mentions.length === FOOTER_MENTIONS);
    });

    it('listens to nothing on a page without mentions, and opens cards once one appears', async () => {
      await ext.page.goto(ext.server.route('/quiet/start', QUIET_PAGE));
      // The content script has read the page (active, nothing found) before anything is checked.
      await waitForStableMentions(ext.session, ext.page, (r) => r.active);
      if (ext.session.browser === 'chromium') {
        // The card's listeners wait for a first mention: after a pointer listener is added,
        // Chromium's next rendering update goes over the whole page (docs/content-script.md).
        expect(await windowListenerTypes(ext)).toEqual([]);
      }
      await ext.page.evaluate(() => {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Late news: the CSTO announced the end of its mission.';
        document.querySelector('article')?.append(paragraph);
      });
      await waitForMentions(ext.session, ext.page, (r) => r.mentions.length === 1);
      if (ext.session.browser === 'chromium') {
        expect(await windowListenerTypes(ext)).toEqual([
          'click',
          'keydown',
          'pointerdown',
          'pointermove',
          'pointerout',
          'pointerup',
        ]);
      }
      const card = await hoverUntilOpen(ext.page, await pointOnText(ext.page, 'CSTO'));
      expect(card.text).toContain('Collective Security Treaty Organization');
      await moveAway(ext.page);
      await waitForClosed(ext.page);
    });

    it('follows a history.pushState navigation that replaces the article', async () => {
      await ext.page.goto(ext.server.route('/spa/start', SPA_PAGE));
      await waitForMentions(ext.session, ext.page, (r) => r.mentions.length === FOOTER_MENTIONS);
      await ext.page.evaluate(() => {
        history.pushState({}, '', '/spa/two');
        const article = document.createElement('article');
        const heading = document.createElement('h1');
        heading.textContent = 'Second story';
        const body = document.createElement('p');
        body.append(
          'Troops of the Collective ',
          Object.assign(document.createElement('em'), { textContent: 'Security' }),
          ' Treaty Organization left Kazakhstan after the January unrest.',
        );
        article.append(heading, body);
        document.getElementById('app')?.replaceChildren(article);
      });
      const navigated = Date.now();
      const reply = await waitForMentions(ext.session, ext.page, (r) =>
        r.mentions.some((mention) => mention.text === 'Collective Security Treaty Organization'),
      );
      expect(Date.now() - navigated).toBeLessThan(NEW_TEXT_DEADLINE_MS);
      expect(ext.page.url()).toMatch(/\/spa\/two$/);
      // Document order: the new article's mention comes before the footer's.
      expect(reply.mentions[0]?.text).toBe('Collective Security Treaty Organization');
      const card = await hoverUntilOpen(
        ext.page,
        await pointOnText(ext.page, 'Treaty Organization'),
      );
      expect(card.text).toContain('Trend');
      await moveAway(ext.page);
      await waitForClosed(ext.page);
    });

    it('switches off and on again live, without a reload', async () => {
      await ext.page.goto(ext.server.url('/fixtures/pages/seed.html'));
      const on = await waitForStableMentions(ext.session, ext.page, (r) => r.mentions.length > 5);
      await hoverUntilOpen(ext.page, await pointOnText(ext.page, 'CSTO'));

      await setEnabled(ext.session, false);
      const off = await waitForMentions(ext.session, ext.page, (r) => !r.active);
      expect(off.mentions).toEqual([]);
      await waitForClosed(ext.page);
      await moveAway(ext.page);
      await ext.page.mouse.move(
        ...(Object.values(await pointOnText(ext.page, 'CSTO')) as [number, number]),
      );
      await sleep(1_000);
      expect((await cardState(ext.page)).open).toBe(false);

      await setEnabled(ext.session, true);
      const again = await waitForMentions(
        ext.session,
        ext.page,
        (r) => r.active && r.mentions.length === on.mentions.length,
      );
      expect(again.mentions).toEqual(on.mentions);
    });
  });
}

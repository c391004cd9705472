/**
 * Content rules for the bundled article that a schema cannot judge: quotes are verbatim whole
 * sentences, summaries attribute every judgment, the text is the seed article unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadArticles } from '../../scripts/lib/load-articles';
import { ARTICLES_DIR, SHARED } from '../../scripts/lib/paths';
import { TOPIC_IDS } from '../../src/core/types';
import type { Article } from '../../src/core/articles';

const ID = 'trend-2022-01-10-csto-kazakhstan';

let article: Article;
let source: string;

beforeAll(async () => {
  const articles = await loadArticles(ARTICLES_DIR);
  const found = articles.find((a) => a.id === ID);
  if (found === undefined) throw new Error(`${ID} is not bundled`);
  article = found;
  source = await fs.readFile(path.join(ARTICLES_DIR, article.sourceText), 'utf8');
});

/** Every verbatim excerpt in the article, labelled for failure messages. */
function excerpts(): Array<[label: string, text: string]> {
  return [
    ...article.speakers.flatMap((s) =>
      s.quotes.map((q, i): [string, string] => [`${s.id} quote ${i}`, q.text]),
    ),
    ...article.mentionedPeople.flatMap((p): Array<[string, string]> =>
      p.evidence === undefined ? [] : [[`${p.id} evidence`, p.evidence]],
    ),
    ...article.background.flatMap((f): Array<[string, string]> =>
      f.evidence === undefined ? [] : [[`${f.id} evidence`, f.evidence]],
    ),
  ];
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z“"])/);
}

describe('the bundled source text', () => {
  it('is the seed article, byte for byte', async () => {
    const seed = await fs.readFile(path.join(SHARED, 'seed', `${ID}.txt`));
    const bundled = await fs.readFile(path.join(ARTICLES_DIR, `${ID}.txt`));
    expect(bundled.equals(seed)).toBe(true);
  });
});

describe('the bundled article data', () => {
  it('attributes the article to its publisher, headline, url and date', () => {
    expect(article.attribution).toEqual({
      publisher: 'Trend News Agency',
      headline: 'Political analysts, experts consider sending CSTO forces to Kazakhstan illegal',
      url: 'https://en.trend.az/azerbaijan/politics/3538268.html',
      published: '2022-01-10T09:26:00+04:00',
      dateline: 'Baku, Azerbaijan',
      section: 'Politics',
    });
    expect(source.startsWith(article.attribution.headline)).toBe(true);
  });

  it('covers both topics with their display names', () => {
    expect(article.topics.csto?.name).toBe('Collective Security Treaty Organization (CSTO)');
    expect(article.topics['kazakhstan-unrest']?.name).toBe('January 2022 unrest in Kazakhstan');
  });

  it('keeps the three quoted people apart from the two only mentioned', () => {
    expect(article.speakers.map((s) => s.name)).toEqual([
      'Tural Ismayilov',
      'Aydin Guliyev',
      'Ilyas Huseynov',
    ]);
    expect(article.mentionedPeople.map((p) => [p.name, p.role])).toEqual([
      ['Kassym-Jomart Tokayev', 'President of Kazakhstan'],
      ['Nikol Pashinyan', 'Prime Minister of Armenia'],
    ]);
  });

  it('gives each speaker 2–3 quotes and an attributed position', () => {
    for (const speaker of article.speakers) {
      expect(speaker.quotes.length, speaker.id).toBeGreaterThanOrEqual(2);
      expect(speaker.quotes.length, speaker.id).toBeLessThanOrEqual(3);
      expect(speaker.position, speaker.id).toMatch(/^Argues that /);
      // The article names each speaker with his name next to his words.
      expect(source, speaker.id).toContain(speaker.name.split(' ').at(-1));
    }
  });

  it('has every quote and every evidence string verbatim in the source text', () => {
    const missing = excerpts().filter(([, text]) => !source.includes(text));
    expect(missing).toEqual([]);
    expect(excerpts().length).toBeGreaterThanOrEqual(9 + 5);
  });

  it('quotes whole sentences: each starts a sentence and ends one (or ends where the quotation pauses)', () => {
    for (const { text } of article.speakers.flatMap((s) => s.quotes)) {
      const at = source.indexOf(text);
      const before = source.slice(Math.max(0, at - 2), at);
      const after = source.slice(at + text.length, at + text.length + 2);
      expect(before, text).toMatch(/(“|[.?!] )$/);
      expect(/[.?!]$/.test(text) || after === ',”', text).toBe(true);
    }
  });

  it('reports the background facts the issue lists, each attributed to the article', () => {
    const facts = article.background.map((f) => f.evidence ?? '').join('\n');
    for (const fact of [
      'lifted the caps on Jan. 1',
      'erupted on Jan. 2',
      'late Jan. 4',
      'state of emergency',
      'more than 4,000 servicemen from Russia, Belarus, Tajikistan and Armenia',
    ]) {
      expect(facts).toContain(fact);
    }
    for (const fact of article.background)
      expect(fact.statement, fact.id).toMatch(/^Trend reports that /);
  });

  it('tags everything with known topics only', () => {
    const tags = [
      ...article.speakers.flatMap((s) => s.quotes.flatMap((q) => q.topics)),
      ...article.mentionedPeople.flatMap((p) => p.topics),
      ...article.background.flatMap((f) => f.topics),
    ];
    expect(new Set(tags)).toEqual(new Set(TOPIC_IDS));
  });
});

describe('topic summaries', () => {
  it('are 2–3 sentences', () => {
    for (const topic of TOPIC_IDS) {
      const count = sentences(article.topics[topic]?.summary ?? '').length;
      expect(count, topic).toBeGreaterThanOrEqual(2);
      expect(count, topic).toBeLessThanOrEqual(3);
    }
  });

  it('never call anything illegal without saying who judged it so', () => {
    const attribution = /\b(analysts?|argue[sd]?|said|says?|according to|believes?|considers?)\b/i;
    const judged = TOPIC_IDS.flatMap((topic) =>
      sentences(article.topics[topic]?.summary ?? ''),
    ).filter((sentence) => /illegal/i.test(sentence));
    expect(judged.length).toBeGreaterThan(0); // the CSTO summary must report the article's main claim
    for (const sentence of judged) expect(sentence).toMatch(attribution);
  });

  it('attribute facts to the article', () => {
    for (const topic of TOPIC_IDS)
      expect(article.topics[topic]?.summary, topic).toMatch(/^Trend reports that /);
  });
});

describe('the schema', () => {
  it('knows exactly the detector’s topic ids', async () => {
    const schema = JSON.parse(
      await fs.readFile(path.join(ARTICLES_DIR, 'article.schema.json'), 'utf8'),
    ) as {
      properties: { topics: { properties: Record<string, unknown> } };
      $defs: { topicId: { enum: string[] } };
    };
    expect(schema.$defs.topicId.enum).toEqual([...TOPIC_IDS]);
    expect(Object.keys(schema.properties.topics.properties)).toEqual([...TOPIC_IDS]);
  });

  it('is referenced by the article file', async () => {
    const raw = JSON.parse(await fs.readFile(path.join(ARTICLES_DIR, `${ID}.json`), 'utf8')) as {
      $schema: string;
    };
    expect(raw.$schema).toBe('./article.schema.json');
  });
});

describe('what the extension bundles', () => {
  it('leaves out the source text the card never shows', async () => {
    const bundled = JSON.stringify(await loadArticles(ARTICLES_DIR));
    expect(bundled).not.toContain('Almaty is considered the cultural capital of Kazakhstan.');
    expect(bundled).not.toContain('$schema');
  });
});

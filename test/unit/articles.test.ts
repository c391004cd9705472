/**
 * The article loader fails loudly on every kind of bad data (naming the file and the field), and
 * the real bundled article passes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ArticleDataError,
  loadArticles,
  type ArticleProblem,
} from '../../scripts/lib/load-articles';
import { ARTICLES_DIR, ROOT } from '../../scripts/lib/paths';

const REAL_ID = 'trend-2022-01-10-csto-kazakhstan';
const REAL_JSON = path.join(ARTICLES_DIR, `${REAL_ID}.json`);
const REAL_TEXT = path.join(ARTICLES_DIR, `${REAL_ID}.txt`);
const BAD_FIXTURES = path.join(ROOT, 'test/fixtures/articles-bad');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'backstory-articles-'));
  tempDirs.push(dir);
  return dir;
}

async function realArticleJson(): Promise<Json> {
  return JSON.parse(await fs.readFile(REAL_JSON, 'utf8')) as Json;
}

/** The container a JSON pointer's last segment lives in, and that segment. */
function parentOf(root: Json, pointer: string): [Json[] | { [key: string]: Json }, string] {
  const segments = pointer.split('/').slice(1);
  const last = segments.pop();
  let node = root;
  for (const segment of segments) {
    const next = Array.isArray(node)
      ? node[Number(segment)]
      : isObject(node)
        ? node[segment]
        : undefined;
    if (next === undefined) throw new Error(`test bug: ${pointer} does not exist`);
    node = next;
  }
  if (last === undefined || !(Array.isArray(node) || isObject(node))) {
    throw new Error(`test bug: cannot address ${pointer}`);
  }
  return [node, last];
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setAt(root: Json, pointer: string, value: Json): void {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
}

function deleteAt(root: Json, pointer: string): void {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

function getString(root: Json, pointer: string): string {
  const [parent, key] = parentOf(root, pointer);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (typeof value !== 'string') throw new Error(`test bug: ${pointer} is not a string`);
  return value;
}

/** A temp folder holding the real article after `mutate`, with its real source text. */
async function dirWithMutatedArticle(
  mutate: (article: Json) => void,
  fileId = REAL_ID,
): Promise<string> {
  const dir = await tempDir();
  const article = await realArticleJson();
  mutate(article);
  await fs.writeFile(path.join(dir, `${fileId}.json`), JSON.stringify(article, null, 2));
  await fs.copyFile(REAL_TEXT, path.join(dir, `${REAL_ID}.txt`));
  return dir;
}

async function loadError(dir: string): Promise<ArticleDataError> {
  try {
    await loadArticles(dir);
  } catch (error) {
    if (error instanceof ArticleDataError) return error;
    throw error;
  }
  throw new Error(`expected loadArticles(${dir}) to throw ArticleDataError`);
}

/** Asserts the error names `fileName` and `pointer` in its message and has a matching problem. */
async function expectProblem(
  dir: string,
  fileName: string,
  pointer: string,
  messagePart: string | RegExp,
): Promise<ArticleProblem> {
  const error = await loadError(dir);
  const problem = error.problems.find((p) => p.pointer === pointer);
  expect(problem, `no problem at ${pointer} in:\n${error.message}`).toBeDefined();
  expect(path.basename(problem?.file ?? '')).toBe(fileName);
  expect(problem?.message).toMatch(messagePart);
  expect(error.message).toContain(`${fileName} ${pointer}: `);
  return problem as ArticleProblem;
}

const REAL_FILE = `${REAL_ID}.json`;

describe('loadArticles on the real data', () => {
  it('loads the bundled article without the editor-only $schema field', async () => {
    const articles = await loadArticles(ARTICLES_DIR);
    expect(articles.map((a) => a.id)).toEqual([REAL_ID]);
    expect(Object.keys(articles[0] ?? {}).sort()).toEqual(
      [
        'attribution',
        'background',
        'id',
        'mentionedPeople',
        'sourceText',
        'speakers',
        'topics',
      ].sort(),
    );
  });

  it('reads every article file and skips the schema, so adding one is adding two files', async () => {
    const dir = await tempDir();
    const second = await realArticleJson();
    setAt(second, '/id', 'second-article');
    setAt(second, '/sourceText', 'second-article.txt');
    await fs.copyFile(REAL_JSON, path.join(dir, REAL_FILE));
    await fs.copyFile(REAL_TEXT, path.join(dir, `${REAL_ID}.txt`));
    await fs.copyFile(
      path.join(ARTICLES_DIR, 'article.schema.json'),
      path.join(dir, 'article.schema.json'),
    );
    await fs.writeFile(path.join(dir, 'second-article.json'), JSON.stringify(second));
    await fs.copyFile(REAL_TEXT, path.join(dir, 'second-article.txt'));
    const articles = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['second-article', REAL_ID]);
  });
});

describe('loadArticles rejects bad data, naming the file and the field', () => {
  it('invalid JSON: file, line and column', async () => {
    const error = await loadError(path.join(BAD_FIXTURES, 'invalid-json'));
    expect(error.message).toMatch(
      /broken-json\.json: invalid JSON at line 5, column 1 \(position \d+\)/,
    );
  });

  it('a missing required field', async () => {
    const dir = await dirWithMutatedArticle((a) => deleteAt(a, '/speakers/1/role'));
    await expectProblem(dir, REAL_FILE, '/speakers/1/role', /required/);
  });

  it('an extra field', async () => {
    const dir = await dirWithMutatedArticle((a) => setAt(a, '/attribution/author', 'Someone'));
    await expectProblem(dir, REAL_FILE, '/attribution/author', /not a field the schema allows/);
  });

  it('a field of the wrong type', async () => {
    const dir = await dirWithMutatedArticle((a) => setAt(a, '/speakers/0/quotes/0/topics', 'csto'));
    await expectProblem(dir, REAL_FILE, '/speakers/0/quotes/0/topics', 'must be array, got string');
  });

  it('an empty string', async () => {
    const dir = await dirWithMutatedArticle((a) => setAt(a, '/topics/csto/summary', ''));
    await expectProblem(dir, REAL_FILE, '/topics/csto/summary', /fewer than 1 characters/);
  });

  it('an unknown topic id', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/speakers/2/quotes/1/topics/0', 'kazakstan'),
    );
    await expectProblem(
      dir,
      REAL_FILE,
      '/speakers/2/quotes/1/topics/0',
      'must be one of "csto", "kazakhstan-unrest", got "kazakstan"',
    );
  });

  it('an unknown topic key in /topics', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/topics/nato', { name: 'NATO', summary: 'S.' }),
    );
    await expectProblem(dir, REAL_FILE, '/topics/nato', /not a field the schema allows/);
  });

  it('a topic tag the article does not describe', async () => {
    const dir = await dirWithMutatedArticle((a) => deleteAt(a, '/topics/csto'));
    await expectProblem(
      dir,
      REAL_FILE,
      '/speakers/0/quotes/0/topics/0',
      'topic "csto" is not described in /topics',
    );
  });

  it('a quote that is not verbatim (straight apostrophe for the source’s curly one)', async () => {
    const problem = await expectProblem(
      path.join(BAD_FIXTURES, 'not-verbatim'),
      'sample-article.json',
      '/speakers/0/quotes/0/text',
      /not a verbatim substring of sample-article\.txt/,
    );
    expect(problem.message).toContain('"The CSTO\'s decision was made quickly"');
    expect(problem.message).toContain('(character 9)');
  });

  it('a quote in the real article edited away from the source', async () => {
    let quote = '';
    const dir = await dirWithMutatedArticle((a) => {
      quote = getString(a, '/speakers/1/quotes/2/text').replace('’', "'");
      setAt(a, '/speakers/1/quotes/2/text', quote);
    });
    const problem = await expectProblem(
      dir,
      REAL_FILE,
      '/speakers/1/quotes/2/text',
      /not a verbatim substring/,
    );
    expect(problem.message).toContain(quote.slice(0, 40));
  });

  it('evidence that is not verbatim', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/background/1/evidence', 'Big demonstrations erupted on 2 January.'),
    );
    await expectProblem(dir, REAL_FILE, '/background/1/evidence', /not a verbatim substring/);
  });

  it('a missing source text file', async () => {
    await expectProblem(
      path.join(BAD_FIXTURES, 'missing-source'),
      'sample-article.json',
      '/sourceText',
      /gone-missing\.txt cannot be read/,
    );
  });

  it('duplicate ids', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/mentionedPeople/1/id', 'tural-ismayilov'),
    );
    await expectProblem(
      dir,
      REAL_FILE,
      '/mentionedPeople/1/id',
      'duplicate id "tural-ismayilov" (already used at /speakers/0/id)',
    );
  });

  it('an id that differs from the file name', async () => {
    const dir = await dirWithMutatedArticle(() => undefined, 'renamed-file');
    await expectProblem(dir, 'renamed-file.json', '/id', /must equal the file name/);
  });

  it('a url that is not https', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/attribution/url', 'en.trend.az/azerbaijan'),
    );
    await expectProblem(dir, REAL_FILE, '/attribution/url', /does not match/);
  });

  it('a date-time in the wrong format', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/attribution/published', '10 January 2022'),
    );
    await expectProblem(dir, REAL_FILE, '/attribution/published', /does not match/);
  });

  it('an impossible date', async () => {
    const dir = await dirWithMutatedArticle((a) =>
      setAt(a, '/attribution/published', '2022-02-30T09:26:00+04:00'),
    );
    await expectProblem(dir, REAL_FILE, '/attribution/published', /not a real date and time/);
  });

  it('a folder with no article', async () => {
    const dir = await tempDir();
    await expect(loadArticles(dir)).rejects.toThrow(/contains no article \*\.json file/);
  });

  it('reports the problems of every file at once', async () => {
    const dir = await dirWithMutatedArticle((a) => deleteAt(a, '/attribution/headline'));
    await fs.copyFile(
      path.join(BAD_FIXTURES, 'invalid-json/broken-json.json'),
      path.join(dir, 'broken-json.json'),
    );
    const error = await loadError(dir);
    expect(error.problems.map((p) => [path.basename(p.file), p.pointer])).toEqual([
      ['broken-json.json', ''],
      [REAL_FILE, '/attribution/headline'],
    ]);
  });
});

/**
 * Reads and validates every article in a folder: each `*.json` (except `*.schema.json`) is checked
 * against assets/articles/article.schema.json with ajv, then against the rules the schema cannot
 * express (see article-checks.ts), including that every quote is a verbatim substring of the
 * article's source text. Any problem in any file throws one ArticleDataError listing them all.
 *
 * Adding an article is adding its JSON and its text file to the folder; nothing else.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../src/core/articles';
import { ARTICLES_DIR } from './paths';
import { ArticleDataError, type ArticleProblem } from './article-data-error';
import {
  fieldProblems,
  schemaProblems,
  verbatimProblems,
  type ArticleFile,
} from './article-checks';

export { ArticleDataError, type ArticleProblem } from './article-data-error';

/** The one schema every article folder is validated against (fixtures need no copy of it). */
export const ARTICLE_SCHEMA_FILE = path.join(ARTICLES_DIR, 'article.schema.json');

/** A file's outcome: the bundled article, or what is wrong with it. */
type FileResult =
  { article: Article; problems: [] } | { article?: undefined; problems: ArticleProblem[] };

/**
 * Every article in `dir`, sorted by file name, validated and without its full source text (the
 * extension bundle carries only what the card shows).
 */
export async function loadArticles(
  dir: string,
  schemaFile = ARTICLE_SCHEMA_FILE,
): Promise<Article[]> {
  const validate = await compileSchema(schemaFile);
  const names = await articleFileNames(dir);
  if (names.length === 0) {
    throw new ArticleDataError([
      { file: dir, pointer: '', message: 'contains no article *.json file' },
    ]);
  }

  const results = await Promise.all(names.map((name) => loadArticleFile(dir, name, validate)));
  const problems = results.flatMap((result) => result.problems);
  if (problems.length > 0) throw new ArticleDataError(problems);
  return results.flatMap((result) => (result.article === undefined ? [] : [result.article]));
}

async function compileSchema(schemaFile: string): Promise<ValidateFunction<ArticleFile>> {
  const schema = JSON.parse(await fs.readFile(schemaFile, 'utf8')) as object;
  // allErrors: report every bad field at once; verbose: keep the bad value for the message.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  return ajv.compile<ArticleFile>(schema);
}

async function articleFileNames(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json'),
    )
    .map((entry) => entry.name)
    .sort();
}

async function loadArticleFile(
  dir: string,
  name: string,
  validate: ValidateFunction<ArticleFile>,
): Promise<FileResult> {
  const file = path.join(dir, name);
  const text = await fs.readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, pointer: '', message: describeJsonError(text, error) }] };
  }

  if (!validate(data)) return { problems: schemaProblems(file, validate.errors ?? []) };

  const problems = fieldProblems(file, data, path.basename(name, '.json'));
  const sourceFile = path.join(dir, data.sourceText);
  let source: string;
  try {
    source = await fs.readFile(sourceFile, 'utf8');
  } catch {
    problems.push({
      file,
      pointer: '/sourceText',
      message: `source text file ${sourceFile} cannot be read`,
    });
    return { problems };
  }
  problems.push(...verbatimProblems(file, data, data.sourceText, source));
  if (problems.length > 0) return { problems };

  return { article: bundledShape(data), problems: [] };
}

/** Exactly the fields the extension ships; the editor-only `$schema` reference stays behind. */
function bundledShape(data: ArticleFile): Article {
  return {
    id: data.id,
    sourceText: data.sourceText,
    attribution: data.attribution,
    topics: data.topics,
    speakers: data.speakers,
    mentionedPeople: data.mentionedPeople,
    background: data.background,
  };
}

/** V8 reports a character offset (or none at end of input); editors want line and column. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const offsetMatch = /at position (\d+)/.exec(message);
  const offset =
    offsetMatch?.[1] !== undefined
      ? Number(offsetMatch[1])
      : /end of JSON input/.test(message)
        ? text.length
        : undefined;
  if (offset === undefined) return `invalid JSON: ${message}`;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `invalid JSON at line ${line}, column ${column} (position ${offset}): ${message}`;
}

/**
 * Checks on one parsed article file: turning ajv's schema errors into precise problems, and the
 * rules JSON Schema cannot express (real URL and date, id = file name, unique ids, topics that
 * are described, quotes and evidence copied verbatim from the source text).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Article } from '../../src/core/articles';
import type { TopicId } from '../../src/core/types';
import type { ArticleProblem } from './article-data-error';

/** An article as stored on disk: the bundled shape plus the editor's `$schema` reference. */
export type ArticleFile = Article & { $schema: string };

/** How much of a bad quote to show in a message: enough to find it in the file. */
const EXCERPT_CHARS = 60;

/** One problem per failing field, pointing at the field itself (not at its parent object). */
export function schemaProblems(file: string, errors: readonly ErrorObject[]): ArticleProblem[] {
  const seen = new Set<string>();
  const problems: ArticleProblem[] = [];
  for (const error of errors) {
    const problem = describeSchemaError(file, error);
    const key = `${problem.pointer}\n${problem.message}`;
    if (seen.has(key)) continue; // one bad value can fail several keywords of a shared $def
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeSchemaError(file: string, error: ErrorObject): ArticleProblem {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        file,
        pointer: `${at}/${escapePointer(String(params.missingProperty))}`,
        message: 'is required but missing',
      };
    case 'additionalProperties':
      return {
        file,
        pointer: `${at}/${escapePointer(String(params.additionalProperty))}`,
        message: 'is not a field the schema allows (typo or stray field?)',
      };
    case 'enum':
      return {
        file,
        pointer: at,
        message: `must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')}, got ${show(error.data)}`,
      };
    case 'const':
      return { file, pointer: at, message: `must be ${show(params.allowedValue)}` };
    case 'type':
      return {
        file,
        pointer: at,
        message: `must be ${String(params.type)}, got ${jsonType(error.data)}`,
      };
    case 'pattern':
      return {
        file,
        pointer: at,
        message: `${show(error.data)} does not match ${String(params.pattern)}`,
      };
    default:
      return { file, pointer: at, message: error.message ?? `fails "${error.keyword}"` };
  }
}

/** Rules beyond the schema. Only call on data the schema accepted. */
export function fieldProblems(
  file: string,
  article: ArticleFile,
  expectedId: string,
): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  const report = (pointer: string, message: string): void => {
    problems.push({ file, pointer, message });
  };

  if (article.id !== expectedId) {
    report(
      '/id',
      `must equal the file name without .json (${show(expectedId)}), got ${show(article.id)}`,
    );
  }
  if (!isHttpsUrl(article.attribution.url)) {
    report('/attribution/url', `${show(article.attribution.url)} is not a valid https URL`);
  }
  if (!isRealDateTime(article.attribution.published)) {
    report(
      '/attribution/published',
      `${show(article.attribution.published)} is not a real date and time`,
    );
  }

  // One id namespace per article: the card may key people and facts by id side by side.
  const firstUse = new Map<string, string>();
  const claimId = (id: string, pointer: string): void => {
    const earlier = firstUse.get(id);
    if (earlier === undefined) firstUse.set(id, pointer);
    else report(pointer, `duplicate id ${show(id)} (already used at ${earlier})`);
  };
  const requireDescribed = (topics: readonly TopicId[], pointer: string): void => {
    topics.forEach((topic, index) => {
      if (article.topics[topic] === undefined) {
        report(`${pointer}/${index}`, `topic ${show(topic)} is not described in /topics`);
      }
    });
  };

  article.speakers.forEach((speaker, s) => {
    claimId(speaker.id, `/speakers/${s}/id`);
    speaker.quotes.forEach((quote, q) =>
      requireDescribed(quote.topics, `/speakers/${s}/quotes/${q}/topics`),
    );
  });
  article.mentionedPeople.forEach((person, p) => {
    claimId(person.id, `/mentionedPeople/${p}/id`);
    requireDescribed(person.topics, `/mentionedPeople/${p}/topics`);
  });
  article.background.forEach((fact, f) => {
    claimId(fact.id, `/background/${f}/id`);
    requireDescribed(fact.topics, `/background/${f}/topics`);
  });
  return problems;
}

/** Every quote and every evidence string must appear, character for character, in the source. */
export function verbatimProblems(
  file: string,
  article: Article,
  sourceName: string,
  source: string,
): ArticleProblem[] {
  const excerpts: Array<[pointer: string, text: string]> = [];
  article.speakers.forEach((speaker, s) =>
    speaker.quotes.forEach((quote, q) =>
      excerpts.push([`/speakers/${s}/quotes/${q}/text`, quote.text]),
    ),
  );
  article.mentionedPeople.forEach((person, p) => {
    if (person.evidence !== undefined)
      excerpts.push([`/mentionedPeople/${p}/evidence`, person.evidence]);
  });
  article.background.forEach((fact, f) => {
    if (fact.evidence !== undefined) excerpts.push([`/background/${f}/evidence`, fact.evidence]);
  });

  return excerpts
    .filter(([, text]) => !source.includes(text))
    .map(([pointer, text]) => ({
      file,
      pointer,
      message: `is not a verbatim substring of ${sourceName}: ${show(excerpt(text))}; ${whereItDiffers(text, source)}`,
    }));
}

/**
 * Points at the first character that breaks the match (often a straight quote where the source
 * has a curly one). Prefix matching is monotonic, so a binary search finds the longest match.
 */
function whereItDiffers(text: string, source: string): string {
  let matched = 0;
  let unmatched = text.length;
  while (unmatched - matched > 1) {
    const middle = Math.floor((matched + unmatched) / 2);
    if (source.includes(text.slice(0, middle))) matched = middle;
    else unmatched = middle;
  }
  if (matched === 0) return 'not even its first character occurs in the source';
  const context = text.slice(Math.max(0, matched - 20), matched);
  return `the source has ${show(context)} but then not ${show(text.charAt(matched))} (character ${matched + 1})`;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The schema's pattern checks the shape; this rejects impossible values like 2022-02-30 or 25:00. */
function isRealDateTime(value: string): boolean {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?.*?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(
      value,
    );
  if (match === null) return false;
  const [year, month, day, hour, minute, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    (hour ?? 99) < 24 &&
    (minute ?? 99) < 60 &&
    second < 60 &&
    offsetHour < 24 &&
    offsetMinute < 60
  );
}

function excerpt(text: string): string {
  return text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS)}…`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

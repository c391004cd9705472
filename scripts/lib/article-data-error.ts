import path from 'node:path';

/** One thing wrong with the article data: which file, which field (a JSON pointer), what. */
export interface ArticleProblem {
  file: string;
  /** JSON pointer into the file, e.g. `/speakers/1/quotes/0/text`; `` for the whole file. */
  pointer: string;
  message: string;
}

/**
 * Thrown by loadArticles when any article file is unusable. The message lists every problem
 * found (not just the first), one per line, so one build run shows everything to fix.
 */
export class ArticleDataError extends Error {
  readonly problems: readonly ArticleProblem[];

  constructor(problems: readonly ArticleProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`article data is invalid (${count}):\n${problems.map(describeProblem).join('\n')}`);
    this.name = 'ArticleDataError';
    this.problems = problems;
  }
}

function describeProblem({ file, pointer, message }: ArticleProblem): string {
  const where = pointer === '' ? displayPath(file) : `${displayPath(file)} ${pointer}`;
  return `  ${where}: ${message}`;
}

/** Relative to the working directory when inside it (short, clickable), absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

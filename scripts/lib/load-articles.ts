/** Placeholder loader; the data work replaces it with schema validation. */
export class ArticleDataError extends Error {}

export async function loadArticles(_dir: string): Promise<unknown[]> {
  return [];
}

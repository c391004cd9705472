/** Provided by scripts/build.ts: every validated article in assets/articles/. */
declare module 'virtual:articles' {
  import type { Article } from '../core/articles';
  const articles: Article[];
  export default articles;
}

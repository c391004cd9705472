/** Placeholder types of the bundled article data; the data issue replaces this file. */
export interface Article {
  id: string;
}

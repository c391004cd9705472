import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute paths the scripts share, so none of them depends on the working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ASSETS = path.join(ROOT, 'assets');
export const ARTICLES_DIR = path.join(ASSETS, 'articles');
/** The read-only material beside the clone (seed article, real-page corpus). */
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS_PAGES = path.join(SHARED, 'corpus/pages');

export type Target = 'chrome' | 'firefox';
export const TARGETS: readonly Target[] = ['chrome', 'firefox'];

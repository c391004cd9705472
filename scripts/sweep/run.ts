/** Runs the sweep over a list of corpus pages in one browser with the built extension. */
import type { BrowserName } from '../../test/e2e/harness';
import { replayWithoutExtension } from './control';
import type { CorpusPage } from './corpus';
import { PROBE_PATH } from './prepare';
import { probeSource } from './probe';
import type { PageResult } from './result';
import { startWatchedSession, type WatchedSession } from './session';
import { visit } from './visit';

export interface SweepOptions {
  browser: BrowserName;
  pages: readonly CorpusPage[];
  /** Called after each page (progress output). */
  onPage?: (result: PageResult, index: number) => void;
}

export interface SweepRun {
  results: PageResult[];
  /** How errors and requests were attributed to the extension in this browser. */
  method: string;
}

export async function runSweep(options: SweepOptions): Promise<SweepRun> {
  let watched: WatchedSession | undefined;
  try {
    watched = await startWatchedSession(options.browser, { files: true });
    watched.server.route(PROBE_PATH, { body: probeSource(), contentType: 'text/javascript' });
    // Whatever the extension did while starting up is reported with the first page.
    const results: PageResult[] = [];
    for (const [index, corpusPage] of options.pages.entries()) {
      const result = await visit(watched, corpusPage);
      results.push(result);
      options.onPage?.(result, index);
    }
    // The server must still be up: the control replays the same URLs.
    if (options.browser === 'chromium') await replayWithoutExtension(results);
    return { results, method: watched.observer.method };
  } finally {
    await watched?.close();
  }
}

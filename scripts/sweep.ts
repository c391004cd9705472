/**
 * Real-page sweep: loads the built extension in a headless browser, visits corpus pages from
 * ../shared/corpus/pages (served from 127.0.0.1, nothing else reachable) and checks that
 * Backstory never hurts a page: no errors, no DOM change besides its one card host, no layout
 * shift, no network request, no kazakhstan-unrest highlight on pages that use the word otherwise.
 *
 *   npm run build && npm run sweep                              # Chromium, all 300 pages
 *   npm run sweep -- --browser firefox --pages 50               # a deterministic sample
 *   npm run sweep -- --only readability-wikipedia               # pages whose name contains this
 *
 * Prints a table, the details of every problem, and last one JSON summary line. Exits 1 when a
 * target is missed (an error, a DOM change, a shift, a request, a wrong unrest highlight, a
 * failed visit). The extension's own packaged files loaded into the tab (detector.js once the
 * pre-check hits, card-ui.js for a card) are reads from the package, not network requests: they
 * are counted apart (`files` column, `extensionFileLoads`; Chromium only) and never as requests.
 */
import { listCorpus, sample } from './sweep/corpus';
import { details, HEADER, row, summaryLine } from './sweep/report';
import { fileLoadCounts, layoutShifted, summarize, wrongUnrest } from './sweep/result';
import { runSweep } from './sweep/run';

interface Args {
  browser: 'chromium' | 'firefox';
  pages: number | undefined;
  only: string | undefined;
}

const HELP = `Usage: npm run sweep -- [--browser chromium|firefox] [--pages N] [--only TEXT]
  --browser  chromium (default) or firefox
  --pages    a deterministic sample of N pages (every term-hit page first); default all
  --only     only the pages whose file name contains TEXT
Prints one row per page, the details of every problem and, last, one JSON summary line.`;

function parseArgs(argv: string[]): Args {
  const args: Args = { browser: 'chromium', pages: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(HELP);
      process.exit(0);
    }
    const value = argv[i + 1];
    if (flag === '--browser' && (value === 'chromium' || value === 'firefox')) args.browser = value;
    else if (flag === '--pages' && value && /^\d+$/.test(value)) args.pages = Number(value);
    else if (flag === '--only' && value) args.only = value;
    else throw new Error(`unknown or incomplete option ${flag} (see scripts/sweep.ts)`);
    i++;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let pages = await listCorpus();
  if (args.only) pages = pages.filter((p) => p.file.includes(args.only as string));
  if (args.pages !== undefined) pages = sample(pages, args.pages);
  console.log(`sweep: ${pages.length} pages in ${args.browser}`);
  console.log(HEADER);
  const { results, method } = await runSweep({
    browser: args.browser,
    pages,
    onPage: (result) => console.log(row(result)),
  });
  const problems = details(results);
  if (problems.length > 0) console.log(['', 'details:', ...problems].join('\n'));
  const summary = summarize(args.browser, results);
  const termHits = results.filter((r) => r.termHit);
  console.log('');
  console.log(`attribution: ${method}`);
  console.log(
    `term-hit pages: ${termHits.length} visited, ${termHits.filter(wrongUnrest).length} with a kazakhstan-unrest highlight`,
  );
  console.log(
    `card: shown on ${results.filter((r) => r.cardShown).length}/${results.length} pages; ` +
      `seed found on ${results.filter((r) => r.seedFound).length}; ` +
      `geometry unattributable on ${results.filter((r) => r.geometryUnstable).length}; ` +
      `failed visits ${results.filter((r) => r.failure).length}`,
  );
  const files = fileLoadCounts(results);
  console.log(
    files
      ? `extension files (read from the package, not network requests): ${
          [...files].map(([file, n]) => `${file} on ${n}`).join(', ') || 'none'
        } of ${results.length} pages`
      : 'extension files: not observable in this browser (they never reach the network)',
  );
  // The summary is the last line, for scripts that read it.
  console.log(summaryLine(summary));
  const missed =
    summary.extensionErrors +
    summary.domChangedPages +
    summary.layoutShiftPages +
    summary.extensionRequests +
    results.filter((r) => wrongUnrest(r) || r.failure).length;
  if (missed > 0 || results.some(layoutShifted)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

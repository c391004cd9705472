/**
 * `npm run bench`: Backstory's content script against the floor (one TreeWalker pass reading
 * every text node) and against mark.js, in a real headless browser, on every corpus page as it
 * is and with real mention sentences added. Prints a per-page table, the budgets as PASS/FAIL
 * and, last, one JSON line. See docs/performance.md for the method and the latest figures.
 */
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type BenchOptions } from './bench/args';
import { launch } from './bench/browser';
import { pageHelpersSource } from './bench/page-bundle';
import { charsetOf, preparePage, type Variant } from './bench/prepare-page';
import { checkBudgets, headline, measuredCount, measuredEnough, printTable } from './bench/report';
import { runVariant, type RunContext } from './bench/run-page';
import { startServer } from './bench/server';
import { evenSample, interleave } from './bench/stats';
import { summarize } from './bench/summarize';
import { SYNTHETIC_CHARS, syntheticPage } from './bench/synthetic';
import { writeDocs } from './bench/write-docs';
import { loadVocabulary } from './bench/vocabulary';
import type { VariantSummary } from './bench/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/pages');
const VARIANTS: readonly Variant[] = ['as-is', 'mentions'];
const SAMPLED = 30;
const INTERLEAVE = 10;

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const dist =
    options.dist ?? path.join(ROOT, 'dist', options.browser === 'chromium' ? 'chrome' : 'firefox');
  const contentJs = await readFile(path.join(dist, 'content.js'), 'utf8').catch(() => {
    throw new Error(`${dist}/content.js is missing: run \`npm run build\` first`);
  });
  const contentCss = await readFile(path.join(dist, 'content.css'), 'utf8');
  const contentScriptBytes = Buffer.byteLength(contentJs);
  const contentScriptGzipBytes = gzipSync(Buffer.from(contentJs + contentCss), { level: 9 }).length;
  if (options.from) {
    const lines = (await readFile(options.from, 'utf8')).split('\n').filter(Boolean);
    const saved = lines.map((l) => JSON.parse(l) as VariantSummary);
    const pages = new Set(saved.map((x) => x.page)).size;
    console.log(
      `bench: report from ${options.from} (${saved.length} page variants, ${pages} pages)`,
    );
    return report(options, saved, contentScriptBytes, contentScriptGzipBytes, {
      version: `${options.browser}, results of ${options.from}`,
      elapsedMs: NaN,
    });
  }
  const vocabulary = await loadVocabulary(path.join(ROOT, 'src/core/topics'));

  let files = (await readdir(CORPUS)).filter((f) => f.endsWith('.html')).sort();
  if (options.match) files = files.filter((f) => f.includes(options.match as string));
  if (options.pages) files = evenSample(files, options.pages);
  // Interleaved, so that the pages done when a long run is stopped are a spread-out sample.
  files = interleave(files, INTERLEAVE);

  const server = await startServer(dist);
  const browser = await launch(options.browser);
  const ctx: RunContext = {
    browser,
    server,
    pageHelpers: await pageHelpersSource(),
    contentJs,
    contentCss,
    markJs: await readFile(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
    vocabulary,
    runs: options.runs,
    peer: options.peer,
    termBudgetMs: options.termBudgetMs,
    extras: true,
    terms: false,
    hover: false,
    idleControl: false,
    freshProcess: options.freshProcess,
  };
  // Term mode and hovers are slow (one DOM pass per term; each hover waits out the 500 ms
  // delay): they run on an even sample of about SAMPLED pages.
  const every = Math.max(1, Math.ceil(files.length / SAMPLED));
  console.log(
    `bench: ${browser.name} ${browser.version}, ${files.length} pages × ${VARIANTS.length} variants, ` +
      `${options.runs} runs, vocabulary ${vocabulary.patterns} patterns / ${vocabulary.terms.length} terms`,
  );

  const summaries: VariantSummary[] = [];
  const started = Date.now();
  // Every page variant's medians are appended as they come: a stopped run can still be reported
  // (`--from FILE`).
  await writeFile(options.out, '');
  const keep = async (summary: VariantSummary): Promise<void> => {
    summaries.push(summary);
    await appendFile(options.out, `${JSON.stringify(summary)}\n`);
  };
  process.stderr.write(`bench: page results go to ${options.out} as they come\n`);
  try {
    if (options.synthetic) {
      // First: it is the one run that must not be left out when a long run is stopped.
      const page = await syntheticPage(CORPUS, SYNTHETIC_CHARS);
      const runs = await runVariant(
        {
          ...ctx,
          runs: Math.min(options.runs, 3),
          extras: false,
          terms: false,
          hover: false,
          // Firefox's own collection work lands in its scan window: measure it alone too.
          idleControl: true,
        },
        'synthetic-10MB.html',
        'mentions',
        { body: page, charset: 'utf-8' },
      );
      await keep(summarize(runs));
      process.stderr.write(`synthetic 10 MB page: ${JSON.stringify(summaries[0])}\n`);
    }
    for (const [i, file] of files.entries()) {
      const bytes = await readFile(path.join(CORPUS, file));
      const charset = charsetOf(bytes);
      for (const variant of VARIANTS) {
        const served = { body: preparePage(bytes, variant), charset };
        // mark.js only where there is something to mark: the variant with mentions.
        const marked = variant === 'mentions';
        const sampled = i % every === 0;
        const runs = await runVariant(
          { ...ctx, peer: ctx.peer && marked, terms: marked && sampled, hover: sampled },
          file,
          variant,
          served,
        );
        const summary = summarize(runs);
        await keep(summary);
        process.stderr.write(
          `[${i + 1}/${files.length}] ${variant.padEnd(8)} ${file.slice(0, 50).padEnd(50)} ` +
            `startup ${summary.startupMs.toFixed(1)} ms, scan ${summary.scanMs.toFixed(2)} ms ` +
            `(×${summary.ratioCold.toFixed(2)} floor), ${summary.mentions} mentions` +
            `${summary.errors.length ? ` ERR ${summary.errors.join('; ')}` : ''}\n`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  return report(options, summaries, contentScriptBytes, contentScriptGzipBytes, {
    version: browser.version,
    elapsedMs: Date.now() - started,
  });
}

async function report(
  options: BenchOptions,
  summaries: VariantSummary[],
  contentScriptBytes: number,
  contentScriptGzipBytes: number,
  run: { version: string; elapsedMs: number },
): Promise<number> {
  printTable(summaries);
  const budgets = checkBudgets(summaries, contentScriptGzipBytes);
  for (const b of budgets) console.log(`${b.pass ? 'PASS' : 'FAIL'} ${b.name}: ${b.detail}`);
  const line = headline(options.browser, summaries, contentScriptBytes, contentScriptGzipBytes);
  if (options.writeDocs && !measuredEnough(summaries)) {
    const measured = measuredCount(summaries);
    console.error(`not writing docs: ${measured} of ${summaries.length} page variants measured`);
  } else if (options.writeDocs) {
    await writeDocs(ROOT, options, summaries, budgets, line, run.version, run.elapsedMs);
  }
  console.log(JSON.stringify(line));
  const failed = budgets.filter((b) => !b.pass);
  if (failed.length && options.strict) {
    console.log(`FAIL: ${failed.length} budget(s) failed (--strict)`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

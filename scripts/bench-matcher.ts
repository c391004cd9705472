/**
 * `npm run bench:matcher`: throughput of findMentions against plain alias scans (see
 * lib/reference-scan.ts) over the visible text of every corpus page (../shared/corpus/pages),
 * whole pages and per block (as the content script calls it), and over a synthetic 10 MB text
 * with a mention every ~4 KB (so the context rules run too). Warm-up, then the median of RUNS
 * runs. The naive single-regex reference is only timed on whole pages: it is so slow in V8
 * (hundreds of branches) that timing it everywhere would take many minutes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findMentions } from '../src/core/find-mentions';
import { TOPICS } from '../src/core/vocabulary';
import { htmlToText } from './lib/html-text';
import { CORPUS_PAGES } from './lib/paths';
import { naiveReference, referenceScan, shardedReference } from './lib/reference-scan';

const RUNS = 5;
const SYNTHETIC_CHARS = 10 * 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Median CPU milliseconds of `run` over RUNS runs after one warm-up run. CPU time of this
 * process, not wall time: on a shared machine wall time also counts waiting for a core.
 */
function time(run: () => number): { ms: number; result: number } {
  let result = run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return { ms: median(samples), result };
}

function loadCorpus(): string[] {
  if (!fs.existsSync(CORPUS_PAGES)) throw new Error(`no corpus at ${CORPUS_PAGES}`);
  return fs
    .readdirSync(CORPUS_PAGES)
    .filter((name) => /\.html?$/.test(name))
    .sort()
    .map((name) => htmlToText(fs.readFileSync(path.join(CORPUS_PAGES, name), 'utf8')));
}

function synthetic(base: string): string {
  const mentionSentences = [
    'Tokayev asked the Collective Security Treaty Organization (CSTO) for help as protests spread.',
    'Протесты в Казахстане начались 2 января, ОДКБ направила миротворцев.',
    'The Moscow-led security bloc left after the unrest in Kazakhstan.',
  ];
  const parts: string[] = [];
  let length = 0;
  let cursor = 0;
  let k = 0;
  while (length < SYNTHETIC_CHARS) {
    const chunk = base.slice(cursor, cursor + 4096);
    cursor = cursor + 4096 >= base.length ? 0 : cursor + 4096;
    const sentence = mentionSentences[k++ % mentionSentences.length] as string;
    parts.push(chunk, '\n\n', sentence, '\n\n');
    length += chunk.length + sentence.length + 4;
  }
  return parts.join('').slice(0, SYNTHETIC_CHARS);
}

type Timing = { ms: number; result: number };

function line(name: string, chars: number, timing: Timing, unit: string): string {
  const mbps = ((chars * 2) / 1e6 / (timing.ms / 1000)).toFixed(1).padStart(7);
  const ns = ((timing.ms * 1e6) / chars).toFixed(2).padStart(7);
  return `  ${name.padEnd(18)} ${timing.ms.toFixed(1).padStart(9)} ms ${mbps} MB/s ${ns} ns/char  (${timing.result} ${unit})\n`;
}

function report(
  label: string,
  chars: number,
  detector: Timing,
  references: [string, Timing][],
): void {
  let out = `${label}\n${line('detector', chars, detector, 'mentions')}`;
  for (const [name, timing] of references) out += line(name, chars, timing, 'raw alias matches');
  for (const [name, timing] of references) {
    out += `  ratio detector / ${name}: ${(detector.ms / timing.ms).toFixed(2)}\n`;
  }
  process.stdout.write(`${out}\n`);
}

function main(): void {
  const pages = loadCorpus();
  const blocks = pages.flatMap((page) => page.split(/\n\n+/));
  const chars = pages.reduce((sum, page) => sum + page.length, 0);
  const naive = naiveReference(TOPICS);
  const sharded = shardedReference(TOPICS);
  process.stdout.write(
    `corpus: ${pages.length} pages, ${blocks.length} blocks, ${chars.toLocaleString('en')} chars of visible text ` +
      `(${((chars * 2) / 1e6).toFixed(1)} MB as UTF-16: MB/s counts 2 bytes per char); ` +
      `median CPU time of ${RUNS} runs after a warm-up\n\n`,
  );
  const sum = (list: string[], f: (text: string) => number): number =>
    list.reduce((n, text) => n + f(text), 0);
  report(
    'corpus, one call per page',
    chars,
    time(() => sum(pages, (text) => findMentions(text).length)),
    [
      ['sharded reference', time(() => sum(pages, (text) => referenceScan(sharded, text)))],
      ['naive reference', time(() => sum(pages, (text) => referenceScan(naive, text)))],
    ],
  );
  report(
    'corpus, one call per block (as the content script)',
    chars,
    time(() => sum(blocks, (text) => findMentions(text).length)),
    [['sharded reference', time(() => sum(blocks, (text) => referenceScan(sharded, text)))]],
  );
  const big = synthetic(pages.join('\n\n'));
  const half = big.slice(0, big.length / 2);
  const full = time(() => findMentions(big).length);
  report(
    `synthetic ${(big.length / 1024 / 1024).toFixed(0)} MiB (corpus text + a mention sentence every 4 KB)`,
    big.length,
    full,
    [['sharded reference', time(() => referenceScan(sharded, big))]],
  );
  const halfTime = time(() => findMentions(half).length);
  process.stdout.write(
    `linearity: time(10 MiB) / time(5 MiB) = ${(full.ms / halfTime.ms).toFixed(2)} (2.00 is linear)\n`,
  );
}

main();

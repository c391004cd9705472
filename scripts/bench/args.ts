/** Command-line options of `npm run bench`. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserName } from './browser';

export interface BenchOptions {
  browser: BrowserName;
  /** Even sample of this many corpus pages (all when undefined). */
  pages: number | undefined;
  /** Only pages whose file name contains this. */
  match: string | undefined;
  runs: number;
  /** Exit 1 when a budget fails. */
  strict: boolean;
  /** Also run the synthetic 10 MB page. */
  synthetic: boolean;
  /** Skip mark.js (faster runs while developing). */
  peer: boolean;
  /** Each page variant in a fresh browser context, its run 0 reported as a first visit. */
  freshProcess: boolean;
  /** Write docs/performance-<browser>.svg and the run's JSON beside it. */
  writeDocs: boolean;
  termBudgetMs: number;
  /** Built extension to take content.js/content.css from (default dist/chrome or dist/firefox). */
  dist: string | undefined;
  /** JSONL file the page variants' medians are appended to as they come. */
  out: string;
  /** Report (and --write-docs) from such a file instead of measuring. */
  from: string | undefined;
}

const USAGE = `usage: npm run bench -- [--browser chromium|firefox] [--pages N] [--match TEXT]
       [--runs N] [--strict] [--synthetic] [--no-peer] [--fresh-process] [--write-docs] [--term-budget-ms MS] [--dist DIR] [--out FILE] [--from FILE]`;

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    browser: 'chromium',
    pages: undefined,
    match: undefined,
    runs: 5,
    strict: false,
    synthetic: false,
    peer: true,
    freshProcess: false,
    writeDocs: false,
    termBudgetMs: 3000,
    dist: undefined,
    out: '',
    from: undefined,
  };
  const number = (value: string | undefined, flag: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--browser': {
        const value = argv[++i];
        if (value !== 'chromium' && value !== 'firefox') throw new Error(USAGE);
        options.browser = value;
        break;
      }
      case '--pages':
        options.pages = Math.floor(number(argv[++i], arg));
        break;
      case '--match':
        options.match = argv[++i];
        break;
      case '--runs':
        options.runs = Math.floor(number(argv[++i], arg));
        break;
      case '--term-budget-ms':
        options.termBudgetMs = number(argv[++i], arg);
        break;
      case '--dist':
        options.dist = argv[++i];
        break;
      case '--out':
        options.out = argv[++i] ?? '';
        break;
      case '--from':
        options.from = argv[++i];
        break;
      case '--strict':
        options.strict = true;
        break;
      case '--synthetic':
        options.synthetic = true;
        break;
      case '--no-peer':
        options.peer = false;
        break;
      case '--fresh-process':
        options.freshProcess = true;
        break;
      case '--write-docs':
        options.writeDocs = true;
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  options.out ||= path.join(tmpdir(), `backstory-bench-${options.browser}.jsonl`);
  return options;
}

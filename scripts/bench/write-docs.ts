/**
 * `--write-docs`: the plot (docs/performance-<browser>.svg) and the run's section of
 * docs/performance.md, between `<!-- bench:<browser>:start -->` and `<!-- bench:<browser>:end -->`
 * markers, so the hand-written method text around it is never touched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchOptions } from './args';
import { logLogSvg } from './plot';
import { tableLines, type Budget, type Headline } from './report';
import type { VariantSummary } from './types';

function command(o: BenchOptions): string {
  const parts = ['npm run bench --'];
  if (o.browser !== 'chromium') parts.push(`--browser ${o.browser}`);
  if (o.pages) parts.push(`--pages ${o.pages}`);
  if (o.match) parts.push(`--match ${o.match}`);
  if (o.runs !== 5) parts.push(`--runs ${o.runs}`);
  if (o.synthetic) parts.push('--synthetic');
  if (!o.peer) parts.push('--no-peer');
  if (o.dist) parts.push(`--dist ${o.dist}`);
  parts.push('--write-docs');
  return parts.join(' ');
}

export function plotSvg(browser: string, s: VariantSummary[]): string {
  const withMentions = s.filter((x) => x.variant === 'mentions');
  const pts = (f: (x: VariantSummary) => number | null): { x: number; y: number }[] =>
    withMentions.map((x) => ({ x: x.textChars, y: f(x) ?? NaN })).filter((p) => p.y > 0);
  return logLogSvg(
    `Cost against page text, ${browser} (pages with mentions added; medians)`,
    'readable text of the page (characters, log)',
    'main-thread time (ms, log)',
    [
      { name: 'floor (cold pass)', colour: '#7f7f7f', points: pts((x) => x.floorColdMs) },
      { name: 'Backstory scan', colour: '#d62728', points: pts((x) => x.scanMs) },
      { name: 'mark.js RegExp', colour: '#1f77b4', points: pts((x) => x.markRegExpMs) },
      { name: 'mark.js terms', colour: '#2ca02c', points: pts((x) => x.markTermsMs) },
    ],
  );
}

export async function writeDocs(
  root: string,
  options: BenchOptions,
  s: VariantSummary[],
  budgets: Budget[],
  line: Headline,
  version: string,
  elapsedMs: number,
): Promise<void> {
  const svgName = `performance-${options.browser}.svg`;
  await writeFile(path.join(root, 'docs', svgName), plotSvg(options.browser, s));
  const section = [
    `<!-- bench:${options.browser}:start -->`,
    `### ${options.browser} (${version})`,
    '',
    `Command: \`${command(options)}\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      (Number.isFinite(elapsedMs)
        ? `, ${(elapsedMs / 60000).toFixed(1)} min.`
        : `, reported with \`--from\` from the results the run had written when it was stopped ` +
          `(${new Set(s.map((x) => x.page)).size} pages).`),
    '',
    ...budgets.map((b) => `- **${b.pass ? 'PASS' : 'FAIL'}** ${b.name}: ${b.detail}`),
    '',
    '```json',
    JSON.stringify(line),
    '```',
    '',
    `![cost against page text, ${options.browser}](${svgName})`,
    '',
    '<details><summary>Per-page table (medians)</summary>',
    '',
    ...tableLines(s),
    '',
    '</details>',
    `<!-- bench:${options.browser}:end -->`,
  ].join('\n');
  const docPath = path.join(root, 'docs/performance.md');
  const doc = await readFile(docPath, 'utf8').catch(() => '# Performance\n');
  const re = new RegExp(
    `<!-- bench:${options.browser}:start -->[\\s\\S]*?<!-- bench:${options.browser}:end -->`,
  );
  const next = re.test(doc) ? doc.replace(re, () => section) : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(docPath, next);
}

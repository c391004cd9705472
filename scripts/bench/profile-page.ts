/**
 * Where Backstory's time goes on one page (Chromium): runs the built content.js on the page's
 * with-mentions variant exactly as `npm run bench` does, under the CDP sampling profiler, and
 * prints the functions with the most self time (minified names, with their column in content.js
 * so they can be found in the bundle).
 *
 *   npx tsx scripts/bench/profile-page.ts <corpus file | synthetic> [dist dir]
 *
 * `synthetic` profiles the benchmark's synthetic 10 MB page instead of a corpus page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { charsetOf, preparePage } from './prepare-page';
import { openProbePage } from './probe-page';
import { syntheticPage, SYNTHETIC_CHARS } from './synthetic';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOP = 15;

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx scripts/bench/profile-page.ts <corpus file> [dist]');
  const dist = process.argv[3] ?? path.join(ROOT, 'dist/chrome');
  const corpus = path.resolve(ROOT, '../shared/corpus/pages');
  const synthetic = file === 'synthetic';
  const bytes = synthetic
    ? await syntheticPage(corpus, SYNTHETIC_CHARS)
    : await readFile(path.join(corpus, file));
  const probe = await openProbePage(
    {
      body: synthetic
        ? bytes
        : preparePage(bytes, process.env.VARIANT === 'as-is' ? 'as-is' : 'mentions'),
      charset: synthetic ? 'utf-8' : charsetOf(bytes),
    },
    dist,
  );
  try {
    const cdp = await probe.page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const run = (await probe.runContentScript()) as {
      syncMs: number;
      scanMs: number;
      longestTaskMs: number;
      mentions: number;
    };
    const { profile } = await cdp.send('Profiler.stop');
    console.log(
      `${file}: startup ${run.syncMs.toFixed(1)} ms, scan ${run.scanMs.toFixed(1)} ms, ` +
        `longest task ${run.longestTaskMs.toFixed(1)} ms, ${run.mentions} mentions`,
    );
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const deltas = profile.timeDeltas ?? [];
    const self = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(id)?.callFrame;
      if (!frame) return;
      const where = frame.url
        ? ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'}${where}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
    }
  } finally {
    await probe.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

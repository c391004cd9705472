/**
 * Where the time of a hover goes (Chromium): runs content.js on one page as `npm run bench`
 * does, then hovers its first mentions under the Chrome tracer and prints, for each hover, the
 * benchmark's split (start, work, render) and the main thread's tasks from the delay's end to
 * the card painted, with their time by trace event.
 *
 *   npx tsx scripts/bench/trace-hover.ts <corpus file> [hovers] [dist dir]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { charsetOf, preparePage } from './prepare-page';
import { openProbePage } from './probe-page';
import { hoverMention } from './run-page';
import type { HoverResult } from './types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx scripts/bench/trace-hover.ts <corpus file> [hovers]');
  const hovers = Number(process.argv[3] ?? 2);
  const dist = process.argv[4] ?? path.join(ROOT, 'dist/chrome');
  const corpus = path.resolve(ROOT, '../shared/corpus/pages');
  const bytes = await readFile(path.join(corpus, file));
  const probe = await openProbePage(
    { body: preparePage(bytes, 'mentions'), charset: charsetOf(bytes) },
    dist,
  );
  const page = probe.page;
  try {
    const run = (await probe.runContentScript()) as { mentions: number };
    console.log(`${file}: ${run.mentions} mentions`);
    for (let i = 0; i < Math.min(hovers, run.mentions); i++) {
      let tracing = false;
      const result = await hoverMention(page, i, (e) => page.evaluate(e), {
        beforeArm: async () => {
          tracing = true;
          await page.tracing.start({
            categories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'blink.user_timing',
              'v8.execute',
              'blink',
              'cc',
            ],
          });
        },
        armSuffix: ".then((r) => { performance.mark('bench-painted'); return r; })",
      });
      if (!tracing) continue; // the mention had no box to hover
      await new Promise((r) => setTimeout(r, 50));
      const buffer = await page.tracing.stop();
      if (!result || !buffer) {
        console.log(`hover ${i}: no card`);
        continue;
      }
      const fmt = (n: number): string => n.toFixed(1);
      console.log(
        `hover ${i}: after ${fmt(result.afterDelayMs)} = start ${fmt(result.startMs)} + work ${fmt(result.workMs)} + wait ${fmt(result.frameWaitMs)} + render ${fmt(result.renderMs)}`,
      );
      report(JSON.parse(Buffer.from(buffer).toString('utf8')).traceEvents as TraceEvent[], result);
    }
  } finally {
    await probe.close();
  }
}

/** Main-thread tasks in the window [painted - afterDelay - 30 ms, painted]. */
function report(events: TraceEvent[], result: HoverResult): void {
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!mainTid) return;
  const main = events.filter((e) => e.tid === mainTid.tid && e.pid === mainTid.pid);
  const painted = main.find((e) => e.name === 'bench-painted');
  if (!painted) {
    console.log('  (no painted mark in the trace)');
    return;
  }
  const end = painted.ts;
  const start = end - (Math.max(result.afterDelayMs, 0) + 30) * 1000;
  const complete = main.filter((e) => e.ph === 'X' && e.ts + (e.dur ?? 0) >= start && e.ts <= end);
  const tasks = complete.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask',
  );
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    if (dur < 0.3) continue;
    const inside = complete.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
    const byName = new Map<string, number>();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const top = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
      .join(', ');
    console.log(
      `  ${((task.ts - end) / 1000).toFixed(1).padStart(7)} ms  ${dur.toFixed(1).padStart(5)} ms  ${top}`,
    );
    if (dur >= 3) tree(inside, task);
  }
}

/** The events inside `task` of 0.2 ms or more, indented by nesting. */
function tree(inside: TraceEvent[], task: TraceEvent): void {
  const sorted = inside
    .filter((e) => (e.dur ?? 0) >= 200)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  for (const e of sorted) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (e.ts >= top.ts + (top.dur ?? 0)) stack.pop();
      else break;
    }
    const data = e.args?.data;
    const detail = data
      ? ['url', 'functionName', 'type', 'elementCount', 'dirtyObjects', 'totalObjects']
          .filter((k) => data[k] !== undefined && data[k] !== '')
          .map((k) => `${k}=${String(data[k]).slice(-40)}`)
          .join(' ')
      : '';
    console.log(
      `        ${' '.repeat(stack.length * 2)}${((e.ts - task.ts) / 1000).toFixed(1)} +${((e.dur ?? 0) / 1000).toFixed(1)} ${e.name} ${detail}`,
    );
    stack.push(e);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

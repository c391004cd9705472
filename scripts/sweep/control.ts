/**
 * Chromium control runs: a page that shows layout shifts while the extension is loaded is
 * replayed in a browser without it (same served bytes, same scroll, same pointer, same page-time
 * window). Shifts that happen there too are the page's own (late fonts, images, :hover styles),
 * not Backstory's. Firefox reports no 'layout-shift' entries, so it needs no control.
 */
import { chromium } from 'playwright-core';
import { EXECUTABLES } from '../../test/e2e/harness/paths';
import { PROBE_GLOBAL, type ProbeApi } from './probe';
import { SEED_ID } from './prepare';
import type { PageResult } from './result';
import { seedTarget } from './visit';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export async function replayWithoutExtension(results: PageResult[]): Promise<void> {
  const flagged = results.filter((r) => (r.shiftScore ?? 0) > 0 && r.replay);
  if (flagged.length === 0) return;
  const browser = await chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const result of flagged) {
      const replay = result.replay;
      if (!replay) continue;
      await page.goto(replay.url, { waitUntil: 'load' });
      const now = (): Promise<number> => page.evaluate(() => performance.now());
      const until = async (time: number): Promise<void> => {
        while ((await now()) < time) await page.waitForTimeout(25);
      };
      await until(replay.scrollAt);
      await page.evaluate(`(${seedTarget.toString()})(${JSON.stringify(SEED_ID)})`);
      await until(replay.hoverAt);
      if (replay.target) await page.mouse.move(replay.target.x, replay.target.y, { steps: 2 });
      await until(replay.to);
      result.shiftScoreWithoutExtension = await page.evaluate(
        ({ name, from }) => {
          const api = (window as unknown as Record<string, ProbeApi | undefined>)[name];
          return (api?.shifts ?? [])
            .filter((s) => !s.hadRecentInput && s.startTime >= from)
            .reduce((sum, s) => sum + s.value, 0);
        },
        { name: PROBE_GLOBAL, from: replay.from },
      );
      await page.mouse.move(1, 1);
    }
  } finally {
    await browser.close();
  }
}

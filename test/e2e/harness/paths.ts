/**
 * Where the harness finds the build and the shared material, independent of the working
 * directory vitest was started from.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(ROOT, 'dist');
/** Read-only material beside the clone; tests read it in place and never copy it in. */
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS_PAGES = path.join(SHARED, 'corpus/pages');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

/** dist/ folder name for each browser (the build targets are named after the stores). */
export function distDir(browser: BrowserName): string {
  return path.join(DIST, browser === 'chromium' ? 'chrome' : 'firefox');
}

/** Fails loudly (never skips) when the build is missing: e2e tests test what `npm run build` made. */
export function requireBuild(browser: BrowserName): string {
  const dir = distDir(browser);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run \`npm run build\` before the e2e tests.`);
  }
  return dir;
}

/** Binaries as Debian installs them; override with CHROMIUM_PATH / FIREFOX_PATH elsewhere. */
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr',
};

export function requireExecutable(browser: BrowserName): string {
  const file = EXECUTABLES[browser];
  if (!existsSync(file)) {
    throw new Error(
      `${browser} not found at ${file}: install it (\`sudo apt-get install -y chromium firefox-esr\`, ` +
        `or run .ci/run) or set ${browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}.`,
    );
  }
  return file;
}

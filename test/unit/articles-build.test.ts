/**
 * The real build script on bad article data: it must exit non-zero, say which file and field are
 * wrong, and leave the previous dist/ exactly as it was (here a temp dist, so the shared one is
 * never touched by this test).
 */
import { afterEach, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths';

let dist = '';
afterEach(async () => {
  if (dist !== '') await fs.rm(dist, { recursive: true, force: true });
});

it('fails on a non-verbatim quote and writes nothing to dist/', async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'backstory-dist-'));
  await fs.writeFile(path.join(dist, 'previous-build.txt'), 'kept');

  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      BACKSTORY_ARTICLES_DIR: path.join(ROOT, 'test/fixtures/articles-bad/not-verbatim'),
      BACKSTORY_DIST_DIR: dist,
    },
  });

  expect(result.status).toBe(1);
  expect(result.stderr).toContain('build failed: article data is invalid');
  expect(result.stderr).toContain(
    'sample-article.json /speakers/0/quotes/0/text: is not a verbatim substring',
  );
  expect(await fs.readdir(dist)).toEqual(['previous-build.txt']);
}, 60_000);

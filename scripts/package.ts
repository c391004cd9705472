/**
 * `npm run package`: zips dist/chrome and dist/firefox (built first by the npm script) into
 * web-ext-artifacts/backstory-<version>-<browser>.zip, the files a user or a store installs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, TARGETS } from './lib/paths';

const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const outDir = path.join(ROOT, 'web-ext-artifacts');
await fs.mkdir(outDir, { recursive: true });
const webExt = path.join(ROOT, 'node_modules/.bin/web-ext');

for (const target of TARGETS) {
  const filename = `backstory-${pkg.version}-${target}.zip`;
  execFileSync(
    webExt,
    [
      'build',
      '--source-dir',
      path.join(DIST, target),
      '--artifacts-dir',
      outDir,
      '--filename',
      filename,
      '--overwrite-dest',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const { size } = await fs.stat(path.join(outDir, filename));
  console.log(`web-ext-artifacts/${filename} (${size} B)`);
}

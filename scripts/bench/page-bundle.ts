/** Bundles the in-page helpers (scripts/bench/page/) into one script string with esbuild. */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export async function pageHelpersSource(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, 'page/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no page bundle');
  return file.text;
}

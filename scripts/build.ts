/**
 * Builds dist/chrome and dist/firefox from one source: validates the bundled data first (so bad
 * data writes nothing), bundles each context with esbuild, renders icons from one SVG, patches
 * the base manifest per browser and enforces the content-script size budget.
 */
import { build, type Plugin } from 'esbuild';
import { Resvg } from '@resvg/resvg-js';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ASSETS,
  ARTICLES_DIR as DEFAULT_ARTICLES_DIR,
  DIST as DEFAULT_DIST,
  ROOT,
  TARGETS,
  type Target,
} from './lib/paths';
import type { VocabularyData } from '../src/core/detector/vocabulary-data';
import { loadArticles, ArticleDataError } from './lib/load-articles';
import { patchManifest } from './lib/manifest';
import { noInnerHtml } from './lib/no-inner-html';
import { vocabularyPlugin } from './lib/vocabulary-plugin';

const ICON_SIZES = [16, 32, 48, 128] as const;
// Overridable so a test can run this very build on bad data without touching the real dist/.
const ARTICLES_DIR = process.env.BACKSTORY_ARTICLES_DIR ?? DEFAULT_ARTICLES_DIR;
const DIST = process.env.BACKSTORY_DIST_DIR ?? DEFAULT_DIST;

async function main(): Promise<void> {
  // 1. Data first: a malformed article must stop the build before dist/ is touched.
  const articles = await loadArticles(ARTICLES_DIR);
  // Compiling the topic vocabularies checks them too: bad data fails here, naming the alias.
  let vocabulary: VocabularyData;
  try {
    const { PRECHECK_DATA, MATCHER_DATA } = await import('../src/core/vocabulary');
    vocabulary = { precheck: PRECHECK_DATA, matcher: MATCHER_DATA };
  } catch (error) {
    throw new Error(`src/core/topics: ${(error as Error).message}`);
  }
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    sizeBudget: { contentScriptGzipBytes: number };
  };
  const baseManifest = JSON.parse(await fs.readFile(path.join(ROOT, 'manifest.json'), 'utf8'));

  // 2. Bundle once into a staging folder, then lay out each browser's copy.
  const staging = path.join(DIST, '.staging');
  await fs.rm(DIST, { recursive: true, force: true });
  const articlesPlugin: Plugin = {
    name: 'bundled-articles',
    setup(b) {
      b.onResolve({ filter: /^virtual:articles$/ }, () => ({
        path: 'articles',
        namespace: 'bundled-articles',
      }));
      b.onLoad({ filter: /.*/, namespace: 'bundled-articles' }, () => ({
        contents: JSON.stringify(articles),
        loader: 'json',
      }));
    },
  };
  await build({
    entryPoints: {
      content: 'src/content/index.ts',
      'card-ui': 'src/content/card/bundle.ts',
      detector: 'src/content/detector/bundle.ts',
      background: 'src/background/index.ts',
      'popup/popup': 'src/popup/main.tsx',
    },
    absWorkingDir: ROOT,
    outdir: staging,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The vocabulary is mostly non-Latin text: as UTF-8 it is a third of its \u-escaped size.
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    plugins: [articlesPlugin, vocabularyPlugin(vocabulary), noInnerHtml],
    logLevel: 'warning',
  });

  for (const target of TARGETS) await layOut(target, staging, baseManifest, pkg.version);
  await fs.rm(staging, { recursive: true, force: true });

  // 3. Size budget: the content script (with everything it loads at start) stays small.
  const content = await fs.readFile(path.join(DIST, 'chrome/content.js'));
  const css = await fs.readFile(path.join(DIST, 'chrome/content.css'));
  const gz = gzipSync(Buffer.concat([content, css]), { level: 9 }).length;
  const budget = pkg.sizeBudget.contentScriptGzipBytes;
  console.log(`content script: ${content.length} B, ${gz} B gzipped (budget ${budget} B)`);
  // Not counted in the budget: injected only on pages that need them (load-detector.ts, once
  // the pre-check hits; load-card-ui.ts, when a card is first opened).
  for (const [file, when] of [
    ['detector.js', 'once the pre-check hits'],
    ['card-ui.js', 'on first card'],
  ]) {
    const bytes = await fs.readFile(path.join(DIST, 'chrome', file as string));
    console.log(`${file} (${when}): ${bytes.length} B, ${gzipSync(bytes).length} B gzipped`);
  }
  if (gz > budget) {
    await fs.rm(DIST, { recursive: true, force: true });
    throw new Error(
      `content script is ${gz} B gzipped, over the ${budget} B budget in package.json`,
    );
  }
  console.log(`built ${TARGETS.map((t) => `dist/${t}`).join(' and ')} (v${pkg.version})`);
}

async function layOut(
  target: Target,
  staging: string,
  baseManifest: Record<string, unknown>,
  version: string,
): Promise<void> {
  const out = path.join(DIST, target);
  await fs.cp(staging, out, { recursive: true });
  await fs.copyFile(path.join(ROOT, 'src/content/content.css'), path.join(out, 'content.css'));
  await fs.copyFile(path.join(ROOT, 'src/popup/index.html'), path.join(out, 'popup/index.html'));
  await fs.copyFile(path.join(ROOT, 'src/popup/popup.css'), path.join(out, 'popup/popup.css'));
  await fs.cp(path.join(ASSETS, '_locales'), path.join(out, '_locales'), { recursive: true });
  await renderIcons(path.join(out, 'icons'));
  const manifest = patchManifest(baseManifest, target, version);
  await fs.writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function renderIcons(outDir: string): Promise<void> {
  const svg = await fs.readFile(path.join(ASSETS, 'icons/icon.svg'));
  await fs.mkdir(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    await fs.writeFile(path.join(outDir, `icon-${size}.png`), png);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ArticleDataError || error instanceof Error) {
    console.error(`build failed: ${error.message}`);
  } else console.error(error);
  process.exitCode = 1;
});

import type { Plugin } from 'esbuild';
import fs from 'node:fs/promises';

/**
 * Removes Preact's one data-driven `innerHTML` assignment (the `dangerouslySetInnerHTML` prop).
 * Backstory never renders markup from data, so the capability is cut out of the bundle rather
 * than merely unused: web-ext lint then has nothing to warn about, and a future misuse throws.
 * If a Preact upgrade changes the code, the build fails here instead of silently keeping it.
 */
const DANGEROUS = /\((\w)\.innerHTML=(\w)\.__html\)/g;

export const noInnerHtml: Plugin = {
  name: 'no-inner-html',
  setup(build) {
    build.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      const patched = source.replace(
        DANGEROUS,
        '(function(){throw new Error("dangerouslySetInnerHTML is disabled in Backstory")})()',
      );
      if (patched === source) {
        throw new Error(
          `no-inner-html: pattern not found in ${args.path}; review the Preact upgrade`,
        );
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

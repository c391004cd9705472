import type { Plugin } from 'esbuild';
import type { VocabularyData } from '../../src/core/detector/vocabulary-data';

/**
 * Replaces src/core/vocabulary.ts in the bundles with the data it would compute: the build
 * compiles the topic files once (and fails, naming the topic and alias, on bad data), and the
 * bundles get plain data instead of the topic files plus the compiler. The two parts are
 * separate pure constants so that esbuild leaves out of each bundle the part it does not import;
 * `TOPICS` is not exported, so a bundle that asked for the raw topic files would fail to build.
 */
export function bundledVocabularyModule(vocabulary: VocabularyData): string {
  // JSON.parse of a string literal: V8 parses JSON faster than the same data written as a
  // JavaScript object literal (tens of KB here, parsed on every page that loads the bundle).
  const constant = (name: string, value: unknown): string =>
    `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
  return (
    constant('PRECHECK_DATA', vocabulary.precheck) + constant('MATCHER_DATA', vocabulary.matcher)
  );
}

export function vocabularyPlugin(vocabulary: VocabularyData): Plugin {
  const contents = bundledVocabularyModule(vocabulary);
  return {
    name: 'bundled-vocabulary',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]vocabulary\.ts$/ }, () => ({
        contents,
        loader: 'js',
      }));
    },
  };
}

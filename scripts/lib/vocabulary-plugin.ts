import type { Plugin } from 'esbuild';
import type { VocabularyData } from '../../src/core/detector/vocabulary-data';

/**
 * Replaces src/core/vocabulary.ts in the bundles with the data it would compute: the build
 * compiles the topic files once (and fails, naming the topic and alias, on bad data), and the
 * bundles get plain data instead of the topic files plus the compiler. The two parts are
 * separate constants so that esbuild leaves out of each bundle the part it does not import;
 * `TOPICS` is not exported, so a bundle that asked for the raw topic files would fail to build.
 */
export function bundledVocabularyModule(vocabulary: VocabularyData): string {
  return (
    `export const PRECHECK_DATA = ${JSON.stringify(vocabulary.precheck)};\n` +
    `export const MATCHER_DATA = ${JSON.stringify(vocabulary.matcher)};\n`
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

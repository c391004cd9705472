import type { FindMentions } from '../../core/detector/finder';
import { PRECHECK } from '../../core/may-contain-mention';
import { bundleLoader } from '../load-bundle';
import { installedDetector } from './contract';

const loadDetector = bundleLoader('load-detector', installedDetector);
let find: FindMentions | undefined;

/** Resolves with findMentions, injecting detector.js into this frame the first time. */
export async function loadFindMentions(): Promise<FindMentions> {
  // One finder per page: it shares the content script's pre-check and caches compiled regexes.
  find ??= (await loadDetector()).createFinder(PRECHECK);
  return find;
}

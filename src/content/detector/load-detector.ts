import browser from '../../shared/browser';
import type { Message } from '../../shared/messages';
import type { FindMentions } from '../../core/detector/finder';
import { PRECHECK } from '../../core/may-contain-mention';
import { installedDetector } from './contract';

let loading: Promise<FindMentions> | undefined;

/**
 * Resolves with findMentions, asking the background to inject detector.js into this frame the
 * first time. One request per page; a failed one is retried by the next scan.
 */
export function loadFindMentions(): Promise<FindMentions> {
  loading ??= (async () => {
    if (!installedDetector()) {
      await browser.runtime.sendMessage({ type: 'load-detector' } satisfies Message);
    }
    const bundle = installedDetector();
    if (!bundle) throw new Error('detector.js did not install the matcher');
    return bundle.createFinder(PRECHECK);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

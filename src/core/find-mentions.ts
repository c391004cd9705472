/**
 * The detector's public entry point for Node (tests, CLI, evaluation). Contract: pure (no DOM,
 * no browser API), returns mentions sorted by `start`, non-overlapping, UTF-16 offsets into
 * `text`, `end` exclusive. Vocabulary and rules live in src/core/topics/*.json; the machinery in
 * src/core/detector/. The content script gets the same finder in two halves: the pre-check
 * (may-contain-mention.ts) at start, the matcher (detector.js) once a page needs it.
 */
import { Detector } from './detector/detector';
import { mentionFinder } from './detector/finder';
import { PRECHECK } from './may-contain-mention';
import { MATCHER_DATA } from './vocabulary';

export { mayContainMention } from './may-contain-mention';

export const findMentions = mentionFinder(PRECHECK, new Detector(MATCHER_DATA));

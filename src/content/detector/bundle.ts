/** Entry of detector.js: hands the matcher to the content script (see contract.ts). */
import { Detector } from '../../core/detector/detector';
import { mentionFinder } from '../../core/detector/finder';
import { MATCHER_DATA } from '../../core/vocabulary';
import { DETECTOR_KEY, type DetectorBundle } from './contract';

const bundle: DetectorBundle = {
  createFinder: (precheck) => mentionFinder(precheck, new Detector(MATCHER_DATA)),
};
(globalThis as Record<symbol, DetectorBundle>)[DETECTOR_KEY] = bundle;

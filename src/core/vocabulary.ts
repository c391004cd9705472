/**
 * The topic vocabularies and their compiled form. In Node (tests, tools) the vocabulary is
 * compiled when this module loads; in the extension the build replaces this module with the
 * compiled data itself (scripts/lib/vocabulary-plugin.ts), so neither the topic files nor the
 * compiler ship, and each bundle keeps only the part it imports: the content script the
 * pre-check's, detector.js the matcher's.
 */
import type { TopicVocabulary } from './detector/topic-data';
import type { MatcherData, PrecheckData } from './detector/vocabulary-data';
import { compileVocabulary } from './detector/compile';
// Named imports, so that the prose `rules` of each file are never read into a bundle.
import {
  topic as cstoTopic,
  aliases as cstoAliases,
  contextSets as cstoContextSets,
} from './topics/csto.json';
import {
  topic as unrestTopic,
  aliases as unrestAliases,
  contextSets as unrestContextSets,
} from './topics/kazakhstan-unrest.json';

/** Every topic the detector knows, in priority order (earlier topics win a tie at one position). */
export const TOPICS = [
  { topic: cstoTopic, aliases: cstoAliases, contextSets: cstoContextSets },
  { topic: unrestTopic, aliases: unrestAliases, contextSets: unrestContextSets },
] as readonly TopicVocabulary[];

const compiled = compileVocabulary(TOPICS);
export const PRECHECK_DATA: PrecheckData = compiled.precheck;
export const MATCHER_DATA: MatcherData = compiled.matcher;

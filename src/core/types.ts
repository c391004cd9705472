/** Topic ids known to the detector and to the bundled article data. */
export type TopicId = 'csto' | 'kazakhstan-unrest';

export const TOPIC_IDS: readonly TopicId[] = ['csto', 'kazakhstan-unrest'];

/** One mention found in a string: UTF-16 offsets, `end` exclusive. */
export interface Mention {
  topic: TopicId;
  start: number;
  end: number;
}

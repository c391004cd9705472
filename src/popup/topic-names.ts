/** Topic names as the popup shows them, from `_locales`. */
import type { TopicId } from '../core/types';
import { t } from '../shared/i18n';

const TOPIC_NAME_KEYS: Record<TopicId, string> = {
  csto: 'popup_topic_csto',
  'kazakhstan-unrest': 'popup_topic_kazakhstan_unrest',
};

export function topicName(topic: TopicId): string {
  return t(TOPIC_NAME_KEYS[topic]);
}

/**
 * The page's mentions, grouped by topic, each a button that scrolls the page to it and opens
 * its card: for keyboard and screen-reader users (CSS highlights are invisible to assistive
 * technology) this list is the way to the cards.
 */
import { TOPIC_IDS, type TopicId } from '../core/types';
import { formatNumber, t } from '../shared/i18n';
import type { MentionSummary } from '../shared/messages';
import { topicName } from './topic-names';

interface MentionListProps {
  mentions: MentionSummary[];
  onReveal(index: number): void;
}

/** The topics present on the page, the one mentioned first on top, as a reader meets them. */
function topicsInPageOrder(mentions: MentionSummary[]): TopicId[] {
  const first = new Map<TopicId, number>();
  for (const { topic, index } of mentions) {
    first.set(topic, Math.min(first.get(topic) ?? Infinity, index));
  }
  return TOPIC_IDS.filter((topic) => first.has(topic)).sort(
    (a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0),
  );
}

export function MentionList({ mentions, onReveal }: MentionListProps) {
  return (
    <div class="mention-groups">
      {topicsInPageOrder(mentions).map((topic) => {
        const inTopic = mentions.filter((mention) => mention.topic === topic);
        const headingId = `mentions-${topic}`;
        return (
          <section key={topic} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {topicName(topic)} <span class="count">{formatNumber(inTopic.length)}</span>
            </h3>
            <ul class="mentions">
              {inTopic.map((mention) => (
                <li key={mention.index}>
                  <button
                    type="button"
                    class="mention"
                    data-index={mention.index}
                    aria-label={t('popup_mentionButton', [
                      formatNumber(mention.index + 1),
                      mention.text,
                    ])}
                    onClick={() => onReveal(mention.index)}
                  >
                    <span class="mention-number" aria-hidden="true">
                      {formatNumber(mention.index + 1)}
                    </span>
                    <span class="mention-text">{mention.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/**
 * The page's mentions, grouped by topic, each a button that scrolls the page to it and opens
 * its card: for keyboard and screen-reader users (CSS highlights are invisible to assistive
 * technology) this list is the way to the cards.
 */
import { TOPIC_IDS } from '../core/types';
import { formatNumber, t } from '../shared/i18n';
import type { MentionSummary } from '../shared/messages';
import { topicName } from './topic-names';

interface MentionListProps {
  mentions: MentionSummary[];
  onReveal(index: number): void;
}

export function MentionList({ mentions, onReveal }: MentionListProps) {
  return (
    <div class="mention-groups">
      {TOPIC_IDS.map((topic) => {
        const inTopic = mentions.filter((mention) => mention.topic === topic);
        if (inTopic.length === 0) return null;
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

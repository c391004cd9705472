/**
 * The context card: what the bundled article says about the topic of the hovered mention.
 * Every string shown is either bundled article data or a `card_*` locale message.
 */
import {
  mentionedPeopleForTopic,
  speakersForTopic,
  topicInfo,
  type Article,
  type Speaker,
} from '../../core/articles';
import type { TopicId } from '../../core/types';
import { formatDate, formatPublished, t } from './i18n';

export interface CardProps {
  topic: TopicId;
  /** The text on the page that was matched. */
  matchedText: string;
  /** Articles covering the topic (at least one). */
  articles: Article[];
  onClose(): void;
}

const TITLE_ID = 'backstory-card-title';

export function Card({ topic, matchedText, articles, onClose }: CardProps) {
  const first = articles[0];
  const info = first ? topicInfo(first, topic) : undefined;
  return (
    <div class="card" role="dialog" aria-labelledby={TITLE_ID} tabIndex={-1}>
      <header class="head">
        <h2 id={TITLE_ID} class="title">
          {info?.name ?? topic}
        </h2>
        <button type="button" class="close" aria-label={t('card_close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {first && (
        <p class="byline">
          {t('card_byline', [first.attribution.publisher, formatDate(first.attribution.published)])}
        </p>
      )}
      <div class="body">
        {articles.map((article) => (
          <ArticleSection key={article.id} article={article} topic={topic} />
        ))}
      </div>
      <p class="match">{t('card_highlightedBecause', matchedText)}</p>
    </div>
  );
}

function ArticleSection({ article, topic }: { article: Article; topic: TopicId }) {
  const info = topicInfo(article, topic);
  const speakers = speakersForTopic(article, topic);
  const mentioned = mentionedPeopleForTopic(article, topic);
  const { attribution } = article;
  return (
    <section class="article">
      {info && <p class="summary">{info.summary}</p>}
      {speakers.length > 0 && (
        <section class="group">
          <h3>{t('card_quotedHeading')}</h3>
          <ul class="people">
            {speakers.map((speaker) => (
              <SpeakerItem key={speaker.id} speaker={speaker} />
            ))}
          </ul>
        </section>
      )}
      {mentioned.length > 0 && (
        <section class="group">
          <h3>{t('card_mentionedHeading')}</h3>
          <ul class="people">
            {mentioned.map((person) => (
              <li key={person.id}>
                <p class="person">
                  <strong>{person.name}</strong>, {person.role}
                </p>
                <p class="line">{person.context}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer class="source">
        <h3>{t('card_sourceHeading')}</h3>
        <p>
          <a href={attribution.url} target="_blank" rel="noopener noreferrer">
            {attribution.headline}
          </a>
        </p>
        <p class="meta">
          {attribution.publisher} · {attribution.dateline} ·{' '}
          <time dateTime={attribution.published}>
            {t('card_published', formatPublished(attribution.published))}
          </time>
        </p>
      </footer>
    </section>
  );
}

function SpeakerItem({ speaker }: { speaker: Speaker }) {
  // Native <details>: a keyboard- and screen-reader-ready disclosure with no script state.
  return (
    <li>
      <p class="person">
        <strong>{speaker.name}</strong>, {speaker.role}
      </p>
      <p class="line">{speaker.position}</p>
      <details class="quotes">
        <summary>{t('card_showQuotes', String(speaker.quotes.length))}</summary>
        {speaker.quotes.map((quote) => (
          <blockquote key={quote.text} class="quote">
            <p>“{quote.text}”</p>
            <footer>{t('card_quoteAttribution', speaker.name)}</footer>
          </blockquote>
        ))}
      </details>
    </li>
  );
}

/**
 * Types of the bundled article data (mirroring assets/articles/article.schema.json) and the small
 * pure look-ups the card needs. The data is validated at build time by
 * scripts/lib/load-articles.ts, so code here can trust its shape.
 */
import type { TopicId } from './types';

/** Who published the article, and where to read the original. */
export interface Attribution {
  publisher: string;
  headline: string;
  /** Absolute https URL of the original article. */
  url: string;
  /** RFC 3339 date-time with the publisher's own offset, e.g. "2022-01-10T09:26:00+04:00". */
  published: string;
  dateline: string;
  section: string;
}

/** What one article says about one topic. */
export interface TopicInfo {
  /** Display name, e.g. "Collective Security Treaty Organization (CSTO)". */
  name: string;
  /** 2–3 neutral sentences; every judgment is attributed to whoever made it. */
  summary: string;
}

/** Whole sentences copied verbatim from the source text (without the quotation marks). */
export interface Quote {
  text: string;
  topics: TopicId[];
}

/** A person the article quotes. */
export interface Speaker {
  id: string;
  name: string;
  role: string;
  /** One attributed line: "Argues that …". */
  position: string;
  quotes: Quote[];
}

/** A person the article names but does not quote. */
export interface MentionedPerson {
  id: string;
  name: string;
  role: string;
  /** What the article says about the person, attributed. */
  context: string;
  topics: TopicId[];
  /** Verbatim substring of the source text backing `context`. */
  evidence?: string;
}

/** A fact the article reports, attributed to the article ("Trend reports that …"). */
export interface BackgroundFact {
  id: string;
  statement: string;
  topics: TopicId[];
  /** Verbatim substring of the source text backing `statement`. */
  evidence?: string;
}

/**
 * One article as bundled into the extension. The full source text stays out of the bundle;
 * `sourceText` only names the file the build checked the quotes against.
 */
export interface Article {
  id: string;
  sourceText: string;
  attribution: Attribution;
  topics: Partial<Record<TopicId, TopicInfo>>;
  speakers: Speaker[];
  mentionedPeople: MentionedPerson[];
  background: BackgroundFact[];
}

/** Articles that describe `topic`, in their bundled order. */
export function articlesForTopic(articles: readonly Article[], topic: TopicId): Article[] {
  return articles.filter((article) => article.topics[topic] !== undefined);
}

/** The article's name and summary for `topic`, if it covers it. */
export function topicInfo(article: Article, topic: TopicId): TopicInfo | undefined {
  return article.topics[topic];
}

/** The speaker's quotes tagged with `topic`. */
export function quotesForTopic(speaker: Speaker, topic: TopicId): Quote[] {
  return speaker.quotes.filter((quote) => quote.topics.includes(topic));
}

/** Speakers with at least one quote on `topic`, each with only those quotes. */
export function speakersForTopic(article: Article, topic: TopicId): Speaker[] {
  return article.speakers
    .map((speaker) => ({ ...speaker, quotes: quotesForTopic(speaker, topic) }))
    .filter((speaker) => speaker.quotes.length > 0);
}

/** People the article mentions in connection with `topic`. */
export function mentionedPeopleForTopic(article: Article, topic: TopicId): MentionedPerson[] {
  return article.mentionedPeople.filter((person) => person.topics.includes(topic));
}

/** Background facts the article reports on `topic`. */
export function backgroundForTopic(article: Article, topic: TopicId): BackgroundFact[] {
  return article.background.filter((fact) => fact.topics.includes(topic));
}

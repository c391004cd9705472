/** The card's user-visible strings, from the extension's _locales (keys prefixed `card_`). */
import browser from '../../shared/browser';

export type CardMessage =
  | 'card_close'
  | 'card_quotedHeading'
  | 'card_showQuotes'
  | 'card_quoteAttribution'
  | 'card_mentionedHeading'
  | 'card_sourceHeading'
  | 'card_published'
  | 'card_highlightedBecause'
  | 'card_byline';

export function t(key: CardMessage, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    // An invalidated extension context throws here; the key is better than a broken card.
    return key;
  }
}

/** Publication time in the reader's locale and time zone, naming the zone ("10 Jan 2022, 06:26 CET"). */
export function formatPublished(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** Publication day only, for the byline under the card's title ("10 January 2022"). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(date);
}

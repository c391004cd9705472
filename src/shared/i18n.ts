/**
 * Localised strings from `_locales`, for every context (popup, background, content script).
 * Thin on purpose: browser.i18n picks the catalogue, this adds plurals and the catalogue's
 * own language tag.
 */
import browser from './browser';
import { shownLocale } from './i18n-locale';
import { pluralMessage } from './i18n-plural';

/**
 * The message for `key`; the key itself when a catalogue lacks it, so a missing string shows
 * up in review instead of leaving a blank control.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language of the strings actually shown. It can differ from the browser's UI language:
 * a German browser gets the English (default) catalogue, and then plural rules, number formats
 * and `<html lang>` must be English too. Each catalogue names itself in "popup_locale"; where
 * the UI language is a more precise form of it ("en-GB" for "en") that one is kept.
 */
export function messagesLocale(): string {
  const catalogue = browser.i18n.getMessage('popup_locale') || 'en';
  return shownLocale(catalogue, browser.i18n.getUILanguage());
}

/** A message with a count, in the plural form the catalogue's language needs for it. */
export function tPlural(baseKey: string, count: number): string {
  return (
    pluralMessage(
      (key, subs) => browser.i18n.getMessage(key, subs),
      messagesLocale(),
      baseKey,
      count,
    ) || baseKey
  );
}

/** Formats a number the way the shown language writes it. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(messagesLocale()).format(value);
}

/**
 * Plural messages without a library: `_locales` has one key per CLDR plural category
 * ("badge_title_one", "badge_title_few", …) and Intl.PluralRules picks the category, so Russian
 * gets "1 упоминание / 3 упоминания / 5 упоминаний" and English "1 mention / 3 mentions".
 * Pure: the message look-up is passed in, so it is tested without a browser.
 */

/** `getMessage` as browser.i18n has it: "" for a missing key. */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function pluralMessage(
  getMessage: GetMessage,
  locale: string,
  baseKey: string,
  count: number,
): string {
  const number = new Intl.NumberFormat(locale).format(count);
  const category = new Intl.PluralRules(locale).select(count);
  // "other" exists in every language, so it is the fallback for a category a catalogue lacks.
  return getMessage(`${baseKey}_${category}`, [number]) || getMessage(`${baseKey}_other`, [number]);
}

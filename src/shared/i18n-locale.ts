/**
 * Which language tag describes the strings shown. Pure, so the rule is tested without a browser.
 */

/**
 * `catalogue` is the language of the `_locales` catalogue the browser picked ("en", "ru");
 * `ui` is browser.i18n.getUILanguage() ("en-GB", "de", "pt_BR"). A German browser gets the
 * English default catalogue, and then the document, its plurals and numbers are English: the
 * UI language is kept only where it is a more precise form of the catalogue's ("en-GB").
 */
export function shownLocale(catalogue: string, ui: string): string {
  const uiTag = ui.replace(/_/g, '-');
  const uiLanguage = uiTag.toLowerCase().split('-')[0];
  return uiLanguage === catalogue.toLowerCase() ? uiTag : catalogue;
}

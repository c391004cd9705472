import { describe, expect, it } from 'vitest';
import { shownLocale } from '../../src/shared/i18n-locale';

describe('shownLocale', () => {
  it('keeps the UI language when it is a form of the catalogue language', () => {
    expect(shownLocale('en', 'en-GB')).toBe('en-GB');
    expect(shownLocale('en', 'en_US')).toBe('en-US');
    expect(shownLocale('ru', 'ru')).toBe('ru');
  });

  it('takes the catalogue language when the browser speaks one Backstory lacks', () => {
    expect(shownLocale('en', 'de')).toBe('en');
    expect(shownLocale('en', 'pt-BR')).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULTS, MAX_DISABLED_SITES, defaultSettings } from '../../src/shared/settings-defaults';
import { sanitizeSettings } from '../../src/shared/settings-sanitize';
import { migrateSettings, recordVersion } from '../../src/shared/settings-migrate';
import { isHostname, normalizeHostname } from '../../src/shared/settings-hostname';

describe('sanitizeSettings', () => {
  it.each([undefined, null, 0, NaN, 'settings', true, [], [DEFAULTS], () => DEFAULTS])(
    'gives the defaults for a non-record (%s)',
    (raw) => {
      expect(sanitizeSettings(raw)).toEqual(DEFAULTS);
    },
  );

  it('keeps a valid record as it is', () => {
    const valid = {
      version: 1,
      enabled: false,
      topics: { csto: false, 'kazakhstan-unrest': true },
      disabledSites: ['example.com', 'news.example.org'],
      showBadge: false,
    };
    expect(sanitizeSettings(valid)).toEqual(valid);
  });

  it('replaces each wrong field by its default and keeps the right ones', () => {
    const settings = sanitizeSettings({
      version: 1,
      enabled: 'false',
      topics: { csto: 0, 'kazakhstan-unrest': false },
      disabledSites: 'example.com',
      showBadge: false,
    });
    expect(settings).toEqual({
      ...DEFAULTS,
      topics: { csto: true, 'kazakhstan-unrest': false },
      showBadge: false,
    });
  });

  it('never reads strings or numbers as booleans', () => {
    for (const value of ['true', 'false', '', 1, 0, NaN, null, {}]) {
      expect(sanitizeSettings({ enabled: value, showBadge: value })).toMatchObject({
        enabled: true,
        showBadge: true,
      });
    }
  });

  it('drops unknown topics and unknown fields', () => {
    const settings = sanitizeSettings({
      topics: { csto: false, ukraine: true, constructor: true },
      theme: 'dark',
    });
    expect(settings.topics).toEqual({ csto: false, 'kazakhstan-unrest': true });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  it('ignores prototype-pollution keys and inherited values', () => {
    const hostile: unknown = JSON.parse(
      '{"__proto__": {"enabled": false, "polluted": true}, "topics": {"__proto__": {"csto": false}}}',
    );
    const settings = sanitizeSettings(hostile);
    expect(settings).toEqual(DEFAULTS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const inherited = Object.create({ enabled: false, showBadge: false }) as object;
    expect(sanitizeSettings(inherited)).toEqual(DEFAULTS);
  });

  it('keeps only host names in disabledSites, normalised and without duplicates', () => {
    const settings = sanitizeSettings({
      disabledSites: [
        'Example.COM',
        'example.com.',
        ' news.example.org ',
        '127.0.0.1',
        'localhost',
        '[::1]',
        'xn--80ak6aa92e.com',
        'https://example.net/path',
        'exa mple.com',
        '-bad.com',
        'a'.repeat(64) + '.com',
        'пример.рф',
        '',
        42,
        null,
        { host: 'example.com' },
        ['example.com'],
      ],
    });
    expect(settings.disabledSites).toEqual([
      'example.com',
      'news.example.org',
      '127.0.0.1',
      'localhost',
      '[::1]',
      'xn--80ak6aa92e.com',
    ]);
  });

  it('bounds a huge site list', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `site${i}.example`);
    const started = performance.now();
    const settings = sanitizeSettings({ disabledSites: huge });
    expect(settings.disabledSites).toHaveLength(MAX_DISABLED_SITES);
    expect(settings.disabledSites[0]).toBe('site0.example');
    // Generous: the point is that 200k entries are not all parsed.
    expect(performance.now() - started).toBeLessThan(500);

    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    expect(sanitizeSettings({ disabledSites: sparse }).disabledSites).toEqual([]);
  });

  it('does not throw on an object whose getters throw', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(sanitizeSettings(trap)).toEqual(DEFAULTS);
  });

  it('returns a fresh object each time, never DEFAULTS itself', () => {
    const a = sanitizeSettings(undefined);
    a.topics.csto = false;
    a.disabledSites.push('example.com');
    expect(DEFAULTS.topics.csto).toBe(true);
    expect(DEFAULTS.disabledSites).toEqual([]);
    expect(defaultSettings()).toEqual(DEFAULTS);
  });
});

describe('migration', () => {
  it('lifts the version-0 shape {on} to the current version', () => {
    expect(recordVersion({ on: false })).toBe(0);
    expect(migrateSettings({ on: false })).toEqual({ version: 1, enabled: false });
    expect(sanitizeSettings({ on: false })).toEqual({ ...DEFAULTS, enabled: false });
    expect(sanitizeSettings({ version: 0, on: true, showBadge: false })).toEqual({
      ...DEFAULTS,
      showBadge: false,
    });
  });

  it('does not take a garbage `on` of version 0 as a choice', () => {
    expect(sanitizeSettings({ on: 'yes' })).toEqual(DEFAULTS);
  });

  it('reads a record of an unknown or future version field by field', () => {
    expect(recordVersion({ version: 'one', enabled: false })).toBe(DEFAULTS.version);
    expect(recordVersion({ version: NaN })).toBe(DEFAULTS.version);
    expect(sanitizeSettings({ version: 7, enabled: false, newThing: 1 })).toEqual({
      ...DEFAULTS,
      enabled: false,
    });
  });
});

describe('host names', () => {
  it('accepts what location.hostname gives and rejects the rest', () => {
    expect(isHostname('example.com')).toBe(true);
    expect(isHostname('a-b.c-d.example')).toBe(true);
    expect(isHostname('example..com')).toBe(false);
    expect(isHostname('under_score.com')).toBe(false);
    expect(isHostname('a'.repeat(254))).toBe(false);
    expect(normalizeHostname('  WWW.Example.Com. ')).toBe('www.example.com');
    expect(normalizeHostname(7)).toBeUndefined();
  });
});

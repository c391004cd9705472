/**
 * Storage that misbehaves in ways a hostile or broken profile can: areas that return garbage
 * instead of an items object, records that throw when read, quota errors on every write. The
 * settings store (src/shared/settings-store.ts, exercised through its public API with injected
 * areas) must answer with defaults or sanitized values and never throw into a content script.
 * The ordinary fault cases (a failing area, sync refusing a write) are in settings-store.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings-defaults';
import {
  createSettingsStore,
  SETTINGS_KEY,
  type SettingsStorage,
  type StorageAreaLike,
} from '../../src/shared/settings-store';

const noEvents: SettingsStorage['onChanged'] = {
  addListener: () => undefined,
  removeListener: () => undefined,
};

function area(get: () => unknown, set?: () => Promise<void>): StorageAreaLike {
  return {
    get: async () => get() as Record<string, unknown>,
    set: set ?? (async () => undefined),
  };
}

/** A value that throws on every kind of access, as a Proxy from a compromised context could. */
const explosive = new Proxy(
  {},
  {
    get: () => {
      throw new Error('boom: get');
    },
    has: () => {
      throw new Error('boom: has');
    },
    ownKeys: () => {
      throw new Error('boom: ownKeys');
    },
    getOwnPropertyDescriptor: () => {
      throw new Error('boom: descriptor');
    },
    getPrototypeOf: () => {
      throw new Error('boom: prototype');
    },
  },
);

describe('settings with hostile storage', () => {
  it.each([
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2, 3]],
    ['a number', 42],
  ])('gives the defaults when an area returns %s instead of items', async (_label, value) => {
    const store = createSettingsStore({
      sync: area(() => value),
      local: area(() => value),
      onChanged: noEvents,
    });
    await expect(store.load()).resolves.toEqual(defaultSettings());
  });

  it('gives the defaults when the stored record throws on every access', async () => {
    const store = createSettingsStore({
      sync: area(() => ({ [SETTINGS_KEY]: explosive })),
      local: area(() => explosive),
      onChanged: noEvents,
    });
    await expect(store.load()).resolves.toEqual(defaultSettings());
  });

  it('keeps nothing but known fields from an oversized record', async () => {
    const huge = {
      ...defaultSettings(),
      enabled: false,
      padding: 'x'.repeat(1_000_000),
      disabledSites: Array.from({ length: 50_000 }, (_, i) => `site${i}.example`),
    };
    const store = createSettingsStore({
      sync: area(() => ({ [SETTINGS_KEY]: huge })),
      local: area(() => ({})),
      onChanged: noEvents,
    });
    const settings = await store.load();
    expect(settings.enabled).toBe(false);
    expect(Object.keys(settings).sort()).toEqual(Object.keys(defaultSettings()).sort());
    // Bounded (MAX_DISABLED_SITES), whatever was stored.
    expect(settings.disabledSites.length).toBeLessThanOrEqual(1000);
  });

  it('survives a full quota everywhere: the update rejects, reads still give defaults', async () => {
    const quota = async (): Promise<void> => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const store = createSettingsStore({
      sync: area(() => ({}), quota),
      local: area(() => ({}), quota),
      onChanged: noEvents,
    });
    await expect(store.update((s) => ({ ...s, enabled: false }))).rejects.toThrow(/quota/i);
    await expect(store.load()).resolves.toEqual(defaultSettings());
    // The queue is not stuck after the failure.
    await expect(store.update((s) => s)).rejects.toThrow(/quota/i);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DEFAULTS, type Settings } from '../../src/shared/settings-defaults';
import {
  createSettingsStore,
  SETTINGS_KEY,
  type SettingsStorage,
  type StorageAreaLike,
} from '../../src/shared/settings-store';
import {
  isActiveOn,
  isSiteDisabled,
  withSiteDisabled,
  withTopic,
} from '../../src/shared/settings-rules';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

/** An in-memory storage area that can be told to fail, like the real one does. */
class FakeArea implements StorageAreaLike {
  items: Record<string, unknown> = {};
  failGet = false;
  failSet = false;
  constructor(
    private readonly name: string,
    private readonly listeners: Set<Listener>,
  ) {}
  async get(key: string): Promise<Record<string, unknown>> {
    if (this.failGet) throw new Error(`${this.name}: get failed`);
    return key in this.items ? { [key]: structuredClone(this.items[key]) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSet) throw new Error(`${this.name}: QUOTA_BYTES_PER_ITEM quota exceeded`);
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.items[key], newValue: value };
      this.items[key] = structuredClone(value);
    }
    for (const listener of this.listeners) listener(changes, this.name);
  }
}

function fakeStorage() {
  const listeners = new Set<Listener>();
  const sync = new FakeArea('sync', listeners);
  const local = new FakeArea('local', listeners);
  const storage: SettingsStorage = {
    sync,
    local,
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
  return { storage, sync, local, listeners };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('settings store', () => {
  it('gives the defaults when nothing is stored', async () => {
    const { storage } = fakeStorage();
    expect(await createSettingsStore(storage).load()).toEqual(DEFAULTS);
  });

  it('gives the defaults when both areas fail to read', async () => {
    const { storage, sync, local } = fakeStorage();
    sync.failGet = true;
    local.failGet = true;
    expect(await createSettingsStore(storage).load()).toEqual(DEFAULTS);
  });

  it('sanitizes a corrupt stored record field by field', async () => {
    const { storage, sync } = fakeStorage();
    sync.items[SETTINGS_KEY] = { enabled: 'no', showBadge: false, topics: 'all' };
    expect(await createSettingsStore(storage).load()).toEqual({ ...DEFAULTS, showBadge: false });
  });

  it('migrates a stored version-0 record', async () => {
    const { storage, sync } = fakeStorage();
    sync.items[SETTINGS_KEY] = { on: false };
    expect((await createSettingsStore(storage).load()).enabled).toBe(false);
  });

  it('saves to sync and reads it back', async () => {
    const { storage, sync, local } = fakeStorage();
    const store = createSettingsStore(storage);
    await store.save({ ...DEFAULTS, enabled: false });
    expect(sync.items[SETTINGS_KEY]).toMatchObject({ enabled: false, version: 1 });
    expect(local.items).toEqual({});
    expect((await store.load()).enabled).toBe(false);
  });

  it('falls back to local when sync refuses the write, and reads the newer record', async () => {
    const { storage, sync, local } = fakeStorage();
    const store = createSettingsStore(storage);
    await store.save({ ...DEFAULTS, showBadge: false });
    sync.failSet = true;
    await new Promise((resolve) => setTimeout(resolve, 2));
    await store.save({ ...DEFAULTS, showBadge: false, enabled: false });
    expect(local.items[SETTINGS_KEY]).toMatchObject({ enabled: false });
    // Sync still holds the older record; the newer local one wins.
    expect(sync.items[SETTINGS_KEY]).toMatchObject({ enabled: true });
    expect(await store.load()).toMatchObject({ enabled: false, showBadge: false });

    // A later successful sync write (say, from another machine) wins over the stale local copy.
    sync.failSet = false;
    await new Promise((resolve) => setTimeout(resolve, 2));
    await store.save({ ...DEFAULTS });
    expect(await store.load()).toEqual(DEFAULTS);
  });

  it('works without a sync area at all', async () => {
    const { storage, local } = fakeStorage();
    const store = createSettingsStore({ ...storage, sync: undefined });
    await store.save({ ...DEFAULTS, enabled: false });
    expect(local.items[SETTINGS_KEY]).toMatchObject({ enabled: false });
    expect((await store.load()).enabled).toBe(false);
  });

  it('reads local when sync throws on read', async () => {
    const { storage, sync, local } = fakeStorage();
    local.items[SETTINGS_KEY] = { ...DEFAULTS, enabled: false, savedAt: 1 };
    sync.failGet = true;
    expect((await createSettingsStore(storage).load()).enabled).toBe(false);
  });

  it('rejects a save only when both areas fail', async () => {
    const { storage, sync, local } = fakeStorage();
    sync.failSet = true;
    local.failSet = true;
    await expect(createSettingsStore(storage).save(DEFAULTS)).rejects.toThrow(/quota/);
  });

  it('never stores garbage handed to save', async () => {
    const { storage, sync } = fakeStorage();
    const garbage = { ...DEFAULTS, enabled: 'yes' } as unknown as Settings;
    await createSettingsStore(storage).save(garbage);
    expect(sync.items[SETTINGS_KEY]).toMatchObject({ enabled: true });
  });

  it('queues updates so quick successive changes all survive', async () => {
    const { storage } = fakeStorage();
    const store = createSettingsStore(storage);
    await Promise.all([
      store.update((s) => withTopic(s, 'csto', false)),
      store.update((s) => ({ ...s, showBadge: false })),
      store.update((s) => withSiteDisabled(s, 'example.com', true)),
    ]);
    expect(await store.load()).toEqual({
      ...DEFAULTS,
      topics: { csto: false, 'kazakhstan-unrest': true },
      showBadge: false,
      disabledSites: ['example.com'],
    });
  });

  it('keeps the queue going after a failed update', async () => {
    const { storage } = fakeStorage();
    const store = createSettingsStore(storage);
    await expect(
      store.update(() => {
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    expect((await store.update((s) => ({ ...s, enabled: false }))).enabled).toBe(false);
  });

  it('watch reports sanitized settings after a change and stops after unsubscribe', async () => {
    const { storage, sync, listeners } = fakeStorage();
    const store = createSettingsStore(storage);
    const seen = vi.fn();
    const unsubscribe = store.watch(seen);
    await sync.set({ [SETTINGS_KEY]: { enabled: false, topics: { csto: 'x' } } });
    await flush();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenLastCalledWith({ ...DEFAULTS, enabled: false });

    await sync.set({ unrelated: 1 });
    await flush();
    expect(seen).toHaveBeenCalledTimes(1);

    unsubscribe();
    expect(listeners.size).toBe(0);
    await sync.set({ [SETTINGS_KEY]: { enabled: true } });
    await flush();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('watch ignores other storage areas such as session', async () => {
    const { storage, listeners } = fakeStorage();
    const seen = vi.fn();
    createSettingsStore(storage).watch(seen);
    for (const listener of listeners) listener({ [SETTINGS_KEY]: {} }, 'session');
    await flush();
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('settings rules', () => {
  it('is active unless switched off globally or for the site', () => {
    const off = withSiteDisabled(DEFAULTS, 'Example.com', true);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isActiveOn(DEFAULTS, 'example.com')).toBe(true);
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'EXAMPLE.COM')).toBe(false);
    expect(isSiteDisabled(off, 'other.example')).toBe(false);
    expect(isActiveOn({ ...DEFAULTS, enabled: false }, 'other.example')).toBe(false);
    expect(withSiteDisabled(off, 'example.com', false).disabledSites).toEqual([]);
    // Not a host name: nothing to switch.
    expect(withSiteDisabled(DEFAULTS, 'not a host', true)).toBe(DEFAULTS);
  });
});

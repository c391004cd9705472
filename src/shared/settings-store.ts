/**
 * Reading and writing settings through storage areas that are passed in, so the logic can be
 * tested without a browser (settings.ts binds it to the real `browser.storage`).
 *
 * Where they live: `storage.sync`, so a user's choices follow them across machines. Sync can be
 * missing or refuse a write (Firefox with sync disabled, a quota of 8 KB per item that a long
 * site list exceeds), so a write falls back to `storage.local`. Each record carries the time it
 * was saved and a read takes the newer of the two, so a fallback write is not hidden by an older
 * synced record, nor a later synced one by a stale local copy.
 */
import { defaultSettings, type Settings } from './settings-defaults';
import { sanitizeSettings } from './settings-sanitize';

/** The storage key of the settings record, in either area. */
export const SETTINGS_KEY = 'settings';

/** The part of a `storage.StorageArea` used here. */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type ChangeListener = (changes: Record<string, unknown>, areaName: string) => void;

/** The part of `browser.storage` used here; `sync` may be absent (or throw on use). */
export interface SettingsStorage {
  sync?: StorageAreaLike;
  local: StorageAreaLike;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

export interface SettingsStore {
  /** The current settings; defaults when nothing is stored or storage fails. Never rejects. */
  load(): Promise<Settings>;
  /** Stores `settings` (sanitized). Rejects only when neither area accepts the write. */
  save(settings: Settings): Promise<Settings>;
  /**
   * Applies `change` to the latest stored settings and saves the result. Calls are queued, so
   * two quick toggles in the popup cannot read the same old state and undo each other.
   */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Calls `onChange` with fresh settings after every change; returns an unsubscribe. */
  watch(onChange: (settings: Settings) => void): () => void;
}

interface Found {
  record: unknown;
  savedAt: number;
}

async function read(area: StorageAreaLike | undefined): Promise<Found | undefined> {
  if (!area) return undefined;
  try {
    const items = await area.get(SETTINGS_KEY);
    const record: unknown = items?.[SETTINGS_KEY];
    if (record === undefined) return undefined;
    const savedAt =
      typeof record === 'object' && record !== null && Object.hasOwn(record, 'savedAt')
        ? (record as { savedAt: unknown }).savedAt
        : undefined;
    return {
      record,
      savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0,
    };
  } catch {
    // An area that throws (sync switched off, storage corrupt) simply has nothing to offer.
    return undefined;
  }
}

export function createSettingsStore(storage: SettingsStorage): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    try {
      const [synced, local] = await Promise.all([read(storage.sync), read(storage.local)]);
      // Ties go to sync: it is where every successful write lands.
      const newest = local && (!synced || local.savedAt > synced.savedAt) ? local : synced;
      return sanitizeSettings(newest?.record);
    } catch {
      return defaultSettings();
    }
  }

  async function save(settings: Settings): Promise<Settings> {
    const clean = sanitizeSettings(settings);
    const items = { [SETTINGS_KEY]: { ...clean, savedAt: Date.now() } };
    try {
      if (!storage.sync) throw new Error('storage.sync is unavailable');
      await storage.sync.set(items);
    } catch {
      await storage.local.set(items);
    }
    return clean;
  }

  function update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = queue.then(async () => save(change(await load())));
    // The queue survives a failed write; the caller still sees the failure.
    queue = next.catch(() => undefined);
    return next;
  }

  function watch(onChange: (settings: Settings) => void): () => void {
    // Each change triggers a read; only the latest read may report, so a slow read of an older
    // state cannot overwrite a newer one.
    let latest = 0;
    let active = true;
    const listener: ChangeListener = (changes, areaName) => {
      if (areaName !== 'sync' && areaName !== 'local') return;
      if (!Object.hasOwn(changes, SETTINGS_KEY)) return;
      const ticket = ++latest;
      void load().then((settings) => {
        if (active && ticket === latest) onChange(settings);
      });
    };
    storage.onChanged.addListener(listener);
    return () => {
      active = false;
      storage.onChanged.removeListener(listener);
    };
  }

  return { load, save, update, watch };
}

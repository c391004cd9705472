/**
 * The settings contract every context uses: content scripts, the popup and the background read
 * and change settings only through these functions, bound here to the real `browser.storage`.
 * The pieces live in settings-*.ts (pure, tested without a browser).
 */
import browser from './browser';
import type { Settings } from './settings-defaults';
import { createSettingsStore, type SettingsStore } from './settings-store';

export { DEFAULTS, SETTINGS_VERSION, defaultSettings, type Settings } from './settings-defaults';
export { sanitizeSettings } from './settings-sanitize';
export {
  isActiveOn,
  isSiteDisabled,
  isTopicOn,
  withSiteDisabled,
  withTopic,
} from './settings-rules';

let store: SettingsStore | undefined;

/** Created on first use, so merely importing this module touches no browser API. */
function browserStore(): SettingsStore {
  store ??= createSettingsStore(browser.storage);
  return store;
}

/** The current settings; defaults when nothing is stored or storage fails. Never rejects. */
export function loadSettings(): Promise<Settings> {
  return browserStore().load();
}

/** Applies `change` to the latest settings and stores the result (queued, see settings-store). */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return browserStore().update(change);
}

/** Calls `onChange` with the new settings whenever they change; returns an unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return browserStore().watch(onChange);
}

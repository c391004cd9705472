/**
 * The one source of the settings' shape: every field, its type and its default live here, so a
 * new setting is added in exactly one place and `Settings` follows.
 */
import type { TopicId } from '../core/types';

/** Bumped whenever the stored shape changes; settings-migrate.ts lifts older records. */
export const SETTINGS_VERSION = 1;

export const DEFAULTS = {
  version: SETTINGS_VERSION,
  /** The popup's main switch: off hides every highlight and card in every tab. */
  enabled: true,
  /** Per-topic switches; a topic that is off is neither highlighted nor counted. */
  topics: { csto: true, 'kazakhstan-unrest': true } as Record<TopicId, boolean>,
  /** Host names (e.g. "example.com") where the user switched Backstory off. */
  disabledSites: [] as string[],
  /** Whether the toolbar icon shows the number of mentions on the active tab. */
  showBadge: true,
};

export type Settings = typeof DEFAULTS;

/**
 * At most this many sites are kept off. Far more than anyone switches off by hand; it bounds
 * what a corrupt or hostile record can make every content script iterate over.
 */
export const MAX_DISABLED_SITES = 1000;

/** A fresh copy, so callers may mutate what they get without touching DEFAULTS. */
export function defaultSettings(): Settings {
  return {
    version: DEFAULTS.version,
    enabled: DEFAULTS.enabled,
    topics: { ...DEFAULTS.topics },
    disabledSites: [...DEFAULTS.disabledSites],
    showBadge: DEFAULTS.showBadge,
  };
}

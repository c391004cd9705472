/**
 * Turns whatever was found in storage into valid Settings, field by field: a wrong field takes
 * its default and the others are kept. Never throws, so a bad record can never stop a content
 * script or the popup from starting.
 */
import { TOPIC_IDS } from '../core/types';
import { defaultSettings, MAX_DISABLED_SITES, type Settings } from './settings-defaults';
import { normalizeHostname } from './settings-hostname';
import { migrateSettings } from './settings-migrate';

/**
 * How many entries of a stored site list are looked at, valid or not: bounds the work a huge
 * corrupt array can cause, while a list with some junk among its sites still keeps them.
 */
const MAX_SITE_ENTRIES_SCANNED = MAX_DISABLED_SITES * 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An own property only: a record parsed from JSON may carry an own "__proto__" key, and an
 * inherited value (Object.prototype polluted elsewhere) must never count as a setting.
 */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Only real booleans: "false" is a truthy string, so guessing would invert the user's choice. */
function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function sanitizeTopics(value: unknown, fallback: Settings['topics']): Settings['topics'] {
  const topics = { ...fallback };
  if (!isRecord(value)) return topics;
  // Only known topic ids are read; unknown keys (and "__proto__") are never copied.
  for (const id of TOPIC_IDS) topics[id] = booleanOr(own(value, id), fallback[id]);
  return topics;
}

function sanitizeSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = new Set<string>();
  const scanned = Math.min(value.length, MAX_SITE_ENTRIES_SCANNED);
  for (let i = 0; i < scanned && sites.size < MAX_DISABLED_SITES; i++) {
    const host = normalizeHostname(value[i]);
    if (host !== undefined) sites.add(host);
  }
  return [...sites];
}

export function sanitizeSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  try {
    if (!isRecord(raw)) return settings;
    const record = migrateSettings(raw);
    settings.enabled = booleanOr(own(record, 'enabled'), settings.enabled);
    settings.topics = sanitizeTopics(own(record, 'topics'), settings.topics);
    settings.disabledSites = sanitizeSites(own(record, 'disabledSites'));
    settings.showBadge = booleanOr(own(record, 'showBadge'), settings.showBadge);
    return settings;
  } catch {
    // Only an exotic object (a Proxy, a throwing getter) gets here; storage never yields one.
    return defaultSettings();
  }
}

/**
 * Placeholder of the settings contract; the popup issue fills in storage, migration and
 * validation. Content, background and popup all read settings only through these functions.
 */
import type { TopicId } from '../core/types';

export const DEFAULTS = {
  version: 1,
  enabled: true,
  topics: { csto: true, 'kazakhstan-unrest': true } as Record<TopicId, boolean>,
  /** Host names (e.g. "example.com") where the user switched Backstory off. */
  disabledSites: [] as string[],
  showBadge: true,
};

export type Settings = typeof DEFAULTS;

export async function loadSettings(): Promise<Settings> {
  return structuredClone(DEFAULTS);
}

/** Calls `onChange` with the new settings whenever they change; returns an unsubscribe. */
export function watchSettings(_onChange: (settings: Settings) => void): () => void {
  return () => {};
}

/** Whether Backstory should run on a page of this host name. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

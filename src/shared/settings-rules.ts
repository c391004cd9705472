/** Pure questions and edits on Settings, shared by the content script, popup and background. */
import type { TopicId } from '../core/types';
import type { Settings } from './settings-defaults';
import { normalizeHostname } from './settings-hostname';

/** Whether Backstory should run on a page of this host name. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, hostname);
}

/** Whether the user switched Backstory off for this host name (regardless of the main switch). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHostname(hostname);
  return host !== undefined && settings.disabledSites.includes(host);
}

/** Whether mentions of `topic` should be highlighted and counted. */
export function isTopicOn(settings: Settings, topic: TopicId): boolean {
  return settings.topics[topic];
}

/** A copy of `settings` with `hostname` switched off (or back on). */
export function withSiteDisabled(
  settings: Settings,
  hostname: string,
  disabled: boolean,
): Settings {
  const host = normalizeHostname(hostname);
  if (host === undefined) return settings;
  const others = settings.disabledSites.filter((site) => site !== host);
  return { ...settings, disabledSites: disabled ? [...others, host] : others };
}

/** A copy of `settings` with `topic` switched on or off. */
export function withTopic(settings: Settings, topic: TopicId, on: boolean): Settings {
  return { ...settings, topics: { ...settings.topics, [topic]: on } };
}

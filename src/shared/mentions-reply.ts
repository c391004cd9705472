/**
 * Checks a `get-mentions` reply before trusting it: it crosses a context boundary and may come
 * from a content script of an older or newer version (after an update, until the tab reloads).
 */
import { TOPIC_IDS } from '../core/types';
import type { MentionsReply, MentionSummary } from './messages';

function isMentionSummary(value: unknown): value is MentionSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { index, topic, text } = value as Partial<MentionSummary>;
  return (
    typeof index === 'number' &&
    Number.isSafeInteger(index) &&
    index >= 0 &&
    typeof text === 'string' &&
    TOPIC_IDS.some((id) => id === topic)
  );
}

/** The reply with malformed mentions dropped, or undefined when it is not a reply at all. */
export function asMentionsReply(value: unknown): MentionsReply | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { active, mentions, hostname } = value as Partial<MentionsReply>;
  if (typeof active !== 'boolean' || !Array.isArray(mentions)) return undefined;
  return {
    active,
    mentions: mentions.filter(isMentionSummary),
    ...(typeof hostname === 'string' ? { hostname } : {}),
  };
}

/**
 * Every message that crosses a context boundary, as one tagged union, so a sender and its
 * receiver cannot disagree on a shape without the type-checker noticing.
 */
import type { TopicId } from '../core/types';

/** A mention as the popup lists it: `index` is its position in document order on the page. */
export interface MentionSummary {
  index: number;
  topic: TopicId;
  text: string;
}

export type Message =
  /** Any context → background: liveness check used by the e2e harness. */
  | { type: 'ping' }
  /** Content → background: the number of mentions on this tab changed (0 clears the badge). */
  | { type: 'mentions-changed'; count: number }
  /** Popup → content: list the mentions on this page. Reply: MentionsReply. */
  | { type: 'get-mentions' }
  /** Popup or background → content: scroll to mention `index` and open its card. */
  | { type: 'reveal-mention'; index: number }
  /** Content → background: inject card-ui.js (the card, loaded on first use) into this frame. */
  | { type: 'load-card-ui' }
  /** Content → background: inject detector.js (the matcher, loaded once the pre-check hits). */
  | { type: 'load-detector' }
  /** Background → content: the keyboard command: go to the next mention and open its card. */
  | { type: 'next-mention' };

export interface PongReply {
  type: 'pong';
  /** Which context answered, so a test can tell the background apart from anything else. */
  from: 'background';
}

export interface MentionsReply {
  /** False when Backstory is switched off for this page (globally or for the site). */
  active: boolean;
  mentions: MentionSummary[];
  /**
   * The page's `location.hostname`, for the popup's per-site switch: without the "tabs"
   * permission the popup cannot read the tab's URL itself (Chromium hides it).
   */
  hostname?: string;
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * The hover delay, in a module of its own so the benchmark and the tests read the same figure
 * the content script uses.
 */

/** Hover this long on a mention before its card opens (Wikipedia: 150 + 350 ms). */
export const HOVER_OPEN_MS = 500;

/**
 * The open timer fires this much before HOVER_OPEN_MS and the card is built in the animation
 * frame that follows, so it is painted in that frame, within a frame of HOVER_OPEN_MS; built
 * when the timer fired instead, it waited for the next frame after our work, 0–16.7 ms set by
 * where in the frame the delay happened to end. A frame that has not come by HOVER_OPEN_MS is
 * not waited for: the card is then built at HOVER_OPEN_MS as before. Both timers are set with
 * setTimerOnTime (timer-on-time.ts): in Firefox a plain 484 ms timer set on a pointer move
 * fired at 500 ms or later, coalesced with a later timer, so the frame lead never happened
 * there (docs/performance.md, "29 November, morning").
 */
export const OPEN_FRAME_LEAD_MS = 16;

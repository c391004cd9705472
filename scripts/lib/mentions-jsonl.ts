/**
 * One line of the mentions CLI's JSON Lines mode: parse, detect, serialise. Kept apart from the
 * stream handling so that tests can call it directly.
 */
import type { Mention } from '../../src/core/types';

export interface JsonlResult {
  /** The JSON line to print (always one per non-blank input line, to keep order). */
  output: string;
  /** Why the line could not be read, or null. */
  error: string | null;
}

export function jsonlOutputLine(line: string, detect: (text: string) => Mention[]): JsonlResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return failure(null, `not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failure(null, 'not a JSON object');
  }
  const record = parsed as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.text !== 'string') return failure(id, 'no "text" string');
  const text = record.text;
  const mentions = detect(text).map((m) => ({
    topic: m.topic,
    start: m.start,
    end: m.end,
    text: text.slice(m.start, m.end),
  }));
  return { output: JSON.stringify({ id, mentions }), error: null };
}

function failure(id: string | number | null, error: string): JsonlResult {
  return { output: JSON.stringify({ id, mentions: [], error }), error };
}

/**
 * Floor on the labelled press sentences (test/fixtures/eval, scored as `npm run eval` does: a true
 * positive needs the same topic and overlapping spans). Set a little below what was measured
 * (27 Nov 2026, 1079 sentences in 10 languages, first batch plus the second h-* batch: csto P 1.000
 * R 0.989; kazakhstan-unrest P 0.978 R 0.989, overlap matching), so that a regression fails while
 * new, harder sentences leave some room.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/core/find-mentions';
import { TOPIC_IDS } from '../../src/core/types';
import { evaluate, loadEvalSet, precision, recall } from '../../scripts/lib/eval-set';

const FLOOR = { precision: 0.97, recall: 0.98 };

describe('detector on labelled press sentences', () => {
  const items = loadEvalSet();
  const report = evaluate(items, findMentions);

  it('has a labelled set to measure on', () => {
    expect(items.length).toBeGreaterThan(100);
  });

  it.each(TOPIC_IDS.map((topic) => [topic]))(
    '%s: precision and recall above the floor',
    (topic) => {
      const counts = report.counts[topic].all;
      expect(counts).toBeDefined();
      if (counts === undefined) return;
      expect(counts.gold).toBeGreaterThan(30);
      expect(precision(counts)).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(recall(counts)).toBeGreaterThanOrEqual(FLOOR.recall);
    },
  );
});

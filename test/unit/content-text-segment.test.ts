import { describe, expect, it } from 'vitest';
import {
  nodeIndexAt,
  positionsOf,
  SegmentBuilder,
  type TextSegment,
} from '../../src/content/text-segment';

/** Plain strings stand in for text nodes: the mapping only needs identity and data. */
function segmentOf(...parts: string[]): TextSegment<string> {
  const builder = new SegmentBuilder<string>();
  for (const part of parts) builder.append(part, part);
  const segment = builder.take();
  if (!segment) throw new Error('empty segment');
  return segment;
}

describe('SegmentBuilder', () => {
  it('joins the parts and records where each starts, skipping empty nodes', () => {
    const builder = new SegmentBuilder<string>();
    builder.append('a', 'Collective ');
    builder.append('empty', '');
    builder.append('b', 'Security');
    builder.append('c', ' Treaty Organization');
    expect(builder.take()).toEqual({
      nodes: ['a', 'b', 'c'],
      starts: [0, 11, 19],
      text: 'Collective Security Treaty Organization',
    });
  });

  it('is empty again after take()', () => {
    const builder = new SegmentBuilder<string>();
    builder.append('a', 'x');
    builder.take();
    expect(builder.isEmpty).toBe(true);
    expect(builder.take()).toBeUndefined();
  });
});

describe('nodeIndexAt', () => {
  it('finds the node holding a character, at and between boundaries', () => {
    const starts = [0, 11, 19];
    expect([0, 10, 11, 18, 19, 38].map((offset) => nodeIndexAt(starts, offset))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
  });

  it('handles a single node', () => {
    expect(nodeIndexAt([0], 5)).toBe(0);
  });
});

describe('positionsOf', () => {
  it('maps a mention split across three nodes back to node offsets', () => {
    const segment = segmentOf('The Collective ', 'Security', ' Treaty Organization met');
    const start = segment.text.indexOf('Collective');
    const end = segment.text.indexOf(' met');
    expect(positionsOf(segment, start, end)).toEqual({
      start: { node: 'The Collective ', offset: 4 },
      end: { node: ' Treaty Organization met', offset: 20 },
      nodes: ['The Collective ', 'Security', ' Treaty Organization met'],
    });
  });

  it('keeps a mention that ends exactly at a node boundary inside that node', () => {
    const segment = segmentOf('the CSTO', ' forces');
    expect(positionsOf(segment, 4, 8)).toEqual({
      start: { node: 'the CSTO', offset: 4 },
      end: { node: 'the CSTO', offset: 8 },
      nodes: ['the CSTO'],
    });
  });

  it('starts a mention that begins at a node boundary in the next node', () => {
    const segment = segmentOf('the ', 'CSTO');
    expect(positionsOf(segment, 4, 8)).toEqual({
      start: { node: 'CSTO', offset: 0 },
      end: { node: 'CSTO', offset: 4 },
      nodes: ['CSTO'],
    });
  });
});

/**
 * The chunked pre-check must decide exactly what the pre-check over the whole text joined
 * decides (the scanner did that until it was chunked): the same "mention possible" answer and
 * the same nodes holding an anchor stem, wherever the chunk boundaries fall.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyMentionPossible, stemsInRange } from '../../src/core/may-contain-mention';
import { ChunkedPrecheck, CHUNK_CHARS } from '../../src/content/precheck-chunks';
import { nodeIndexAt } from '../../src/content/text-segment';
import { MENTION_SENTENCES } from '../../scripts/bench/prepare-page';

/** Stand-in for a text node: the pre-check only needs identity and data. */
interface FakeNode {
  id: number;
  data: string;
}

const SEED = readFileSync(
  path.resolve(__dirname, '../../../shared/seed/trend-2022-01-10-csto-kazakhstan.txt'),
  'utf8',
);

/** Text with no stem an alias could match on (checked below). */
const FILLER =
  'The council met on Tuesday to discuss the budget for the new library, and the mayor said ' +
  'the roof would be fixed before winter. Residents asked about parking near the station. ';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut into nodes of 1 to `maxLength` characters. */
function nodesOf(text: string, maxLength: number, seed: number): FakeNode[] {
  const next = random(seed);
  const nodes: FakeNode[] = [];
  for (let at = 0; at < text.length;) {
    const length = 1 + Math.floor(next() * maxLength);
    nodes.push({ id: nodes.length, data: text.slice(at, at + length) });
    at += length;
  }
  return nodes;
}

/** Runs the chunked pre-check as the scanner does; `overdue` is asked between pieces. */
async function chunked(nodes: readonly FakeNode[], overdue = () => false) {
  const precheck = new ChunkedPrecheck<FakeNode>();
  let checks = 0;
  let pauses = 0;
  const pause = async () => {
    pauses++;
    return true;
  };
  for (const node of nodes) {
    if (precheck.add(node, node.data)) {
      checks++;
      expect(await precheck.check(overdue, pause)).toBe(true);
    }
  }
  expect(await precheck.check(overdue, pause)).toBe(true);
  return {
    possible: precheck.possible,
    anchorIds: [...precheck.anchorNodes].map((node) => node.id).sort((a, b) => a - b),
    needsCleaning: precheck.needsCleaning,
    textLength: precheck.textLength,
    checks,
    pauses,
  };
}

/** The reference: the whole text joined and checked at once. */
function joined(nodes: readonly FakeNode[]) {
  const starts: number[] = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    length += node.data.length;
  }
  const text = nodes.map((node) => node.data).join('');
  const ids = new Set<number>();
  const stems = stemsInRange(text, 0, text.length, null, (offset) => {
    ids.add((nodes[nodeIndexAt(starts, offset)] as FakeNode).id);
  });
  return { possible: anyMentionPossible(stems), anchorIds: [...ids].sort((a, b) => a - b) };
}

describe('ChunkedPrecheck', () => {
  it('finds nothing possible in text without a stem', async () => {
    const nodes = nodesOf(FILLER.repeat(2_000), 300, 1);
    const result = await chunked(nodes);
    expect(result.checks).toBeGreaterThan(3);
    expect(result.possible).toBe(false);
    expect(result.anchorIds).toEqual([]);
    expect(result.textLength).toBe(FILLER.length * 2_000);
  });

  it('decides as the joined text does, with mentions on both sides of chunk boundaries', async () => {
    // Mention sentences every ~40,000 characters: some land across a chunk boundary.
    let text = '';
    for (let k = 0; text.length < 6 * CHUNK_CHARS; k++) {
      text +=
        FILLER.repeat(200 + (k % 7)) + (MENTION_SENTENCES[k % MENTION_SENTENCES.length] as string);
    }
    for (const seed of [2, 3, 4]) {
      for (const maxLength of [5, 80, 3_000]) {
        const nodes = nodesOf(text, maxLength, seed);
        const result = await chunked(nodes);
        const reference = joined(nodes);
        expect(result.possible).toBe(true);
        expect(result.anchorIds.length).toBeGreaterThan(10);
        expect(result.anchorIds).toEqual(reference.anchorIds);
        expect(result.textLength).toBe(text.length);
      }
    }
  });

  it('finds a stem cut by the chunk boundary in the node where it starts', async () => {
    // "Tokayev" starts 4 characters before the first chunk is full and ends in the next; no
    // stem fits in "Toka" alone.
    const before = 'x'.repeat(CHUNK_CHARS - 4);
    const nodes: FakeNode[] = [
      { id: 0, data: before },
      { id: 1, data: 'Toka' },
      { id: 2, data: 'yev' },
      { id: 3, data: ' asked the CSTO for help. ' + FILLER },
    ];
    expect(joined([nodes[1] as FakeNode]).anchorIds).toEqual([]);
    const result = await chunked(nodes);
    expect(result.checks).toBe(1);
    expect(result.possible).toBe(true);
    expect(result.anchorIds).toEqual(joined(nodes).anchorIds);
    expect(result.anchorIds).toContain(1);
  });

  it('checks one huge node in pieces, pausing when overdue, and stops when told to', async () => {
    const huge = FILLER.repeat(Math.ceil((3 * CHUNK_CHARS) / FILLER.length)) + SEED;
    const nodes: FakeNode[] = [{ id: 0, data: huge }];
    const result = await chunked(nodes, () => true);
    expect(result.pauses).toBeGreaterThanOrEqual(3);
    expect(result.possible).toBe(true);
    expect(result.anchorIds).toEqual([0]);

    const stopped = new ChunkedPrecheck<FakeNode>();
    stopped.add(nodes[0] as FakeNode, huge);
    expect(
      await stopped.check(
        () => true,
        async () => false,
      ),
    ).toBe(false);
  });

  it('matches the joined text on the seed article cut into small nodes', async () => {
    const nodes = nodesOf(SEED, 40, 5);
    const result = await chunked(nodes);
    const reference = joined(nodes);
    expect(result.possible).toBe(reference.possible);
    expect(reference.possible).toBe(true);
    expect(result.anchorIds).toEqual(reference.anchorIds);
  });

  it('says when some text needs cleaning (a soft hyphen inside a word)', async () => {
    const plain = await chunked([{ id: 0, data: FILLER }]);
    expect(plain.needsCleaning).toBe(false);
    const hyphenated = await chunked([
      { id: 0, data: FILLER },
      { id: 1, data: 'troops reached Kazakh\u00adstan' },
    ]);
    expect(hyphenated.needsCleaning).toBe(true);
  });

  it('does not check the overlap again when nothing was added after a check', async () => {
    const precheck = new ChunkedPrecheck<FakeNode>();
    const node = { id: 0, data: 'Kazakhstan and the CSTO' };
    precheck.add(node, node.data);
    let asked = 0;
    const overdue = () => {
      asked++;
      return false;
    };
    expect(await precheck.check(overdue, async () => true)).toBe(true);
    const anchors = precheck.anchorNodes.size;
    expect(anchors).toBe(1);
    precheck.anchorNodes.clear();
    expect(await precheck.check(overdue, async () => true)).toBe(true);
    expect(precheck.anchorNodes.size).toBe(0);
    expect(asked).toBe(0);
  });
});

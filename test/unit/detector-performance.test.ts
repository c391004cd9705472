/**
 * Pathological input must cost linear time. Timing ratios, not absolute times: t(4n) must stay
 * below 12 × t(n) (linear would be 4×, quadratic 16×). The fastest of several runs is compared,
 * because on a shared machine noise only ever adds time.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/core/find-mentions';

const SMALL = 40_000;
const RUNS = 7;

function fastestMs(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('linear time on pathological input', () => {
  it.each([
    ['repeated partial name', 'Collective Security '],
    ['one letter', 'a'],
    ['spaces', ' '],
    ['newlines', '\n'],
    ['dots', '.'],
    ['candidates in one endless sentence', 'protests in Almaty Tokayev riots '],
    ['acronyms', 'CSTO ОДКБ '],
    ['capitalised Kazakh month', 'Қаңтар '],
    ['abbreviations', 'U.S. protests Tokayev Jan. '],
    ['emoji', '😀'],
  ])('%s', (_name, unit) => {
    const small = repeatTo(unit, SMALL);
    const large = repeatTo(unit, SMALL * 4);
    findMentions(small); // warm-up: compile regexes, tier up
    const smallMs = fastestMs(() => findMentions(small));
    const largeMs = fastestMs(() => findMentions(large));
    // 2 ms of slack so that sub-millisecond runs do not turn timer noise into a ratio.
    expect(largeMs).toBeLessThan(12 * smallMs + 2);
  });

  it('still finds mentions in huge input', () => {
    const text = repeatTo('protests in Almaty Tokayev riots ', SMALL);
    expect(findMentions(text).length).toBeGreaterThan(1000);
  });
});

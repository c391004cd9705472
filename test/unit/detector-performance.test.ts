/**
 * Pathological input must cost linear time. Timing ratios, not absolute times: t(4n) must stay
 * below 12 × t(n) (linear would be 4×, quadratic 16×). Time is CPU time of this process (not wall
 * time, which on a shared machine includes waiting for a core), and the fastest of several runs
 * is compared, because noise only ever adds time.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/core/find-mentions';

const SMALL = 40_000;
const RUNS = 9;

/** CPU milliseconds spent by this process running `run`. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest time of each input, measured alternately so that a burst of load hits both. */
function fastestPairMs(small: string, large: string): [number, number] {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < RUNS; i++) {
    bestSmall = Math.min(
      bestSmall,
      cpuMs(() => findMentions(small)),
    );
    bestLarge = Math.min(
      bestLarge,
      cpuMs(() => findMentions(large)),
    );
  }
  return [bestSmall, bestLarge];
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
  ])(
    '%s',
    (_name, unit) => {
      const small = repeatTo(unit, SMALL);
      const large = repeatTo(unit, SMALL * 4);
      findMentions(small); // warm-up: compile regexes, tier up
      const [smallMs, largeMs] = fastestPairMs(small, large);
      // 3 ms of slack so that very short runs do not turn timer noise into a ratio.
      expect(
        largeMs,
        `t(n) = ${smallMs.toFixed(1)} ms, t(4n) = ${largeMs.toFixed(1)} ms`,
      ).toBeLessThan(12 * smallMs + 3);
    },
    60_000,
  ); // generous: the whole unit suite runs in parallel on a shared machine

  it('still finds mentions in huge input', () => {
    const text = repeatTo('protests in Almaty Tokayev riots ', SMALL);
    expect(findMentions(text).length).toBeGreaterThan(1000);
  });
});

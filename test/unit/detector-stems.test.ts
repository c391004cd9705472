/**
 * The pre-check trusts the stems a topic file gives by hand (`stems`, `alsoStems`): every match
 * of the alias must contain one stem of each group, or the pre-check hides mentions the matcher
 * would find. Checked here on sample texts of every shape each pattern allows (pattern-samples),
 * beyond the labelled sentences the other data tests use.
 */
import { describe, expect, it } from 'vitest';
import { spellCased, spellStem } from '../../src/core/detector/pattern-syntax';
import { TOPICS } from '../../src/core/vocabulary';
import { patternSamples } from './pattern-samples';

const handStemmed = TOPICS.flatMap((topic) =>
  topic.aliases.flatMap((alias, index) => {
    const groups = [...(alias.stems ? [alias.stems] : []), ...(alias.alsoStems ?? [])];
    return groups.length === 0
      ? []
      : [
          {
            name: `${topic.topic} alias ${index}`,
            patterns: alias.patterns,
            groups,
            // The pre-check finds a case-sensitive alias's own stems in their case only.
            casedOwn: alias.caseSensitive === true && alias.stems !== undefined,
          },
        ];
  }),
);

describe('hand-written pre-check stems', () => {
  it('are given for the aliases whose own words are common (Russia, NATO, January)', () => {
    expect(handStemmed.filter((alias) => alias.groups.length > 1).length).toBeGreaterThan(10);
  });

  it.each(handStemmed.map((alias) => [alias.name, alias] as const))(
    '%s: every match contains one stem of each group',
    (_name, alias) => {
      const missing: string[] = [];
      for (const pattern of alias.patterns) {
        const samples = patternSamples(pattern);
        expect(samples.length).toBeGreaterThan(0);
        for (const sample of samples) {
          alias.groups.forEach((group, index) => {
            const spell = alias.casedOwn && index === 0 ? spellCased : spellStem;
            const text = spell(sample);
            if (!group.some((stem) => text.includes(spell(stem)))) {
              missing.push(`group ${index} not in ${JSON.stringify(sample)}`);
            }
          });
        }
      }
      expect(missing.slice(0, 5)).toEqual([]);
    },
  );

  it('would notice a group that misses a shape of the pattern', () => {
    // "-run" left out: "Moscow-run … bloc" has none of the other words.
    const samples = patternSamples('(?:Russia|Moscow)-(?:led|run) (?:alliance|bloc)');
    expect(samples).toContain('Moscow-run bloc');
    expect(samples.filter((sample) => !spellStem(sample).includes('-led'))).not.toEqual([]);
  });
});

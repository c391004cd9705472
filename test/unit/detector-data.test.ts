/**
 * The topic files are data the matcher trusts: they must compile, say their rules in prose, and
 * cover everything the pre-check promises; and the matcher itself must stay free of topic words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMentions, mayContainMention } from '../../src/core/find-mentions';
import { MATCHER_DATA, TOPICS } from '../../src/core/vocabulary';
import type { TopicData } from '../../src/core/detector/topic-data';
import cstoFile from '../../src/core/topics/csto.json';
import unrestFile from '../../src/core/topics/kazakhstan-unrest.json';
import { compileVocabulary } from '../../src/core/detector/compile';
import { Detector } from '../../src/core/detector/detector';
import { matchText } from '../../src/core/detector/matcher';
import { needsCleaning } from '../../src/core/detector/normalise';
import { stemsInRange } from '../../src/core/may-contain-mention';
import { TOPIC_IDS } from '../../src/core/types';
import { loadEvalSet } from '../../scripts/lib/eval-set';
import { ROOT } from '../../scripts/lib/paths';

describe('topic data', () => {
  it('has one file per topic id, each with written rules and aliases', () => {
    expect(TOPICS.map((topic) => topic.topic)).toEqual([...TOPIC_IDS]);
    for (const topic of [cstoFile, unrestFile] as TopicData[]) {
      expect(topic.rules.length).toBeGreaterThan(3);
      expect(topic.aliases.length).toBeGreaterThan(10);
    }
  });

  it('compiles: no capturing groups, known context sets, a pre-check stem for every alias', () => {
    expect(() => compileVocabulary(TOPICS)).not.toThrow();
  });

  it('rejects a capturing group with a message naming the alias', () => {
    const broken = [
      { ...TOPICS[0]!, aliases: [{ lang: 'en', kind: 'name', patterns: ['(CSTO)'] }] },
    ];
    expect(() => compileVocabulary(broken)).toThrow(/csto alias 0 \(\(CSTO\)\).*capturing groups/);
  });

  it('rejects an empty or malformed alsoStems group with a message naming the alias', () => {
    const withAlso = (alsoStems: unknown): typeof TOPICS =>
      [
        { ...TOPICS[0]!, aliases: [{ lang: 'en', kind: 'name', patterns: ['CSTO'], alsoStems }] },
      ] as never;
    expect(() => compileVocabulary(withAlso([[]]))).toThrow(
      /csto alias 0 \(CSTO\): alsoStems\[0\] must be a non-empty list/,
    );
    expect(() => compileVocabulary(withAlso([['bloc', 7]]))).toThrow(
      /csto alias 0 \(CSTO\): alsoStems\[0\] holds 7, not a stem/,
    );
  });

  it('finds the stems of case-sensitive aliases in their case only', () => {
    // "CSTO" is matched case-sensitively, so "ClassicStock" or "Costco postcards" cannot hold it.
    expect(mayContainMention('Photograph by H. Armstrong Roberts, ClassicStock/Corbis')).toBe(
      false,
    );
    expect(mayContainMention('Costco sells postcards.')).toBe(false);
    expect(mayContainMention('The CSTO met in Moscow.')).toBe(true);
    // Every occurrence counts: a lower-case one first does not hide a later one in case.
    expect(mayContainMention('classicstock photo. The CSTO met in Moscow.')).toBe(true);
    // "Январ…" capitalised is the name of the events; "5 января" is a date.
    expect(mayContainMention('Выборы назначены на 5 января.')).toBe(false);
  });

  it('never lets the pre-check hide a mention the full matcher would find', () => {
    // The full matcher run without the pre-check, on every labelled sentence and spec example.
    const detector = new Detector(MATCHER_DATA);
    const texts = loadEvalSet().map((item) => item.text);
    const withMentions = texts.filter(
      (text) => matchText(detector, 'every alias', text).length > 0,
    );
    expect(withMentions.length).toBeGreaterThan(50);
    expect(withMentions.filter((text) => !mayContainMention(text))).toEqual([]);
  }, 30_000);

  it('reports an anchor stem in every text that holds a mention (the scanner walks only those)', () => {
    // The content script maps anchor hits back to their blocks and reads only those blocks; a
    // text with a mention but no anchor hit would be skipped. Texts that need cleaning are read
    // whole by the scanner (their stems may only show once cleaned), so they are left out here.
    const detector = new Detector(MATCHER_DATA);
    const withMentions = loadEvalSet()
      .map((item) => item.text)
      .filter(
        (text) => !needsCleaning(text) && matchText(detector, 'every alias', text).length > 0,
      );
    expect(withMentions.length).toBeGreaterThan(50);
    const missed = withMentions.filter((text) => {
      let hits = 0;
      stemsInRange(text, 0, text.length, null, () => hits++);
      return hits === 0;
    });
    expect(missed).toEqual([]);
    // And anchors are fewer than stems: a context set's "les" or "des" alone does not make a
    // block worth reading.
    const plain = 'Les élèves des écoles de la ville.';
    let hits = 0;
    const stems = stemsInRange(plain, 0, plain.length, null, () => hits++);
    expect(stems).not.toBeNull();
    expect(hits).toBe(0);
  }, 30_000);

  it('gives every alias stems that all its matches contain: pre-checked matching finds the same', () => {
    // findMentions runs only the aliases whose pre-check clause holds; with a stem missing from
    // an alias's `stems`, it would miss (or shorten) that alias's mentions.
    const detector = new Detector(MATCHER_DATA);
    const differing = loadEvalSet()
      .map((item) => item.text)
      .filter(
        (text) =>
          JSON.stringify(findMentions(text)) !==
          JSON.stringify(matchText(detector, 'every alias', text)),
      );
    expect(differing).toEqual([]);
  }, 30_000);
});

describe('matcher code', () => {
  it('contains no topic words: they belong in src/core/topics/*.json', () => {
    const dir = path.join(ROOT, 'src/core/detector');
    const offenders: string[] = [];
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const code = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const hit =
        /CSTO|ОДКБ|Kaza|Казах|Қазақ|protest|riot|unrest|Tokayev|Almaty|January|январ/i.exec(code);
      if (hit !== null) offenders.push(`${file}: ${hit[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});

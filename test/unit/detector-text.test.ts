/**
 * Text handling: UTF-16 offsets into the original string, typographic variants, invisible
 * characters, decomposed letters, sentence boundaries, the pre-check, long text.
 */
import { describe, expect, it } from 'vitest';
import { findMentions, mayContainMention } from '../../src/core/find-mentions';
import { Sentences } from '../../src/core/detector/sentences';
import { PRECHECK } from '../../src/core/may-contain-mention';
import { PRECHECK_DATA } from '../../src/core/vocabulary';
import { loadEvalSet } from '../../scripts/lib/eval-set';
import { C, K, spans } from './detector-helpers';

describe('offsets', () => {
  it('counts UTF-16 units, so astral characters before a match shift it by two', () => {
    const text = '😀🇰🇿 CSTO';
    expect(findMentions(text)).toEqual([{ topic: C, start: 7, end: 11 }]);
  });

  it('maps offsets back through soft hyphens and zero-width spaces', () => {
    const text = 'The CS\u00ADTO and Kazakh\u200Bstan protests.';
    const found = findMentions(text);
    expect(found.map((m) => [m.topic, m.start, m.end])).toEqual([
      [C, 4, 9],
      [K, 14, 34],
    ]);
  });

  it('maps offsets back through decomposed (NFD) letters', () => {
    const text =
      'la Organización del Tratado de Seguridad Colectiva y Организацией Договора о коллективной безопасности'.normalize(
        'NFD',
      );
    const found = findMentions(text);
    expect(found.map((m) => text.slice(m.start, m.end).normalize('NFC'))).toEqual([
      'Organización del Tratado de Seguridad Colectiva',
      'Организацией Договора о коллективной безопасности',
    ]);
    expect(text.slice(found[0]?.end ?? 0, (found[0]?.end ?? 0) + 2)).toBe(' y');
  });

  it('returns sorted, non-overlapping spans', () => {
    const text =
      'The Collective Security Treaty Organization (CSTO), the Moscow-led security bloc, ' +
      'sent troops after protests in Kazakhstan; Tokayev said the riots were a coup.';
    const found = findMentions(text);
    for (let i = 1; i < found.length; i++) {
      expect((found[i] as { start: number }).start).toBeGreaterThanOrEqual(
        (found[i - 1] as { end: number }).end,
      );
    }
    expect(found.length).toBe(5);
  });
});

describe('typographic variants', () => {
  it.each([
    ['curly apostrophe', 'the CSTO’s troops', [[C, 'CSTO']]],
    ['modifier apostrophe', 'Kazakistanʼdaki olaylar', [[K, 'Kazakistanʼdaki olaylar']]],
    ['en dash in a compound', 'the Moscow–led security bloc', [[C, 'Moscow–led security bloc']]],
    [
      'non-breaking hyphen',
      'Russia\u2011led military alliance',
      [[C, 'Russia\u2011led military alliance']],
    ],
    ['NBSP and newline inside a phrase', 'Bloody\u00A0\nJanuary', [[K, 'Bloody\u00A0\nJanuary']]],
    ['ALL CAPS headline', 'PROTESTS IN KAZAKHSTAN', [[K, 'PROTESTS IN KAZAKHSTAN']]],
  ])('%s', (_name, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe('sentence boundaries', () => {
  const sentenceOf = (text: string, word: string): string => {
    const [start, end] = new Sentences(text).around(text.indexOf(word));
    return text.slice(start, end).trim();
  };

  it.each([
    ['Jan. 5 was calm. Then came riots.', 'calm', 'Jan. 5 was calm.'],
    ['The U.S. embassy closed. Riots spread.', 'embassy', 'The U.S. embassy closed.'],
    ['Dr. Smith left. Riots spread.', 'Smith', 'Dr. Smith left.'],
    ['Gen. K. Ivanov spoke. Riots spread.', 'spoke', 'Gen. K. Ivanov spoke.'],
    ['В 2022 г. Токаев ввёл ЧП. Потом всё стихло.', 'Токаев', 'В 2022 г. Токаев ввёл ЧП.'],
    ['Это т.е. главное. Дальше.', 'главное', 'Это т.е. главное.'],
    ['Prices rose 2.5 percent. Riots spread.', 'percent', 'Prices rose 2.5 percent.'],
    [
      'Zuvor galt bis zum 19. Januar der Notstand. Dann nicht.',
      'Notstand',
      'Zuvor galt bis zum 19. Januar der Notstand.',
    ],
    ['Headline without stop\n\nBody text here.', 'Body', 'Body text here.'],
    ['他说：“抗议结束了。”哈萨克斯坦恢复平静。', '恢复', '”哈萨克斯坦恢复平静。'],
  ])('%j', (text, word, expected) => {
    expect(sentenceOf(text, word)).toBe(expected);
  });

  it('applies context per sentence', () => {
    expect(spans('Tokayev spoke on TV. The protests went on.')).toEqual([]);
    expect(spans('Kazakhstan. Protests spread after the fuel price rise.')).toEqual([
      [K, 'Protests'],
    ]);
  });
});

describe('pre-check', () => {
  it('is false for unrelated text and true where a mention may be', () => {
    expect(mayContainMention('The weather in Paris was mild on Tuesday.')).toBe(false);
    expect(mayContainMention('The CSTO met.')).toBe(true);
    expect(mayContainMention('Беспорядки в Казахстане')).toBe(true);
    expect(mayContainMention('CS\u00ADTO')).toBe(true);
  });

  it('finds the stem of a case-sensitive alias in its case only, also inside a longer stem', () => {
    const flag = (spelling: string): number =>
      PRECHECK_DATA.stems.length + PRECHECK_DATA.cased.findIndex(([, cased]) => cased === spelling);
    const flags = (text: string): Uint8Array => PRECHECK.stemsIn(text) ?? new Uint8Array(0);
    expect(flags('The CSTO met.')[flag('CSTO')]).toBe(1);
    expect(flags('ClassicStock images')[flag('CSTO')]).not.toBe(1);
    expect(flags('the csto met')[flag('CSTO')]).not.toBe(1);
    // "январск" is a stem of its own, found instead of the shorter "январ" it starts with.
    expect(flags('Январские события')[flag('Январ')]).toBe(1);
    expect(flags('январские события')[flag('Январ')]).not.toBe(1);
    expect(mayContainMention('ClassicStock images')).toBe(false);
  });

  it('stops early with the same answer as a full read (labelled sentences, alone and joined)', () => {
    const texts = loadEvalSet().map((item) => item.text);
    // Joined in threes: stems of one sentence and context words of the next meet in one text.
    const joined = texts.map((_, i) => texts.slice(i, i + 3).join(' '));
    const all = [...texts, ...joined];
    let possible = 0;
    for (const text of all) {
      const full = PRECHECK.anyPossible(PRECHECK.stemsIn(text));
      expect(PRECHECK.mayMatch(text), text).toBe(full);
      if (full) possible++;
    }
    expect(possible).toBeGreaterThan(100);
    expect(all.length - possible).toBeGreaterThan(10); // the negatives are labelled too
  });
});

describe('long text', () => {
  it('finds the same mentions in a page as in its blocks, at shifted offsets', () => {
    const blocks = [
      'Tokayev blamed the protests on foreign terrorists.',
      'x'.repeat(3000),
      'Nothing here. The riots ended.',
      'The Collective Security Treaty Organization (CSTO) left on 13 January.',
    ];
    const page = blocks.join('\n\n');
    let offset = 0;
    const expected = blocks.flatMap((block) => {
      const found = findMentions(block).map((m) => ({
        ...m,
        start: m.start + offset,
        end: m.end + offset,
      }));
      offset += block.length + 2;
      return found;
    });
    expect(expected.length).toBe(3);
    expect(findMentions(page)).toEqual(expected);
  });
});

/**
 * What counts as a mention, case by case (the spec in src/core/topics/*.json "rules").
 */
import { describe, expect, it } from 'vitest';
import { C, K, spans } from './detector-helpers';

describe('CSTO acronyms', () => {
  it.each([
    ['The CSTO sent troops.', [[C, 'CSTO']]],
    ["The CSTO's mission ended.", [[C, 'CSTO']]],
    ['The CSTO’s mission ended.', [[C, 'CSTO']]],
    ['A CSTO-led force landed.', [[C, 'CSTO']]],
    ['#НЕТ_ОДКБ', [[C, 'ОДКБ']]],
    ['Силы ОДКБ-шных миротворцев', [[C, 'ОДКБ']]],
    ['ҰҚШҰ-ның бітімгершілік күштері', [[C, 'ҰҚШҰ']]],
    ['Die OVKS-Truppen', [[C, 'OVKS']]],
    ["KGAÖ'nün barış gücü", [[C, 'KGAÖ']]],
    ['Siły ODKB wycofują się', [[C, 'ODKB']]],
    ['ՀԱՊԿ-ի գագաթնաժողով', [[C, 'ՀԱՊԿ']]],
    ['集安组织维和部队', [[C, '集安组织']]],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    'visit nbcstore.com today',
    'import AsyncStorage from react-native; CSTORE',
    'csto in lower case is a typo or an identifier',
    'Csto',
    'XCSTO and CSTOX are other words',
    'ОДКБшный', // glued to a word: not the acronym on its own
  ])('no mention in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('CSTO names, case endings and languages', () => {
  it('splits a full name and its bracketed acronym into two mentions', () => {
    expect(spans('the Collective Security Treaty Organization (CSTO) met')).toEqual([
      [C, 'Collective Security Treaty Organization'],
      [C, 'CSTO'],
    ]);
  });

  it.each([
    ['Collective Security Treaty Organisation', 'Collective Security Treaty Organisation'],
    [
      'Организация Договора о коллективной безопасности',
      'Организация Договора о коллективной безопасности',
    ],
    [
      'секретариат Организации Договора о коллективной безопасности',
      'Организации Договора о коллективной безопасности',
    ],
    [
      'призвал Организацию Договора о коллективной безопасности',
      'Организацию Договора о коллективной безопасности',
    ],
    [
      'руководство Организацией Договора о коллективной безопасности',
      'Организацией Договора о коллективной безопасности',
    ],
    ['Організації Договору про колективну безпеку', 'Організації Договору про колективну безпеку'],
    ['Арганізацыі Дагавора аб калектыўнай бяспецы', 'Арганізацыі Дагавора аб калектыўнай бяспецы'],
    ['Ұжымдық қауіпсіздік туралы шарт ұйымының', 'Ұжымдық қауіпсіздік туралы шарт ұйымының'],
    [
      'der Organisation des Vertrags über kollektive Sicherheit',
      'Organisation des Vertrags über kollektive Sicherheit',
    ],
    [
      "l'Organisation du traité de sécurité collective",
      'Organisation du traité de sécurité collective',
    ],
    [
      'la Organización del Tratado de Seguridad Colectiva',
      'Organización del Tratado de Seguridad Colectiva',
    ],
    [
      "l'Organizzazione del Trattato di sicurezza collettiva",
      'Organizzazione del Trattato di sicurezza collettiva',
    ],
    [
      'a Organização do Tratado de Segurança Coletiva',
      'Organização do Tratado de Segurança Coletiva',
    ],
    ['Kolektif Güvenlik Antlaşması Örgütü’nün', 'Kolektif Güvenlik Antlaşması Örgütü'],
    [
      'Organizacji Układu o Bezpieczeństwie Zbiorowym',
      'Organizacji Układu o Bezpieczeństwie Zbiorowym',
    ],
    ['Organizace Smlouvy o kolektivní bezpečnosti', 'Organizace Smlouvy o kolektivní bezpečnosti'],
    [
      'Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatının',
      'Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatının',
    ],
    ['集体安全条约组织', '集体安全条约组织'],
    [
      'Collective  Security\nTreaty\u00A0Organization',
      'Collective  Security\nTreaty\u00A0Organization',
    ],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual([[C, expected]]);
  });

  it('does not take the 1992 treaty for the organization', () => {
    expect(spans('the Collective Security Treaty signed in Tashkent in May 1992')).toEqual([]);
    expect(spans('the Treaty on Collective Security')).toEqual([]);
  });
});

describe('CSTO descriptions', () => {
  it.each([
    ['Armenia froze its part in the Moscow-led security bloc.', 'Moscow-led security bloc'],
    ['troops from a Russia-led military alliance', 'Russia-led military alliance'],
    ['the Russian-led security alliance', 'Russian-led security alliance'],
    ['the Russian‑dominated alliance', 'Russian‑dominated alliance'],
    ['возглавляемый Россией военный блок', 'возглавляемый Россией военный блок'],
    ['ein von Russland geführtes Militärbündnis', 'von Russland geführtes Militärbündnis'],
    ['une alliance militaire dirigée par la Russie', 'alliance militaire dirigée par la Russie'],
    ['it is informally called "Russian NATO".', 'Russian NATO'],
    ['Rusya liderliğindeki askeri blok', 'Rusya liderliğindeki askeri blok'],
    ['la alianza militar liderada por Rusia', 'alianza militar liderada por Rusia'],
    [
      'Armenia opuści sojusz obronny pod przewodnictwem Rosji',
      'sojusz obronny pod przewodnictwem Rosji',
    ],
    ['kierowany przez Rosję sojusz wojskowy', 'kierowany przez Rosję sojusz wojskowy'],
    ['Ресей бастаған әскери блок', 'Ресей бастаған әскери блок'],
    ['Ұжымдық қауіпсіздік жөніндегі шарт ұйымының', 'Ұжымдық қауіпсіздік жөніндегі шарт ұйымының'],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual([[C, expected]]);
  });

  it.each([
    'Russia-led Eurasian Economic Union members met in Minsk.',
    'The Russia-led bloc, the Eurasian Economic Union, cut tariffs.',
    "Russia's NATO envoy spoke.",
    'The Moscow-led Warsaw Pact alliance invaded in 1968.',
  ])('no mention in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('OTSC needs context', () => {
  it('counts in French or Spanish security news', () => {
    expect(spans("Les troupes de l'OTSC quittent le Kazakhstan.")).toEqual([[C, 'OTSC']]);
    expect(spans('Las tropas de la OTSC llegaron a Almaty.')).toEqual([[C, 'OTSC']]);
  });

  it('does not count the over-the-scope clip', () => {
    expect(spans('The OTSC clip achieved hemostasis in 90% of bleeding ulcers.')).toEqual([]);
    expect(spans('Endoscopic closure with OTSC was successful.')).toEqual([]);
    expect(spans('Le clip OTSC a été posé par endoscopie.')).toEqual([]);
  });
});

describe('Kazakhstan unrest: named forms', () => {
  it.each([
    ['The unrest in Kazakhstan left 238 dead.', 'unrest in Kazakhstan'],
    ['Kazakhstan unrest: what we know', 'Kazakhstan unrest'],
    ['The Kazakh protests spread.', 'Kazakh protests'],
    ['Protests in Kazakhstan turned violent.', 'Protests in Kazakhstan'],
    ['after the riots in Kazakhstan', 'riots in Kazakhstan'],
    ['The Almaty riots were the worst.', 'Almaty riots'],
    ['Victims of Bloody January', 'Bloody January'],
    ['Qandy Qantar anniversary', 'Qandy Qantar'],
    ['Беспорядки в Казахстане в январе 2022 года', 'Беспорядки в Казахстане'],
    ['после протестов в Казахстане', 'протестов в Казахстане'],
    ['«Кровавый январь» не забыт', 'Кровавый январь'],
    ['Қанды қаңтар құрбандары', 'Қанды қаңтар'],
    ['Қаңтар оқиғасы кезінде', 'Қаңтар оқиғасы'],
    ['Заворушення в Казахстані тривають', 'Заворушення в Казахстані'],
    ['Die Unruhen in Kasachstan dauern an.', 'Unruhen in Kasachstan'],
    ['Proteste in Kasachstan', 'Proteste in Kasachstan'],
    ['Les émeutes au Kazakhstan ont fait des morts.', 'émeutes au Kazakhstan'],
    ['Los disturbios en Kazajistán', 'disturbios en Kazajistán'],
    ['Le proteste in Kazakistan', 'proteste in Kazakistan'],
    ['Os protestos no Cazaquistão', 'protestos no Cazaquistão'],
    ["Kazakistan'daki olaylar sürüyor", "Kazakistan'daki olaylar"],
    ['Protesty w Kazachstanie wybuchły 2 stycznia.', 'Protesty w Kazachstanie'],
    ['哈萨克斯坦骚乱持续', '哈萨克斯坦骚乱'],
    ['«Кантар» 2022-го принес сотни убитых', 'Кантар'],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual([[K, expected]]);
  });

  it('keeps the whole order phrase', () => {
    expect(spans('Kazakh president issues shoot-to-kill order')).toEqual([
      [K, 'shoot-to-kill order'],
    ]);
    expect(spans('Tokayev told troops to open fire without warning.')).toEqual([
      [K, 'to open fire without warning'],
    ]);
  });

  it('treats the Kazakh month as a name only when quoted or capitalised mid-sentence', () => {
    expect(spans('Кантар айында қар жауды.')).toEqual([]);
    expect(spans('5 қаңтарда жиналыс өтті.')).toEqual([]);
  });
});

describe('Kazakhstan unrest: bare nouns need their sentence to say where and when', () => {
  it.each([
    ['Tokayev blamed foreign terrorists for the protests.', [[K, 'protests']]],
    [
      'Almaty was engulfed in unrest and riots.',
      [
        [K, 'unrest'],
        [K, 'riots'],
      ],
    ],
    [
      'The CSTO sent troops to quell the riots.',
      [
        [C, 'CSTO'],
        [K, 'riots'],
      ],
    ],
    ['Mass protests in early January 2022 shook the country.', [[K, 'Mass protests']]],
    ['On January 5, protests turned violent in the country.', [[K, 'protests']]],
    ['Токаев назвал протесты попыткой переворота.', [[K, 'протесты']]],
    [
      'Tokajew verhängte wegen der Unruhen den Ausnahmezustand.',
      [
        [K, 'Unruhen'],
        [K, 'Ausnahmezustand'],
      ],
    ],
    ['Tokayev declared a state of emergency.', [[K, 'state of emergency']]],
    ['The disorders that started on January 2 reached Almaty.', [[K, 'disorders']]],
    ["Kazakistan'da protestolar sürüyor.", [[K, "Kazakistan'da protestolar"]]],
    ['В Казахстане ввели чрезвычайное положение.', [[K, 'чрезвычайное положение']]],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    'The protests spread to other cities.',
    'The riots ended on Sunday.',
    'Kazakhstan is the ninth-largest country in the world.',
    'Kazakhstan beat Belarus 2-1 in Astana.',
    'Беспорядки продолжались всю ночь.',
    'Kazakhstan does not allow protests without prior permission.',
    'Kazakistan hükümetini protesto ettiler.',
  ])('no mention in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('Kazakhstan unrest: the firing order and January-named forms', () => {
  it.each([
    ['Tokayev issued a "shoot to kill" order.', '"shoot to kill" order'],
    [
      'He told troops to fire on protesters without warning.',
      'to fire on protesters without warning',
    ],
    ['"Дан приказ открывать огонь на поражение".', 'приказ открывать огонь на поражение'],
    [
      'Er befahl, ohne Vorwarnung auf Demonstranten zu schießen.',
      'ohne Vorwarnung auf Demonstranten zu schießen',
    ],
    [
      '"J\'ai donné l\'ordre de tirer pour tuer sans sommation"',
      "l'ordre de tirer pour tuer sans sommation",
    ],
    ['Uyarısız ateş emri verildi', 'Uyarısız ateş emri'],
    ['Tokayev blamed the January unrest on terrorists.', 'January unrest'],
    ['Kazakhstan after the 2022 riots', '2022 riots'],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual([[K, expected]]);
  });
});

describe('Kazakhstan unrest: other events are not this one', () => {
  it.each([
    'On 16 December 2011 police fired on striking oil workers in Zhanaozen, Kazakhstan, and the riots spread.',
    'The Zhanaozen massacre of 2011 followed months of protests in Kazakhstan.',
    'Known as Jeltoqsan, the December 1986 protests in Alma-Ata shook Soviet Kazakhstan.',
    'The 1986 riots in Kazakhstan were a sign of the Soviet collapse.',
    'Black January was a crackdown in Baku on 19–20 January 1990.',
    'Black January - Azerbaijan’s path to independence',
    'A state of emergency was declared in eight regions of Kazakhstan because of floods.',
    'President Nazarbayev subjected Zhanaozen to a curfew and state of emergency.',
    'Armenia asked the CSTO for help after clashes with Azerbaijan.',
    'Kazakhstan declared a state of emergency over COVID-19 in March 2020.',
    'Protests in Karakalpakstan broke out in July 2022 and the Uzbek government declared a state of emergency.',
  ])('no mention in %j', (text) => {
    expect(spans(text).filter(([topic]) => topic === K)).toEqual([]);
  });

  it('lets the nearer clue decide when a sentence names two events', () => {
    expect(
      spans('Unlike the 2011 Zhanaozen shooting, the unrest in Kazakhstan in January 2022 spread.'),
    ).toEqual([[K, 'unrest in Kazakhstan']]);
    expect(spans('Unlike the shooting in December 2011, the January 2022 unrest spread.')).toEqual([
      [K, 'January 2022 unrest'],
    ]);
    expect(
      spans('Как и восстание 1986 года, «Кантар» 2022-го принес сотни убитых в Казахстане.'),
    ).toEqual([[K, 'Кантар']]);
  });

  it('absorbs a head noun that follows a named form', () => {
    expect(spans('the Qandy Qantar — “Bloody January” — uprising, seen from Almaty')).toEqual([
      [K, 'Qandy Qantar'],
      [K, 'Bloody January'],
    ]);
  });
});

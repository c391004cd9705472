/** The pure look-ups the card uses to pick what to show for one topic. */
import { describe, expect, it } from 'vitest';
import {
  articlesForTopic,
  backgroundForTopic,
  mentionedPeopleForTopic,
  quotesForTopic,
  speakersForTopic,
  topicInfo,
  type Article,
  type Speaker,
} from '../../src/core/articles';

const speaker: Speaker = {
  id: 'a-speaker',
  name: 'A Speaker',
  role: 'Analyst',
  position: 'Argues that things happened.',
  quotes: [
    { text: 'On the CSTO.', topics: ['csto'] },
    { text: 'On both.', topics: ['csto', 'kazakhstan-unrest'] },
    { text: 'On the unrest.', topics: ['kazakhstan-unrest'] },
  ],
};

function article(id: string, topics: Article['topics']): Article {
  return {
    id,
    sourceText: `${id}.txt`,
    attribution: {
      publisher: 'P',
      headline: 'H',
      url: 'https://example.org/',
      published: '2022-01-10T09:26:00+04:00',
      dateline: 'D',
      section: 'S',
    },
    topics,
    speakers: [
      speaker,
      { ...speaker, id: 'silent-on-unrest', quotes: [{ text: 'Only CSTO.', topics: ['csto'] }] },
    ],
    mentionedPeople: [
      { id: 'p1', name: 'P1', role: 'R', context: 'C', topics: ['csto'] },
      { id: 'p2', name: 'P2', role: 'R', context: 'C', topics: ['kazakhstan-unrest'] },
    ],
    background: [
      { id: 'f1', statement: 'F1', topics: ['kazakhstan-unrest'] },
      { id: 'f2', statement: 'F2', topics: ['csto', 'kazakhstan-unrest'] },
    ],
  };
}

const cstoOnly = article('csto-only', { csto: { name: 'CSTO', summary: 'S.' } });
const both = article('both', {
  csto: { name: 'CSTO', summary: 'S.' },
  'kazakhstan-unrest': { name: 'Unrest', summary: 'U.' },
});

describe('article look-ups', () => {
  it('articlesForTopic keeps the articles that describe the topic, in order', () => {
    expect(articlesForTopic([cstoOnly, both], 'csto').map((a) => a.id)).toEqual([
      'csto-only',
      'both',
    ]);
    expect(articlesForTopic([cstoOnly, both], 'kazakhstan-unrest').map((a) => a.id)).toEqual([
      'both',
    ]);
  });

  it('topicInfo gives the name and summary, or undefined', () => {
    expect(topicInfo(both, 'kazakhstan-unrest')).toEqual({ name: 'Unrest', summary: 'U.' });
    expect(topicInfo(cstoOnly, 'kazakhstan-unrest')).toBeUndefined();
  });

  it('quotesForTopic keeps quotes tagged with the topic', () => {
    expect(quotesForTopic(speaker, 'csto').map((q) => q.text)).toEqual([
      'On the CSTO.',
      'On both.',
    ]);
    expect(quotesForTopic(speaker, 'kazakhstan-unrest').map((q) => q.text)).toEqual([
      'On both.',
      'On the unrest.',
    ]);
  });

  it('speakersForTopic drops speakers with nothing on the topic and trims the rest', () => {
    const unrest = speakersForTopic(both, 'kazakhstan-unrest');
    expect(unrest.map((s) => s.id)).toEqual(['a-speaker']);
    expect(unrest[0]?.quotes.map((q) => q.text)).toEqual(['On both.', 'On the unrest.']);
    expect(speakersForTopic(both, 'csto').map((s) => s.id)).toEqual([
      'a-speaker',
      'silent-on-unrest',
    ]);
    expect(both.speakers[0]?.quotes).toHaveLength(3); // the data itself is untouched
  });

  it('mentionedPeopleForTopic and backgroundForTopic filter by tag', () => {
    expect(mentionedPeopleForTopic(both, 'csto').map((p) => p.id)).toEqual(['p1']);
    expect(backgroundForTopic(both, 'csto').map((f) => f.id)).toEqual(['f2']);
    expect(backgroundForTopic(both, 'kazakhstan-unrest').map((f) => f.id)).toEqual(['f1', 'f2']);
  });
});

import { describe, expect, it } from 'vitest';
import { asMentionsReply } from '../../src/shared/mentions-reply';

describe('asMentionsReply', () => {
  it('keeps a well-formed reply', () => {
    const reply = {
      active: true,
      mentions: [{ index: 0, topic: 'csto', text: 'CSTO' }],
      hostname: 'example.com',
    };
    expect(asMentionsReply(reply)).toEqual(reply);
  });

  it('is undefined for anything that is not a reply', () => {
    for (const value of [
      undefined,
      null,
      'ok',
      3,
      { active: 'yes', mentions: [] },
      { active: true },
    ]) {
      expect(asMentionsReply(value)).toBeUndefined();
    }
  });

  it('drops malformed mentions and a non-string host, keeps the rest', () => {
    expect(
      asMentionsReply({
        active: true,
        hostname: 42,
        mentions: [
          { index: 1, topic: 'kazakhstan-unrest', text: 'Bloody January' },
          { index: -1, topic: 'csto', text: 'x' },
          { index: 2.5, topic: 'csto', text: 'x' },
          { index: 3, topic: 'nato', text: 'NATO' },
          { index: 4, topic: 'csto' },
          null,
        ],
      }),
    ).toEqual({
      active: true,
      mentions: [{ index: 1, topic: 'kazakhstan-unrest', text: 'Bloody January' }],
    });
  });
});

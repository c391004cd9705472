import { describe, expect, it } from 'vitest';
import { IntervalIndex } from '../../src/content/interval-index';

describe('IntervalIndex', () => {
  it('finds the interval under a caret offset, both ends included', () => {
    const index = new IntervalIndex<string, string>();
    index.add('node', { start: 4, end: 8, value: 'CSTO' });
    index.add('node', { start: 20, end: 30, value: 'Kazakhstan' });
    expect(index.at('node', 3)).toBeUndefined();
    expect(index.at('node', 4)).toBe('CSTO');
    expect(index.at('node', 8)).toBe('CSTO');
    expect(index.at('node', 9)).toBeUndefined();
    expect(index.at('node', 25)).toBe('Kazakhstan');
    expect(index.at('other', 5)).toBeUndefined();
  });

  it('keeps intervals sorted when they arrive out of order', () => {
    const index = new IntervalIndex<string, string>();
    index.add('node', { start: 20, end: 30, value: 'late' });
    index.add('node', { start: 0, end: 5, value: 'early' });
    expect(index.at('node', 2)).toBe('early');
    expect(index.at('node', 21)).toBe('late');
  });

  it('removes a value and forgets keys left empty', () => {
    const index = new IntervalIndex<string, string>();
    index.add('a', { start: 0, end: 4, value: 'x' });
    index.add('b', { start: 0, end: 4, value: 'x' });
    index.add('b', { start: 6, end: 9, value: 'y' });
    index.remove('a', 'x');
    index.remove('b', 'x');
    expect(index.size).toBe(1);
    expect(index.at('b', 2)).toBeUndefined();
    expect(index.at('b', 7)).toBe('y');
    index.clear();
    expect(index.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { countText, listSummary } from '../../src/shared/story-row-parts.ts';

describe('the story list summary', () => {
  it('groups thousands with commas, as English writes counts', () => {
    expect([0, 7, 999, 1000, 12_345, 100_000, 1_234_567].map(countText)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '12,345',
      '100,000',
      '1,234,567',
    ]);
  });

  it('names stories and articles in the singular or plural', () => {
    expect(listSummary(4894, 10_000)).toBe('4,894 stories from 10,000 articles');
    expect(listSummary(1, 1)).toBe('1 story from 1 article');
    expect(listSummary(0, 0)).toBe('0 stories from 0 articles');
  });
});

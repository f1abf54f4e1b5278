/** A headline for a page copied without one, from its lede. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract/extract-article.ts';
import { ledeHeadline } from '../../src/ingest/extract/lede-headline.ts';

describe('ledeHeadline', () => {
  it('takes a short first sentence whole, without its full stop', () => {
    expect(ledeHeadline('The bridge reopened on Monday. Traffic was light.')).toBe('The bridge reopened on Monday');
  });

  it('does not end the sentence at an initial or an abbreviation', () => {
    expect(ledeHeadline('Raúl R. Labrador met U.S. officials. They talked.')).toBe(
      'Raúl R. Labrador met U.S. officials',
    );
  });

  it('cuts a long sentence at its last clause boundary within sixteen words', () => {
    expect(
      ledeHeadline(
        'European transport ministers agreed on Thursday to phase out short flights, a compromise that exempts connecting flights and islands.',
      ),
    ).toBe('European transport ministers agreed on Thursday to phase out short flights…');
  });

  it('cuts at sixteen words when no clause boundary keeps six', () => {
    const words =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    expect(ledeHeadline(`Start ${words}.`)).toBe(
      'Start one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen…',
    );
  });

  it('gives nothing for an empty paragraph', () => {
    expect(ledeHeadline('   ')).toBeNull();
  });
});

describe('a headline-only file', () => {
  it('keeps a headline that starts with a name in camel case whole', () => {
    const article = extractArticle(
      'iPhone 6 concept shows a slimmer phone vs. Titanfall: Launch Event to Unveil Surprise, inFamous ...\n',
      'a.txt',
    );
    expect(article.headline).toBe(
      'iPhone 6 concept shows a slimmer phone vs. Titanfall: Launch Event to Unveil Surprise, inFamous ...',
    );
    expect(article.blocks).toEqual([]);
  });
});

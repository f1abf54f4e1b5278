import { describe, expect, it } from 'vitest';
import { foldSearchTerm } from '../../src/shared/search-options.ts';

describe('foldSearchTerm', () => {
  it('lowercases plain words', () => {
    expect(foldSearchTerm('Jeddah')).toBe('jeddah');
    expect(foldSearchTerm('COVID-19')).toBe('covid-19');
  });

  it('folds accents so accented and plain spellings meet', () => {
    expect(foldSearchTerm('Café')).toBe('cafe');
    expect(foldSearchTerm('Zürich')).toBe('zurich');
    expect(foldSearchTerm('São')).toBe(foldSearchTerm('sao'));
  });

  it('decomposes compatibility forms and keeps scripts without case', () => {
    expect(foldSearchTerm('ﬁnance')).toBe('finance');
    expect(foldSearchTerm('Ελλάδα')).toBe('ελλαδα');
    expect(foldSearchTerm('東京')).toBe('東京');
  });
});

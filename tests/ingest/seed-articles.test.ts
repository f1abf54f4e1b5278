/**
 * The two bundled articles (two outlets' copies of one Reuters story), checked point by point against
 * what the walking-skeleton issue asks of the extractor. The golden files pin every field; these tests
 * say in words which of those fields matter and why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/ingest/extract/body-text.ts';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import type { Block } from '../../src/shared/article-schema.ts';

function seed(name: string) {
  return extractArticleFromBytes(readFileSync(new URL(`../../articles/${name}`, import.meta.url)), name);
}
const copyA = seed('000_35ecf8471d5c1db4.txt');
const copyB = seed('001_ce27524887c080ba.txt');

function allBlockText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.type === 'highlights' ? b.items.join('\n') : b.text)).join('\n');
}

describe('the bundled seed articles', () => {
  it('finds both headlines', () => {
    expect(copyA.headline).toBe(
      'US to resume security support to Ukraine as Kyiv says it is ready to accept ceasefire proposal',
    );
    expect(copyB.headline).toBe('US to resume security support to Ukraine after Kyiv accepts ceasefire');
  });

  it.each([
    'Subscribe Now',
    'Start Free Account',
    'Already a Subscriber',
    'Top Stories',
    'Comments',
    'See what people are discussing',
    'More from World',
    'UAE denies imposing',
    'Foreign Minister Ishaq Dar clarifies',
  ])('keeps "%s" out of every body block of both copies', (phrase) => {
    expect(allBlockText(copyA.blocks)).not.toContain(phrase);
    expect(allBlockText(copyB.blocks)).not.toContain(phrase);
  });

  it('keeps the removed page furniture, with reasons, so nothing is silently lost', () => {
    expect(copyB.removed.map((r) => r.text)).toEqual(
      expect.arrayContaining(['Top Stories', 'Comments', 'More from World', copyB.headline]),
    );
    expect(copyA.removed.some((r) => r.text.startsWith('Subscribe Now'))).toBe(true);
    for (const r of [...copyA.removed, ...copyB.removed]) expect(r.reason).not.toBe('');
  });

  it('does not repeat the headline in the body', () => {
    expect(copyB.blocks.filter((b) => b.type !== 'highlights' && b.text === copyB.headline)).toEqual([]);
  });

  it('reads the dateline of copy 000 and starts its body after it', () => {
    expect(copyA.dateline).toBe('JEDDAH');
    expect(bodyText(copyA).startsWith('The United States agreed on Tuesday')).toBe(true);
  });

  it('reads the standfirst of copy 001', () => {
    expect(copyB.standfirst).toBe(
      'Marco Rubio states US would take ceasefire offer to Russia, with hopes for a quick response',
    );
  });

  it('makes the photo caption of copy 001 a caption block credited to Reuters', () => {
    const captions = copyB.blocks.filter((b) => b.type === 'caption');
    expect(captions).toHaveLength(1);
    expect(captions[0]).toMatchObject({ credit: 'Reuters' });
    expect(captions[0]?.text).toMatch(/^U\.S Secretary of State Marco Rubio.*March 11, 2025\.$/);
  });

  it('makes the three bullet lines of copy 001 one highlights block', () => {
    const highlights = copyB.blocks.filter((b) => b.type === 'highlights');
    expect(highlights).toEqual([
      expect.objectContaining({
        items: [
          'US resumes intelligence sharing, security assistance for Kyiv',
          "Rubio says he will present offer to Moscow, ball in Russia's court",
          'Ukraine, US agree to conclude minerals deal as soon as possible',
        ],
      }),
    ]);
  });

  it('makes the three subheadings of copy 001 subheading blocks', () => {
    expect(copyB.blocks.filter((b) => b.type === 'subheading').map((b) => b.text)).toEqual([
      "Russia's response",
      'Will Russia agree?',
      'Ukraine ramps up attack',
    ]);
  });

  it('leaves captions, credits and highlights out of the plain body text', () => {
    const text = bodyText(copyB);
    expect(text.startsWith('The United States agreed to resume military aid')).toBe(true);
    expect(text).not.toContain('Mosaad bin Mohammad Al-Aiban');
    expect(text).not.toContain('Reuters\n');
    expect(text).not.toContain('US resumes intelligence sharing');
    expect(text.endsWith("caused a short shutdown at Moscow's four airports.")).toBe(true);
  });

  it('gives both copies English, left to right, a word count and a reading time', () => {
    for (const a of [copyA, copyB]) {
      expect(a.language).toBe('en');
      expect(a.direction).toBe('ltr');
      expect(a.wordCount).toBeGreaterThan(300);
      expect(a.readingMinutes).toBeGreaterThanOrEqual(1);
    }
  });
});

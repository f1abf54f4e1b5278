/**
 * Golden files: each folder holds a page's text (`input.txt`) beside the article the extractor must make
 * of it (`expected.json`). Compared field by field and block by block, so a failure names what changed.
 *
 * Regenerate after an intended change, then review the diff and commit it on its own:
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/golden
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/article-schema.ts';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';

const GOLDEN_DIR = new URL('./', import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(GOLDEN_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function extractCase(name: string): Article {
  return extractArticleFromBytes(readFileSync(new URL(`${name}/input.txt`, GOLDEN_DIR)), `${name}.txt`);
}

describe.each(cases)('golden case %s', (name) => {
  const expectedUrl = new URL(`${name}/expected.json`, GOLDEN_DIR);
  const actual = extractCase(name);
  if (update || !existsSync(expectedUrl)) writeFileSync(expectedUrl, `${JSON.stringify(actual, null, 2)}\n`);
  const expected = JSON.parse(readFileSync(expectedUrl, 'utf8')) as Article;

  const { blocks, removed, ...metadata } = actual;
  const { blocks: expectedBlocks, removed: expectedRemoved, ...expectedMetadata } = expected;

  it.each(Object.keys(expectedMetadata))('has the expected %s', (field) => {
    expect(metadata[field as keyof typeof metadata]).toEqual(expectedMetadata[field as keyof typeof expectedMetadata]);
  });

  it('has the expected blocks, in order', () => {
    expect(blocks.map((b) => b.type)).toEqual(expectedBlocks.map((b) => b.type));
    blocks.forEach((block, i) => expect(block, `block ${i}`).toEqual(expectedBlocks[i]));
  });

  it('removes the expected lines for the expected reasons', () => {
    expect(removed).toEqual(expectedRemoved);
  });
});

/**
 * The extraction cache: a second build extracts only what changed, gives the same articles as a build
 * without it, survives a damaged shard, and keeps nothing for files that are gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractInputs, extractInputsInParallel, type ExtractedCorpus } from '../../src/ingest/extract-inputs.ts';
import { ExtractionCache } from '../../src/ingest/extract/extraction-cache.ts';
import type { InputFile } from '../../src/ingest/read-inputs.ts';
import type { Article } from '../../src/shared/article-schema.ts';

const GOLDEN = join('tests', 'golden');

function goldenInputs(): InputFile[] {
  return readdirSync(GOLDEN, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ file: `${d.name}.txt`, bytes: readFileSync(join(GOLDEN, d.name, 'input.txt')) }));
}

/**
 * Articles and failures as the build writes them: an article read back from the cache reads its text
 * through its prototype, so it equals a fresh one in what it serialises to and what its fields read.
 */
const withoutKeys = ({ articles, failed }: { articles: readonly Article[]; failed: ExtractedCorpus['failed'] }) =>
  JSON.parse(JSON.stringify({ articles, failed })) as unknown;

/** Counts the files handed to the extractor: every step report names how many are done. */
async function buildWith(cache: ExtractionCache, inputs: readonly InputFile[]) {
  const extractedBefore = inputs.length;
  let reportedFrom = extractedBefore;
  const result = await extractInputsInParallel(inputs, {
    threads: 1,
    cache,
    onStep: (done) => {
      reportedFrom = Math.min(reportedFrom, done);
    },
  });
  // The first step report comes before the first file extracted: `done` is then the number of hits.
  // Each article carries its cache key (what the output manifest keys its files by); the articles and
  // failures are compared with extraction without a cache.
  const keys = new Map(inputs.map((input) => [input.file, cache.keyOf(input)]));
  for (const article of result.articles) expect(result.keyOf.get(article.id)).toBe(keys.get(article.sourceFile));
  expect(result.keyOf.size).toBe(result.articles.length);
  return { corpus: result, articles: result.articles, hits: reportedFrom };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'broadsheet-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ExtractionCache', () => {
  it('gives the same articles as extraction without a cache, from the first build and the second', async () => {
    const inputs = goldenInputs();
    const expected = await extractInputs(inputs);
    const first = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(first.hits).toBe(0);
    expect(withoutKeys(first.corpus)).toEqual(withoutKeys(expected));
    const second = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(withoutKeys(second.corpus)).toEqual(withoutKeys(expected));
    expect(second.hits).toBe(inputs.length);
    expect(second.articles.map((a) => [a.blocks, a.removed])).toEqual(
      expected.articles.map((a) => [a.blocks, a.removed]),
    );
  });

  it('keeps its meta files in ASCII and gives back text outside it unchanged', async () => {
    const headline = 'Kyiv’s “grain” deal: 穀物 and 🌾 — résumé';
    const inputs = [
      {
        file: 'wide.txt',
        bytes: Buffer.from(`${headline}\n\nThe deal’s first ship left on Monday, officials said.\n`),
      },
    ];
    const first = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(first.articles[0]?.headline).toBe(headline);
    const metas = readdirSync(join(root, 'v1')).filter((name) => /^[0-9a-f]{2}\.meta\.jsonl$/.test(name));
    expect(metas).toHaveLength(1);
    expect(readFileSync(join(root, 'v1', metas[0] ?? ''), 'utf8')).toMatch(/^[ -~\n]*$/);
    const second = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(second.hits).toBe(1);
    expect(withoutKeys(second.corpus)).toEqual(withoutKeys(first.corpus));
  });

  it('extracts again only the changed and the new files', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const changed = inputs.map((input, i) =>
      i === 0 ? { file: input.file, bytes: Buffer.concat([input.bytes, Buffer.from('\nOne more line.\n')]) } : input,
    );
    const added = [...changed, { file: 'new-article.txt', bytes: Buffer.from('A new headline\n\nA new body line.\n') }];
    const cache = new ExtractionCache(root, 'v1');
    const keys = added.map((input) => cache.keyOf(input));
    const found = cache.lookup(keys);
    expect(found.filter((o) => o === undefined)).toHaveLength(2);
    expect(found[0]).toBeUndefined();
    expect(found.at(-1)).toBeUndefined();
    const rebuilt = await buildWith(new ExtractionCache(root, 'v1'), added);
    expect(withoutKeys(rebuilt.corpus)).toEqual(withoutKeys(await extractInputs(added)));
    // The rebuild kept what it extracted: the next build finds every file cached.
    const again = new ExtractionCache(root, 'v1');
    expect(again.lookup(added.map((input) => again.keyOf(input))).filter((o) => o === undefined)).toEqual([]);
  });

  it('in a rebuild of a large corpus, takes the read files’ extraction from a worker and the rest from here', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    // As the input index gives them: most vouched for; the first changed (read, not cached), the second
    // read but unchanged (cached after all), and the third vouched for but missing from the cache
    // (its shard damaged), which this thread extracts.
    const vouched = (input: InputFile): InputFile => ({ ...input, vouched: true });
    const [first, second, third, ...rest] = inputs;
    if (first === undefined || second === undefined || third === undefined) throw new Error('too few golden cases');
    const changed = { file: first.file, bytes: Buffer.concat([first.bytes, Buffer.from('\nOne more line.\n')]) };
    const cache = new ExtractionCache(root, 'v1');
    const damaged = readdirSync(join(root, 'v1')).find(
      (name) => name === `${cache.keyOf(third).slice(0, 2)}.meta.jsonl`,
    );
    if (damaged === undefined) throw new Error('no shard for the third file');
    writeFileSync(join(root, 'v1', damaged), '{"truncated": ');
    const now = [changed, second, vouched(third), ...rest.map(vouched)];
    const result = await extractInputsInParallel(now, { threads: 2, minForWorkers: 3, minVouchedForEarly: 3, cache });
    expect(withoutKeys(result)).toEqual(withoutKeys(await extractInputs(now)));
    expect(result.articles.map((a) => a.sourceFile)).toEqual(
      (await extractInputs(now)).articles.map((a) => a.sourceFile),
    );
  });

  it('reuses nothing made by another extractor version, and removes it', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const next = await buildWith(new ExtractionCache(root, 'v2'), inputs);
    expect(next.hits).toBe(0);
    expect(readdirSync(root)).toEqual(['v2']);
  });

  it('treats a shard with a damaged file, its articles’ or their bodies’, as empty and rewrites it', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const metas = readdirSync(join(root, 'v1')).filter((name) => !name.endsWith('.body.jsonl'));
    const [first = '', second = ''] = metas;
    const bodyOf = (meta: string) =>
      readdirSync(join(root, 'v1')).find((name) => name.startsWith(meta.slice(0, 2)) && name.endsWith('.body.jsonl')) ??
      '';
    writeFileSync(join(root, 'v1', first), '{"truncated": ');
    const body = readFileSync(join(root, 'v1', bodyOf(second)), 'utf8');
    writeFileSync(join(root, 'v1', bodyOf(second)), body.slice(0, -2));
    const again = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(withoutKeys(again.corpus)).toEqual(withoutKeys(await extractInputs(inputs)));
    expect(again.hits).toBeLessThan(inputs.length - 1);
    for (const name of [first, bodyOf(second)]) {
      const lines = readFileSync(join(root, 'v1', name), 'utf8').split('\n');
      expect(lines.at(-1)).toBe('');
      for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
  });

  it('treats a meta file that lost whole lines of entries as damaged, not as a shard of fewer articles', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const cache = new ExtractionCache(root, 'v1');
    const byShard = new Map<string, number>();
    for (const input of inputs) {
      const shard = cache.keyOf(input).slice(0, 2);
      byShard.set(shard, (byShard.get(shard) ?? 0) + 1);
    }
    const [shard] = [...byShard].find(([, count]) => count >= 2) ?? [];
    if (shard === undefined) throw new Error('no shard holds two golden cases');
    const path = join(root, 'v1', `${shard}.meta.jsonl`);
    const lines = readFileSync(path, 'utf8').split('\n');
    // The header and every entry but the last, each line whole and ended.
    writeFileSync(path, `${lines.slice(0, -2).join('\n')}\n`);
    const found = cache.lookup(inputs.map((input) => cache.keyOf(input)));
    const inShard = inputs.filter((input) => cache.keyOf(input).startsWith(shard));
    expect(inShard.length).toBeGreaterThanOrEqual(2);
    // None of the shard's entries is trusted, and every other shard's still is.
    expect(found.filter((outcome) => outcome === undefined)).toHaveLength(inShard.length);
    const again = await buildWith(new ExtractionCache(root, 'v1'), inputs);
    expect(withoutKeys(again.corpus)).toEqual(withoutKeys(await extractInputs(inputs)));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(inShard.length + 2);
  });

  it('reads an article’s text from its shard’s body file only when something asks for it', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const [article] = (await buildWith(new ExtractionCache(root, 'v1'), inputs)).articles;
    const bodies = readdirSync(join(root, 'v1')).filter((name) => name.endsWith('.body.jsonl'));
    // The bodies are gone after the articles were read: asking for one names the file.
    for (const name of bodies) rmSync(join(root, 'v1', name));
    expect(article?.headline).toBeTruthy();
    expect(() => article?.blocks).toThrow(/body\.jsonl/);
  });

  it('rewrites a shard whose file changed into another of the same shard, its count unchanged', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const cache = new ExtractionCache(root, 'v1');
    const [first, ...rest] = inputs;
    if (first === undefined) throw new Error('no golden inputs');
    // An edit whose key falls in the same shard (the key's first two hex digits) as the file's old key.
    const shardOf = (input: InputFile) => cache.keyOf(input).slice(0, 2);
    let edited = first;
    for (let n = 0; shardOf(edited) !== shardOf(first) || edited === first; n++) {
      edited = { file: first.file, bytes: Buffer.concat([first.bytes, Buffer.from(`\nEdit ${n}.\n`)]) };
    }
    await buildWith(new ExtractionCache(root, 'v1'), [edited, ...rest]);
    const again = new ExtractionCache(root, 'v1');
    const found = again.lookup([edited, ...rest].map((input) => again.keyOf(input)));
    expect(found.filter((o) => o === undefined)).toEqual([]);
  });

  it('rewrites only the body files whose articles changed, and reads the kept ones’ text back whole', async () => {
    const key = (input: InputFile) => new ExtractionCache(root, 'v1').keyOf(input);
    const story = (n: number) =>
      Buffer.from(`Harbour wall repairs begin in town ${n}\n\nWork on the wall in town ${n} began on Monday.\n`);
    // Twenty files whose keys share one shard (their first two hex digits), spread over its body files.
    const inputs: InputFile[] = [];
    for (let n = 0; inputs.length < 20; n++) {
      const input = { file: `town-${n}.txt`, bytes: story(n) };
      if (key(input).startsWith('00')) inputs.push(input);
    }
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const bodyFiles = () =>
      new Map(
        readdirSync(join(root, 'v1'))
          .filter((name) => name.endsWith('.body.jsonl'))
          .map((name) => [name, statSync(join(root, 'v1', name)).ino]),
      );
    const before = bodyFiles();
    const [first, ...rest] = inputs;
    if (first === undefined) throw new Error('no inputs');
    const edited = { file: first.file, bytes: Buffer.concat([first.bytes, Buffer.from('A line more.\n')]) };
    const now = [edited, ...rest];
    await buildWith(new ExtractionCache(root, 'v1'), now);
    const after = bodyFiles();
    const touched = new Set([key(first), key(edited)].map((k) => `${k.slice(0, 3)}.body.jsonl`));
    for (const [name, inode] of before) {
      if (!touched.has(name)) expect(after.get(name), name).toBe(inode);
    }
    expect([...before.keys()].filter((name) => !touched.has(name)).length).toBeGreaterThan(3);
    // Every article's text, from kept and rewritten body files alike, is what extraction gives.
    const third = await buildWith(new ExtractionCache(root, 'v1'), now);
    expect(third.hits).toBe(now.length);
    expect(withoutKeys(third.corpus)).toEqual(withoutKeys(await extractInputs(now)));
  });

  it('keeps no entry for a file that is gone', async () => {
    const inputs = goldenInputs();
    await buildWith(new ExtractionCache(root, 'v1'), inputs);
    const [gone, ...rest] = inputs;
    await buildWith(new ExtractionCache(root, 'v1'), rest);
    const cache = new ExtractionCache(root, 'v1');
    const entries = readdirSync(join(root, 'v1'))
      .filter((name) => !name.endsWith('.body.jsonl'))
      .flatMap((name) =>
        readFileSync(join(root, 'v1', name), 'utf8')
          .split('\n')
          .slice(1, -1)
          .map((line) => (JSON.parse(line) as [string, unknown])[0]),
      );
    const bodies = readdirSync(join(root, 'v1'))
      .filter((name) => name.endsWith('.body.jsonl'))
      .flatMap((name) =>
        readFileSync(join(root, 'v1', name), 'utf8')
          .split('\n')
          .slice(0, -1)
          .map((line) => (JSON.parse(line) as [string, unknown])[0]),
      );
    expect(bodies.sort()).toEqual(entries.sort());
    expect(entries).toHaveLength(rest.length);
    expect(entries).not.toContain(cache.keyOf(gone as InputFile));
  });

  it('keys on the file name, the bytes and the extractor version', () => {
    const input = { file: 'a.txt', bytes: new Uint8Array([1, 2]) };
    const key = new ExtractionCache(root).keyOf(input);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new ExtractionCache(root).keyOf({ ...input })).toBe(key);
    expect(new ExtractionCache(root).keyOf({ ...input, file: 'b.txt' })).not.toBe(key);
    expect(new ExtractionCache(root).keyOf({ ...input, bytes: new Uint8Array([1, 3]) })).not.toBe(key);
    expect(new ExtractionCache(root, 'other').keyOf(input)).not.toBe(key);
  });
});

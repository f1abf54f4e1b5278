/**
 * A rebuild into the same folder with the cache on: files whose content did not change are not
 * written again, changed ones are, and the files of an article removed since are deleted.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, type BuildResult } from '../../src/ingest/build-site.ts';
import { contentDigest, OutputManifest } from '../../src/ingest/emit/output-manifest.ts';

let work: string;
let articles: string;
let out: string;
let cache: string;

const story = (place: string, extra = '') =>
  `Flooding closes the ${place} ring road for a second day\n\nPublished 4 March 2025\n\n` +
  `The ${place} ring road stayed closed on Tuesday after the river burst its banks overnight, and the council said repairs to the drains would take until the weekend.${extra}\n\n` +
  `Buses are running on diversions and drivers have been asked to avoid the area around the bridge.\n`;

async function build(): Promise<BuildResult> {
  return buildSite({ articlesDir: articles, outDir: out, cacheDir: cache, skipApp: true, log: () => {} });
}

const mtime = async (path: string) => (await stat(path)).mtimeMs;
const entryFile = (result: BuildResult, source: string) =>
  join(out, 'data', 'articles', `${result.articles.find((a) => a.sourceFile === source)?.id ?? 'missing'}.json`);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-incremental-'));
  articles = join(work, 'articles');
  out = join(work, 'out');
  cache = join(work, 'cache');
  await mkdir(articles);
  await writeFile(join(articles, 'leeds.txt'), story('Leeds'));
  await writeFile(
    join(articles, 'york.txt'),
    "Library reopens after a year of repairs\n\nPublished 3 March 2025\n\nThe city library reopened on Monday after a year of repairs to its roof, with a new children's floor and longer opening hours at weekends.\n",
  );
  await writeFile(
    join(articles, 'hull.txt'),
    'Ferry timetable changes for the winter\n\nThe ferry to the islands will run four times a day from November instead of six, the operator said, because fewer passengers travel in the winter months.\n',
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an incremental rebuild', () => {
  it('rewrites only what changed and deletes what is gone', async () => {
    const first = await build();
    // York's story has only York: its file and feed do not change (its entry does: related lists move).
    const yorkId = first.articles.find((a) => a.sourceFile === 'york.txt')?.id ?? 'missing';
    const york = join(out, 'data', 'story', `${yorkId}.json`);
    const yorkFeed = join(out, 'feeds', 'story', `${yorkId}.xml`);
    const yorkFeedBefore = await mtime(yorkFeed);
    const hull = entryFile(first, 'hull.txt');
    const leeds = entryFile(first, 'leeds.txt');
    const yorkBefore = await mtime(york);
    await new Promise((r) => setTimeout(r, 20));

    await writeFile(join(articles, 'leeds.txt'), story('Leeds', ' A second pump arrived on Wednesday.'));
    await rm(join(articles, 'hull.txt'));
    const second = await build();

    expect(await mtime(york)).toBe(yorkBefore);
    expect(await mtime(yorkFeed)).toBe(yorkFeedBefore);
    const leedsNow = entryFile(second, 'leeds.txt');
    expect(leedsNow).toBe(leeds);
    expect(await readFile(leedsNow, 'utf8')).toContain('A second pump arrived');
    await expect(stat(hull)).rejects.toThrow();
    expect(second.report.built).toBe(2);
  });

  it('does not make again a file whose inputs are the last build’s, unless the code or site URL changed', async () => {
    const before = await build();
    const york = before.articles.find((a) => a.sourceFile === 'york.txt');
    const entry = entryFile(before, 'york.txt');
    const feed = join(out, 'feeds', 'story', `${york?.id ?? 'missing'}.xml`);
    // York's story has York alone, so it bears York's id.
    const copies = join(out, 'data', 'story', `${york?.id ?? 'missing'}.json`);
    // Marks the files: a build that made them again would put back what it makes.
    await writeFile(entry, '{"marked":true}');
    await writeFile(feed, '<marked/>');
    await writeFile(copies, '{"copies":"marked"}');
    await build();
    expect(await readFile(entry, 'utf8')).toBe('{"marked":true}');
    expect(await readFile(feed, 'utf8')).toBe('<marked/>');
    expect(await readFile(copies, 'utf8')).toBe('{"copies":"marked"}');
    // Another site URL is another input of every feed and page: all are made again.
    await buildSite({
      articlesDir: articles,
      outDir: out,
      cacheDir: cache,
      skipApp: true,
      siteUrl: 'https://elsewhere.example.org',
      log: () => {},
    });
    expect(await readFile(feed, 'utf8')).toContain('https://elsewhere.example.org/');
  });

  it('updates the last build’s stories with an added copy, as a build without the cache groups it', async () => {
    const limits = { minArticles: 0, maxChanges: 10, maxDrift: 1 };
    const options = { articlesDir: articles, outDir: out, cacheDir: cache, skipApp: true, log: () => {} };
    await buildSite({ ...options, relateUpdate: limits });
    await writeFile(
      join(articles, 'leeds-2.txt'),
      story('Leeds', ' Engineers said the drains under the bridge had collapsed.').replace(
        'Flooding closes',
        'Floods shut',
      ),
    );
    const updated = await buildSite({ ...options, relateUpdate: limits });
    // The update tokenises only the new copy: the whole-corpus stages do not run.
    expect(updated.stages.map((s) => s.stage)).not.toContain('tokenise');
    await buildSite({ ...options, outDir: join(work, 'clean'), cacheDir: null });
    // A story is named by its first copy by file name: leeds-2.txt.
    const storyId = updated.articles.find((a) => a.sourceFile === 'leeds-2.txt')?.id ?? 'missing';
    const storyIn = (folder: string) => readFile(join(folder, 'data', 'story', `${storyId}.json`), 'utf8');
    const listed = JSON.parse(await storyIn(out)) as { members: { sourceFile: string }[] };
    expect(listed.members.map((m) => m.sourceFile).sort()).toEqual(['leeds-2.txt', 'leeds.txt']);
    expect(await storyIn(out)).toBe(await storyIn(join(work, 'clean')));
    await rm(join(articles, 'leeds-2.txt'));
  });

  it('keeps the sitemap while the articles keep their ids and dates, and remakes it when one is added', async () => {
    const sitemap = join(out, 'sitemap.xml');
    await build();
    const before = await readFile(sitemap, 'utf8');
    const sitemapBefore = await mtime(sitemap);
    const robotsBefore = await mtime(join(out, 'robots.txt'));
    await new Promise((r) => setTimeout(r, 20));
    // A changed body: the same id and date.
    await writeFile(join(articles, 'leeds.txt'), story('Leeds', ' Divers checked the bridge piers.'));
    await build();
    expect(await mtime(sitemap)).toBe(sitemapBefore);
    expect(await mtime(join(out, 'robots.txt'))).toBe(robotsBefore);
    expect(await readFile(sitemap, 'utf8')).toBe(before);
    await writeFile(join(articles, 'bath.txt'), story('Bath'));
    const added = await build();
    const bath = added.articles.find((a) => a.sourceFile === 'bath.txt')?.id ?? 'missing';
    expect(await readFile(sitemap, 'utf8')).toContain(`/article/${bath}/`);
    await rm(join(articles, 'bath.txt'));
    const removed = await build();
    expect(removed.articles).toHaveLength(added.articles.length - 1);
    expect(await readFile(sitemap, 'utf8')).toBe(before);
  });

  it('keeps what the relate update left unchanged as a build writing every file makes it', async () => {
    const limits = { minArticles: 0, maxChanges: 10, maxDrift: 1 };
    const options = { articlesDir: articles, cacheDir: cache, relateUpdate: limits, log: () => {} };
    const kept = join(work, 'kept');
    // Stories far from Leeds's: the update leaves them and their lists alone. Dated: a feed of an undated
    // copy holds the build's time.
    const others = {
      'chess.txt':
        'Chess club wins the county league\n\nPublished 2 March 2025\n\nThe chess club won the county league on Saturday, its captain beating the defending champion in a long endgame with a knight against a bishop.\n',
      'bakery.txt':
        'Bakery revives a sourdough starter from 1920\n\nPublished 2 March 2025\n\nA family bakery has revived a sourdough starter kept since 1920, and its loaves now sell out by nine each morning, the owners said.\n',
      'choir.txt':
        'Choir plans summer concerts in the cathedral\n\nPublished 2 March 2025\n\nThe youth choir will sing six summer concerts in the cathedral, with tickets going on sale next week and a matinee for schools.\n',
    };
    for (const [file, text] of Object.entries(others)) await writeFile(join(articles, file), text);
    await buildSite({ ...options, outDir: kept });
    await writeFile(join(articles, 'leeds.txt'), story('Leeds', ' The council opened a second car park.'));
    // The same update into a folder of its own, from a copy of the cache: every file is made and written.
    await cp(cache, join(work, 'cache-copy'), { recursive: true });
    const made = join(work, 'made');
    const written = await buildSite({ ...options, outDir: made, cacheDir: join(work, 'cache-copy') });
    const keepFile = vi.spyOn(OutputManifest.prototype, 'keepFile');
    const updated = await buildSite({ ...options, outDir: kept });
    // Some files were kept as unchanged without being keyed.
    expect(keepFile.mock.results.some((r) => r.value !== undefined)).toBe(true);
    keepFile.mockRestore();
    expect(updated.stages.map((s) => s.stage)).not.toContain('tokenise');
    expect(updated.articles.map((a) => a.id)).toEqual(written.articles.map((a) => a.id));
    const files = async (folder: string) =>
      (await readdir(folder, { recursive: true }))
        // Every file made from the articles but the index, which holds the build's time.
        .filter((name) => /^(data|article|feeds|og)\//.test(name) && /\.(json|html|xml|png)$/.test(name))
        .filter((name) => name !== 'data/index.json')
        .sort();
    const names = await files(made);
    expect(await files(kept)).toEqual(names);
    expect(names.filter((name) => name.startsWith('article/')).length).toBe(updated.articles.length);
    for (const name of names) expect(await readFile(join(kept, name)), name).toEqual(await readFile(join(made, name)));
    for (const file of Object.keys(others)) await rm(join(articles, file));
  }, 30_000);

  it('writes everything again into a folder made anew', async () => {
    await rm(out, { recursive: true, force: true });
    const again = await build();
    for (const a of again.articles)
      expect((await stat(join(out, 'data', 'articles', `${a.id}.json`))).isFile()).toBe(true);
  });
});

describe('OutputManifest', () => {
  it('says a file is unchanged only when the last finished build wrote the same content there', async () => {
    const folder = join(work, 'manifest-out');
    const records = join(work, 'manifest-cache');
    await mkdir(join(folder, 'og'), { recursive: true });
    await writeFile(join(folder, 'og', 'x.png'), 'png');
    const first = new OutputManifest(records, folder);
    expect(first.unchanged(join(folder, 'a.json'), '{"a":1}')).toBe(false);
    expect(first.unchanged(join(folder, 'og', 'x.png'), 'card-key')).toBe(false);
    first.finish();

    // A build that skips the images keeps them: not deleted, and still known to the build after.
    const second = new OutputManifest(records, folder);
    expect(second.unchanged(join(folder, 'a.json'), '{"a":1}')).toBe(true);
    expect(second.unchanged(join(folder, 'b.json'), '{"b":1}')).toBe(false);
    second.keep('og');
    expect(second.finish()).toBe(0);
    expect((await stat(join(folder, 'og', 'x.png'))).isFile()).toBe(true);

    const third = new OutputManifest(records, folder);
    expect(third.unchanged(join(folder, 'og', 'x.png'), 'card-key')).toBe(true);
    // Not finished (a failed build): the next one trusts nothing.
    const fourth = new OutputManifest(records, folder);
    expect(fourth.unchanged(join(folder, 'a.json'), '{"a":1}')).toBe(false);
  });

  it('keeps a file made from the same inputs under the same code version only', async () => {
    const folder = join(work, 'inputs-out');
    const records = join(work, 'inputs-cache');
    await mkdir(folder, { recursive: true });
    const path = join(folder, 'entry.json');
    // reuse takes the file's name in the folder; unchanged, the path written.
    const name = 'entry.json';
    const first = new OutputManifest(records, folder, 'code-1');
    expect(first.reuse(name, 'inputs-a')).toBeUndefined();
    expect(first.unchanged(path, '{"x":1}')).toBe(false);
    first.finish();

    const second = new OutputManifest(records, folder, 'code-1');
    expect(second.reuse(name, 'inputs-b')).toBeUndefined();
    expect(second.reuse(name, 'inputs-a')).toBe(contentDigest('{"x":1}'));
    second.finish();
    // Kept without being made, it is still known to the build after.
    expect(new OutputManifest(records, folder, 'code-1').reuse(name, 'inputs-a')).toBe(contentDigest('{"x":1}'));

    const third = new OutputManifest(records, folder, 'code-1');
    third.unchanged(path, '{"x":1}');
    third.finish();
    // Other code made it: its inputs say nothing, though its content is still compared.
    const fourth = new OutputManifest(records, folder, 'code-2');
    expect(fourth.reuse(name, 'inputs-a')).toBeUndefined();
    expect(fourth.unchanged(path, '{"x":1}')).toBe(true);
  });

  it('keeps a file unkeyed, with its key, and carries the state token and contexts to the next build', async () => {
    const folder = join(work, 'keep-out');
    const records = join(work, 'keep-cache');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'entry.json'), '{"x":1}');
    await writeFile(join(folder, 'plain.json'), '{"p":1}');
    const first = new OutputManifest(records, folder, 'code-1');
    expect(first.previousStateToken).toBe('');
    expect(first.keepFile('entry.json')).toBeUndefined();
    expect(first.reuse('entry.json', 'inputs-a')).toBeUndefined();
    expect(first.unchanged(join(folder, 'entry.json'), '{"x":1}')).toBe(false);
    // Made without a key: a later build cannot keep it unkeyed.
    expect(first.unchanged(join(folder, 'plain.json'), '{"p":1}')).toBe(false);
    expect(first.sameContext('template', 't-1')).toBe(false);
    first.finish('state-1');

    const second = new OutputManifest(records, folder, 'code-1');
    expect(second.previousStateToken).toBe('state-1');
    expect(second.sameContext('template', 't-1')).toBe(true);
    expect(second.keepFile('entry.json')).toBe(contentDigest('{"x":1}'));
    expect(second.keepFile('plain.json')).toBeUndefined();
    expect(second.finish('state-2')).toBe(1);
    // Kept unkeyed, it keeps its key for the build after; the file not produced went.
    const third = new OutputManifest(records, folder, 'code-1');
    expect(third.previousStateToken).toBe('state-2');
    expect(third.reuse('entry.json', 'inputs-a')).toBe(contentDigest('{"x":1}'));
    expect(third.sameContext('template', 't-2')).toBe(false);
    third.finish();
    // Other code: no token, no contexts, nothing kept unkeyed.
    const fourth = new OutputManifest(records, folder, 'code-2');
    expect(fourth.previousStateToken).toBe('');
    expect(fourth.sameContext('template', 't-2')).toBe(false);
    expect(fourth.keepFile('entry.json')).toBeUndefined();
  });

  it('names the files to delete builds later, and forgets a damaged record', async () => {
    const folder = join(work, 'names-out');
    const records = join(work, 'names-cache');
    const names = ['data/articles/a.json', 'article/a/index.html', 'article/b/index.html', 'feeds/story/a.xml'];
    await mkdir(folder, { recursive: true });
    const write = async (manifest: OutputManifest, name: string) => {
      const path = join(folder, name);
      if (manifest.reuse(name, `made-from-${name}`) !== undefined) return;
      if (manifest.unchanged(path, `content of ${name}`)) return;
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, `content of ${name}`);
    };
    const first = new OutputManifest(records, folder);
    for (const name of names) await write(first, name);
    first.finish();
    // The same files again: the record keeps its names as they were.
    const second = new OutputManifest(records, folder);
    for (const name of names) await write(second, name);
    expect(second.skipped).toBe(names.length);
    expect(second.finish()).toBe(0);
    // A build that no longer makes two of them deletes exactly those (and the emptied page folder).
    const third = new OutputManifest(records, folder);
    for (const name of [names[0], names[3]]) await write(third, name ?? '');
    expect(third.finish()).toBe(2);
    await expect(stat(join(folder, 'article'))).resolves.toBeTruthy();
    await expect(stat(join(folder, 'article', 'b'))).rejects.toThrow();
    await expect(stat(join(folder, 'data/articles/a.json'))).resolves.toBeTruthy();
    const fourth = new OutputManifest(records, folder);
    expect(fourth.reuse('feeds/story/a.xml', 'made-from-feeds/story/a.xml')).toBeDefined();
    expect(fourth.reuse('article/b/index.html', 'made-from-article/b/index.html')).toBeUndefined();
    fourth.unchanged(join(folder, 'data/articles/a.json'), 'content of data/articles/a.json');
    fourth.finish();

    const [record = ''] = (await readdir(records)).map((name) => join(records, name));
    await writeFile(record, (await readFile(record)).subarray(0, 40));
    const damaged = new OutputManifest(records, folder);
    expect(damaged.unchanged(join(folder, 'data/articles/a.json'), 'content of data/articles/a.json')).toBe(false);
    // Nothing it cannot name is deleted.
    expect(damaged.finish()).toBe(0);
  });

  it('records and names the files of a site as large as the benchmark’s, written by a first build', async () => {
    const folder = join(work, 'large-out');
    const records = join(work, 'large-cache');
    await mkdir(folder, { recursive: true });
    const names = Array.from({ length: 150_000 }, (_, i) => `data/articles/a${i}.json`);
    const first = new OutputManifest(records, folder);
    for (const name of names) first.unchanged(join(folder, name), name);
    first.finish();
    const second = new OutputManifest(records, folder);
    const same = names.slice(1).filter((name) => second.unchanged(join(folder, name), name));
    expect(same).toHaveLength(names.length - 1);
    // The one not made again is forgotten (the record's files are named only to delete them: this one was
    // never written, so nothing is deleted).
    expect(second.finish()).toBe(0);
    expect(new OutputManifest(records, folder).unchanged(join(folder, names[0] ?? ''), names[0] ?? '')).toBe(false);
  });

  it('keeps naming every file right through builds that add and remove files at either end and between', async () => {
    const folder = join(work, 'turnover-out');
    const records = join(work, 'turnover-cache');
    await mkdir(folder, { recursive: true });
    const build = async (names: readonly string[]) => {
      const manifest = new OutputManifest(records, folder);
      for (const name of names) {
        if (manifest.unchanged(join(folder, name), `content of ${name}`)) continue;
        await writeFile(join(folder, name), `content of ${name}`);
      }
      return { removed: manifest.finish(), kept: manifest.skipped };
    };
    const files = (...ids: string[]) => ids.map((id) => `${id}.json`);
    expect(await build(files('a', 'b', 'café', 'd', 'e'))).toEqual({ removed: 0, kept: 0 });
    // One added, none gone.
    expect(await build(files('a', 'b', 'café', 'd', 'e', 'g'))).toEqual({ removed: 0, kept: 5 });
    // The first, a middle one and the last two go; one is added: the rest are still known by name and content.
    expect(await build(files('b', 'd', 'naïve-ü'))).toEqual({ removed: 4, kept: 2 });
    expect((await readdir(folder)).sort()).toEqual(files('b', 'd', 'naïve-ü'));
    expect(await build(files('d', 'naïve-ü', 'f'))).toEqual({ removed: 1, kept: 2 });
    // The name added two builds ago is deleted by its name.
    expect(await build(files('f'))).toEqual({ removed: 2, kept: 1 });
    expect(await readdir(folder)).toEqual(files('f'));
    expect(await build([])).toEqual({ removed: 1, kept: 0 });
    expect(await readdir(folder)).toEqual([]);
  });
});
